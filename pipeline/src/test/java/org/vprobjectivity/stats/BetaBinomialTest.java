package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Random;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class BetaBinomialTest {

    /*
     * n = 3, α = 1, β = 2: pmf(k) = C(3,k)·B(k+1, 5−k)/B(1,2), B(a,b) = (a−1)!(b−1)!/(a+b−1)!, B(1,2) = 1/2.
     * k=0: B(1,5) = 1/5 → 2/5; k=1: 3·B(2,4) = 3·6/120 → 0.3; k=2: 3·B(3,3) = 3·4/120 → 0.2; k=3: B(4,2) = 6/120 → 0.1.
     * P(X ≥ 2) = 0.3, P(X ≤ 1) = 0.7. n = 2, α = β = 1: uniform on 0,1,2 → P(X ≥ 1) = 2/3.
     */
    @Test
    void handExamples() {
        double[] pmf = {0.4, 0.3, 0.2, 0.1};
        for (int k = 0; k <= 3; k++) {
            assertThat(BetaBinomial.pmf(k, 3, 1, 2)).isCloseTo(pmf[k], within(1e-14));
        }
        assertThat(BetaBinomial.upperTail(2, 3, 1, 2)).isCloseTo(0.3, within(1e-14));
        assertThat(BetaBinomial.lowerTail(1, 3, 1, 2)).isCloseTo(0.7, within(1e-14));
        assertThat(BetaBinomial.upperTail(1, 2, 1, 1)).isCloseTo(2.0 / 3, within(1e-14));
    }

    /** Tails against brute-force summation of the log-gamma pmf written out here. */
    @Test
    void tailsMatchBruteForceSummation() {
        double[][] params = {{0.3, 0.7}, {1, 1}, {2.7, 6.3}, {15, 4}, {0.5, 40}};
        for (double[] ab : params) {
            for (int n : new int[] {1, 5, 17, 30, 120}) {
                for (int k = 0; k <= n; k++) {
                    double up = 0;
                    for (int x = k; x <= n; x++) {
                        up += bruteForcePmf(x, n, ab[0], ab[1]);
                    }
                    double low = 0;
                    for (int x = 0; x <= k; x++) {
                        low += bruteForcePmf(x, n, ab[0], ab[1]);
                    }
                    assertThat(BetaBinomial.upperTail(k, n, ab[0], ab[1])).isCloseTo(up, withinPercentage(1e-7));
                    assertThat(BetaBinomial.lowerTail(k, n, ab[0], ab[1])).isCloseTo(low, withinPercentage(1e-7));
                    assertThat(BetaBinomial.logPmf(k, n, ab[0], ab[1]))
                            .isCloseTo(Math.log(bruteForcePmf(k, n, ab[0], ab[1])), within(1e-9));
                }
            }
        }
    }

    /** With α + β huge the beta-binomial is the binomial Bin(n, α/(α+β)) (relative gap ≈ k²/(2α) + (n−k)²/(2β)). */
    @Test
    void hugePrecisionConvergesToBinomial() {
        double precision = BetaBinomial.BINOMIAL_LIMIT_PRECISION;
        for (double p : new double[] {0.05, 0.3, 0.8}) {
            for (int k = 0; k <= 40; k++) {
                double binomial = Binomial.upperTail(k, 40, p);
                assertThat(BetaBinomial.upperTail(k, 40, p * precision, (1 - p) * precision))
                        .isCloseTo(binomial, withinPercentage(1e-6));
            }
        }
    }

    @Test
    void degenerateArguments() {
        assertThat(BetaBinomial.upperTail(0, 10, 1, 1)).isEqualTo(1.0);
        assertThat(BetaBinomial.upperTail(11, 10, 1, 1)).isEqualTo(0.0);
        assertThat(BetaBinomial.lowerTail(-1, 10, 1, 1)).isEqualTo(0.0);
        assertThat(BetaBinomial.lowerTail(10, 10, 1, 1)).isEqualTo(1.0);
        assertThat(BetaBinomial.upperTail(1, 10, 0, 1)).isNaN();
        assertThat(BetaBinomial.upperTail(1, 10, 1, Double.NaN)).isNaN();
        assertThat(BetaBinomial.upperTail(1, 10, Double.POSITIVE_INFINITY, 1)).isNaN();
        assertThat(BetaBinomial.pmf(11, 10, 1, 1)).isEqualTo(0.0);
        assertThat(BetaBinomial.upperTail(0, 0, 1, 1)).isEqualTo(1.0);
    }

    /*
     * Equal cluster sizes n = 4, k = 0,4,1,3: p̂ = 1/2, Σ(p_i − p̂)² = 0.25+0.25+0.0625+0.0625 = 0.625, m = 4.
     * With equal weights the moment equation is ρ̂ = (n·Σ(p_i − p̂)²/(p̂q̂(m − 1)) − 1)/(n − 1)
     * = (4·0.625/(0.25·3) − 1)/3 = (10/3 − 1)/3 = 7/9 → α = β = ½·(9/7 − 1) = 1/7.
     */
    @Test
    void fitHandExample() {
        BetaBinomial.Fit fit = BetaBinomial.fitMoments(new int[] {0, 4, 1, 3}, new int[] {4, 4, 4, 4});
        assertThat(fit.mean()).isCloseTo(0.5, within(1e-12));
        assertThat(fit.rho()).isCloseTo(7.0 / 9, within(1e-12));
        assertThat(fit.alpha()).isCloseTo(1.0 / 7, within(1e-12));
        assertThat(fit.beta()).isCloseTo(1.0 / 7, within(1e-12));
        assertThat(fit.clusters()).isEqualTo(4);
    }

    /*
     * Underdispersed: k = 1,3,2,2 of 4: Σ(p_i − p̂)² = 0.125 → ρ̂ = (4·0.125/(0.25·3) − 1)/3 = (2/3 − 1)/3 = −1/9
     * → binomial limit, α + β = BINOMIAL_LIMIT_PRECISION.
     */
    @Test
    void noOverdispersionGivesBinomialLimit() {
        BetaBinomial.Fit fit = BetaBinomial.fitMoments(new int[] {1, 3, 2, 2}, new int[] {4, 4, 4, 4});
        assertThat(fit.rho()).isCloseTo(-1.0 / 9, within(1e-12));
        assertThat(fit.binomialLimit()).isTrue();
        assertThat(fit.alpha() + fit.beta()).isCloseTo(BetaBinomial.BINOMIAL_LIMIT_PRECISION, withinPercentage(1e-9));
        assertThat(fit.alpha() / (fit.alpha() + fit.beta())).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void fitRecoversSimulatedIntraclassCorrelation() {
        // p = 0.3, ρ = 0.1 → α + β = 9, α = 2.7, β = 6.3; cluster sizes 5..60 as schools.
        Well19937c rng = new Well19937c(42);
        BetaDistribution prior = new BetaDistribution(rng, 2.7, 6.3);
        Random random = new Random(42);
        int m = 3000;
        int[] k = new int[m];
        int[] n = new int[m];
        for (int i = 0; i < m; i++) {
            n[i] = 5 + random.nextInt(56);
            double p = prior.sample();
            for (int j = 0; j < n[i]; j++) {
                k[i] += random.nextDouble() < p ? 1 : 0;
            }
        }
        BetaBinomial.Fit fit = BetaBinomial.fitMoments(k, n);
        assertThat(fit.mean()).isCloseTo(0.3, within(0.01));
        assertThat(fit.rho()).isCloseTo(0.1, within(0.015));
        assertThat(fit.alpha() + fit.beta()).isCloseTo(9.0, within(1.5));

        // Pure binomial clusters: ρ̂ near 0.
        int[] kb = new int[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n[i]; j++) {
                kb[i] += random.nextDouble() < 0.3 ? 1 : 0;
            }
        }
        assertThat(BetaBinomial.fitMoments(kb, n).rho()).isCloseTo(0.0, within(0.01));
    }

    @Test
    void fitDegenerateInput() {
        assertThat(BetaBinomial.fitMoments(new int[] {2}, new int[] {5}).alpha()).isNaN();
        assertThat(BetaBinomial.fitMoments(new int[] {0, 0, 0}, new int[] {5, 6, 7}).alpha()).isNaN();
        assertThat(BetaBinomial.fitMoments(new int[] {1, 0, 1}, new int[] {1, 1, 1}).alpha()).isNaN();
        assertThat(BetaBinomial.fitMoments(new int[] {6, 0}, new int[] {5, 6}).alpha()).isNaN();
        // Empty clusters are skipped: same as without them.
        BetaBinomial.Fit withEmpty = BetaBinomial.fitMoments(new int[] {0, 4, 0, 1, 3}, new int[] {4, 4, 0, 4, 4});
        assertThat(withEmpty.rho()).isCloseTo(7.0 / 9, within(1e-12));
        assertThat(withEmpty.clusters()).isEqualTo(4);
    }

    private static double bruteForcePmf(int k, int n, double a, double b) {
        double logChoose = Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
        double logBeta1 = Gamma.logGamma(k + a) + Gamma.logGamma(n - k + b) - Gamma.logGamma(n + a + b);
        double logBeta0 = Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
        return Math.exp(logChoose + logBeta1 - logBeta0);
    }
}
