package org.vprobjectivity.stats;

import java.io.Serializable;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Compressed spread (section 3; INVALSI's second cheating indicator, the within-class standard deviation of scores
 * being low for the class's level — Quintano, Castellano &amp; Longobardi 2009). On a bounded test the SD depends on the
 * mean (classes near the floor or the ceiling are less spread), so a class is compared with the SD that reference
 * classes show at the same mean.
 *
 * <p>Model: weighted least squares of class SD on a quadratic in the class mean, weights {@code n − 1} (the SD's
 * degrees of freedom; its sampling variance is about {@code σ²/(2(n − 1))}, Kendall &amp; Stuart, "The Advanced Theory
 * of Statistics" vol. 1, §10.8). The mean is rescaled to [−1, 1] over the reference's range before forming powers.
 * The degree drops to 1 or 0 when there are too few classes or too few distinct means (at least one residual degree of
 * freedom is kept).
 */
public final class ScoreSpread {

    private ScoreSpread() {
    }

    /**
     * Fits the expected-SD curve from reference classes; classes with {@code n < 2} or a non-finite mean or SD are
     * skipped.
     *
     * @return the model; with no usable class every prediction is NaN; with one usable class the curve is that
     *         class's SD and the residual SD is NaN
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static Model fit(double[] means, double[] sds, int[] ns) {
        if (means.length != sds.length || means.length != ns.length) {
            throw new IllegalArgumentException("means, sds and ns differ in length");
        }
        int m = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < means.length; i++) {
            if (usable(means[i], sds[i], ns[i])) {
                m++;
                lo = Math.min(lo, means[i]);
                hi = Math.max(hi, means[i]);
            }
        }
        if (m == 0) {
            return new Model(0, 1, new double[] {Double.NaN}, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] x = new double[m];
        double[] y = new double[m];
        double[] w = new double[m];
        for (int i = 0, j = 0; i < means.length; i++) {
            if (usable(means[i], sds[i], ns[i])) {
                x[j] = means[i];
                y[j] = sds[i];
                w[j] = ns[i] - 1;
                j++;
            }
        }
        int distinct = (int) java.util.Arrays.stream(x).distinct().count();
        int degree = Math.max(0, Math.min(2, Math.min(distinct - 1, m - 2)));
        int p = degree + 1;
        double center = (lo + hi) / 2;
        double half = hi > lo ? (hi - lo) / 2 : 1.0;
        RealMatrix design = new Array2DRowRealMatrix(m, p);
        RealVector target = new ArrayRealVector(m);
        for (int i = 0; i < m; i++) {
            double sw = Math.sqrt(w[i]);
            double u = (x[i] - center) / half;
            double v = 1;
            for (int c = 0; c < p; c++) {
                design.setEntry(i, c, sw * v);
                v *= u;
            }
            target.setEntry(i, sw * y[i]);
        }
        double[] coef = new QRDecomposition(design).getSolver().solve(target).toArray();
        Model raw = new Model(center, half, coef, lo, hi, Double.NaN, Double.NaN, m);
        double wsum = 0;
        double wr2 = 0;
        double excess = 0;
        for (int i = 0; i < m; i++) {
            double e = raw.curve(x[i]);
            double r = y[i] - e;
            wsum += w[i];
            wr2 += w[i] * r * r;
            excess += w[i] * r * r - e * e / 2; // w·(r² − e²/(2w)), w = n − 1
        }
        double residual = m > p ? Math.sqrt(wr2 / wsum * m / (m - p)) : Double.NaN;
        double between = m > p ? Math.sqrt(Math.max(0.0, excess / wsum * m / (m - p))) : Double.NaN;
        return new Model(center, half, coef, lo, hi, residual, between, m);
    }

    private static boolean usable(double mean, double sd, int n) {
        return n >= 2 && Double.isFinite(mean) && Double.isFinite(sd) && sd >= 0;
    }

    /**
     * Fitted expected within-class SD as a function of the class mean.
     *
     * @param center       centre of the mean's rescaling
     * @param halfRange    half-range of the mean's rescaling
     * @param coefficients polynomial coefficients in {@code u = (mean − center)/halfRange}, constant first
     * @param minMean      smallest reference class mean
     * @param maxMean      largest reference class mean
     * @param residualSd   weighted residual SD {@code sqrt(Σw r²/Σw · m/(m − p))}, weights n − 1; NaN without
     *                     residual degrees of freedom
     * @param betweenSd    τ: residual SD left after removing each class's own sampling noise
     *                     {@code τ² = max(0, Σ w (r² − ê²/(2w)) / Σ w · m/(m − p))}; NaN like residualSd
     * @param classes      reference classes used
     */
    public record Model(double center, double halfRange, double[] coefficients, double minMean, double maxMean,
            double residualSd, double betweenSd, int classes) implements Serializable {

        /**
         * Expected SD at {@code mean}; the mean is clamped into the reference's range [minMean, maxMean] (no polynomial
         * extrapolation) and the result floored at 0. NaN for a NaN mean or an empty model.
         */
        public double expectedSd(double mean) {
            if (Double.isNaN(mean) || classes == 0) {
                return Double.NaN;
            }
            double clamped = Math.max(minMean, Math.min(maxMean, mean));
            return Math.max(0.0, curve(clamped));
        }

        private double curve(double mean) {
            double u = (mean - center) / halfRange;
            double s = 0;
            double v = 1;
            for (double c : coefficients) {
                s += c * v;
                v *= u;
            }
            return s;
        }

        /** {@code z = (sd − expectedSd(mean)) / residualSd}: negative = more compressed than usual. NaN when undefined. */
        public double z(double mean, double sd) {
            return (sd - expectedSd(mean)) / residualSd;
        }

        /**
         * Size-aware {@code z = (sd − ê)/sqrt(τ² + ê²/(2(n − 1)))}, {@code ê = expectedSd(mean)}: the class's own
         * sampling noise (normal theory, SE of s ≈ σ/√(2(n−1))) plus the between-class spread τ. Small classes then
         * need a bigger gap. NaN when {@code n < 2} or the model is undefined.
         */
        public double z(double mean, double sd, int n) {
            if (n < 2) {
                return Double.NaN;
            }
            double e = expectedSd(mean);
            double scale = Math.sqrt(betweenSd * betweenSd + e * e / (2.0 * (n - 1)));
            return (sd - e) / scale;
        }
    }
}
