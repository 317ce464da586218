package org.vprobjectivity.stats;

import java.io.Serializable;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Distance between a cell's primary-score histogram and the reference distribution (section 3, "shape").
 * Histograms are indexed by score 0..max.
 */
public final class DistributionDistance {

    /** Cochran's minimum expected count per pooled bin. */
    public static final double MIN_EXPECTED = 5.0;

    private DistributionDistance() {
    }

    /**
     * Pearson chi-square goodness of fit.
     *
     * @param statistic {@code X² = Σ (O − E)²/E} over pooled bins
     * @param df        pooled bins − 1
     * @param pValue    {@code P(χ²_df ≥ X²)}; NaN when df &lt; 1
     * @param bins      pooled bins
     */
    public record ChiSquare(double statistic, int df, double pValue, int bins) implements Serializable {
    }

    /**
     * Kolmogorov–Smirnov distance and its p-value.
     *
     * @param distance {@code D = max_x |F₁(x) − F₂(x)|}
     * @param pValue   p-value from the continuous-case distribution (conservative for discrete scores)
     */
    public record KolmogorovSmirnov(double distance, double pValue) implements Serializable {
    }

    /**
     * Pearson's chi-square test of the cell's counts against the reference probabilities (Pearson 1900), with
     * adjacent score bins pooled left to right until each pooled expected count {@code N·Σp} reaches 5 (Cochran 1954,
     * "Some methods for strengthening the common χ² tests", Biometrics 10; here in its strict form, every pooled bin
     * ≥ 5); a remainder under 5 at the top joins the last pooled bin. {@code df = bins − 1} (no parameters are
     * estimated from the cell). The p-value is the regularized upper incomplete gamma {@code Q(df/2, X²/2)}.
     * The reference probabilities are normalised to sum 1.
     *
     * @return NaN statistic and p-value when the cell is empty or the reference probabilities are invalid (negative,
     *         NaN or summing to 0); p-value NaN when only one pooled bin remains (df = 0, e.g. a cell under 10 works)
     * @throws IllegalArgumentException when the lengths differ
     */
    public static ChiSquare chiSquare(long[] observed, double[] referenceProbabilities) {
        return chiSquare(observed, referenceProbabilities, 0);
    }

    /**
     * As {@link #chiSquare(long[], double[])} with {@code df = bins − 1 − estimated}: the reference was fitted to
     * the cell with {@code estimated} parameters (Fisher 1924: each estimated parameter costs one degree of freedom).
     */
    public static ChiSquare chiSquare(long[] observed, double[] referenceProbabilities, int estimated) {
        if (observed.length != referenceProbabilities.length) {
            throw new IllegalArgumentException("observed and reference differ in length");
        }
        long n = 0;
        for (long o : observed) {
            if (o < 0) {
                return new ChiSquare(Double.NaN, 0, Double.NaN, 0);
            }
            n += o;
        }
        double pSum = 0;
        for (double p : referenceProbabilities) {
            if (!(p >= 0) || Double.isInfinite(p)) {
                return new ChiSquare(Double.NaN, 0, Double.NaN, 0);
            }
            pSum += p;
        }
        if (n == 0 || !(pSum > 0)) {
            return new ChiSquare(Double.NaN, 0, Double.NaN, 0);
        }
        int k = observed.length;
        double[] groupO = new double[k];
        double[] groupE = new double[k];
        int groups = 0;
        double o = 0;
        double e = 0;
        for (int x = 0; x < k; x++) {
            o += observed[x];
            e += n * referenceProbabilities[x] / pSum;
            if (e >= MIN_EXPECTED) {
                groupO[groups] = o;
                groupE[groups] = e;
                groups++;
                o = 0;
                e = 0;
            }
        }
        if (o > 0 || e > 0) {
            if (groups == 0) {
                groupO[0] = o;
                groupE[0] = e;
                groups = 1;
            } else {
                groupO[groups - 1] += o;
                groupE[groups - 1] += e;
            }
        }
        double stat = 0;
        for (int g = 0; g < groups; g++) {
            double d = groupO[g] - groupE[g];
            stat += d * d / groupE[g];
        }
        int df = Math.max(0, groups - 1 - estimated);
        double p = df >= 1 ? Gamma.regularizedGammaQ(df / 2.0, stat / 2.0) : Double.NaN;
        return new ChiSquare(stat, df, p, groups);
    }

    /**
     * The reference distribution exponentially tilted to a given mean: {@code p_θ(x) ∝ p(x)·e^{θx}} with θ solving
     * {@code Σ x·p_θ(x) = mean} (bisection on θ; the tilted mean is increasing in θ). Of all distributions with that
     * mean it is the one closest to p in Kullback–Leibler divergence (Csiszár 1975, "I-divergence geometry of
     * probability distributions", Ann. Probab. 3), so testing a cell against {@code p_θ} at the cell's own mean asks
     * whether its shape differs from the reference beyond a shift of level.
     *
     * @return the tilted probabilities (summing to 1), or null when the mean is not strictly inside the support's range
     *         or the reference is invalid
     */
    public static double[] tiltToMean(double[] referenceProbabilities, double mean) {
        int lo = -1;
        int hi = -1;
        double sum = 0;
        for (int x = 0; x < referenceProbabilities.length; x++) {
            double p = referenceProbabilities[x];
            if (!(p >= 0) || Double.isInfinite(p)) {
                return null;
            }
            if (p > 0) {
                lo = lo < 0 ? x : lo;
                hi = x;
                sum += p;
            }
        }
        if (lo < 0 || !(mean > lo && mean < hi) || !(sum > 0)) {
            return null;
        }
        double scale = Math.max(1, hi - lo);
        double a = -1.0;
        double b = 1.0;
        while (tiltedMean(referenceProbabilities, a / scale) > mean && a > -1e4) {
            a *= 2;
        }
        while (tiltedMean(referenceProbabilities, b / scale) < mean && b < 1e4) {
            b *= 2;
        }
        for (int i = 0; i < 200 && b - a > 1e-13; i++) {
            double m = (a + b) / 2;
            if (tiltedMean(referenceProbabilities, m / scale) < mean) {
                a = m;
            } else {
                b = m;
            }
        }
        return tilted(referenceProbabilities, (a + b) / 2 / scale);
    }

    private static double tiltedMean(double[] p, double theta) {
        double[] q = tilted(p, theta);
        double m = 0;
        for (int x = 0; x < q.length; x++) {
            m += x * q[x];
        }
        return m;
    }

    /** {@code p(x)·e^{θx}} normalised, computed with the largest exponent subtracted so it cannot overflow. */
    private static double[] tilted(double[] p, double theta) {
        double top = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < p.length; x++) {
            if (p[x] > 0) {
                top = Math.max(top, theta * x);
            }
        }
        double[] q = new double[p.length];
        double total = 0;
        for (int x = 0; x < p.length; x++) {
            q[x] = p[x] > 0 ? p[x] * Math.exp(theta * x - top) : 0;
            total += q[x];
        }
        for (int x = 0; x < p.length; x++) {
            q[x] /= total;
        }
        return q;
    }

    /**
     * One-sample Kolmogorov–Smirnov distance of the cell's empirical CDF from the reference CDF, both step functions on
     * the scores, so {@code D = max_x |F_n(x) − F(x)|} over the scores x (Kolmogorov 1933). The p-value
     * {@code P(D_n ≥ D)} is computed as for a continuous F (Commons Math {@code KolmogorovSmirnovTest.cdf}, exact for
     * small n, Marsaglia–Tsang–Wang 2003 / Pelz–Good for larger): for a discrete F the true p-value is smaller, so
     * this is conservative (Noether 1963, "Note on the Kolmogorov statistic in the discrete case", Metrika 7; Conover
     * 1972, JASA 67). Reference probabilities are normalised to sum 1.
     *
     * @return NaN distance and p-value when the cell is empty or the reference is invalid
     * @throws IllegalArgumentException when the lengths differ
     */
    public static KolmogorovSmirnov ksOneSample(long[] observed, double[] referenceProbabilities) {
        if (observed.length != referenceProbabilities.length) {
            throw new IllegalArgumentException("observed and reference differ in length");
        }
        long n = sum(observed);
        double pSum = 0;
        for (double p : referenceProbabilities) {
            if (!(p >= 0) || Double.isInfinite(p)) {
                return new KolmogorovSmirnov(Double.NaN, Double.NaN);
            }
            pSum += p;
        }
        if (n <= 0 || !(pSum > 0) || n > Integer.MAX_VALUE) {
            return new KolmogorovSmirnov(Double.NaN, Double.NaN);
        }
        double d = 0;
        long cum = 0;
        double ref = 0;
        for (int x = 0; x < observed.length; x++) {
            cum += observed[x];
            ref += referenceProbabilities[x] / pSum;
            d = Math.max(d, Math.abs((double) cum / n - ref));
        }
        d = Math.min(1.0, d);
        double p = 1.0 - new KolmogorovSmirnovTest().cdf(d, (int) n);
        return new KolmogorovSmirnov(d, Math.max(0.0, Math.min(1.0, p)));
    }

    /**
     * Two-sample Kolmogorov–Smirnov distance between two histograms on the same scores,
     * {@code D = max_x |F₁(x) − F₂(x)|} (Smirnov 1939). The p-value is the asymptotic one,
     * {@code P(K > D·sqrt(n₁n₂/(n₁+n₂)))} with K Kolmogorov's limiting distribution (Commons Math
     * {@code approximateP}); with tied (discrete) scores it is conservative, as in the one-sample case.
     *
     * @return NaN distance and p-value when either histogram is empty
     * @throws IllegalArgumentException when the lengths differ
     */
    public static KolmogorovSmirnov ksTwoSample(long[] first, long[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("histograms differ in length");
        }
        long n1 = sum(first);
        long n2 = sum(second);
        if (n1 <= 0 || n2 <= 0 || n1 > Integer.MAX_VALUE || n2 > Integer.MAX_VALUE) {
            return new KolmogorovSmirnov(Double.NaN, Double.NaN);
        }
        double d = 0;
        long c1 = 0;
        long c2 = 0;
        for (int x = 0; x < first.length; x++) {
            c1 += first[x];
            c2 += second[x];
            d = Math.max(d, Math.abs((double) c1 / n1 - (double) c2 / n2));
        }
        double p = new KolmogorovSmirnovTest().approximateP(d, (int) n1, (int) n2);
        return new KolmogorovSmirnov(d, Math.max(0.0, Math.min(1.0, p)));
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            if (c < 0) {
                return -1;
            }
            s += c;
        }
        return s;
    }
}
