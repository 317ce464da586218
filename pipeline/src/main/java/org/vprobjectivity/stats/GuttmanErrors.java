package org.vprobjectivity.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Normed polytomous Guttman errors, a nonparametric person-fit statistic (section 4, "answers known in advance":
 * hard steps passed while easy ones are failed).
 *
 * <p>Sources: Molenaar (1991), "A weighted Loevinger H-coefficient extending Mokken scaling to multicategory items",
 * Kwantitatieve Methoden 37 (item steps {@code X_i ≥ m} ordered by popularity); Emons (2008), "Nonparametric
 * person-fit analysis of polytomous item scores", Applied Psychological Measurement 32(3) (G^p and its normed version);
 * R package PerFit (Tendeiro, Meijer &amp; Niessen 2016, J. Stat. Software 74(5)), functions {@code Gpoly} and
 * {@code Gnormed.poly}, which this class follows.
 *
 * <p>Definitions. Item {@code i} with maximum {@code M_i} has steps {@code m = 1..M_i}; a work passes step (i, m) when
 * its score on item i is at least m, so passed steps of one item are always its first ones. Step popularity
 * {@code π_im} = share of reference works with {@code score_i ≥ m}. All steps are ordered by popularity, most popular
 * first; ties keep item order, then step order (PerFit: R's stable {@code order(..., decreasing = TRUE)} over the
 * item-major step vector). A Guttman error is a pair (a before b in that order) with a failed and b passed;
 * {@code G} counts them. With 0-based positions {@code pos} in the order and {@code S} passed steps (= the total
 * score), {@code G = Σ_{b passed} pos(b) − S(S − 1)/2}, because of the pairs of passed steps exactly one is ahead.
 * {@code Gnormed = G / Gmax(S)}, {@code Gmax(S)} the largest G of any score vector with the same total that respects
 * the item maxima: {@code Gmax(S) = max Σ_i c_i(s_i) − S(S−1)/2} over {@code Σ s_i = S, 0 ≤ s_i ≤ M_i}, where
 * {@code c_i(s) = Σ_{m ≤ s} pos(i, m)} — a max-plus knapsack over items solved exactly by dynamic programming
 * (PerFit's {@code Gnormed.poly} runs the same recursion with 1-based ranks). For 0/1 items it reduces to
 * {@code G/(S(I − S))} (Meijer 1994).
 */
public final class GuttmanErrors {

    private GuttmanErrors() {
    }

    /**
     * Step popularities from reference counts: {@code popularity[i][m−1] = Σ_{s ≥ m} counts[i][s] / Σ_s counts[i][s]}
     * (PerFit's {@code probs.ISD}). {@code counts[i]} has length {@code M_i + 1} (scores 0..M_i, "not attempted"
     * counted as 0). An item with no works gets NaN popularities (then {@link #order} yields NaN statistics).
     */
    public static double[][] stepPopularity(long[][] counts) {
        double[][] pop = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            int max = counts[i].length - 1;
            pop[i] = new double[Math.max(max, 0)];
            long total = 0;
            for (long c : counts[i]) {
                total += c;
            }
            long atLeast = 0;
            for (int m = max; m >= 1; m--) {
                atLeast += counts[i][m];
                pop[i][m - 1] = total == 0 ? Double.NaN : (double) atLeast / total;
            }
        }
        return pop;
    }

    /**
     * Step popularities from reference works {@code works[w][i]} (scores 0..max[i]); as {@link #stepPopularity(long[][])}.
     * Scores outside {@code 0..max[i]} are clamped into it.
     */
    public static double[][] stepPopularity(int[][] works, int[] max) {
        long[][] counts = new long[max.length][];
        for (int i = 0; i < max.length; i++) {
            counts[i] = new long[max[i] + 1];
        }
        for (int[] work : works) {
            for (int i = 0; i < max.length; i++) {
                counts[i][Math.max(0, Math.min(max[i], work[i]))]++;
            }
        }
        return stepPopularity(counts);
    }

    /**
     * Orders the steps once per reference and tabulates {@code Gmax(S)} for every total S, so that each work then
     * costs O(number of items).
     *
     * @param max        item maxima {@code M_i ≥ 0}
     * @param popularity {@code popularity[i]} of length {@code M_i}
     * @throws IllegalArgumentException when the shapes disagree or a maximum is negative
     */
    public static StepOrder order(int[] max, double[][] popularity) {
        if (max.length != popularity.length) {
            throw new IllegalArgumentException("max and popularity differ in length");
        }
        int steps = 0;
        boolean defined = true;
        for (int i = 0; i < max.length; i++) {
            if (max[i] < 0 || popularity[i].length != max[i]) {
                throw new IllegalArgumentException("item " + i + ": popularity needs one value per step 1.." + max[i]);
            }
            for (double p : popularity[i]) {
                defined &= !Double.isNaN(p);
            }
            steps += max[i];
        }
        int[] item = new int[steps];
        int[] step = new int[steps];
        double[] pop = new double[steps];
        Integer[] idx = new Integer[steps];
        for (int i = 0, s = 0; i < max.length; i++) {
            for (int m = 1; m <= max[i]; m++, s++) {
                item[s] = i;
                step[s] = m;
                pop[s] = defined ? popularity[i][m - 1] : 0.0;
                idx[s] = s;
            }
        }
        // Stable sort: equal popularities keep item-major, step-minor order.
        Arrays.sort(idx, Comparator.comparingDouble((Integer s) -> pop[s]).reversed());
        int[][] position = new int[max.length][];
        for (int i = 0; i < max.length; i++) {
            position[i] = new int[max[i]];
        }
        for (int p = 0; p < steps; p++) {
            int s = idx[p];
            position[item[s]][step[s] - 1] = p;
        }
        return new StepOrder(max.clone(), position, maxErrorsByTotal(position, steps), defined);
    }

    /**
     * One-shot {@code Gnormed} for a single work; prefer {@link #order} + {@link StepOrder#normed} for many works.
     * NaN as {@link StepOrder#normed}.
     */
    public static double normed(int[] scores, int[] max, double[][] popularity) {
        return order(max, popularity).normed(scores);
    }

    /** Max-plus knapsack: best[t] = max Σ_i c_i(s_i) over Σ s_i = t; then Gmax(t) = best[t] − t(t−1)/2. */
    private static long[] maxErrorsByTotal(int[][] position, int steps) {
        long none = Long.MIN_VALUE / 4;
        long[] best = new long[steps + 1];
        Arrays.fill(best, none);
        best[0] = 0;
        int reach = 0;
        for (int[] pos : position) {
            long[] next = new long[steps + 1];
            Arrays.fill(next, none);
            for (int t = 0; t <= reach; t++) {
                if (best[t] == none) {
                    continue;
                }
                long cum = 0;
                for (int s = 0; s <= pos.length; s++) {
                    if (s > 0) {
                        cum += pos[s - 1];
                    }
                    next[t + s] = Math.max(next[t + s], best[t] + cum);
                }
            }
            reach += pos.length;
            best = next;
        }
        long[] gmax = new long[steps + 1];
        for (int t = 0; t <= steps; t++) {
            gmax[t] = best[t] - (long) t * (t - 1) / 2;
        }
        return gmax;
    }

    /**
     * The step order of one reference.
     *
     * @param max              item maxima
     * @param position         {@code position[i][m−1]} = 0-based place of step (i, m) in the popularity order
     * @param maxErrorsByTotal {@code Gmax(S)} for {@code S = 0..Σ M_i}
     * @param defined          false when some popularity was NaN (empty reference): every statistic is then NaN
     */
    public record StepOrder(int[] max, int[][] position, long[] maxErrorsByTotal, boolean defined)
            implements Serializable {

        /**
         * {@code G}, the number of Guttman errors of one work (class comment).
         *
         * @return NaN when the order is not {@link #defined} or a score lies outside {@code 0..M_i}
         * @throws IllegalArgumentException when {@code scores} has the wrong length
         */
        public double errors(int[] scores) {
            if (scores.length != max.length) {
                throw new IllegalArgumentException("expected " + max.length + " item scores, got " + scores.length);
            }
            if (!defined) {
                return Double.NaN;
            }
            long sumPos = 0;
            long total = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] < 0 || scores[i] > max[i]) {
                    return Double.NaN;
                }
                for (int m = 1; m <= scores[i]; m++) {
                    sumPos += position[i][m - 1];
                }
                total += scores[i];
            }
            return sumPos - total * (total - 1) / 2;
        }

        /** {@code Gmax(S)}; NaN when the order is not defined or S lies outside {@code 0..Σ M_i}. */
        public double maxErrors(int total) {
            if (!defined || total < 0 || total >= maxErrorsByTotal.length) {
                return Double.NaN;
            }
            return maxErrorsByTotal[total];
        }

        /**
         * {@code Gnormed = G / Gmax(S)} in [0, 1] (Emons 2008; PerFit {@code Gnormed.poly}).
         *
         * @return NaN when {@code Gmax(S) = 0} (total 0, full score, or no pattern with that total can contain an
         *         error), when the order is not defined, or when a score is out of range. (PerFit returns 0 there; NaN
         *         keeps such works out of class means.)
         */
        public double normed(int[] scores) {
            double g = errors(scores);
            if (Double.isNaN(g)) {
                return Double.NaN;
            }
            int total = 0;
            for (int s : scores) {
                total += s;
            }
            double gmax = maxErrors(total);
            return gmax > 0 ? g / gmax : Double.NaN;
        }
    }
}
