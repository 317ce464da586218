package org.vprobjectivity.synthetic;

import org.vprobjectivity.model.MarkScale;

import java.util.Random;

/**
 * The teacher's own mark (отметка по журналу): a noisy view of the pupil's ability, θ + N(0, 0.6), cut
 * at points a little below where the VPR gives the same mark. Teachers are more lenient than the VPR,
 * so against the journal about 33% of VPR marks come out lowered, 57% confirmed and 9–10% raised,
 * the shares FIS OKO's "Сравнение отметок с отметками по журналу" reports for ordinary regions.
 */
final class JournalModel {

    static final double NOISE_SD = 0.6;
    /** How far (in ability units) the teacher's cuts for 3, 4, 5 lie below the VPR's; fitted on the shares above. */
    private static final double[] LENIENCY = {0.85, 0.5, 0.1};
    static final double NO_MARK_SHARE = 0.02;

    private final double[] cuts;

    private JournalModel(double[] cuts) {
        this.cuts = cuts;
    }

    /** Cuts from the abilities at which the VPR mark reaches 3, 4, 5 with probability one half. */
    static JournalModel forBank(ItemBank bank) {
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
        return new JournalModel(cuts);
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

    /** A journal mark 2..5, or null (нет отметки). Draws exactly two numbers. */
    Integer draw(double theta, Random r) {
        double seen = theta + r.nextGaussian() * NOISE_SD;
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
}
