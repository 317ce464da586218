package org.vprobjectivity.stats;

import java.io.Serializable;

/**
 * Mean paired difference {@code D = mean(v − j)} (VPR mark minus journal mark) with its standard error
 * {@code s_d/√n} — the paired-sample mean and its SE (Student 1908; any statistics text, e.g. Rice, "Mathematical
 * Statistics and Data Analysis", 3rd ed., §11.3).
 *
 * @param n             number of pairs
 * @param mean          {@code Σd/n}; NaN when n = 0
 * @param sd            sample SD of the differences, divisor {@code n − 1}; NaN when n &lt; 2
 * @param standardError {@code sd/√n}; NaN when n &lt; 2 (0 when every difference is equal)
 */
public record MeanDifference(long n, double mean, double sd, double standardError) implements Serializable {

    /**
     * From paired ratings: {@code d_i = v_i − j_i}.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static MeanDifference of(int[] v, int[] j) {
        if (v.length != j.length) {
            throw new IllegalArgumentException("v and j differ in length: " + v.length + " vs " + j.length);
        }
        double[] d = new double[v.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (double) v[i] - j[i];
        }
        return of(d);
    }

    /** From the differences themselves (two-pass). Empty → n = 0, all NaN. */
    public static MeanDifference of(double[] d) {
        MeanInterval m = MeanInterval.of(d);
        return new MeanDifference(m.n(), m.mean(), m.sd(), m.sd() / Math.sqrt(m.n()));
    }

    /**
     * From streaming sums {@code n, Σd, Σd²} (Spark aggregation): {@code s² = (Σd² − (Σd)²/n)/(n − 1)}, clamped at 0.
     * n = 0 → all NaN; n = 1 → SD and SE NaN.
     */
    public static MeanDifference fromSums(long n, double sum, double sumOfSquares) {
        MeanInterval m = MeanInterval.fromSums(n, sum, sumOfSquares);
        return new MeanDifference(m.n(), m.mean(), m.sd(), m.sd() / Math.sqrt(m.n()));
    }

    /**
     * {@code t = D / SE}, the paired t statistic (Student 1908). NaN when the SE is NaN or when the SE is 0 and D is 0;
     * ±∞ when every difference is the same non-zero value.
     */
    public double t() {
        return mean / standardError;
    }
}
