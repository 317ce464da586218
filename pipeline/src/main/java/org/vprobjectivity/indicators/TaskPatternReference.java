package org.vprobjectivity.indicators;

import org.vprobjectivity.stats.GuttmanErrors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link TaskPatterns} needs to know about one reference (session, region, subject, grade and its scale), built
 * from the reference's works on the executor that holds them: the tasks (maxima, levels), per-task score counts, the
 * Guttman step order built from them, and per primary score {@code x} the reference's Gnormed moments and the chance
 * that two works of different schools with total {@code x} share their whole score vector.
 */
final class TaskPatternReference {

    /** Works with a defined Gnormed a window of totals must hold before its distribution is used. */
    static final int MIN_WORKS_PER_TOTAL = 30;

    /** Internal code of "not attempted" in a work's score vector. */
    static final int NOT_ATTEMPTED = -1;

    final int[] max;
    /** Б, П, В or null per task (trimmed, upper case). */
    final String[] level;
    final long works;
    /** {@code counts[i][s]}: reference works with score s on task i (attempted only). */
    final long[][] counts;
    /** {@code omitted[i]}: reference works that did not attempt task i. */
    final long[] omitted;
    final GuttmanErrors.StepOrder order;
    /** Per total x (0..Σ max): works with a defined Gnormed, Σ Gnormed, Σ Gnormed². */
    final double[][] guttmanByTotal;
    /** Per total x: the distinct Gnormed values of the reference's works with that total, and how many works have each. */
    final double[][] guttmanValues;
    final long[][] guttmanCounts;
    /** Per total x: smoothed P(two works of different schools with total x share the score vector), see {@link #collisionRate}. */
    final double[] collisionByTotal;

    /**
     * @param max     task maxima
     * @param level   task levels (any text; normalised by {@link #normaliseLevel})
     * @param vectors the reference's works as {@link TaskPatternCell#vector} reads them
     * @param schools the school of each work (null counts as one more school)
     */
    TaskPatternReference(int[] max, String[] level, List<int[]> vectors, List<?> schools) {
        if (vectors.size() != schools.size()) {
            throw new IllegalArgumentException("one school per work expected");
        }
        int tasks = max.length;
        this.max = max.clone();
        this.level = new String[tasks];
        for (int i = 0; i < tasks; i++) {
            this.level[i] = normaliseLevel(level[i]);
        }
        this.works = vectors.size();
        this.counts = new long[tasks][];
        this.omitted = new long[tasks];
        for (int i = 0; i < tasks; i++) {
            counts[i] = new long[max[i] + 1];
        }
        for (int[] v : vectors) {
            for (int i = 0; i < tasks; i++) {
                if (v[i] < 0) {
                    omitted[i]++;
                } else {
                    counts[i][v[i]]++;
                }
            }
        }
        this.order = GuttmanErrors.order(this.max, GuttmanErrors.stepPopularity(countsWithOmittedAsZero()));

        int maxTotal = Arrays.stream(max).sum();
        guttmanByTotal = new double[maxTotal + 1][3];
        List<Map<Double, Long>> distinct = new ArrayList<>();
        for (int x = 0; x <= maxTotal; x++) {
            distinct.add(new TreeMap<>());
        }
        // Per total: works, ordered pairs sharing a vector (all; within a school), Σ over schools of works².
        long[] n = new long[maxTotal + 1];
        long[] allPairs = new long[maxTotal + 1];
        long[] withinPairs = new long[maxTotal + 1];
        long[] schoolSquares = new long[maxTotal + 1];
        Map<String, long[]> byVector = new HashMap<>();
        Map<List<Object>, long[]> bySchoolVector = new HashMap<>();
        Map<List<Object>, long[]> bySchoolTotal = new HashMap<>();
        for (int w = 0; w < vectors.size(); w++) {
            int[] v = vectors.get(w);
            int x = TaskPatternCell.total(v);
            double g = order.normed(TaskPatternCell.zeroed(v));
            if (!Double.isNaN(g)) {
                guttmanByTotal[x][0]++;
                guttmanByTotal[x][1] += g;
                guttmanByTotal[x][2] += g * g;
                distinct.get(x).merge(g, 1L, Long::sum);
            }
            String key = TaskPatternCell.key(v);
            n[x]++;
            // Adding the c-th copy adds 2(c − 1) ordered pairs: Σ c(c − 1) built up one work at a time.
            allPairs[x] += 2 * (byVector.computeIfAbsent(key, k -> new long[1])[0]++);
            Object school = schools.get(w);
            withinPairs[x] += 2 * (bySchoolVector.computeIfAbsent(Arrays.asList(school, key), k -> new long[1])[0]++);
            long before = bySchoolTotal.computeIfAbsent(Arrays.asList(school, x), k -> new long[1])[0]++;
            schoolSquares[x] += 2 * before + 1; // (c + 1)² − c²
        }
        guttmanValues = new double[maxTotal + 1][];
        guttmanCounts = new long[maxTotal + 1][];
        for (int x = 0; x <= maxTotal; x++) {
            guttmanValues[x] = distinct.get(x).keySet().stream().mapToDouble(Double::doubleValue).toArray();
            guttmanCounts[x] = distinct.get(x).values().stream().mapToLong(Long::longValue).toArray();
        }
        collisionByTotal = new double[maxTotal + 1];
        for (int x = 0; x <= maxTotal; x++) {
            collisionByTotal[x] = collisionRate(allPairs[x] - withinPairs[x], n[x] * n[x] - schoolSquares[x]);
        }
    }

    /**
     * Smoothed share of cross-school pairs that coincide: {@code (C/2 + 1)/(P/2 + 1)} with C ordered coinciding pairs
     * and P ordered pairs of works of different schools (one pseudo-pair that coincides keeps an unseen event from
     * reading as impossible; with no cross-school pair at all the rate is 1, so that total gives no evidence).
     */
    static double collisionRate(long orderedCoinciding, long orderedPairs) {
        return (orderedCoinciding / 2.0 + 1.0) / (orderedPairs / 2.0 + 1.0);
    }

    /**
     * The window of totals {@code [x − h, x + h]} (clipped to 0..Σ max) used for works with total x: the narrowest
     * holding at least {@link #MIN_WORKS_PER_TOTAL} reference works with a defined Gnormed, or every total when none
     * does. Returns {lo, hi}.
     */
    int[] window(int x) {
        int last = guttmanByTotal.length - 1;
        double n = 0;
        for (int h = 0; ; h++) {
            int lo = x - h;
            int hi = x + h;
            if (lo >= 0 && lo <= last) {
                n += guttmanByTotal[lo][0];
            }
            if (h > 0 && hi >= 0 && hi <= last) {
                n += guttmanByTotal[hi][0];
            }
            if (n >= MIN_WORKS_PER_TOTAL || (lo <= 0 && hi >= last)) {
                return new int[] {Math.max(0, Math.min(lo, last)), Math.min(last, Math.max(hi, 0))};
            }
        }
    }

    /**
     * The reference's Gnormed distribution over the window of totals {@code lo..hi}: {values, probabilities}; empty
     * arrays when no work there has a defined value.
     */
    double[][] guttmanDistribution(int lo, int hi) {
        long n = 0;
        int size = 0;
        for (int x = lo; x <= hi; x++) {
            size += guttmanValues[x].length;
            n += Arrays.stream(guttmanCounts[x]).sum();
        }
        double[] values = new double[size];
        double[] probs = new double[size];
        for (int x = lo, j = 0; x <= hi; x++) {
            for (int k = 0; k < guttmanValues[x].length; k++, j++) {
                values[j] = guttmanValues[x][k];
                probs[j] = (double) guttmanCounts[x][k] / n;
            }
        }
        return new double[][] {values, probs};
    }

    int tasks() {
        return max.length;
    }

    /** Counts per task and score 0..max with "not attempted" counted as 0 (Guttman popularity, entropy). */
    long[][] countsWithOmittedAsZero() {
        long[][] c = new long[max.length][];
        for (int i = 0; i < max.length; i++) {
            c[i] = counts[i].clone();
            c[i][0] += omitted[i];
        }
        return c;
    }

    /** Reference solve rate of each task: Σ score / (works · max), not attempted = 0; NaN for an empty reference. */
    double[] solveRates() {
        double[] rate = new double[max.length];
        for (int i = 0; i < max.length; i++) {
            long points = 0;
            for (int s = 0; s < counts[i].length; s++) {
                points += s * counts[i][s];
            }
            rate[i] = works == 0 || max[i] == 0 ? Double.NaN : (double) points / ((double) works * max[i]);
        }
        return rate;
    }

    /** Share of (work × task) not attempted in the reference. */
    double omissionRate() {
        long items = works * max.length;
        return items == 0 ? Double.NaN : (double) Arrays.stream(omitted).sum() / items;
    }

    /** The reference's {mean, sample SD, works} of Gnormed over all its works with a defined value. */
    double[] guttmanMoments() {
        double n = 0;
        double s = 0;
        double ss = 0;
        for (double[] t : guttmanByTotal) {
            n += t[0];
            s += t[1];
            ss += t[2];
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        double mean = s / n;
        double var = n < 2 ? Double.NaN : Math.max(0.0, (ss - n * mean * mean) / (n - 1));
        return new double[] {mean, Math.sqrt(var), n};
    }

    /** Normalised level code: Б, П, В, or null for anything else. */
    static String normaliseLevel(String level) {
        if (level == null) {
            return null;
        }
        String l = level.trim().toUpperCase();
        return List.of("Б", "П", "В").contains(l) ? l : null;
    }

    @Override
    public String toString() {
        return "TaskPatternReference[" + works + " works, " + max.length + " tasks, levels "
                + Arrays.toString(level) + ", order " + Objects.toString(order) + "]";
    }
}
