package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Random;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class BunchingTest {

    private static final int MAX = 30;
    private static final int CUT = 15;

    /** n_x = 60000 − (x − 15)⁴: an exact quartic, so the degree-4 counterfactual reproduces it and B = M = 0. */
    @Test
    void polynomialHistogramIsReproduced() {
        long[] counts = new long[MAX + 1];
        for (int x = 0; x <= MAX; x++) {
            counts[x] = 60000 - (long) Math.pow(x - 15, 4);
        }
        Bunching.Result r = Bunching.estimate(counts, CUT);
        assertThat(r.windowFrom()).isEqualTo(13);
        assertThat(r.windowTo()).isEqualTo(16);
        assertThat(r.degree()).isEqualTo(4);
        assertThat(r.fitPoints()).isEqualTo(27);
        for (int i = 0; i < 4; i++) {
            assertThat(r.counterfactual()[i]).isCloseTo(r.observed()[i], within(1e-6));
        }
        assertThat(r.excessMass()).isCloseTo(0.0, within(1e-6));
        assertThat(r.missingMass()).isCloseTo(0.0, within(1e-6));
        assertThat(r.modelStandardError()).isCloseTo(0.0, within(1e-6));
    }

    /*
     * A quadratic histogram n_x = 200 + 30x − x² with 37 works added at the cut and 20 taken from c − 1:
     * the counterfactual does not see the window, so B = 37 and M = 20 exactly; b = 37 / mean of the
     * counterfactual over 13..16 = 37 / mean(200 + 30x − x²).
     */
    @Test
    void addedWorksAreTheExcessMass() {
        long[] counts = new long[MAX + 1];
        for (int x = 0; x <= MAX; x++) {
            counts[x] = 200 + 30L * x - (long) x * x;
        }
        counts[CUT] += 37;
        counts[CUT - 1] -= 20;
        Bunching.Result r = Bunching.estimate(counts, CUT);
        assertThat(r.excessMass()).isCloseTo(37.0, within(1e-7));
        assertThat(r.missingMass()).isCloseTo(20.0, within(1e-7));
        double cfMean = 0;
        for (int x = 13; x <= 16; x++) {
            cfMean += (200 + 30.0 * x - x * x) / 4;
        }
        assertThat(r.ratio()).isCloseTo(37.0 / cfMean, within(1e-9));
    }

    /** Other cuts' windows are left out: their spikes do not move the counterfactual at this cut. */
    @Test
    void otherCutsAreExcludedFromTheFit() {
        long[] counts = new long[MAX + 1];
        for (int x = 0; x <= MAX; x++) {
            counts[x] = 200 + 30L * x - (long) x * x;
        }
        counts[8] += 500;
        counts[24] += 300;
        counts[CUT] += 37;
        Bunching.Result r = Bunching.estimate(counts, CUT, new int[] {8, 24}, Bunching.Options.defaults());
        assertThat(r.fitPoints()).isEqualTo(31 - 12);
        assertThat(r.excessMass()).isCloseTo(37.0, within(1e-7));
        Bunching.Result polluted = Bunching.estimate(counts, CUT);
        assertThat(Math.abs(polluted.excessMass() - 37.0)).isGreaterThan(1.0);
    }

    /** Counterfactual and model SE against Commons Math OLS on raw powers of x (no rescaling): same numbers. */
    @Test
    void matchesIndependentOlsOnANoisyHistogram() {
        long[] counts = sample(smoothProbabilities(), 3000, new Random(7));
        Bunching.Result r = Bunching.estimate(counts, CUT);
        int nFit = MAX + 1 - 4;
        double[] y = new double[nFit];
        double[][] x = new double[nFit][4];
        for (int s = 0, f = 0; s <= MAX; s++) {
            if (s >= 13 && s <= 16) {
                continue;
            }
            y[f] = counts[s];
            for (int j = 0; j < 4; j++) {
                x[f][j] = Math.pow(s, j + 1);
            }
            f++;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] beta = ols.estimateRegressionParameters();
        RealMatrix xtxInverse = MatrixUtils.createRealMatrix(ols.estimateRegressionParametersVariance()); // (X'X)⁻¹
        double excess = 0;
        double[] sumRow = new double[5];
        for (int s = 13; s <= 16; s++) {
            double fitted = 0;
            for (int j = 0; j <= 4; j++) {
                fitted += beta[j] * Math.pow(s, j);
            }
            assertThat(r.counterfactual()[s - 13]).isCloseTo(fitted, within(1e-6));
            if (s >= CUT) {
                excess += counts[s] - fitted;
                for (int j = 0; j <= 4; j++) {
                    sumRow[j] += Math.pow(s, j);
                }
            }
        }
        assertThat(r.excessMass()).isCloseTo(excess, within(1e-6));
        RealVector v = MatrixUtils.createRealVector(sumRow);
        // Var(Σ_{x≥c} n_x − Σ_{x≥c} n̂_x) = σ²·(2 + v'(X'X)⁻¹v), v = Σ of the two window rows of the design.
        double modelVar = ols.estimateErrorVariance() * (2 + v.dotProduct(xtxInverse.operate(v)));
        assertThat(r.modelStandardError()).isCloseTo(Math.sqrt(modelVar), withinPercentage(1e-6));
    }

    /*
     * Sampling SE: B is linear, so its weights are a_x = B(n + e_x) − B(n) (computed here by perturbation) and the
     * multinomial variance is Σ a_x² n_x − (Σ a_x n_x)²/N; the resampling bootstrap must agree within its own noise.
     */
    @Test
    void samplingStandardErrorMatchesPerturbationAndBootstrap() {
        long[] counts = sample(smoothProbabilities(), 3000, new Random(8));
        Bunching.Result r = Bunching.estimate(counts, CUT);
        double base = r.excessMass();
        double sa = 0;
        double sa2 = 0;
        long total = 0;
        for (int x = 0; x <= MAX; x++) {
            long[] bumped = counts.clone();
            bumped[x]++;
            double a = Bunching.estimate(bumped, CUT).excessMass() - base;
            sa += a * counts[x];
            sa2 += a * a * counts[x];
            total += counts[x];
        }
        double expected = Math.sqrt(sa2 - sa * sa / total);
        assertThat(r.samplingStandardError()).isCloseTo(expected, withinPercentage(1e-6));
        double boot = Bunching.bootstrapStandardError(counts, CUT, new int[0], Bunching.Options.defaults(), 4000, 99);
        assertThat(boot).isCloseTo(expected, withinPercentage(5));
        assertThat(r.standardError()).isEqualTo(Math.max(r.samplingStandardError(), r.modelStandardError()));
    }

    /** No bunching: over 200 sampled histograms the one-sided 5% test rejects about 5% of the time, not more. */
    @Test
    void smoothSamplesAreNotSignificant() {
        double[] p = smoothProbabilities();
        Random random = new Random(1);
        int rejected = 0;
        for (int rep = 0; rep < 200; rep++) {
            Bunching.Result r = Bunching.estimate(sample(p, 3000, random), CUT);
            if (r.pValue() < 0.05) {
                rejected++;
            }
        }
        assertThat(rejected).isLessThanOrEqualTo(20);
    }

    /** Strong bunching: 40% of the works at c−2 and c−1 moved to c are found every time. */
    @Test
    void strongBunchingIsSignificant() {
        double[] p = smoothProbabilities();
        Random random = new Random(2);
        for (int rep = 0; rep < 20; rep++) {
            long[] counts = sample(p, 3000, random);
            long moved = Math.round(0.4 * counts[CUT - 2]) + Math.round(0.4 * counts[CUT - 1]);
            counts[CUT - 2] -= Math.round(0.4 * counts[CUT - 2]);
            counts[CUT - 1] -= Math.round(0.4 * counts[CUT - 1]);
            counts[CUT] += moved;
            Bunching.Result r = Bunching.estimate(counts, CUT);
            assertThat(r.z()).isGreaterThan(3.0);
            assertThat(r.excessMass()).isCloseTo(moved, within(0.35 * moved));
            assertThat(r.missingMass()).isGreaterThan(0.0);
        }
    }

    @Test
    void degreeIsLoweredAndDegenerateCasesAreNaN() {
        long[] shortScale = {5, 9, 12, 14, 13, 10, 6, 3};
        Bunching.Result r = Bunching.estimate(shortScale, 4);
        assertThat(r.fitPoints()).isEqualTo(4); // 0, 1, 6, 7
        assertThat(r.degree()).isEqualTo(2);
        assertThat(r.modelStandardError()).isNotNaN();

        Bunching.Result none = Bunching.estimate(new long[] {3, 4, 5, 6}, 2); // window 0..3 covers the scale
        assertThat(none.degree()).isEqualTo(-1);
        assertThat(none.excessMass()).isNaN();
        assertThat(Bunching.estimate(shortScale, 12).excessMass()).isNaN();

        Bunching.Result empty = Bunching.estimate(new long[MAX + 1], CUT);
        assertThat(empty.excessMass()).isCloseTo(0.0, within(1e-12));
        assertThat(empty.ratio()).isNaN();
        assertThat(empty.samplingStandardError()).isNaN();
        assertThat(empty.z()).isNaN();
    }

    /** A smooth unimodal score distribution on 0..30: beta-binomial(30, 3, 4) probabilities. */
    private static double[] smoothProbabilities() {
        double[] p = new double[MAX + 1];
        for (int x = 0; x <= MAX; x++) {
            p[x] = BetaBinomial.pmf(x, MAX, 3, 4);
        }
        return p;
    }

    private static long[] sample(double[] p, int n, Random random) {
        long[] counts = new long[p.length];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int x = 0;
            while (x < p.length - 1 && u >= p[x]) {
                u -= p[x];
                x++;
            }
            counts[x]++;
        }
        return counts;
    }
}
