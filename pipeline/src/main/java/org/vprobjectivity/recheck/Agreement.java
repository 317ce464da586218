package org.vprobjectivity.recheck;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/** The statistics of the re-check: agreement between the school's and the commission's scores, and discrepancy. */
public final class Agreement {

    private Agreement() {
    }

    /**
     * Cohen's weighted kappa with quadratic weights (Cohen 1968, "Weighted kappa", Psychological Bulletin 70;
     * Fleiss &amp; Cohen 1973): {@code κ_w = 1 − Σ w_ij o_ij / Σ w_ij e_ij}, {@code w_ij = (i − j)²}, o the observed
     * and e the expected (product of the margins) proportions over scores 0..max. NaN with fewer than two works or
     * when both raters gave one and the same score to every work (no variation to agree on).
     */
    public static double weightedKappa(int[] school, int[] commission, int max) {
        int n = school.length;
        if (n < 2) {
            return Double.NaN;
        }
        double[][] o = new double[max + 1][max + 1];
        double[] rowMargin = new double[max + 1];
        double[] colMargin = new double[max + 1];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, Math.min(max, school[i]));
            int b = Math.max(0, Math.min(max, commission[i]));
            o[a][b] += 1.0 / n;
            rowMargin[a] += 1.0 / n;
            colMargin[b] += 1.0 / n;
        }
        double observed = 0;
        double expected = 0;
        for (int a = 0; a <= max; a++) {
            for (int b = 0; b <= max; b++) {
                double w = (a - b) * (double) (a - b);
                observed += w * o[a][b];
                expected += w * rowMargin[a] * colMargin[b];
            }
        }
        return expected == 0 ? Double.NaN : 1 - observed / expected;
    }

    /**
     * One-sided mid-p of Fisher's exact test that the school's works lost points on re-check more often than the
     * control works did: of {@code n} school works {@code k} lowered, of {@code m} control works {@code c} lowered;
     * given the k + c lowered in all, k is hypergeometric, and the mid-p is {@code P(K > k) + ½ P(K = k)} (Lancaster
     * 1961; the mid-p keeps a small discrete test near its nominal level, Agresti 2013 §1.4.5). NaN without control
     * works or school works.
     */
    public static double discrepancyMidP(int k, int n, int c, int m) {
        if (n <= 0 || m <= 0) {
            return Double.NaN;
        }
        int lowered = k + c;
        if (lowered == 0) {
            return 0.5 * 1.0 + 0.5 * 0.0; // P(K > 0) = 0, P(K = 0) = 1: nothing to tell
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, n + m, lowered, n);
        return h.upperCumulativeProbability(k) - 0.5 * h.probability(k);
    }
}
