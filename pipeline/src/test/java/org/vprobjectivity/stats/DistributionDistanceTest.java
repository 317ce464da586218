package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class DistributionDistanceTest {

    private static double normalUpper(double z) {
        return 1 - new NormalDistribution().cumulativeProbability(z);
    }

    /*
     * Observed 10,20,30,40 against uniform over 4 scores: E = 25 each, X² = (225+25+25+225)/25 = 20, df = 3.
     * χ²₃ survival in closed form: P(χ²₃ ≥ x) = 2·Φ̄(√x) + sqrt(2x/π)·e^{−x/2}.
     */
    @Test
    void handExampleWithoutPooling() {
        DistributionDistance.ChiSquare c =
                DistributionDistance.chiSquare(new long[] {10, 20, 30, 40}, new double[] {0.25, 0.25, 0.25, 0.25});
        assertThat(c.statistic()).isCloseTo(20.0, within(1e-12));
        assertThat(c.df()).isEqualTo(3);
        assertThat(c.bins()).isEqualTo(4);
        double expected = 2 * normalUpper(Math.sqrt(20)) + Math.sqrt(40 / Math.PI) * Math.exp(-10);
        assertThat(c.pValue()).isCloseTo(expected, within(1e-12));
    }

    /*
     * N = 20, reference .05 .10 .35 .30 .15 .05 → expected 1, 2, 7, 6, 3, 1.
     * Pooling left to right: 1+2+7 = 10 ≥ 5 closes bin A (observed 0+1+4 = 5); 6 ≥ 5 closes bin B (observed 9);
     * the remainder 3+1 = 4 < 5 joins B: expected 10, observed 9+4+2 = 15.
     * X² = (5−10)²/10 + (15−10)²/10 = 5, df = 1, p = P(χ²₁ ≥ 5) = 2·Φ̄(√5).
     */
    @Test
    void handExampleWithPooling() {
        DistributionDistance.ChiSquare c = DistributionDistance.chiSquare(new long[] {0, 1, 4, 9, 4, 2},
                new double[] {0.05, 0.10, 0.35, 0.30, 0.15, 0.05});
        assertThat(c.bins()).isEqualTo(2);
        assertThat(c.df()).isEqualTo(1);
        assertThat(c.statistic()).isCloseTo(5.0, within(1e-12));
        assertThat(c.pValue()).isCloseTo(2 * normalUpper(Math.sqrt(5)), within(1e-12));
        // Unnormalised reference weights give the same answer.
        DistributionDistance.ChiSquare scaled = DistributionDistance.chiSquare(new long[] {0, 1, 4, 9, 4, 2},
                new double[] {5, 10, 35, 30, 15, 5});
        assertThat(scaled.statistic()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void chiSquareDegenerate() {
        DistributionDistance.ChiSquare tiny =
                DistributionDistance.chiSquare(new long[] {1, 2, 1}, new double[] {0.2, 0.5, 0.3});
        assertThat(tiny.bins()).isEqualTo(1);
        assertThat(tiny.df()).isZero();
        assertThat(tiny.pValue()).isNaN();
        assertThat(DistributionDistance.chiSquare(new long[] {0, 0}, new double[] {0.5, 0.5}).statistic()).isNaN();
        assertThat(DistributionDistance.chiSquare(new long[] {3, 3}, new double[] {0, 0}).statistic()).isNaN();
        assertThat(DistributionDistance.chiSquare(new long[] {3, 3}, new double[] {Double.NaN, 1}).statistic()).isNaN();
    }

    /*
     * Observed 2,1,1 (N = 4) vs reference .25,.5,.25: F_n = .5,.75,1; F = .25,.75,1 → D = 0.25.
     * n = 1: observed 0,1,0 vs .75,.25,0: F_1 = 0,1,1; F = .75,1,1 → D = 0.75; for continuous F,
     * D_1 = max(U, 1 − U), so P(D_1 ≥ d) = 2(1 − d) = 0.5.
     */
    @Test
    void ksOneSampleHandExamples() {
        DistributionDistance.KolmogorovSmirnov ks =
                DistributionDistance.ksOneSample(new long[] {2, 1, 1}, new double[] {0.25, 0.5, 0.25});
        assertThat(ks.distance()).isCloseTo(0.25, within(1e-15));
        DistributionDistance.KolmogorovSmirnov one =
                DistributionDistance.ksOneSample(new long[] {0, 1, 0}, new double[] {0.75, 0.25, 0});
        assertThat(one.distance()).isCloseTo(0.75, within(1e-15));
        assertThat(one.pValue()).isCloseTo(0.5, within(1e-9));
        assertThat(DistributionDistance.ksOneSample(new long[] {0, 0}, new double[] {0.5, 0.5}).distance()).isNaN();
    }

    /** The documented conservativeness: the Monte Carlo p-value of the discrete null is below the reported one. */
    @Test
    void ksOneSampleIsConservativeForDiscreteScores() {
        double[] ref = {0.1, 0.2, 0.4, 0.2, 0.1};
        long[] observed = {0, 2, 8, 6, 4}; // N = 20
        DistributionDistance.KolmogorovSmirnov ks = DistributionDistance.ksOneSample(observed, ref);
        Random random = new Random(17);
        int reps = 20000;
        int atLeast = 0;
        for (int r = 0; r < reps; r++) {
            long[] sample = new long[ref.length];
            for (int i = 0; i < 20; i++) {
                double u = random.nextDouble();
                int x = 0;
                while (x < ref.length - 1 && u >= ref[x]) {
                    u -= ref[x];
                    x++;
                }
                sample[x]++;
            }
            if (DistributionDistance.ksOneSample(sample, ref).distance() >= ks.distance() - 1e-12) {
                atLeast++;
            }
        }
        double monteCarlo = (double) atLeast / reps;
        assertThat(ks.pValue()).isBetween(0.01, 0.9);
        assertThat(monteCarlo).isLessThanOrEqualTo(ks.pValue() + 0.01);
    }

    /*
     * 3,4,3 vs 1,2,7 (n = m = 10): F₁ = .3,.7,1; F₂ = .1,.3,1 → D = 0.4. Asymptotic p = Q(λ), λ = D·sqrt(nm/(n+m))
     * = 0.4·√5, Q(λ) = 2·Σ_{k≥1} (−1)^{k−1}·e^{−2k²λ²} (Kolmogorov's limiting distribution).
     */
    @Test
    void ksTwoSampleHandExample() {
        DistributionDistance.KolmogorovSmirnov ks =
                DistributionDistance.ksTwoSample(new long[] {3, 4, 3}, new long[] {1, 2, 7});
        assertThat(ks.distance()).isCloseTo(0.4, within(1e-15));
        double lambda = 0.4 * Math.sqrt(5);
        double q = 0;
        for (int k = 1; k <= 100; k++) {
            q += 2 * (k % 2 == 1 ? 1 : -1) * Math.exp(-2.0 * k * k * lambda * lambda);
        }
        assertThat(ks.pValue()).isCloseTo(q, within(1e-10));
        assertThat(DistributionDistance.ksTwoSample(new long[] {0, 0}, new long[] {1, 1}).pValue()).isNaN();
    }

    /*
     * Uniform on {0, 1, 2} tilted to mean 1.5: q ∝ (1, t, t²) with t = e^θ, mean (t + 2t²)/(1 + t + t²) = 1.5
     * ⇔ t² − t − 3 = 0 ⇔ t = (1 + √13)/2. Of all distributions with that mean it is the closest to the uniform.
     */
    @Test
    void tiltByHand() {
        double[] q = DistributionDistance.tiltToMean(new double[] {1, 1, 1}, 1.5);
        double t = (1 + Math.sqrt(13)) / 2;
        double z = 1 + t + t * t;
        assertThat(q).containsExactly(new double[] {1 / z, t / z, t * t / z}, within(1e-10));
        // Zero-probability scores stay zero; a mean on the edge of the support cannot be reached.
        double[] r = DistributionDistance.tiltToMean(new double[] {0, 0.2, 0.5, 0.3, 0}, 2.0);
        assertThat(r[0]).isZero();
        assertThat(r[4]).isZero();
        assertThat(r[1] + 2 * r[2] + 3 * r[3]).isCloseTo(2.0, within(1e-10));
        assertThat(DistributionDistance.tiltToMean(new double[] {0, 0.2, 0.5, 0.3, 0}, 3.0)).isNull();
        assertThat(DistributionDistance.tiltToMean(new double[] {0.5, 0.5}, 0.5)).containsExactly(new double[] {0.5, 0.5},
                within(1e-12));
    }

    /* Each estimated parameter costs one degree of freedom: the statistic stays, df and p follow. */
    @Test
    void estimatedParametersReduceDegreesOfFreedom() {
        DistributionDistance.ChiSquare c = DistributionDistance.chiSquare(new long[] {10, 20, 30, 40},
                new double[] {0.25, 0.25, 0.25, 0.25}, 1);
        assertThat(c.statistic()).isCloseTo(20.0, within(1e-12));
        assertThat(c.df()).isEqualTo(2);
        assertThat(c.pValue()).isCloseTo(Math.exp(-10), within(1e-15)); // χ²₂ survival is e^{−x/2}
    }
}
