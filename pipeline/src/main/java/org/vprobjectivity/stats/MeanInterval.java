package org.vprobjectivity.stats;

import java.io.Serializable;

/**
 * Mean, sample SD and the 95% interval of official FIOKO marker 1 («Завышенные значения среднего балла»).
 *
 * <p>Source: FIOKO, «Методика расчета показателя "Уровень объективности оценки образовательных результатов в
 * субъекте Российской Федерации"», appendix «Математический алгоритм маркировки образовательных организаций»:
 * the interval is {@code x̄ ± 1.96·s/√n}, {@code s} the sample SD with divisor {@code n − 1}, computed alike for the
 * region (all participants) and for the school; the school is marked when its lower bound lies above the region's
 * upper bound ({@link #lowerAbove}).
 *
 * @param n     number of values
 * @param mean  arithmetic mean; NaN when {@code n = 0}
 * @param sd    sample standard deviation {@code sqrt(Σ(x − x̄)²/(n − 1))}; NaN when {@code n < 2}
 * @param lower {@code mean − 1.96·sd/√n}; NaN when {@code n < 2}
 * @param upper {@code mean + 1.96·sd/√n}; NaN when {@code n < 2}
 */
public record MeanInterval(long n, double mean, double sd, double lower, double upper) implements Serializable {

    /** The normal quantile FIOKO uses (two-sided 95%, rounded as in the official text). */
    public static final double FIOKO_Z = 1.96;

    /**
     * From the values themselves, two-pass (mean first, then squared deviations) for accuracy.
     * Empty array → n = 0 and everything NaN; one value → mean = that value, SD and bounds NaN.
     * NaN values propagate into the mean (the caller drops missing scores first).
     */
    public static MeanInterval of(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new MeanInterval(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return withSd(n, mean, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)));
    }

    /** Same as {@link #of(double[])} for integer scores. */
    public static MeanInterval of(int[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return of(d);
    }

    /**
     * From streaming sums, as a Spark aggregation gives them: {@code n}, {@code Σx}, {@code Σx²}.
     * {@code s² = (Σx² − (Σx)²/n)/(n − 1)} (textbook computational formula; exact in doubles for primary scores,
     * which are small integers), clamped at 0 against rounding. n = 0 → all NaN; n = 1 → SD and bounds NaN.
     */
    public static MeanInterval fromSums(long n, double sum, double sumOfSquares) {
        if (n <= 0) {
            return new MeanInterval(Math.max(n, 0), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double sd = Double.NaN;
        if (n >= 2) {
            double ss = Math.max(0.0, sumOfSquares - sum * sum / n);
            sd = Math.sqrt(ss / (n - 1));
        }
        return withSd(n, mean, sd);
    }

    private static MeanInterval withSd(long n, double mean, double sd) {
        double half = FIOKO_Z * sd / Math.sqrt(n);
        return new MeanInterval(n, mean, sd, mean - half, mean + half);
    }

    /**
     * Marker 1's rule: this (school) interval's lower bound lies strictly above the reference (region) interval's
     * upper bound. False when either bound is NaN (comparisons with NaN are false).
     */
    public boolean lowerAbove(MeanInterval reference) {
        return lower > reference.upper;
    }
}
