package org.vprobjectivity.synthetic;

import org.vprobjectivity.model.MarkScale;

/**
 * Fits the spread and the position of a work's task difficulties so that an ordinary population gets
 * marks near 10% "2" and 15% "5" (and so roughly 35/40% "3"/"4", the shape of real regional results).
 * Exact expectations by Gauss-style quadrature over ability and convolution over tasks: no sampling, so
 * the fit is deterministic and cheap.
 */
final class ItemCalibration {

    static final double TARGET_MARK_2 = 0.10;
    static final double TARGET_MARK_5 = 0.15;
    private static final int GRID = 33;
    static final double[] THETA = new double[GRID];
    static final double[] WEIGHT = new double[GRID];

    static {
        double sd = ItemBank.ABILITY_SD;
        double sum = 0;
        for (int i = 0; i < GRID; i++) {
            THETA[i] = -4.5 * sd + 9 * sd * i / (GRID - 1);
            WEIGHT[i] = Math.exp(-0.5 * Math.pow(THETA[i] / sd, 2));
            sum += WEIGHT[i];
        }
        for (int i = 0; i < GRID; i++) {
            WEIGHT[i] /= sum;
        }
    }

    private ItemCalibration() {
    }

    /**
     * Returns {shift, spread}: difficulty b_i = shift + spread·z_i. For a spread, the shift that gives 10%
     * "2" is found by regula falsi (the share of 2 rises with the shift); the spread is then chosen on a
     * coarse grid and refined by bisection so that the share of 5 comes closest to 15% (it falls as the
     * spread grows, since the hardest tasks get harder).
     */
    static double[] fit(MarkScale scale, double[] z, boolean[] hard) {
        double bestSpread = 0.5;
        double bestErr = Double.MAX_VALUE;
        for (double spread = 0.5; spread <= 6.0001; spread += 0.5) {
            double err = Math.abs(shareOf5(scale, z, hard, spread) - TARGET_MARK_5);
            if (err < bestErr) {
                bestErr = err;
                bestSpread = spread;
            }
        }
        double lo = Math.max(0.25, bestSpread - 0.5);
        double hi = bestSpread + 0.5;
        double pLo = shareOf5(scale, z, hard, lo) - TARGET_MARK_5;
        double pHi = shareOf5(scale, z, hard, hi) - TARGET_MARK_5;
        if (pLo * pHi < 0) {
            for (int it = 0; it < 8; it++) {
                double mid = (lo + hi) / 2;
                double pMid = shareOf5(scale, z, hard, mid) - TARGET_MARK_5;
                if (pMid * pLo > 0) {
                    lo = mid;
                    pLo = pMid;
                } else {
                    hi = mid;
                }
            }
            bestSpread = (lo + hi) / 2;
        }
        return new double[]{shiftFor(scale, z, hard, bestSpread), bestSpread};
    }

    private static double shareOf5(MarkScale scale, double[] z, boolean[] hard, double spread) {
        return markShares(scale, difficulties(shiftFor(scale, z, hard, spread), spread, z), hard)[3];
    }

    /** The shift giving 10% "2" at this spread (Illinois regula falsi on [-5, 5]). */
    private static double shiftFor(MarkScale scale, double[] z, boolean[] hard, double spread) {
        double a = -5;
        double b = 5;
        double fa = markShares(scale, difficulties(a, spread, z), hard)[0] - TARGET_MARK_2;
        double fb = markShares(scale, difficulties(b, spread, z), hard)[0] - TARGET_MARK_2;
        if (fa * fb > 0) {
            return Math.abs(fa) < Math.abs(fb) ? a : b;
        }
        int side = 0;
        double c = a;
        for (int it = 0; it < 40; it++) {
            c = (a * fb - b * fa) / (fb - fa);
            double fc = markShares(scale, difficulties(c, spread, z), hard)[0] - TARGET_MARK_2;
            if (Math.abs(fc) < 1e-5) {
                break;
            }
            if (fc * fb > 0) {
                b = c;
                fb = fc;
                if (side == -1) {
                    fa /= 2;
                }
                side = -1;
            } else {
                a = c;
                fa = fc;
                if (side == 1) {
                    fb /= 2;
                }
                side = 1;
            }
        }
        return c;
    }

    private static double[] difficulties(double shift, double spread, double[] z) {
        double[] b = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            b[i] = shift + spread * z[i];
        }
        return b;
    }

    /** Population shares of marks 2, 3, 4, 5. */
    static double[] markShares(MarkScale scale, double[] b, boolean[] hard) {
        double[] shares = new double[4];
        for (int g = 0; g < GRID; g++) {
            double[] byMark = markGivenTheta(scale, b, hard, THETA[g]);
            for (int m = 0; m < 4; m++) {
                shares[m] += WEIGHT[g] * byMark[m];
            }
        }
        return shares;
    }

    /** P(mark = 2..5 | θ) (index 0..3). */
    static double[] markGivenTheta(MarkScale scale, double[] b, boolean[] hard, double theta) {
        double[] dist = scoreDistribution(scale, b, hard, theta);
        double[] byMark = new double[4];
        for (int s = 0; s < dist.length; s++) {
            byMark[scale.markFor(s) - 2] += dist[s];
        }
        return byMark;
    }

    /** Distribution of the primary score at ability θ (not attempted scores 0). */
    static double[] scoreDistribution(MarkScale scale, double[] b, boolean[] hard, double theta) {
        int total = scale.sumOfTaskMaxima();
        double[] dist = new double[total + 1];
        dist[0] = 1;
        int reach = 0;
        for (int i = 0; i < b.length; i++) {
            int max = scale.tasks().get(i).max();
            double[] cat = new double[max + 1];
            double skip = ItemBank.notAttempted(theta, hard[i]);
            for (int k = 0; k <= max; k++) {
                double ge = k == 0 ? 1 : ItemBank.atLeast(theta, b[i], max, k);
                double gt = k == max ? 0 : ItemBank.atLeast(theta, b[i], max, k + 1);
                cat[k] = (ge - gt) * (1 - skip);
            }
            cat[0] += skip;
            double[] next = new double[total + 1];
            for (int s = 0; s <= reach; s++) {
                if (dist[s] == 0) {
                    continue;
                }
                for (int k = 0; k <= max; k++) {
                    next[s + k] += dist[s] * cat[k];
                }
            }
            dist = next;
            reach += max;
        }
        return dist;
    }
}
