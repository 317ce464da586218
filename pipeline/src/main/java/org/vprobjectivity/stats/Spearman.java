package org.vprobjectivity.stats;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Spearman's rank correlation, used by official FIOKO marker 2 (journal mark vs primary score, marked when
 * {@code r_s < 0}) and by the difficulty-inversion indicator (cell's per-task solve rates vs the reference's).
 */
public final class Spearman {

    private Spearman() {
    }

    /**
     * {@code r_s} = Pearson's correlation of the ranks, ties given their average rank (Spearman 1904; with ties this
     * is the standard definition, e.g. Kendall &amp; Gibbons, "Rank Correlation Methods", 1990, ch. 3; FIOKO's marker 2
     * computes it on marks that are heavily tied, so the classic {@code 1 − 6Σd²/(n(n²−1))} shortcut, exact only
     * without ties, is not used).
     *
     * @return NaN when {@code n < 2}, when either side is constant (its rank variance is 0), or when any value is
     *         NaN; otherwise a value in [−1, 1]
     * @throws IllegalArgumentException when the arrays differ in length (a caller's error, not data)
     */
    public static double rho(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                return Double.NaN;
            }
        }
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        return pearson(ranking.rank(x), ranking.rank(y));
    }

    /** Same as {@link #rho(double[], double[])} for integer data (marks, scores). */
    public static double rho(int[] x, int[] y) {
        return rho(toDouble(x), toDouble(y));
    }

    /**
     * Pearson's product-moment correlation {@code Σ(a−ā)(b−b̄)/sqrt(Σ(a−ā)²·Σ(b−b̄)²)} (Pearson 1896).
     * NaN when either side has zero variance or n &lt; 2.
     */
    static double pearson(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa <= 0 || sbb <= 0) {
            return Double.NaN;
        }
        double r = sab / Math.sqrt(saa * sbb);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    private static double[] toDouble(int[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
