package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GuttmanErrorsTest {

    /*
     * Five 0/1 items, popularity .9 .8 .6 .4 .2 (order = item order). Work 0,1,1,0,1: S = 3.
     * Errors (failed easier, passed harder): item0 failed before items 1,2,4 passed → 3; item3 failed before item4 → 1.
     * G = 4; dichotomous maximum S(I − S) = 3·2 = 6 → Gnormed = 2/3.
     */
    @Test
    void dichotomousHandExample() {
        int[] max = {1, 1, 1, 1, 1};
        double[][] pop = {{0.9}, {0.8}, {0.6}, {0.4}, {0.2}};
        GuttmanErrors.StepOrder order = GuttmanErrors.order(max, pop);
        int[] work = {0, 1, 1, 0, 1};
        assertThat(order.errors(work)).isEqualTo(4.0);
        assertThat(order.maxErrors(3)).isEqualTo(6.0);
        assertThat(order.normed(work)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(GuttmanErrors.normed(work, max, pop)).isCloseTo(2.0 / 3, within(1e-15));
    }

    /** For 0/1 items Gmax(S) = S(I − S) for every S (Meijer 1994), whatever the popularities. */
    @Test
    void dichotomousMaximumIsSTimesIMinusS() {
        int items = 9;
        int[] max = new int[items];
        double[][] pop = new double[items][];
        Random random = new Random(3);
        for (int i = 0; i < items; i++) {
            max[i] = 1;
            pop[i] = new double[] {random.nextInt(5) / 5.0};
        }
        GuttmanErrors.StepOrder order = GuttmanErrors.order(max, pop);
        for (int s = 0; s <= items; s++) {
            assertThat(order.maxErrors(s)).isEqualTo((double) s * (items - s));
        }
    }

    /*
     * Order differs from item order: popularity .2, .9, .5 → order item1, item2, item0. Work 1,0,0 passes only the
     * least popular step (position 2): G = 2 (both more popular steps failed); Gmax(1) = 1·(3 − 1) = 2 → 1.
     */
    @Test
    void popularityNotItemOrder() {
        GuttmanErrors.StepOrder order = GuttmanErrors.order(new int[] {1, 1, 1}, new double[][] {{0.2}, {0.9}, {0.5}});
        assertThat(order.errors(new int[] {1, 0, 0})).isEqualTo(2.0);
        assertThat(order.normed(new int[] {1, 0, 0})).isEqualTo(1.0);
        assertThat(order.normed(new int[] {0, 1, 0})).isEqualTo(0.0);
    }

    /*
     * Polytomous: items with max 2, 1, 1. Step popularity: item0 [.9, .2], item1 [.7], item2 [.5].
     * Order (0-based position): (0,1)→0, (1,1)→1, (2,1)→2, (0,2)→3.
     * Work 2,1,0: passes positions 0,3,1 (S = 3); errors: (2,1) failed before (0,2) passed → G = 1.
     *   Gmax(3): totals 3 are (2,1,0): 0+3+1 = 4, (2,0,1): 0+3+2 = 5, (1,1,1): 0+1+2 = 3 → max 5 − 3·2/2 = 2.
     *   Gnormed = 1/2.
     * Work 1,0,1: passes 0 and 2 (S = 2); (1,1) failed before (2,1) passed → G = 1.
     *   Gmax(2): (2,0,0): 0+3 = 3; (1,1,0): 1; (1,0,1): 2; (0,1,1): 3 → max 3 − 1 = 2. Gnormed = 1/2.
     *   (Without the within-item constraint the 0/1 bound S(I−S) would be 4: passing only the two least popular
     *   steps is impossible because (0,2) needs (0,1).)
     * Work 0,1,1: passes 1,2: G = 1 + 2 − 1 = 2 (step (0,1) failed before both) → 2/2 = 1.
     * Work 1,1,1: G = 0.
     */
    @Test
    void polytomousHandExample() {
        int[] max = {2, 1, 1};
        double[][] pop = {{0.9, 0.2}, {0.7}, {0.5}};
        GuttmanErrors.StepOrder order = GuttmanErrors.order(max, pop);
        assertThat(order.position()[0]).containsExactly(0, 3);
        assertThat(order.errors(new int[] {2, 1, 0})).isEqualTo(1.0);
        assertThat(order.maxErrors(3)).isEqualTo(2.0);
        assertThat(order.normed(new int[] {2, 1, 0})).isEqualTo(0.5);
        assertThat(order.maxErrors(2)).isEqualTo(2.0);
        assertThat(order.normed(new int[] {1, 0, 1})).isEqualTo(0.5);
        assertThat(order.normed(new int[] {0, 1, 1})).isEqualTo(1.0);
        assertThat(order.normed(new int[] {1, 1, 1})).isEqualTo(0.0);
    }

    @Test
    void degenerateWorks() {
        int[] max = {2, 1, 1};
        double[][] pop = {{0.9, 0.2}, {0.7}, {0.5}};
        GuttmanErrors.StepOrder order = GuttmanErrors.order(max, pop);
        assertThat(order.normed(new int[] {0, 0, 0})).isNaN(); // total 0
        assertThat(order.normed(new int[] {2, 1, 1})).isNaN(); // full score
        assertThat(order.normed(new int[] {3, 0, 0})).isNaN(); // out of range
        assertThat(order.normed(new int[] {-1, 1, 0})).isNaN();
        // One item only: no pattern can contain an error.
        assertThat(GuttmanErrors.normed(new int[] {2}, new int[] {3}, new double[][] {{0.8, 0.5, 0.1}})).isNaN();
        // Empty reference → NaN popularities → NaN.
        double[][] emptyPop = GuttmanErrors.stepPopularity(new long[][] {{0, 0}, {0, 0}});
        assertThat(emptyPop[0][0]).isNaN();
        assertThat(GuttmanErrors.normed(new int[] {1, 0}, new int[] {1, 1}, emptyPop)).isNaN();
    }

    /*
     * counts item0 (scores 0,1,2) = 2,3,5 → P(≥1) = 8/10, P(≥2) = 5/10; item1 (0,1) = 4,6 → 0.6.
     */
    @Test
    void stepPopularityFromCountsAndWorks() {
        double[][] pop = GuttmanErrors.stepPopularity(new long[][] {{2, 3, 5}, {4, 6}});
        assertThat(pop[0]).containsExactly(0.8, 0.5);
        assertThat(pop[1]).containsExactly(0.6);
        int[][] works = {{0, 1}, {2, 0}, {1, 1}, {2, 1}};
        double[][] fromWorks = GuttmanErrors.stepPopularity(works, new int[] {2, 1});
        assertThat(fromWorks[0]).containsExactly(0.75, 0.5);
        assertThat(fromWorks[1]).containsExactly(0.75);
    }

    /**
     * Random small tests: enumerate every score vector, count errors pair by pair over an order built here (stable
     * sort of item-major steps by popularity, descending), and take the maximum per total by exhaustive search.
     */
    @Test
    void bruteForceErrorsAndMaximum() {
        Random random = new Random(2024);
        for (int rep = 0; rep < 300; rep++) {
            int items = 1 + random.nextInt(5);
            int[] max = new int[items];
            double[][] pop = new double[items][];
            for (int i = 0; i < items; i++) {
                max[i] = random.nextInt(4);
                pop[i] = new double[max[i]];
                double level = 1.0;
                for (int m = 0; m < max[i]; m++) {
                    level = Math.floor(level * random.nextDouble() * 10) / 10; // coarse → ties happen
                    pop[i][m] = level;
                }
            }
            List<int[]> steps = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                for (int m = 1; m <= max[i]; m++) {
                    steps.add(new int[] {i, m});
                }
            }
            steps.sort(Comparator.comparingDouble((int[] s) -> -pop[s[0]][s[1] - 1]));
            int total = steps.size();
            long[] bruteMax = new long[total + 1];
            GuttmanErrors.StepOrder order = GuttmanErrors.order(max, pop);
            int[] scores = new int[items];
            do {
                long g = 0;
                for (int a = 0; a < total; a++) {
                    for (int b = a + 1; b < total; b++) {
                        boolean aPassed = scores[steps.get(a)[0]] >= steps.get(a)[1];
                        boolean bPassed = scores[steps.get(b)[0]] >= steps.get(b)[1];
                        if (!aPassed && bPassed) {
                            g++;
                        }
                    }
                }
                int s = 0;
                for (int v : scores) {
                    s += v;
                }
                bruteMax[s] = Math.max(bruteMax[s], g);
                assertThat(order.errors(scores)).isEqualTo((double) g);
            } while (next(scores, max));
            for (int s = 0; s <= total; s++) {
                assertThat(order.maxErrors(s)).as("Gmax(%d)", s).isEqualTo((double) bruteMax[s]);
            }
        }
    }

    /** Odometer over all score vectors 0..max[i]; false after the last one. */
    private static boolean next(int[] scores, int[] max) {
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] < max[i]) {
                scores[i]++;
                return true;
            }
            scores[i] = 0;
        }
        return false;
    }
}
