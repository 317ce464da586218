package org.vprobjectivity.stats;

import java.util.Arrays;

/** Percentile ranks and quantiles against a sorted reference (a region's school values, say). */
public final class Percentile {

    private Percentile() {
    }

    /**
     * Mid-rank percentile of {@code x} in the reference: {@code 100·(#{r < x} + ½·#{r = x}) / N} (the "mid-rank" or
     * "mid-distribution function", Parzen 2004, "Quantile probability and statistical data modeling", Stat. Science 19;
     * Hazen's convention for ties, e.g. Hyndman &amp; Fan 1996 §2). In [0, 100]; 50 when every reference value equals x.
     *
     * @param sortedReference reference values sorted ascending (see {@link #sorted}); NaNs are not allowed in it
     * @return NaN when the reference is empty or x is NaN
     */
    public static double rank(double[] sortedReference, double x) {
        int n = sortedReference.length;
        if (n == 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        int less = firstIndexAtLeast(sortedReference, x);
        int notGreater = firstIndexAbove(sortedReference, x);
        return 100.0 * (less + 0.5 * (notGreater - less)) / n;
    }

    /**
     * Sample quantile of type 7 (Hyndman &amp; Fan 1996, "Sample quantiles in statistical packages", Am. Statistician 50;
     * R's default and Excel's PERCENTILE.INC/QUARTILE.INC): {@code h = (N − 1)·prob}, linear interpolation between
     * the values at {@code ⌊h⌋} and {@code ⌊h⌋ + 1} (0-based). Used for official marker 3's fences
     * {@code Q25 − 3·IQR} and {@code Q75 + 3·IQR}.
     *
     * @return NaN when the reference is empty or prob is outside [0, 1] or NaN
     */
    public static double quantile(double[] sortedReference, double prob) {
        int n = sortedReference.length;
        if (n == 0 || !(prob >= 0 && prob <= 1)) {
            return Double.NaN;
        }
        double h = (n - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sortedReference[lo] + (h - lo) * (sortedReference[hi] - sortedReference[lo]);
    }

    /** A sorted copy without NaNs, ready for {@link #rank} and {@link #quantile}. */
    public static double[] sorted(double[] values) {
        double[] s = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(s);
        return s;
    }

    private static int firstIndexAtLeast(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int firstIndexAbove(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
