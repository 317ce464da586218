package org.vprobjectivity.stats;

/**
 * The sum of independent binomials with different success probabilities, {@code S = Σ_k X_k},
 * {@code X_k ~ Bin(n_k, p_k)}: its exact distribution by convolution of the binomial probability functions (a
 * Poisson-binomial with groups; Feller, "An Introduction to Probability Theory", vol. 1, §XI.2), O((Σn)²).
 */
public final class BinomialSum {

    private BinomialSum() {
    }

    /** {@code P(S = s)} for s = 0..Σn; null when any n is negative or p outside [0, 1]. */
    public static double[] pmf(long[] n, double[] p) {
        if (n.length != p.length) {
            throw new IllegalArgumentException("n and p differ in length");
        }
        double[] dist = {1.0};
        for (int k = 0; k < n.length; k++) {
            if (n[k] < 0 || !(p[k] >= 0 && p[k] <= 1)) {
                return null;
            }
            double[] next = new double[dist.length + (int) n[k]];
            for (int j = 0; j <= n[k]; j++) {
                double b = Binomial.pmf(j, n[k], p[k]);
                if (b == 0) {
                    continue;
                }
                for (int s = 0; s < dist.length; s++) {
                    next[s + j] += dist[s] * b;
                }
            }
            dist = next;
        }
        return dist;
    }

    /**
     * Mid-p upper tail {@code P(S > s) + ½·P(S = s)} (Lancaster 1961, as {@link Binomial#upperTailMidP}); NaN for
     * invalid parameters.
     */
    public static double upperTailMidP(long observed, long[] n, double[] p) {
        double[] dist = pmf(n, p);
        if (dist == null) {
            return Double.NaN;
        }
        double tail = 0;
        for (int s = dist.length - 1; s > observed && s >= 0; s--) {
            tail += dist[s];
        }
        double at = observed >= 0 && observed < dist.length ? dist[(int) observed] : 0;
        return Math.max(0.0, Math.min(1.0, tail + 0.5 * at));
    }

    /**
     * The smallest mid-p the test can give, reached when every trial succeeds: {@code ½·Π p_k^{n_k}}. A test whose
     * smallest attainable p-value is above the level cannot reject and, by Tarone's rule (Tarone 1990, "A modified
     * Bonferroni method for discrete data", Biometrics 46; Gilbert 2005, JRSS C 54 for the FDR), is better left out
     * of the family than counted.
     */
    public static double smallestMidP(long[] n, double[] p) {
        double logP = 0;
        for (int k = 0; k < n.length; k++) {
            if (n[k] > 0) {
                logP += n[k] * Math.log(p[k]);
            }
        }
        return 0.5 * Math.exp(logP);
    }
}
