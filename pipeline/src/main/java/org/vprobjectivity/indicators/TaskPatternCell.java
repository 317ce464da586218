package org.vprobjectivity.indicators;

import org.apache.commons.math3.special.Gamma;
import org.vprobjectivity.stats.Binomial;
import org.vprobjectivity.stats.Entropy;
import org.vprobjectivity.stats.Spearman;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-cell arithmetic of {@link TaskPatterns} on one cell's score vectors against its reference: pure Java, so
 * each statistic can be checked by hand. Score vectors use {@link TaskPatternReference#NOT_ATTEMPTED} for "not
 * attempted" and scores already clamped into 0..max (see {@link #vector}).
 */
final class TaskPatternCell {

    private TaskPatternCell() {
    }

    /** The figures of one cell; NaN where undefined (written as null). */
    record Result(int works, int tasks,
                  double taskRankCorr,
                  double solveBasic, double solveAdvanced, double solveBasicRef, double solveAdvancedRef,
                  double levelInversion,
                  int guttmanWorks, double guttmanMean, double guttmanRefMean, double guttmanRefSd,
                  double guttmanExpected, double guttmanZ, double guttmanP,
                  int identicalVectorWorks, int largestIdenticalGroup, double identicalShare,
                  long identicalPairs, double identicalPairsExpected, double identicalP,
                  double concentration, double concentrationRef,
                  long omitted, long omissionItems, double omissionRate, double omissionRateRef) {
    }

    /**
     * A work's score vector as the statistics read it: task i from {@code raw} at position i (null, a missing
     * position or a non-number = not attempted), scores clamped into {@code 0..max[i]}; positions beyond the scale's
     * tasks are ignored.
     */
    static int[] vector(List<?> raw, int[] max) {
        int[] v = new int[max.length];
        for (int i = 0; i < max.length; i++) {
            Object o = raw != null && i < raw.size() ? raw.get(i) : null;
            v[i] = o instanceof Number n ? Math.max(0, Math.min(max[i], n.intValue())) : TaskPatternReference.NOT_ATTEMPTED;
        }
        return v;
    }

    /** Primary score of a vector (not attempted = 0). */
    static int total(int[] v) {
        int t = 0;
        for (int s : v) {
            t += Math.max(0, s);
        }
        return t;
    }

    /** The vector with "not attempted" read as 0, as the Guttman statistic scores it. */
    static int[] zeroed(int[] v) {
        int[] z = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = Math.max(0, v[i]);
        }
        return z;
    }

    /** A text key of the full vector, "X" for not attempted: equal keys = identical score vectors. */
    static String key(int[] v) {
        StringBuilder b = new StringBuilder(v.length * 2);
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(v[i] < 0 ? "X" : Integer.toString(v[i]));
        }
        return b.toString();
    }

    static Result compute(TaskPatternReference ref, List<int[]> works) {
        int n = works.size();
        int tasks = ref.tasks();
        int[] max = ref.max;

        // 1. Per-task solve rates and their rank agreement with the reference.
        double[] rate = new double[tasks];
        for (int i = 0; i < tasks; i++) {
            long points = 0;
            for (int[] w : works) {
                points += Math.max(0, w[i]);
            }
            rate[i] = n == 0 || max[i] == 0 ? Double.NaN : (double) points / ((double) n * max[i]);
        }
        double[] refRate = ref.solveRates();
        double rho = spearmanDefined(rate, refRate);

        // 2. Solve rates by level.
        double basic = levelMean(rate, ref.level, false);
        double advanced = levelMean(rate, ref.level, true);
        double basicRef = levelMean(refRate, ref.level, false);
        double advancedRef = levelMean(refRate, ref.level, true);
        double inversion = (advanced - basic) - (advancedRef - basicRef);

        // 3. Person fit: normed polytomous Guttman errors.
        double[] moments = ref.guttmanMoments();
        int valid = 0;
        double sumG = 0;
        double sumExpected = 0;
        double sumVar = 0;
        Map<List<Integer>, Integer> windows = new LinkedHashMap<>(); // works per window of totals
        for (int[] w : works) {
            double g = ref.order.normed(zeroed(w));
            if (Double.isNaN(g)) {
                continue;
            }
            int x = total(w);
            double[] atTotal = guttmanAtTotal(ref, x);
            valid++;
            sumG += g;
            sumExpected += atTotal[0];
            sumVar += atTotal[1];
            int[] window = ref.window(x);
            windows.merge(List.of(window[0], window[1]), 1, Integer::sum);
        }
        double gMean = valid == 0 ? Double.NaN : sumG / valid;
        double gExpected = valid == 0 ? Double.NaN : sumExpected / valid;
        double z = valid == 0 || !(sumVar > 0) ? Double.NaN : (sumG - sumExpected) / Math.sqrt(sumVar);
        double gP = Double.isNaN(z) ? Double.NaN : guttmanTail(ref, windows, sumG);

        // 4. Homogeneity: identical vectors and the concentration of score categories.
        Map<String, Integer> groups = new HashMap<>();
        Map<Integer, Integer> perTotal = new HashMap<>();
        for (int[] w : works) {
            groups.merge(key(w), 1, Integer::sum);
            perTotal.merge(total(w), 1, Integer::sum);
        }
        int duplicated = 0;
        int largest = 0;
        long pairs = 0;
        for (int m : groups.values()) {
            duplicated += m >= 2 ? m : 0;
            largest = Math.max(largest, m);
            pairs += (long) m * (m - 1) / 2;
        }
        double expectedPairs = 0;
        for (Map.Entry<Integer, Integer> e : perTotal.entrySet()) {
            long m = e.getValue();
            expectedPairs += m * (m - 1) / 2.0 * ref.collisionByTotal[e.getKey()];
        }
        double identicalP = poissonUpperTailMidP(pairs, expectedPairs);
        long[][] cellCounts = new long[tasks][];
        for (int i = 0; i < tasks; i++) {
            cellCounts[i] = new long[max[i] + 1];
            for (int[] w : works) {
                cellCounts[i][Math.max(0, w[i])]++;
            }
        }
        double concentration = n == 0 ? Double.NaN : Entropy.concentration(cellCounts);
        double concentrationRef = expectedConcentration(ref.countsWithOmittedAsZero(), n);

        // 5. Omissions.
        long omitted = 0;
        for (int[] w : works) {
            for (int s : w) {
                omitted += s < 0 ? 1 : 0;
            }
        }
        long items = (long) n * tasks;
        double omissionRate = items == 0 ? Double.NaN : (double) omitted / items;

        return new Result(n, tasks, rho, basic, advanced, basicRef, advancedRef, inversion,
                valid, gMean, moments[0], moments[1], gExpected, z, gP,
                duplicated, largest, n == 0 ? Double.NaN : (double) duplicated / n, pairs, expectedPairs, identicalP,
                concentration, concentrationRef, omitted, items, omissionRate, ref.omissionRate());
    }

    /**
     * {@code P(Σ_w g*_w ≥ observed)} when each work's g* is drawn from the reference's works of the same total
     * window ({@link TaskPatternSaddlepoint}).
     */
    static double guttmanTail(TaskPatternReference ref, Map<List<Integer>, Integer> windows, double observed) {
        double[][] values = new double[windows.size()][];
        double[][] probs = new double[windows.size()][];
        int[] times = new int[windows.size()];
        int g = 0;
        for (Map.Entry<List<Integer>, Integer> e : windows.entrySet()) {
            double[][] d = ref.guttmanDistribution(e.getKey().get(0), e.getKey().get(1));
            values[g] = d[0];
            probs[g] = d[1];
            times[g] = e.getValue();
            g++;
        }
        return TaskPatternSaddlepoint.upperTail(observed, values, probs, times);
    }

    /** Spearman over the tasks where both rates are defined (a task with maximum 0 has none). */
    private static double spearmanDefined(double[] a, double[] b) {
        int m = 0;
        for (int i = 0; i < a.length; i++) {
            m += Double.isNaN(a[i]) || Double.isNaN(b[i]) ? 0 : 1;
        }
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0, j = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                x[j] = a[i];
                y[j] = b[i];
                j++;
            }
        }
        return Spearman.rho(x, y);
    }

    /** Mean solve rate over basic (Б) or advanced (П, В) tasks, each task weighted equally; NaN when there are none. */
    static double levelMean(double[] rate, String[] level, boolean advanced) {
        double s = 0;
        int k = 0;
        for (int i = 0; i < rate.length; i++) {
            if (level[i] == null || Double.isNaN(rate[i])) {
                continue;
            }
            boolean isAdvanced = !"Б".equals(level[i]);
            if (isAdvanced == advanced) {
                s += rate[i];
                k++;
            }
        }
        return k == 0 ? Double.NaN : s / k;
    }

    /**
     * {mean, variance} of Gnormed among the reference's works in the window of totals around x
     * ({@link TaskPatternReference#window}); NaN when fewer than two works have a defined value there.
     */
    static double[] guttmanAtTotal(TaskPatternReference ref, int x) {
        int[] w = ref.window(x);
        double n = 0;
        double s = 0;
        double ss = 0;
        for (int t = w[0]; t <= w[1]; t++) {
            n += ref.guttmanByTotal[t][0];
            s += ref.guttmanByTotal[t][1];
            ss += ref.guttmanByTotal[t][2];
        }
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = s / n;
        return new double[] {mean, Math.max(0.0, (ss - n * mean * mean) / (n - 1))};
    }

    /**
     * Mid-p upper tail {@code P(X ≥ k + 1) + ½·P(X = k)} for {@code X ~ Poisson(λ)} (Lancaster 1961, as
     * {@code Binomial.upperTailMidP}): the exact tail is very conservative when λ is small, where one coinciding pair
     * already decides the test.
     */
    static double poissonUpperTailMidP(long k, double lambda) {
        if (Double.isNaN(lambda) || k < 0) {
            return k < 0 ? 1.0 : Double.NaN;
        }
        double atK = lambda > 0 ? Math.exp(k * Math.log(lambda) - lambda - Gamma.logGamma(k + 1.0)) : (k == 0 ? 1.0 : 0.0);
        return Math.max(0.0, Math.min(1.0, poissonUpperTail(k + 1, lambda) + 0.5 * atK));
    }

    /**
     * {@code P(X ≥ k)} for {@code X ~ Poisson(λ)} = {@code P(k, λ)}, the regularized lower incomplete gamma function
     * (Abramowitz &amp; Stegun 1964, 6.5.2 with 26.4.21); 1 for k ≤ 0, 0 for λ = 0 and k ≥ 1.
     */
    static double poissonUpperTail(long k, double lambda) {
        if (k <= 0) {
            return 1.0;
        }
        if (!(lambda > 0)) {
            return Double.isNaN(lambda) ? Double.NaN : 0.0;
        }
        return Math.max(0.0, Math.min(1.0, Gamma.regularizedGammaP(k, lambda)));
    }

    /**
     * Expected concentration {@code 1 − mean_i E[H_i]/ln K_i} of a cell of n works drawn independently from the
     * reference's per-task score distribution. By linearity of expectation each category's term depends only on its
     * own binomial count: {@code E[Ĥ] = −Σ_c Σ_{k=1}^{n} P(Bin(n, p_c) = k)·(k/n)·ln(k/n)} — exact, no simulation.
     * Tasks with one category only (maximum 0) are skipped, as {@link Entropy#concentration} skips them.
     */
    static double expectedConcentration(long[][] counts, int n) {
        if (n <= 0) {
            return Double.NaN;
        }
        // (k/n)·ln(k/n) for k = 1..n, shared by every category: the loop below is the hot spot of the task-pattern
        // family (one call per cell, tasks × categories × n terms), so nothing is allocated or recomputed per term.
        double[] fLogF = new double[n + 1];
        for (int x = 1; x <= n; x++) {
            double f = (double) x / n;
            fLogF[x] = f * Math.log(f);
        }
        double sum = 0;
        int used = 0;
        for (long[] c : counts) {
            int k = c.length;
            long total = Arrays.stream(c).sum();
            if (k <= 1 || total == 0) {
                continue;
            }
            double h = 0;
            for (long count : c) {
                double p = (double) count / total;
                if (p <= 0) {
                    continue;
                }
                h -= expectedTerm(n, p, fLogF);
            }
            sum += Math.max(0.0, Math.min(1.0, h / Math.log(k)));
            used++;
        }
        return used == 0 ? Double.NaN : 1.0 - sum / used;
    }

    /**
     * {@code Σ_{x=1}^{n} P(Bin(n, p) = x)·fLogF[x]}, the binomial probabilities by the recurrence
     * {@code ln P(x) = ln P(x − 1) + ln((n − x + 1)/x) + ln(p/(1 − p))} from {@code ln P(0) = n·ln(1 − p)}, in logs so
     * that a cell of 100,000 works does not underflow; far tails that do underflow add nothing. Equal to the sum of
     * {@link Binomial#pmf} terms to rounding (TaskPatternCellTest).
     */
    static double expectedTerm(int n, double p, double[] fLogF) {
        if (p >= 1) {
            return fLogF[n];
        }
        double logOdds = Math.log(p) - Math.log1p(-p);
        double logP = n * Math.log1p(-p);
        double acc = 0;
        for (int x = 1; x <= n; x++) {
            logP += Math.log((double) (n - x + 1) / x) + logOdds;
            acc += Math.exp(logP) * fLogF[x];
        }
        return acc;
    }
}
