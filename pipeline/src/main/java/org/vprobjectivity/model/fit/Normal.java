package org.vprobjectivity.model.fit;

import org.apache.commons.math3.special.Erf;

/** The standard normal's tails and their inverse, accurate far into the tails (p down to 1e-300). */
public final class Normal {

    private Normal() {
    }

    /** P(Z ≤ z), by erfc so the lower tail keeps its relative precision. */
    public static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** P(Z ≥ z). */
    public static double upper(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    /**
     * z with P(Z ≤ z) = p: Acklam's rational approximation (relative error 1.2e-9) refined by one Halley step on
     * the erfc-based cdf (Acklam 2003, "An algorithm for computing the inverse normal cumulative distribution
     * function"). p is clamped to [1e-300, 1 − 1e-16].
     */
    public static double quantile(double p) {
        double q = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
        double x;
        if (q < 0.02425) {
            double t = Math.sqrt(-2 * Math.log(q));
            x = (((((-7.784894002430293e-03 * t - 3.223964580411365e-01) * t - 2.400758277161838e+00) * t
                    - 2.549732539343734e+00) * t + 4.374664141464968e+00) * t + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * t + 3.224671290700398e-01) * t + 2.445134137142996e+00) * t
                    + 3.754408661907416e+00) * t + 1);
        } else if (q <= 1 - 0.02425) {
            double t = q - 0.5;
            double r = t * t;
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                    + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * t
                    / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
        } else {
            double t = Math.sqrt(-2 * Math.log(1 - q));
            x = -(((((-7.784894002430293e-03 * t - 3.223964580411365e-01) * t - 2.400758277161838e+00) * t
                    - 2.549732539343734e+00) * t + 4.374664141464968e+00) * t + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * t + 3.224671290700398e-01) * t + 2.445134137142996e+00) * t
                    + 3.754408661907416e+00) * t + 1);
        }
        double e = cdf(x) - q;
        double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    /**
     * The normal deviate of a standardised sum {@code x} (mean 0, variance 1) with skewness {@code γ}: the
     * Wilson–Hilferty cube-root form of the Cornish–Fisher expansion, {@code (6/γ)·((1 + γx/2)^{1/3} − 1) + γ/6}
     * (Wilson &amp; Hilferty 1931, PNAS 17; Johnson, Kotz &amp; Balakrishnan, "Continuous univariate distributions"
     * vol. 1 §17); {@code x} itself where γ is negligible. Below the form's support ({@code 1 + γx/2 ≤ 0}, far in the
     * lower tail of a right-skewed sum, or the upper tail of a left-skewed one) the cube root of a negative number keeps
     * it monotone.
     */
    public static double skewCorrected(double x, double gamma) {
        if (Math.abs(gamma) < 1e-6) {
            return x;
        }
        return 6 / gamma * (Math.cbrt(1 + gamma * x / 2) - 1) + gamma / 6;
    }
}
