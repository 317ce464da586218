package org.vprobjectivity.stats;

/**
 * Normalised Shannon entropy of a task's score categories in a class, and the class's concentration
 * {@code 1 − mean normalised entropy} (section 4, homogeneity). Low within-class variability of answers is INVALSI's
 * cheating indicator: Quintano, Castellano &amp; Longobardi (2009), "A fuzzy clustering approach to improve the
 * accuracy of Italian student data", Statistica &amp; Applicazioni 7(2); INVALSI's technical reports on "cheating"
 * correction use the same per-item index of answer heterogeneity.
 */
public final class Entropy {

    private Entropy() {
    }

    /**
     * {@code H/ln K} with {@code H = −Σ p_c ln p_c} over categories with {@code p_c > 0} (Shannon 1948), {@code p_c}
     * the count share and {@code K = counts.length} the number of possible categories (item max + 1, including empty
     * categories), so the value lies in [0, 1]: 0 when every work is in one category, 1 when they are spread evenly.
     *
     * @return NaN when {@code K ≤ 1} or the counts sum to 0 (or a count is negative)
     */
    public static double normalised(long[] counts) {
        int k = counts.length;
        if (k <= 1) {
            return Double.NaN;
        }
        long total = 0;
        for (long c : counts) {
            if (c < 0) {
                return Double.NaN;
            }
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * Math.log(p);
            }
        }
        return Math.max(0.0, Math.min(1.0, h / Math.log(k)));
    }

    /**
     * Concentration of a class over its tasks: {@code 1 − (1/T)·Σ_t normalised(counts[t])}, averaging only tasks whose
     * normalised entropy is defined (INVALSI, Quintano et al. 2009). NaN when no task has a defined entropy.
     */
    public static double concentration(long[][] countsPerTask) {
        double sum = 0;
        int used = 0;
        for (long[] counts : countsPerTask) {
            double e = normalised(counts);
            if (!Double.isNaN(e)) {
                sum += e;
                used++;
            }
        }
        return used == 0 ? Double.NaN : 1.0 - sum / used;
    }
}
