package org.vprobjectivity.stats;

import java.io.Serializable;

/**
 * The between-cell spread of a cell-level mean (here: the mean of VPR mark − journal mark) by DerSimonian &amp; Laird's
 * method of moments ("Meta-analysis in clinical trials", Controlled Clinical Trials 7, 1986). Each cell i has mean
 * d_i over n_i values; the within-cell variance σ²_w is pooled over the cells, {@code Σ(n_i − 1)s²_i / Σ(n_i − 1)}, so
 * a small cell whose values happen to agree does not get a zero variance. With {@code w_i = n_i/σ²_w},
 * {@code Q = Σ w_i (d_i − d̄_w)²} and {@code τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw))}; the overall mean
 * {@code μ = Σ v_i d_i / Σ v_i} with {@code v_i = 1/(τ² + σ²_w/n_i)}. A cell's standardised deviation is then
 * {@code z_i = (d_i − μ)/sqrt(τ² + σ²_w/n_i)} (the cell's own weight in μ is small when cells are many).
 */
public final class RandomEffects {

    /** μ, τ², σ²_w and the number of cells k; NaN fields when fewer than two cells have two or more values. */
    public record Fit(double mean, double tau2, double withinVariance, int cells) implements Serializable {

        /** The standardised deviation of a cell with mean d over n values; NaN when undefined. */
        public double z(double d, long n) {
            if (n <= 0 || Double.isNaN(mean) || Double.isNaN(d)) {
                return Double.NaN;
            }
            double var = tau2 + withinVariance / n;
            return var > 0 ? (d - mean) / Math.sqrt(var) : Double.NaN;
        }
    }

    private RandomEffects() {
    }

    /**
     * @param means     per-cell means
     * @param variances per-cell sample variances (n − 1 divisor; NaN for a cell of one value)
     * @param n         per-cell counts
     */
    public static Fit fit(double[] means, double[] variances, long[] n) {
        double ss = 0;
        long df = 0;
        int k = 0;
        for (int i = 0; i < means.length; i++) {
            if (n[i] >= 1 && !Double.isNaN(means[i])) {
                k++;
                if (n[i] >= 2 && !Double.isNaN(variances[i])) {
                    ss += (n[i] - 1) * variances[i];
                    df += n[i] - 1;
                }
            }
        }
        if (k < 2 || df == 0 || !(ss > 0)) {
            return new Fit(Double.NaN, Double.NaN, Double.NaN, k);
        }
        double within = ss / df;
        double sw = 0;
        double sw2 = 0;
        double swd = 0;
        for (int i = 0; i < means.length; i++) {
            if (n[i] >= 1 && !Double.isNaN(means[i])) {
                double w = n[i] / within;
                sw += w;
                sw2 += w * w;
                swd += w * means[i];
            }
        }
        double fixed = swd / sw;
        double q = 0;
        for (int i = 0; i < means.length; i++) {
            if (n[i] >= 1 && !Double.isNaN(means[i])) {
                q += n[i] / within * (means[i] - fixed) * (means[i] - fixed);
            }
        }
        double tau2 = Math.max(0, (q - (k - 1)) / (sw - sw2 / sw));
        double sv = 0;
        double svd = 0;
        for (int i = 0; i < means.length; i++) {
            if (n[i] >= 1 && !Double.isNaN(means[i])) {
                double v = 1 / (tau2 + within / n[i]);
                sv += v;
                svd += v * means[i];
            }
        }
        return new Fit(svd / sv, tau2, within, k);
    }
}
