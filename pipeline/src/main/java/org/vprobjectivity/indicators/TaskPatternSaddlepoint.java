package org.vprobjectivity.indicators;

import org.apache.commons.math3.special.Erf;

/**
 * Upper tail {@code P(S ≥ s)} of a sum {@code S = Σ_i Y_i} of independent discrete variables with known (empirical)
 * distributions, by the Lugannani–Rice saddlepoint approximation (Lugannani &amp; Rice 1980, "Saddle point
 * approximation for the distribution of the sum of independent random variables", Adv. Appl. Probab. 12; Daniels 1987,
 * "Tail probability approximations", Int. Stat. Review 55). With the empirical distributions of a reference this is
 * the saddlepoint form of a resampling (bootstrap) null (Davison &amp; Hinkley 1988, "Saddlepoint approximations in
 * resampling methods", Biometrika 75): accurate far into the tail where a normal approximation of a skewed sum is
 * not, and without Monte Carlo's floor of 1/(R + 1).
 *
 * <p>With {@code K(t) = Σ_i log E[e^{t·Y_i}]} and the saddlepoint {@code t̂} solving {@code K'(t̂) = s}:
 * {@code w = sign(t̂)·sqrt(2(t̂·s − K(t̂)))}, {@code u = t̂·sqrt(K''(t̂))},
 * {@code P(S ≥ s) ≈ 1 − Φ(w) + φ(w)·(1/u − 1/w)}. Near the mean ({@code |w|} below {@value #NEAR_MEAN}) the formula
 * loses precision and the normal tail {@code 1 − Φ((s − K'(0))/sqrt(K''(0)))} is used (the p-value is about ½ there).
 * At or beyond the largest possible sum the tail is exact: the probability that every Y_i takes its maximum, or 0.
 * Lattice sums are treated as continuous (no continuity correction); for sums of several variables on different
 * lattices that is close to the mid-p value.
 */
final class TaskPatternSaddlepoint {

    static final double NEAR_MEAN = 1e-3;

    private TaskPatternSaddlepoint() {
    }

    /**
     * @param s      the observed sum
     * @param values {@code values[g]} the support of distribution g
     * @param probs  {@code probs[g]} its probabilities (summing to 1)
     * @param times  {@code times[g]}: how many of the summed variables follow distribution g
     * @return {@code P(S ≥ s)} in [0, 1]; NaN when there is nothing to sum or a distribution is empty
     */
    static double upperTail(double s, double[][] values, double[][] probs, int[] times) {
        int groups = values.length;
        double mean = 0;
        double var = 0;
        double top = 0;
        double bottom = 0;
        double logAllTop = 0;
        int used = 0;
        for (int g = 0; g < groups; g++) {
            if (times[g] == 0) {
                continue;
            }
            if (values[g].length == 0) {
                return Double.NaN;
            }
            double m = 0;
            double m2 = 0;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            double pMax = 0;
            for (int j = 0; j < values[g].length; j++) {
                m += probs[g][j] * values[g][j];
                m2 += probs[g][j] * values[g][j] * values[g][j];
                max = Math.max(max, values[g][j]);
                min = Math.min(min, values[g][j]);
            }
            for (int j = 0; j < values[g].length; j++) {
                pMax += values[g][j] == max ? probs[g][j] : 0;
            }
            mean += times[g] * m;
            var += times[g] * Math.max(0.0, m2 - m * m);
            top += times[g] * max;
            bottom += times[g] * min;
            logAllTop += times[g] * Math.log(pMax);
            used += times[g];
        }
        if (used == 0) {
            return Double.NaN;
        }
        double tol = 1e-9 * Math.max(1.0, Math.abs(top) + Math.abs(bottom));
        if (s >= top - tol) {
            return s > top + tol ? 0.0 : Math.exp(logAllTop);
        }
        if (s <= bottom + tol) {
            return 1.0;
        }
        double t = solve(s, values, probs, times, mean);
        double[] k = cumulants(t, values, probs, times);
        double w2 = 2 * (t * s - k[0]);
        double w = Math.signum(t) * Math.sqrt(Math.max(0.0, w2));
        if (Math.abs(w) < NEAR_MEAN || !(k[2] > 0)) {
            return normalUpper((s - mean) / Math.sqrt(var));
        }
        double u = t * Math.sqrt(k[2]);
        double phi = Math.exp(-0.5 * w * w) / Math.sqrt(2 * Math.PI);
        double p = normalUpper(w) + phi * (1 / u - 1 / w);
        return Math.max(0.0, Math.min(1.0, p));
    }

    /** {K(t), K'(t), K''(t)}, each variable's CGF by log-sum-exp shifted at its largest exponent. */
    static double[] cumulants(double t, double[][] values, double[][] probs, int[] times) {
        double k0 = 0;
        double k1 = 0;
        double k2 = 0;
        for (int g = 0; g < values.length; g++) {
            if (times[g] == 0) {
                continue;
            }
            double shift = Double.NEGATIVE_INFINITY;
            for (double v : values[g]) {
                shift = Math.max(shift, t * v);
            }
            double z = 0;
            double z1 = 0;
            double z2 = 0;
            for (int j = 0; j < values[g].length; j++) {
                double e = probs[g][j] * Math.exp(t * values[g][j] - shift);
                z += e;
                z1 += e * values[g][j];
                z2 += e * values[g][j] * values[g][j];
            }
            double m = z1 / z;
            k0 += times[g] * (shift + Math.log(z));
            k1 += times[g] * m;
            k2 += times[g] * Math.max(0.0, z2 / z - m * m);
        }
        return new double[] {k0, k1, k2};
    }

    /** The saddlepoint: K'(t) = s by bisection on a bracket grown from 0 (K' increases), refined by Newton steps. */
    private static double solve(double s, double[][] values, double[][] probs, int[] times, double mean) {
        double lo;
        double hi;
        if (s > mean) {
            lo = 0;
            hi = 1;
            while (cumulants(hi, values, probs, times)[1] < s && hi < 1e8) {
                lo = hi;
                hi *= 2;
            }
        } else {
            hi = 0;
            lo = -1;
            while (cumulants(lo, values, probs, times)[1] > s && lo > -1e8) {
                hi = lo;
                lo *= 2;
            }
        }
        double t = 0.5 * (lo + hi);
        for (int i = 0; i < 200; i++) {
            double[] k = cumulants(t, values, probs, times);
            double f = k[1] - s;
            if (f > 0) {
                hi = t;
            } else {
                lo = t;
            }
            double next = k[2] > 0 ? t - f / k[2] : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - t) <= 1e-12 * Math.max(1.0, Math.abs(t))) {
                return next;
            }
            t = next;
        }
        return t;
    }

    /** {@code 1 − Φ(z)} without cancellation in the upper tail. */
    static double normalUpper(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2.0));
    }
}
