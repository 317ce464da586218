package org.vprobjectivity.stats;

import org.apache.commons.math3.special.Gamma;

/** Combining independent p-values of one cell into one (section 7, risk score). */
public final class Tails {

    private Tails() {
    }

    /**
     * Fisher's combined p-value: {@code X = −2 Σ ln p_i ~ χ²_{2k}} under the joint null of k independent tests
     * (Fisher 1932, "Statistical Methods for Research Workers", 4th ed., §21.1), so
     * {@code p = P(χ²_{2k} ≥ X) = Q(k, X/2)}, the regularized upper incomplete gamma function (for an even df this
     * equals {@code e^{−X/2} Σ_{j<k} (X/2)^j / j!}).
     *
     * @param p p-values; NaN entries are skipped (not counted in k)
     * @return the combined p-value in [0, 1]; 0 when some p is 0; NaN when no p-value is left or some non-NaN p lies
     *         outside [0, 1]
     */
    public static double combinedFisher(double[] p) {
        double x = fisherStatistic(p);
        int k = count(p);
        if (Double.isNaN(x) || k == 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        return Gamma.regularizedGammaQ(k, x / 2.0);
    }

    /**
     * Fisher's statistic {@code −2 Σ ln p_i} over the non-NaN p-values (Fisher 1932); +∞ when some p is 0; NaN when
     * none is left or some p lies outside [0, 1].
     */
    public static double fisherStatistic(double[] p) {
        double s = 0;
        int k = 0;
        for (double v : p) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (v < 0 || v > 1) {
                return Double.NaN;
            }
            s += -2.0 * Math.log(v);
            k++;
        }
        return k == 0 ? Double.NaN : s;
    }

    /**
     * Simes' combined p-value {@code min_i k·p_(i)/i} over the k non-NaN p-values sorted ascending (Simes 1986, "An
     * improved Bonferroni procedure for multiple tests of significance", Biometrika 73): valid for independent and for
     * positively dependent tests (Sarkar 1998, Ann. Statist. 26), never larger than Bonferroni's {@code k·min p}.
     *
     * @return the combined p-value in [0, 1]; NaN when no p-value is left
     */
    public static double simes(double[] p) {
        double[] sorted = java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double best = Double.NaN;
        for (int i = 0; i < sorted.length; i++) {
            double v = Math.max(0.0, Math.min(1.0, sorted.length * sorted[i] / (i + 1)));
            best = Double.isNaN(best) ? v : Math.min(best, v);
        }
        return best;
    }

    /** p-values are clamped to at most this in {@link #cauchy}: a p of exactly 1 would outweigh any evidence. */
    static final double CAUCHY_MAX_P = 0.99;

    /**
     * The Cauchy combination {@code T = (1/k) Σ tan((½ − p_i)π)}, {@code p = ½ − arctan(T)/π} (Liu &amp; Xie 2020,
     * "Cauchy combination test: a powerful test with analytic p-value calculation under arbitrary dependency
     * structures", JASA 115): its tail is Cauchy whatever the dependence between the tests, so it needs neither
     * independence (Fisher) nor positive dependence (Simes); one strong p gives about k·p like Bonferroni, several
     * moderate ones give much less. Each p is clamped to [1e-300, {@value #CAUCHY_MAX_P}] (a p near 1 sends its
     * term to −∞); for p &lt; 1e-15 the term is 1/(pπ), where tan loses its precision.
     *
     * @return the combined p-value in [0, 1]; NaN when no p-value is left
     */
    public static double cauchy(double[] p) {
        double t = 0;
        int k = 0;
        for (double v : p) {
            if (Double.isNaN(v)) {
                continue;
            }
            double q = Math.max(1e-300, Math.min(CAUCHY_MAX_P, v));
            t += q < 1e-15 ? 1 / (q * Math.PI) : Math.tan((0.5 - q) * Math.PI);
            k++;
        }
        if (k == 0) {
            return Double.NaN;
        }
        t /= k;
        // upper tail of the standard Cauchy; for large T, 1/(πT) keeps the precision arctan loses
        return t > 1e15 ? 1 / (t * Math.PI) : Math.max(0, Math.min(1, 0.5 - Math.atan(t) / Math.PI));
    }

    private static int count(double[] p) {
        int k = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                k++;
            }
        }
        return k;
    }
}
