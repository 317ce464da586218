package org.vprobjectivity.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Exact binomial tails for one-sided tests of a cell's share against the reference share (sections 1–3: «повысили»,
 * share of marks 4–5, share just above a cut).
 *
 * <p>Tails are computed through the regularized incomplete beta function, which is exact and keeps full relative
 * precision in a small tail (no {@code 1 − cdf} cancellation): {@code P(X ≥ k) = I_p(k, n − k + 1)} and
 * {@code P(X ≤ k) = I_{1−p}(n − k, k + 1)} (Abramowitz &amp; Stegun 1964, 26.5.24; Johnson, Kemp &amp; Kotz,
 * "Univariate Discrete Distributions", 3rd ed., §3.6). Commons Math's {@link Beta#regularizedBeta} evaluates them.
 *
 * <p>Degenerate arguments never throw: {@code k ≤ 0} → upper tail 1; {@code k > n} → upper tail 0; {@code p = 0}
 * or {@code p = 1} → the point mass at 0 or n; {@code n < 0}, {@code p} NaN or outside [0, 1] → NaN.
 */
public final class Binomial {

    private Binomial() {
    }

    /** {@code P(X ≥ k)} for {@code X ~ Bin(n, p)}; see the class comment for the degenerate cases. */
    public static double upperTail(long k, long n, double p) {
        if (invalid(n, p)) {
            return Double.NaN;
        }
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        if (p == 0.0) {
            return 0.0; // X = 0 surely and k ≥ 1
        }
        if (p == 1.0) {
            return 1.0; // X = n surely and k ≤ n
        }
        return clamp(Beta.regularizedBeta(p, k, n - k + 1));
    }

    /** {@code P(X ≤ k)} for {@code X ~ Bin(n, p)}; {@code k < 0} → 0, {@code k ≥ n} → 1, otherwise as the class says. */
    public static double lowerTail(long k, long n, double p) {
        if (invalid(n, p)) {
            return Double.NaN;
        }
        if (k < 0) {
            return 0.0;
        }
        if (k >= n) {
            return 1.0;
        }
        if (p == 0.0) {
            return 1.0; // X = 0 ≤ k
        }
        if (p == 1.0) {
            return 0.0; // X = n > k
        }
        return clamp(Beta.regularizedBeta(1.0 - p, n - k, k + 1.0));
    }

    /**
     * {@code P(X = k) = C(n, k)·p^k·(1 − p)^(n−k)} (Commons Math's saddle-point evaluation, Loader 2000).
     * 0 outside {@code 0..n}; NaN for invalid n or p.
     */
    public static double pmf(long k, long n, double p) {
        if (invalid(n, p) || n > Integer.MAX_VALUE) {
            return Double.NaN;
        }
        if (k < 0 || k > n) {
            return 0.0;
        }
        if (p == 0.0 || p == 1.0) {
            return (p == 0.0 ? k == 0 : k == n) ? 1.0 : 0.0;
        }
        return new BinomialDistribution(null, (int) n, p).probability((int) k);
    }

    /**
     * Mid-p upper tail {@code P(X > k) + ½·P(X = k)} (Lancaster 1961, "Significance tests in discrete
     * distributions", JASA 56; Agresti, "Categorical Data Analysis", 3rd ed., §1.4.5): less conservative than the exact
     * tail for small cells while keeping its size close to nominal on average. Degenerate cases as the exact tails.
     */
    public static double upperTailMidP(long k, long n, double p) {
        if (invalid(n, p)) {
            return Double.NaN;
        }
        return upperTail(k + 1, n, p) + 0.5 * pmf(k, n, p);
    }

    private static boolean invalid(long n, double p) {
        return n < 0 || !(p >= 0.0 && p <= 1.0);
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
