package org.vprobjectivity.stats;

/**
 * Empirical-Bayes shrinkage of a cell's share toward the reference (section 2: a class of 6 with five "5" is weaker
 * evidence than a class of 30 with twenty-five). The prior Beta(α, β) is the region's spread of school shares,
 * fitted by {@link BetaBinomial#fitMoments}.
 */
public final class EmpiricalBayes {

    private EmpiricalBayes() {
    }

    /**
     * Posterior mean of the cell's true share under a Beta(α, β) prior and {@code k} successes in {@code n}:
     * {@code (k + α)/(n + α + β)} (conjugate beta-binomial update; used as an empirical-Bayes estimator by Efron &amp;
     * Morris 1975, "Data analysis using Stein's estimator and its generalizations", JASA 70). Equivalently
     * {@code λ·k/n + (1 − λ)·α/(α + β)} with {@code λ = }{@link #shrinkageWeight}.
     *
     * @return the prior mean {@code α/(α+β)} when {@code n = 0}; NaN when α or β is not positive and finite, or when
     *         {@code k} lies outside {@code 0..n}
     */
    public static double shrunkShare(long k, long n, double alpha, double beta) {
        if (!validPrior(alpha, beta) || n < 0 || k < 0 || k > n) {
            return Double.NaN;
        }
        return (k + alpha) / (n + alpha + beta);
    }

    /**
     * Weight of the cell's own share in {@link #shrunkShare}: {@code λ = n/(n + α + β)} (Efron &amp; Morris 1975).
     * NaN for an invalid prior or {@code n < 0}.
     */
    public static double shrinkageWeight(long n, double alpha, double beta) {
        if (!validPrior(alpha, beta) || n < 0) {
            return Double.NaN;
        }
        return n / (n + alpha + beta);
    }

    private static boolean validPrior(double alpha, double beta) {
        return alpha > 0 && beta > 0 && !Double.isInfinite(alpha) && !Double.isInfinite(beta);
    }
}
