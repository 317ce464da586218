package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreSpreadTest {

    private static double trueSd(double mean) {
        return 2 + 0.3 * mean - 0.008 * mean * mean;
    }

    /** SDs lying exactly on a quadratic of the mean are reproduced, with zero residual. */
    @Test
    void exactQuadraticIsReproduced() {
        int m = 21;
        double[] means = new double[m];
        double[] sds = new double[m];
        int[] ns = new int[m];
        for (int i = 0; i < m; i++) {
            means[i] = 10 + i;
            sds[i] = trueSd(means[i]);
            ns[i] = 5 + 3 * i;
        }
        ScoreSpread.Model model = ScoreSpread.fit(means, sds, ns);
        assertThat(model.classes()).isEqualTo(m);
        for (double mean : new double[] {10, 13.5, 22, 30}) {
            assertThat(model.expectedSd(mean)).isCloseTo(trueSd(mean), within(1e-10));
        }
        assertThat(model.residualSd()).isCloseTo(0.0, within(1e-10));
        // Outside the reference's range the curve is held at its end value.
        assertThat(model.expectedSd(45)).isCloseTo(trueSd(30), within(1e-10));
    }

    /*
     * Two usable classes → degree 0: the (n − 1)-weighted mean SD. (mean 10, sd 4, n 3) and (mean 20, sd 6, n 5):
     * weights 2 and 4 → (8 + 24)/6 = 16/3. Residuals −4/3 and 2/3: Σw r² = 2·16/9 + 4·4/9 = 48/9, /Σw = 8/9,
     * × m/(m − p) = 2 → 16/9 → residual SD 4/3. A class with n = 1 and one with a NaN SD are skipped.
     */
    @Test
    void twoClassesHandExample() {
        ScoreSpread.Model model = ScoreSpread.fit(new double[] {10, 20, 15, 12}, new double[] {4, 6, 1, Double.NaN},
                new int[] {3, 5, 1, 10});
        assertThat(model.classes()).isEqualTo(2);
        assertThat(model.coefficients()).hasSize(1);
        assertThat(model.expectedSd(3)).isCloseTo(16.0 / 3, within(1e-12));
        assertThat(model.residualSd()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(model.z(12, 4)).isCloseTo((4 - 16.0 / 3) / (4.0 / 3), within(1e-12));
    }

    @Test
    void degenerateReferences() {
        ScoreSpread.Model empty = ScoreSpread.fit(new double[0], new double[0], new int[0]);
        assertThat(empty.expectedSd(10)).isNaN();
        assertThat(empty.z(10, 3, 20)).isNaN();
        ScoreSpread.Model single = ScoreSpread.fit(new double[] {10}, new double[] {3}, new int[] {20});
        assertThat(single.expectedSd(14)).isCloseTo(3.0, within(1e-12));
        assertThat(single.residualSd()).isNaN();
        ScoreSpread.Model sameMean = ScoreSpread.fit(new double[] {10, 10, 10}, new double[] {3, 4, 5},
                new int[] {11, 11, 11});
        assertThat(sameMean.expectedSd(10)).isCloseTo(4.0, within(1e-12));
        assertThat(sameMean.z(10, 3, 1)).isNaN();
    }

    /*
     * Simulation: 600 classes of 8..30 normal scores with true SD 2 + 0.3μ − 0.008μ² at class mean μ ~ U(5, 25).
     * The curve is recovered; the size-aware z of fresh null classes is about N(0, 1); a class with its spread
     * halved stands out.
     */
    @Test
    void simulatedClassesRecoverCurveAndCalibrateZ() {
        Random random = new Random(123);
        int m = 600;
        double[] means = new double[m];
        double[] sds = new double[m];
        int[] ns = new int[m];
        for (int i = 0; i < m; i++) {
            double mu = 5 + 20 * random.nextDouble();
            ns[i] = 8 + random.nextInt(23);
            double[] scores = classScores(random, mu, trueSd(mu), ns[i]);
            MeanInterval s = MeanInterval.of(scores);
            means[i] = s.mean();
            sds[i] = s.sd();
        }
        ScoreSpread.Model model = ScoreSpread.fit(means, sds, ns);
        for (double mu : new double[] {8, 15, 22}) {
            assertThat(model.expectedSd(mu)).isCloseTo(trueSd(mu), within(0.25));
        }
        assertThat(model.betweenSd()).isLessThan(0.3);
        double sum = 0;
        double sum2 = 0;
        int reps = 2000;
        for (int r = 0; r < reps; r++) {
            double mu = 5 + 20 * random.nextDouble();
            int n = 8 + random.nextInt(23);
            MeanInterval s = MeanInterval.of(classScores(random, mu, trueSd(mu), n));
            double z = model.z(s.mean(), s.sd(), n);
            sum += z;
            sum2 += z * z;
        }
        double meanZ = sum / reps;
        double sdZ = Math.sqrt(sum2 / reps - meanZ * meanZ);
        assertThat(meanZ).isCloseTo(0.0, within(0.15));
        assertThat(sdZ).isCloseTo(1.0, within(0.15));
        MeanInterval compressed = MeanInterval.of(classScores(random, 15, trueSd(15) / 2, 25));
        assertThat(model.z(compressed.mean(), compressed.sd(), 25)).isLessThan(-3.0);
    }

    private static double[] classScores(Random random, double mu, double sd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mu + sd * random.nextGaussian();
        }
        return x;
    }
}
