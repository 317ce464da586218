package org.vprobjectivity.indicators;

import org.vprobjectivity.model.fit.Normal;

import java.util.Arrays;

/**
 * The statistics of outside confirmation in plain Java: standings as z-scores, and a school's exam standing against
 * the one its VPR standing predicts (docs/flags.md, "Outside confirmation").
 *
 * <p><b>Standing.</b> {@code z = (x − M)/S} with {@code M = Σ wᵢxᵢ / Σ wᵢ}, {@code S² = Σ wᵢ(xᵢ − M)² / Σ wᵢ}, the
 * weights the participants: the school's place among the schools of its reference, each counted by its pupils.
 *
 * <p><b>The model</b> ({@link #gap}). Over the reference's schools with both standings, the exam standing {@code e}
 * against the VPR standing {@code v}: {@code e = a + b·v + ε}. The line is robust: {@code b} the Theil–Sen slope
 * (the median of the pairwise slopes; Theil 1950, Sen 1968), floored at 0, {@code a = median(e − b·v)}, so up to about
 * a quarter of the schools with inflated VPR results barely move it. Honest standings agree imperfectly (a school at
 * the top of the VPR is expected somewhat lower on the exam: regression to the mean), so a school is judged against
 * the line, not against its own VPR standing (b = 1 would be the plain difference of the two z-scores, which sends
 * strong honest schools into the tail). The residual {@code r = e − a − b·v} has variance
 * {@code τ² + b²·vᵢ + wᵢ}: {@code vᵢ}, {@code wᵢ} the sampling variances of the school's two standings (from its
 * pupils' spread and number), {@code τ²} the schools' own spread around the line, estimated from the residuals'
 * median absolute deviation, an empirical null robust to the schools with signs:
 * {@code τ² = max(0, (1.4826·MAD(r))² − median(b²·vᵢ + wᵢ))}. Then {@code gap_z = −r / √(τ² + b²·vᵢ + wᵢ)} and
 * {@code p = 1 − Φ(gap_z)}: one-sided, small when the exam standing falls short of what the VPR standing predicts.
 */
public final class ExamGap {

    /** MAD → SD of a normal distribution. */
    static final double MAD_TO_SD = 1.4826;

    private ExamGap() {
    }

    /** Weighted z-scores (NaN everywhere when fewer than two values or no spread). */
    public static double[] standings(double[] x, double[] w) {
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < x.length; i++) {
            sw += w[i];
            swx += w[i] * x[i];
        }
        double[] z = new double[x.length];
        Arrays.fill(z, Double.NaN);
        if (x.length < 2 || !(sw > 0)) {
            return z;
        }
        double m = swx / sw;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            ss += w[i] * (x[i] - m) * (x[i] - m);
        }
        double s = Math.sqrt(ss / sw);
        if (!(s > 0)) {
            return z;
        }
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - m) / s;
        }
        return z;
    }

    /** The weighted SD of {@code x} used by {@link #standings} (NaN when undefined). */
    public static double spread(double[] x, double[] w) {
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < x.length; i++) {
            sw += w[i];
            swx += w[i] * x[i];
        }
        if (x.length < 2 || !(sw > 0)) {
            return Double.NaN;
        }
        double m = swx / sw;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            ss += w[i] * (x[i] - m) * (x[i] - m);
        }
        return Math.sqrt(ss / sw);
    }

    /** The fitted line, the schools' spread around it and per school the residual, its z and p. */
    public record Fit(double slope, double intercept, double tau2, double[] residual, double[] gapZ, double[] p) {
    }

    /**
     * @param v    VPR standings
     * @param vVar their sampling variances (0 when unknown)
     * @param e    exam standings
     * @param eVar their sampling variances (0 when unknown)
     * @return null with fewer than three schools
     */
    public static Fit gap(double[] v, double[] vVar, double[] e, double[] eVar) {
        int n = v.length;
        if (n < 3) {
            return null;
        }
        double b = Math.max(0, theilSen(v, e));
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            offset[i] = e[i] - b * v[i];
        }
        double a = median(offset);
        double[] r = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = offset[i] - a;
            noise[i] = b * b * vVar[i] + eVar[i];
        }
        double mr = median(r);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(r[i] - mr);
        }
        double sd = MAD_TO_SD * median(dev);
        double tau2 = Math.max(0, sd * sd - median(noise));
        double[] z = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(tau2 + noise[i]);
            z[i] = s > 0 ? -r[i] / s : Double.NaN;
            p[i] = Double.isNaN(z[i]) ? Double.NaN : Normal.upper(z[i]);
        }
        return new Fit(b, a, tau2, r, z, p);
    }

    /** The median of the pairwise slopes {@code (yⱼ − yᵢ)/(xⱼ − xᵢ)} over pairs with {@code xⱼ ≠ xᵢ}; 0 when none. */
    static double theilSen(double[] x, double[] y) {
        int n = x.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (x[j] != x[i]) {
                    slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        return k == 0 ? 0 : median(Arrays.copyOf(slopes, k));
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
