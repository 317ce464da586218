package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpearmanTest {

    /*
     * x = 1,2,2,3 → average ranks 1, 2.5, 2.5, 4; y = 1,3,2,4 → ranks 1,3,2,4. Mean rank 2.5.
     * dx = −1.5,0,0,1.5; dy = −1.5,0.5,−0.5,1.5; Σdx·dy = 4.5; Σdx² = 4.5; Σdy² = 5.
     * r_s = 4.5/sqrt(4.5·5) = sqrt(0.9).
     */
    @Test
    void handExampleWithTies() {
        assertThat(Spearman.rho(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}))
                .isCloseTo(Math.sqrt(0.9), within(1e-12));
        assertThat(Spearman.rho(new int[] {1, 2, 2, 3}, new int[] {1, 3, 2, 4}))
                .isCloseTo(Math.sqrt(0.9), within(1e-12));
    }

    /*
     * Marker 2 style: journal marks 5,5,4,3 vs primary scores 10,12,14,20.
     * Ranks j: 3.5,3.5,2,1 (mean 2.5) → dj = 1,1,−0.5,−1.5; ranks x: 1,2,3,4 → dx = −1.5,−0.5,0.5,1.5.
     * Σdj·dx = −1.5−0.5−0.25−2.25 = −4.5; Σdj² = 1+1+0.25+2.25 = 4.5; Σdx² = 5 → r_s = −sqrt(0.9).
     */
    @Test
    void negativeCorrelationOfMarksAndScores() {
        assertThat(Spearman.rho(new int[] {5, 5, 4, 3}, new int[] {10, 12, 14, 20}))
                .isCloseTo(-Math.sqrt(0.9), within(1e-12));
    }

    @Test
    void matchesBruteForceRanksOnTieHeavyData() {
        Random random = new Random(11);
        for (int rep = 0; rep < 200; rep++) {
            int n = 2 + random.nextInt(30);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 2 + random.nextInt(4);
                y[i] = random.nextInt(8);
            }
            double expected = pearson(bruteRanks(x), bruteRanks(y));
            double actual = Spearman.rho(x, y);
            if (Double.isNaN(expected)) {
                assertThat(actual).isNaN();
            } else {
                assertThat(actual).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void degenerateInput() {
        assertThat(Spearman.rho(new double[0], new double[0])).isNaN();
        assertThat(Spearman.rho(new double[] {1}, new double[] {2})).isNaN();
        assertThat(Spearman.rho(new double[] {3, 3, 3}, new double[] {1, 2, 3})).isNaN();
        assertThat(Spearman.rho(new double[] {1, 2, 3}, new double[] {4, 4, 4})).isNaN();
        assertThat(Spearman.rho(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3})).isNaN();
        assertThat(Spearman.rho(new double[] {1, 2}, new double[] {5, 3})).isCloseTo(-1.0, within(1e-15));
        assertThatThrownBy(() -> Spearman.rho(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** rank_i = 1 + #{x_j < x_i} + (#{x_j = x_i} − 1)/2: the average of the tied positions. */
    private static double[] bruteRanks(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int less = 0;
            int equal = 0;
            for (double v : x) {
                if (v < x[i]) {
                    less++;
                } else if (v == x[i]) {
                    equal++;
                }
            }
            r[i] = 1 + less + (equal - 1) / 2.0;
        }
        return r;
    }

    private static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa < 1e-12 || sbb < 1e-12 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
