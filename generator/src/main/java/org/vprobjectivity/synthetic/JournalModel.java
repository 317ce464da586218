package org.vprobjectivity.synthetic;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.vprobjectivity.model.MarkScale;

import java.util.Random;

/**
 * The teacher's own mark (отметка по журналу): a noisy view of the pupil's ability, θ + class leniency +
 * N(0, pupil noise), cut at points a little below where the VPR gives the same mark. Teachers are more lenient than
 * the VPR, so against the journal about 33% of VPR marks come out lowered, 57% confirmed and 10% raised, the shares
 * FIS OKO's "Сравнение отметок с отметками по журналу" reports for ordinary regions.
 *
 * <p>Those shares fix the total spread of the teacher's view around the ability, {@link #TOTAL_NOISE_SD} = 0.6,
 * not how it splits. Real exports show that part of it belongs to the class: the class means of (journal − what
 * the VPR predicts) spread with an SD of 0.40–0.46 ability units, so each class carries its own leniency offset
 * ~ N(0, classLeniencySd) ({@link SchoolSimulator} draws it). The pupil noise is what is left,
 * √(0.6² − classLeniencySd²) (0.43 at the default 0.42): since the sum of the two normals is again N(0, 0.6),
 * the region-wide lowered/confirmed/raised shares do not move with the class leniency, and the cuts fitted on them
 * before it existed still hold: 200 clean schools, seeds 7 and 102, give 32.8–33.8% lowered, 56.0–56.9%
 * confirmed, 10.2–10.3% raised at the default 0.42 (33.1–33.4 / 56.5–56.7 / 10.0–10.2 without class leniency),
 * where a fixed pupil noise of 0.6 plus the class offsets gave 53.8–54.4% confirmed and 11.6–12.0% raised. A class leniency of 0 gives back the model where every teacher grades alike.
 */
final class JournalModel {

    /** SD of the teacher's view around the pupil's ability, class and pupil parts together. */
    static final double TOTAL_NOISE_SD = 0.6;
    /** The class part may take most of the spread, not all: some pupil-level disagreement always remains. */
    static final double MAX_CLASS_LENIENCY_SD = 0.55;
    /** How far (in ability units) the teacher's cuts for 3, 4, 5 lie below the VPR's; fitted on the shares above. */
    private static final double[] LENIENCY = {0.85, 0.5, 0.1};
    static final double NO_MARK_SHARE = 0.02;

    private final double[] cuts;
    private final double noiseSd;

    private JournalModel(double[] cuts, double noiseSd) {
        this.cuts = cuts;
        this.noiseSd = noiseSd;
    }

    /** The pupil-level noise that leaves the total spread at {@link #TOTAL_NOISE_SD}. */
    static double pupilNoiseSd(double classLeniencySd) {
        if (!(classLeniencySd >= 0 && classLeniencySd <= MAX_CLASS_LENIENCY_SD)) {
            throw new IllegalArgumentException("class leniency SD must lie in 0.." + MAX_CLASS_LENIENCY_SD + ", got "
                    + classLeniencySd);
        }
        return Math.sqrt(TOTAL_NOISE_SD * TOTAL_NOISE_SD - classLeniencySd * classLeniencySd);
    }

    /**
     * Cuts from the abilities at which the VPR mark reaches 3, 4, 5 with probability one half; the pupil noise for
     * classes whose leniency offsets have SD {@code classLeniencySd}.
     */
    static JournalModel forBank(ItemBank bank, double classLeniencySd) {
        MarkScale scale = bank.scale();
        int n = bank.taskCount();
        double[] b = new double[n];
        boolean[] hard = new boolean[n];
        for (int i = 0; i < n; i++) {
            b[i] = bank.difficulty(i);
            hard[i] = bank.isHard(i);
        }
        double[] theta = ItemCalibration.THETA;
        double[][] atLeast = new double[3][theta.length];
        for (int g = 0; g < theta.length; g++) {
            double[] byMark = ItemCalibration.markGivenTheta(scale, b, hard, theta[g]);
            atLeast[2][g] = byMark[3];
            atLeast[1][g] = byMark[3] + byMark[2];
            atLeast[0][g] = byMark[3] + byMark[2] + byMark[1];
        }
        double[] cuts = new double[3];
        for (int k = 0; k < 3; k++) {
            cuts[k] = crossing(theta, atLeast[k]) - LENIENCY[k];
        }
        return new JournalModel(cuts, pupilNoiseSd(classLeniencySd));
    }

    /** The θ where an increasing curve crosses one half, by linear interpolation. */
    private static double crossing(double[] x, double[] y) {
        for (int i = 1; i < x.length; i++) {
            if (y[i] >= 0.5) {
                double t = (0.5 - y[i - 1]) / (y[i] - y[i - 1]);
                return x[i - 1] + t * (x[i] - x[i - 1]);
            }
        }
        return x[x.length - 1];
    }

    /**
     * A journal mark 2..5, or null (нет отметки). Draws exactly two numbers.
     *
     * @param classLeniency the class's own offset (ability units) added to what its teacher sees; drawn per class
     *                      by {@link SchoolSimulator}, 0 for a teacher who grades like the region
     */
    Integer draw(double theta, double classLeniency, Random r) {
        double seen = theta + classLeniency + r.nextGaussian() * noiseSd;
        boolean none = r.nextDouble() < NO_MARK_SHARE;
        if (none) {
            return null;
        }
        int mark = 2;
        for (double c : cuts) {
            if (seen >= c) {
                mark++;
            }
        }
        return mark;
    }

    /**
     * The expected journal mark of a pupil of ability θ in a class with the given leniency, given that a mark is
     * written: 2 + Σ_k Φ((θ + leniency − cut_k) / noise). What a class's journal "should" say, for the tests.
     */
    double expectedMark(double theta, double classLeniency) {
        double sum = 2;
        for (double c : cuts) {
            sum += STANDARD_NORMAL.cumulativeProbability((theta + classLeniency - c) / noiseSd);
        }
        return sum;
    }

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
}
