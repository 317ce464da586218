package org.vprobjectivity.model.fit;

import java.util.Arrays;

/**
 * The reference's own null for a z-score (Efron 2004, "Large-scale simultaneous hypothesis testing: the choice of a
 * null hypothesis", JASA 99): the model's z is right in shape but its centre and spread can be off where real data
 * hold dependence the model leaves out (teachers of one school marking alike, a region's typical practice). The
 * centre is the median and the scale 1.4826·MAD of the units' z, both robust to the minority of units that are
 * manipulated. Only units with at least {@code minWorks} works estimate them; with fewer than {@value #MIN_UNITS}
 * such units the theoretical null (0, 1) stays. The centre is bounded to ±{@value #MAX_SHIFT} and the scale to
 * [{@code minScale}, {@value #MAX_SCALE}]: a narrower null than the model's is believed only down to
 * {@code minScale} (1 for counts, whose small-sample z cluster near zero).
 */
public record EmpiricalNull(double center, double scale, int units) {

    static final int MIN_UNITS = 30;
    static final double MAX_SHIFT = 1.5;
    static final double MAX_SCALE = 4.0;
    public static final EmpiricalNull THEORETICAL = new EmpiricalNull(0, 1, 0);

    public static EmpiricalNull estimate(double[] z, double[] works, double minWorks, double minScale) {
        double[] used = new double[z.length];
        int n = 0;
        for (int i = 0; i < z.length; i++) {
            if (!Double.isNaN(z[i]) && !Double.isInfinite(z[i]) && works[i] >= minWorks) {
                used[n++] = z[i];
            }
        }
        if (n < MIN_UNITS) {
            return new EmpiricalNull(0, 1, n);
        }
        double[] v = Arrays.copyOf(used, n);
        double median = median(v);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(v[i] - median);
        }
        double scale = 1.4826 * median(dev);
        return new EmpiricalNull(Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, median)),
                Math.max(minScale, Math.min(MAX_SCALE, scale)), n);
    }

    /** The calibrated z: (z − centre)/scale. */
    public double calibrate(double z) {
        return (z - center) / scale;
    }

    /** One-sided p for large z: P(Z ≥ calibrated z); NaN stays NaN. */
    public double upperP(double z) {
        return Double.isNaN(z) ? Double.NaN : Normal.upper(calibrate(z));
    }

    /** One-sided p for small z: P(Z ≤ calibrated z). */
    public double lowerP(double z) {
        return Double.isNaN(z) ? Double.NaN : Normal.cdf(calibrate(z));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
