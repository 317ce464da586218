package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TailsTest {

    /*
     * p = 0.1, 0.2: X = −2·ln(0.02); df = 4, so P(χ²₄ ≥ X) = e^{−X/2}(1 + X/2) = 0.02·(1 − ln 0.02).
     * k = 3: P(χ²₆ ≥ X) = e^{−X/2}(1 + X/2 + (X/2)²/2).
     * One p-value: P(χ²₂ ≥ −2 ln p) = p.
     */
    @Test
    void handExamples() {
        assertThat(Tails.combinedFisher(new double[] {0.1, 0.2}))
                .isCloseTo(0.02 * (1 - Math.log(0.02)), within(1e-12));
        assertThat(Tails.fisherStatistic(new double[] {0.1, 0.2})).isCloseTo(-2 * Math.log(0.02), within(1e-12));
        double h = -Math.log(0.05 * 0.5 * 0.9);
        assertThat(Tails.combinedFisher(new double[] {0.05, 0.5, Double.NaN, 0.9}))
                .isCloseTo(Math.exp(-h) * (1 + h + h * h / 2), within(1e-12));
        assertThat(Tails.combinedFisher(new double[] {0.37})).isCloseTo(0.37, within(1e-12));
    }

    @Test
    void degenerate() {
        assertThat(Tails.combinedFisher(new double[0])).isNaN();
        assertThat(Tails.combinedFisher(new double[] {Double.NaN})).isNaN();
        assertThat(Tails.combinedFisher(new double[] {0.0, 0.5})).isEqualTo(0.0);
        assertThat(Tails.combinedFisher(new double[] {1.0, 1.0})).isCloseTo(1.0, within(1e-15));
        assertThat(Tails.combinedFisher(new double[] {1.2})).isNaN();
        assertThat(Tails.combinedFisher(new double[] {-0.1, 0.5})).isNaN();
    }

    /*
     * Simes over {0.04, 0.01, NaN, 0.03}: NaN skipped, k = 3, sorted 0.01, 0.03, 0.04:
     * min(3·0.01/1, 3·0.03/2, 3·0.04/3) = min(0.03, 0.045, 0.04) = 0.03 — below Bonferroni's 3·0.01 only when a later
     * term is smaller: {0.02, 0.021, 0.022} gives min(0.06, 0.0315, 0.022) = 0.022.
     */
    @Test
    void simesByHand() {
        assertThat(Tails.simes(new double[] {0.04, 0.01, Double.NaN, 0.03})).isCloseTo(0.03, within(1e-15));
        assertThat(Tails.simes(new double[] {0.02, 0.021, 0.022})).isCloseTo(0.022, within(1e-15));
        assertThat(Tails.simes(new double[] {0.9, 0.8})).isCloseTo(0.9, within(1e-15)); // min(1.6→1, 0.9)
        assertThat(Tails.simes(new double[] {Double.NaN})).isNaN();
    }

    /*
     * Truncated Cauchy combination, X = cot(πp/2), T = mean X, p = (2/π)·arctan(1/T):
     * {0.013, 1}: X = cot(0.0065π) = 48.958 and cot(π/2) = 0, T = 24.479, p = (2/π)·arctan(1/24.479) = 0.025989 (the
     * untruncated form, with 1 clamped to 0.99: (24.48 − 31.82)/2 < 0, p = 0.77: a p of 1 cancelled the evidence).
     * One p, or equal ones, come back unchanged: cot and arctan invert each other. {1e-20, 0.5}: X = 2/(π·1e-20) and 1,
     * T ≈ 1/(π·1e-20), p = 2/(πT) = 2e-20.
     */
    @Test
    void truncatedCauchyByHand() {
        assertThat(Tails.truncatedCauchy(new double[] {0.013, 1.0})).isCloseTo(0.025989, within(1e-6));
        assertThat(Tails.truncatedCauchy(new double[] {0.2})).isCloseTo(0.2, within(1e-15));
        assertThat(Tails.truncatedCauchy(new double[] {0.01, 0.01, Double.NaN, 0.01})).isCloseTo(0.01, within(1e-15));
        assertThat(Tails.truncatedCauchy(new double[] {0.5, 0.5})).isCloseTo(0.5, within(1e-15));
        assertThat(Tails.truncatedCauchy(new double[] {1.0, 1.0})).isEqualTo(1.0);
        assertThat(Tails.truncatedCauchy(new double[] {1e-20, 0.5})).isCloseTo(2e-20, within(1e-30));
        assertThat(Tails.truncatedCauchy(new double[] {Double.NaN})).isNaN();
    }

    /*
     * Null calibration: five independent uniform p-values (the groups of a cell) combined 200,000 times; the share
     * below α is α·(1.17, 1.07, 1.02) at 0.05, 0.01, 0.001 by a larger simulation (Tails' comment); the bound
     * [0.8α, 1.3α] leaves three standard errors of this simulation at 0.001 (200 expected) and fails for a
     * combination that loses its level (the sum of the terms instead of their mean, say, would be 5 times too liberal).
     */
    @Test
    void truncatedCauchyHoldsItsLevelOnIndependentNulls() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261207);
        int draws = 200_000;
        int[] below = new int[3];
        double[] alpha = {0.05, 0.01, 0.001};
        double[] p = new double[5];
        for (int d = 0; d < draws; d++) {
            for (int k = 0; k < p.length; k++) {
                p[k] = random.nextDouble();
            }
            double combined = Tails.truncatedCauchy(p);
            for (int a = 0; a < alpha.length; a++) {
                below[a] += combined <= alpha[a] ? 1 : 0;
            }
        }
        for (int a = 0; a < alpha.length; a++) {
            double share = below[a] / (double) draws;
            assertThat(share).as("share below %s", alpha[a]).isBetween(0.8 * alpha[a], 1.3 * alpha[a]);
        }
    }
}
