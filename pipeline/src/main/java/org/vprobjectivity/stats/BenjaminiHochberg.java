package org.vprobjectivity.stats;

import java.util.Arrays;
import java.util.Comparator;

/** False-discovery-rate control over the many cells tested at once (section 7). */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * Benjamini–Hochberg adjusted p-values (q-values) of the step-up procedure (Benjamini &amp; Hochberg 1995,
     * "Controlling the false discovery rate", JRSS B 57; adjusted form as in R's {@code p.adjust(method = "BH")}):
     * with the m non-NaN p-values sorted ascending, {@code q_(i) = min_{j ≥ i} min(1, m·p_(j)/j)}. Rejecting every
     * hypothesis with {@code q ≤ α} is the BH procedure at FDR level α.
     *
     * @param p p-values in [0, 1]; NaN entries stay NaN in the result and do not count in m
     * @return q-values in the input order; values outside [0, 1] are clamped into it before adjusting
     */
    public static double[] qValues(double[] p) {
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        Integer[] idx = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .toArray(Integer[]::new);
        int m = idx.length;
        if (m == 0) {
            return q;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
            double pv = Math.max(0.0, Math.min(1.0, p[idx[r]]));
            running = Math.min(running, pv * m / (r + 1));
            q[idx[r]] = running;
        }
        return q;
    }

    /**
     * Which hypotheses the BH step-up procedure rejects at FDR level {@code level}: {@code q ≤ level}
     * (Benjamini &amp; Hochberg 1995). NaN p-values are never rejected.
     */
    public static boolean[] rejected(double[] p, double level) {
        double[] q = qValues(p);
        boolean[] out = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = q[i] <= level;
        }
        return out;
    }
}
