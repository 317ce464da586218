package org.vprobjectivity.flags;

import org.vprobjectivity.model.fit.EmpiricalNull;

import java.io.Serializable;

/**
 * The calibrated test of one reference's jumps ({@link HistoryJump}): each cell i has a jump d_i (its change against
 * its own previous session beyond the region's) with a known sampling variance v_i (the two sessions' works; see
 * {@link HistoryJump} for v). Schools do not repeat their result exactly even when honest (a new cohort of pupils and
 * often a new teacher in the grade, a class's own conditions on the day), so the null holds that spread too:
 *
 * <ol>
 *   <li>DerSimonian &amp; Laird's method of moments with known within-cell variances ("Meta-analysis in clinical
 *       trials", Controlled Clinical Trials 7, 1986): {@code w_i = 1/v_i}, {@code d̄_w = Σw_i d_i / Σw_i},
 *       {@code Q = Σ w_i (d_i − d̄_w)²}, {@code τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw))},
 *       {@code μ = Σ u_i d_i / Σ u_i} with {@code u_i = 1/(τ² + v_i)};
 *       {@code z_i = (d_i − μ) / √(τ² + v_i)}: a small cell's jump is mostly sampling noise, a large cell's mostly
 *       the schools' honest year-to-year spread τ;</li>
 *   <li>the reference's empirical null of these z (Efron 2004; {@link EmpiricalNull}: median and 1.4826·MAD over the
 *       cells of at least {@link #NULL_MIN_WORKS} works in both sessions, robust to the few that manipulate, whose
 *       jumps also inflate τ²): {@code p_i = 1 − Φ((z_i − centre)/scale)}, one-sided, a rise.</li>
 * </ol>
 *
 * With fewer than two cells, or no positive variance, there is no fit (NaN): the p-values stay null.
 */
public record JumpFit(double mean, double tau2, EmpiricalNull calibration) implements Serializable {

    /** Cells with fewer works in either session do not estimate the empirical null (their z are noisier in shape). */
    public static final double NULL_MIN_WORKS = 10;
    /**
     * The empirical null's scale is believed down to 0.8: τ² is inflated by the manipulated cells' jumps, which makes
     * the honest z narrower than 1; not further, since a very narrow null would turn every school's ordinary change
     * into a sign (the same floor as the model's journal and pattern signs, {@code ReferenceSigns}).
     */
    public static final double MIN_SCALE = 0.8;

    public static final JumpFit NONE = new JumpFit(Double.NaN, Double.NaN, EmpiricalNull.THEORETICAL);

    /**
     * @param d     the jumps (NaN: not used)
     * @param v     their sampling variances (NaN or ≤ 0: not used)
     * @param works the smaller of the cell's works in the two sessions
     */
    public static JumpFit fit(double[] d, double[] v, double[] works) {
        double sw = 0;
        double sw2 = 0;
        double swd = 0;
        int k = 0;
        for (int i = 0; i < d.length; i++) {
            if (usable(d[i], v[i])) {
                double w = 1 / v[i];
                sw += w;
                sw2 += w * w;
                swd += w * d[i];
                k++;
            }
        }
        if (k < 2) {
            return NONE;
        }
        double fixed = swd / sw;
        double q = 0;
        for (int i = 0; i < d.length; i++) {
            if (usable(d[i], v[i])) {
                q += (d[i] - fixed) * (d[i] - fixed) / v[i];
            }
        }
        double tau2 = Math.max(0, (q - (k - 1)) / (sw - sw2 / sw));
        double su = 0;
        double sud = 0;
        for (int i = 0; i < d.length; i++) {
            if (usable(d[i], v[i])) {
                double u = 1 / (tau2 + v[i]);
                su += u;
                sud += u * d[i];
            }
        }
        JumpFit raw = new JumpFit(sud / su, tau2, EmpiricalNull.THEORETICAL);
        double[] z = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            z[i] = raw.z(d[i], v[i]);
        }
        return new JumpFit(raw.mean, tau2, EmpiricalNull.estimate(z, works, NULL_MIN_WORKS, MIN_SCALE));
    }

    /** The standardised jump before calibration; NaN where undefined. */
    public double z(double d, double v) {
        if (!usable(d, v) || Double.isNaN(mean)) {
            return Double.NaN;
        }
        return (d - mean) / Math.sqrt(tau2 + v);
    }

    /** The calibrated one-sided p of a rise; NaN where undefined. */
    public double upperP(double d, double v) {
        return calibration.upperP(z(d, v));
    }

    private static boolean usable(double d, double v) {
        return !Double.isNaN(d) && !Double.isInfinite(d) && v > 0 && !Double.isInfinite(v);
    }
}
