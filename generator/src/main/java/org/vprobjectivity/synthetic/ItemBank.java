package org.vprobjectivity.synthetic;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.TaskSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks of one work as the simulation sees them: a difficulty per task and a graded response model
 * for partial credit, P(score ≥ k | θ) = logistic(1.3·(θ − b_i − step_k)) (Samejima's graded response model
 * with a common discrimination), plus a chance of leaving a task out that grows for weak pupils.
 *
 * <p>Difficulties: tasks are ordered by level (Б before П before В; where the scale has no levels, the
 * later tasks count as harder, as in real VPR papers) with a small per-task jitter fixed by the seed, then
 * spread by normal scores and scaled and shifted by {@link ItemCalibration} so the marks come out near
 * 10/35/40/15% for an ordinary school population, whatever the scale's cuts are.
 */
final class ItemBank {

    static final double DISCRIMINATION = 1.3;
    /** Distance between neighbouring score steps of a multi-point task, in ability units. */
    static final double STEP_WIDTH = 1.0;
    /** SD of ability in an ordinary population: school + class + pupil components of {@link SchoolSimulator}. */
    static final double ABILITY_SD = Math.sqrt(SchoolSimulator.SCHOOL_SD * SchoolSimulator.SCHOOL_SD
            + SchoolSimulator.CLASS_SD * SchoolSimulator.CLASS_SD + SchoolSimulator.PUPIL_SD * SchoolSimulator.PUPIL_SD);
    private static final double[] LEVEL_BASE = {0.0, 1.0, 1.5}; // Б, П, В
    private static final Map<String, ItemBank> CACHE = new ConcurrentHashMap<>();

    private final MarkScale scale;
    private final double[] difficulty;
    private final boolean[] hard;
    private final String[] level;

    ItemBank(MarkScale scale, double[] difficulty, boolean[] hard, String[] level) {
        this.scale = scale;
        this.difficulty = difficulty.clone();
        this.hard = hard.clone();
        this.level = level.clone();
    }

    /** The calibrated bank for a scale; the jitter depends on the seed. Cached: calibration takes ~0.1 s. */
    static ItemBank forScale(MarkScale scale, long seed) {
        return CACHE.computeIfAbsent(scale.key() + "|" + scale.cut3() + "," + scale.cut4() + "," + scale.cut5()
                + "|" + scale.tasks().size() + "|" + seed, k -> build(scale, seed));
    }

    private static ItemBank build(MarkScale scale, long seed) {
        List<TaskSpec> tasks = scale.tasks();
        int n = tasks.size();
        boolean scaleHasLevels = tasks.stream().anyMatch(t -> levelIndex(t.level()) >= 0);
        Random r = SeededRandom.of(seed, SeededRandom.ITEMS, SeededRandom.textKey(scale.subject()), scale.grade());
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            double position = n == 1 ? 0 : (double) i / (n - 1);
            int lvl = Math.max(0, levelIndex(tasks.get(i).level()));
            key[i] = (scaleHasLevels ? LEVEL_BASE[lvl] : 0) + 0.8 * position + r.nextGaussian() * 0.3;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> key[i]));
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        double[] z = new double[n];
        String[] level = new String[n];
        boolean[] hard = new boolean[n];
        for (int rank = 0; rank < n; rank++) {
            int i = order.get(rank);
            z[i] = normal.inverseCumulativeProbability((rank + 0.5) / n);
            String given = tasks.get(i).level();
            // "Hard" = the advanced tasks, or the hardest third where the scale does not say.
            level[i] = scaleHasLevels ? (levelIndex(given) >= 0 ? given : "Б") : (rank >= n - n / 3 ? "П" : "Б");
            hard[i] = !"Б".equals(level[i]);
        }
        double[] fit = ItemCalibration.fit(scale, z, hard);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = fit[0] + fit[1] * z[i];
        }
        return new ItemBank(scale, b, hard, level);
    }

    private static int levelIndex(String level) {
        if (level == null) {
            return -1;
        }
        return switch (level.trim().toUpperCase()) {
            case "Б" -> 0;
            case "П" -> 1;
            case "В" -> 2;
            default -> -1;
        };
    }

    /** One pupil's task scores; -1 = not attempted. Always draws two numbers per task (stable streams). */
    int[] draw(double theta, Random r) {
        int n = difficulty.length;
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            int max = scale.tasks().get(i).max();
            int score = 0;
            for (int k = 1; k <= max && u < atLeast(theta, difficulty[i], max, k); k++) {
                score = k;
            }
            boolean skipped = r.nextDouble() < notAttempted(theta, i);
            scores[i] = skipped ? -1 : score;
        }
        return scores;
    }

    /** P(score ≥ k | θ) for a task of difficulty b and maximum max, k = 1..max. */
    static double atLeast(double theta, double b, int max, int k) {
        double step = (k - (max + 1) / 2.0) * STEP_WIDTH;
        return logistic(DISCRIMINATION * (theta - b - step));
    }

    /** Weak pupils leave more tasks blank, more so the advanced ones (about 6% of task cells overall). */
    double notAttempted(double theta, int task) {
        return notAttempted(theta, hard[task]);
    }

    static double notAttempted(double theta, boolean hard) {
        return logistic(-3.3 - 0.9 * theta + (hard ? 0.5 : 0));
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    MarkScale scale() {
        return scale;
    }

    int taskCount() {
        return difficulty.length;
    }

    double difficulty(int task) {
        return difficulty[task];
    }

    boolean isHard(int task) {
        return hard[task];
    }

    /** Б/П/В per task: the scale's own level, or the simulation's (hardest third = П) where it has none. */
    String level(int task) {
        return level[task];
    }
}
