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

    /**
     * The truncated Cauchy combination: each p-value is mapped to the half-Cauchy quantile
     * {@code X_i = cot(π·p_i/2)} (the standard Cauchy left-truncated at its median, so {@code X_i ≥ 0}), the mean
     * {@code T = (1/k) Σ X_i} is referred to the same half-Cauchy's upper tail, {@code p = (2/π)·arctan(1/T)}.
     *
     * <p>Why truncated. The Cauchy combination of Liu &amp; Xie (2020, "Cauchy combination test: a powerful test with
     * analytic p-value calculation under arbitrary dependency structures", JASA 115) maps p to {@code tan((½ − p)π)},
     * which runs to −∞ as p → 1: one group with no evidence at all (a Simes p of 1, common) cancelled a group at
     * p = 0.01 outright and left a class whose works pile up at the cuts (p = 0.013) at a combined 0.89. Truncated at
     * the median, a p of 1 adds 0 and a p of ½ adds 1, so a group without evidence only dilutes by its share of k.
     *
     * <p>Validity. Like the Cauchy combination it holds whatever the dependence between the p-values as the level goes
     * to 0, because a mean of terms with tail index 1 has the tail of one term: Gui, Jiang &amp; Wang (2025,
     * "Aggregating dependent signals with heavy-tailed combination tests", Biometrika) for the Cauchy-tailed family,
     * and Gui, Mao, Wang &amp; Wang (2025, "Validity and power of heavy-tailed combination tests under asymptotic
     * dependence", arXiv:2508.05818), who name truncated Cauchy combinations among the valid ones. At finite levels
     * it is a little liberal: with five independent uniform p-values P(p ≤ α)/α is 1.17 at 0.05, 1.07 at 0.01 and
     * 1.02 at 0.001 (4·10⁵ simulated; the untruncated form 1.00–1.03); the groups it combines are Simes p-values,
     * themselves conservative. One p alone is returned unchanged; one strong p among k gives about k·p, like Bonferroni; several
     * moderate ones give much less. For p &lt; 1e-15 the term is 2/(πp) and for T &gt; 1e15 the p is 2/(πT), where cot
     * and arctan lose their precision.
     *
     * @return the combined p-value in [0, 1]; NaN when no p-value is left
     */
    public static double truncatedCauchy(double[] p) {
        double t = 0;
        int k = 0;
        for (double v : p) {
            if (Double.isNaN(v)) {
                continue;
            }
            double q = Math.max(1e-300, Math.min(1, v));
            t += q < 1e-15 ? 2 / (q * Math.PI) : 1 / Math.tan(q * Math.PI / 2);
            k++;
        }
        if (k == 0) {
            return Double.NaN;
        }
        t = Math.max(0, t / k); // cot(π/2) is 6e-17, not 0
        return t > 1e15 ? 2 / (t * Math.PI) : Math.max(0, Math.min(1, 2 / Math.PI * Math.atan2(1, t)));
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
