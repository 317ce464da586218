package org.vprobjectivity.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The outside-confirmation statistics on examples small enough to compute by hand. */
class ExamGapTest {

    @Test
    void standingsAreWeightedZScores() {
        // M = (1·10 + 3·14)/4 = 13; S² = (1·9 + 3·1)/4 = 3
        double[] z = ExamGap.standings(new double[] {10, 14}, new double[] {1, 3});
        assertThat(z[0]).isCloseTo(-3 / Math.sqrt(3), within(1e-12));
        assertThat(z[1]).isCloseTo(1 / Math.sqrt(3), within(1e-12));
        assertThat(ExamGap.standings(new double[] {5, 5}, new double[] {1, 1})[0]).isNaN();
    }

    @Test
    void gapAgainstTheRobustLineByHand() {
        double[] v = {-1, -0.5, 0, 0.5, 1};
        double[] e = {-0.8, -0.6, 0.1, 0.3, 0.2};
        double[] none = new double[5];
        // Pairwise slopes Δe/Δv: 0.4, 0.9, 0.7333, 0.5, 1.4, 0.9, 0.5333, 0.4, 0.1, −0.2; sorted, the median of the ten is
        // (0.5 + 0.5333)/2 = 31/60. e − b·v: −0.2833, −0.3417, 0.1, 0.0417, −0.3167, median a = −17/60.
        // Residuals r: 0, −0.0583, 0.3833, 0.325, −0.0333; MAD = 7/120; τ² = (1.4826·7/120)² = 0.0074797.
        ExamGap.Fit fit = ExamGap.gap(v, none, e, none);
        assertThat(fit.slope()).isCloseTo(31.0 / 60, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(-17.0 / 60, within(1e-12));
        assertThat(fit.tau2()).isCloseTo(Math.pow(1.4826 * 7 / 120, 2), within(1e-12));
        // school 2: r = −7/120 = −MAD, gap_z = 1/1.4826 = 0.67449, p = 1 − Φ(0.67449) = 0.25
        assertThat(fit.gapZ()[1]).isCloseTo(1 / 1.4826, within(1e-9));
        assertThat(fit.p()[1]).isCloseTo(0.25, within(1e-6));
        // schools 3 and 4 stand higher on the exam than the line: p near 1
        assertThat(fit.p()[2]).isGreaterThan(0.999);

        // school 5's VPR standing is noisy (v = 0.04): the median noise stays 0, so τ² is unchanged and its variance is
        // τ² + b²·0.04 = 0.0074797 + 0.0106778 = 0.0181575; gap_z = (1/30)/0.134750 = 0.24737, p = 0.40231
        ExamGap.Fit noisy = ExamGap.gap(v, new double[] {0, 0, 0, 0, 0.04}, e, none);
        assertThat(noisy.tau2()).isCloseTo(fit.tau2(), within(1e-15));
        assertThat(noisy.gapZ()[4]).isCloseTo(0.24737, within(1e-5));
        assertThat(noisy.p()[4]).isCloseTo(0.40231, within(1e-5));
        assertThat(ExamGap.gap(new double[] {1, 2}, new double[2], new double[] {1, 2}, new double[2])).isNull();
    }

    @Test
    void aFallingLineIsFlooredAtZero() {
        // exam standings falling with the VPR's: no confirmation model; b = 0 judges each school by its exam standing alone
        ExamGap.Fit fit = ExamGap.gap(new double[] {-1, 0, 1}, new double[3], new double[] {1, 0, -1}, new double[3]);
        assertThat(fit.slope()).isZero();
        assertThat(fit.intercept()).isZero();
    }
}
