package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightedKappaTest {

    /*
     * a = 2,3,4,5; b = 2,3,5,5 (marks 2..5, K = 4, w = (a−b)²/9).
     * Observed: one pair each; only (4,5) disagrees: Σ w·O = (1/9)·(1/4) = 1/36.
     * Margins: a uniform 1/4; b: 2 → 1/4, 3 → 1/4, 5 → 1/2.
     * Σ w·E = (1/9)(1/4)·Σ_a [(a−2)²/4 + (a−3)²/4 + (a−5)²/2] = (1/36)(4.75 + 2.25 + 1.75 + 3.25) = 12/36 = 1/3.
     * κw = 1 − (1/36)/(1/3) = 11/12.
     */
    @Test
    void handExample() {
        assertThat(WeightedKappa.quadratic(new int[] {2, 3, 4, 5}, new int[] {2, 3, 5, 5}, 2, 5))
                .isCloseTo(11.0 / 12, within(1e-12));
    }

    /*
     * Independent check: with quadratic weights, κw = 2·cov(a,b) / (var a + var b + (ā − b̄)²) with population
     * (divisor n) moments (Cohen 1968; Schuster 2004, Educ. Psych. Measurement 64).
     */
    @Test
    void equalsMomentIdentityOnRandomMarks() {
        Random random = new Random(5);
        for (int rep = 0; rep < 300; rep++) {
            int n = 1 + random.nextInt(40);
            int[] a = new int[n];
            int[] b = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = 2 + random.nextInt(4);
                b[i] = random.nextInt(3) == 0 ? a[i] : 2 + random.nextInt(4);
            }
            double ma = 0;
            double mb = 0;
            for (int i = 0; i < n; i++) {
                ma += (double) a[i] / n;
                mb += (double) b[i] / n;
            }
            double va = 0;
            double vb = 0;
            double cov = 0;
            for (int i = 0; i < n; i++) {
                va += (a[i] - ma) * (a[i] - ma) / n;
                vb += (b[i] - mb) * (b[i] - mb) / n;
                cov += (a[i] - ma) * (b[i] - mb) / n;
            }
            double denominator = va + vb + (ma - mb) * (ma - mb);
            double kappa = WeightedKappa.quadratic(a, b, 2, 5);
            if (denominator < 1e-12) {
                assertThat(kappa).isNaN();
            } else {
                assertThat(kappa).isCloseTo(2 * cov / denominator, within(1e-12));
            }
        }
    }

    @Test
    void specialCases() {
        assertThat(WeightedKappa.quadratic(new int[] {2, 4, 5}, new int[] {2, 4, 5}, 2, 5)).isCloseTo(1.0, within(1e-15));
        // One rater constant: O equals E exactly, κw = 0.
        assertThat(WeightedKappa.quadratic(new int[] {3, 4, 5}, new int[] {4, 4, 4}, 2, 5)).isCloseTo(0.0, within(1e-15));
        // Both in the same single category: expected disagreement 0.
        assertThat(WeightedKappa.quadratic(new int[] {4, 4}, new int[] {4, 4}, 2, 5)).isNaN();
        assertThat(WeightedKappa.quadratic(new int[0], new int[0], 2, 5)).isNaN();
        assertThat(WeightedKappa.quadratic(new int[] {1, 4}, new int[] {3, 4}, 2, 5)).isNaN();
        assertThat(WeightedKappa.quadratic(new int[] {4, 4}, new int[] {4, 4}, 4, 4)).isNaN();
        // Systematic leniency: VPR = journal + 1 for everyone. a = 2,3,4 → b = 3,4,5; var 2/3 each, cov 2/3, diff 1:
        // κw = (4/3)/(2/3 + 2/3 + 1) = 4/7.
        assertThat(WeightedKappa.quadratic(new int[] {2, 3, 4}, new int[] {3, 4, 5}, 2, 5))
                .isCloseTo(4.0 / 7, within(1e-12));
    }
}
