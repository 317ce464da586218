package org.vprobjectivity.stats;

/** Weighted kappa: agreement between two ratings of the same works (journal mark {@code j} and VPR mark {@code v}). */
public final class WeightedKappa {

    private WeightedKappa() {
    }

    /**
     * Quadratic weighted kappa (Cohen 1968, "Weighted kappa", Psychological Bulletin 70(4); quadratic weights as in
     * Fleiss &amp; Cohen 1973): {@code κw = 1 − Σ w_ab·O_ab / Σ w_ab·E_ab} with {@code O_ab} the observed share of pairs
     * (a, b), {@code E_ab = O_a+ · O_+b} the share expected under independence from the margins, and disagreement
     * weights {@code w_ab = (a − b)²/(K − 1)²}, {@code K = maxCategory − minCategory + 1} (marks 2..5: {@code /9}).
     *
     * @param a           first rating per work (e.g. journal mark)
     * @param b           second rating per work (e.g. VPR mark), same order
     * @param minCategory lowest category (2 for marks)
     * @param maxCategory highest category (5 for marks)
     * @return κw in [−1, 1]; NaN when there are no pairs, when {@code K < 2}, when any rating lies outside
     *         [minCategory, maxCategory] (the caller drops absent or invalid marks first), or when the expected
     *         disagreement {@code Σ w·E} is 0 (both raters put every work in the same single category)
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static double quadratic(int[] a, int[] b, int minCategory, int maxCategory) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a and b differ in length: " + a.length + " vs " + b.length);
        }
        int k = maxCategory - minCategory + 1;
        int n = a.length;
        if (n == 0 || k < 2) {
            return Double.NaN;
        }
        // Integer counts keep the sums exact; the shares are counts/n and margins' products /n².
        long[][] observed = new long[k][k];
        long[] rowMargin = new long[k];
        long[] colMargin = new long[k];
        for (int i = 0; i < n; i++) {
            int ra = a[i] - minCategory;
            int rb = b[i] - minCategory;
            if (ra < 0 || ra >= k || rb < 0 || rb >= k) {
                return Double.NaN;
            }
            observed[ra][rb]++;
            rowMargin[ra]++;
            colMargin[rb]++;
        }
        // The common factor 1/(K−1)² cancels in the ratio; kept out so the sums stay integers.
        double weightedObserved = 0; // Σ (a−b)²·count_ab = n·(K−1)²·Σ w O
        double weightedExpected = 0; // Σ (a−b)²·row_a·col_b = n²·(K−1)²·Σ w E
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                double d2 = (double) (r - c) * (r - c);
                weightedObserved += d2 * observed[r][c];
                weightedExpected += d2 * rowMargin[r] * colMargin[c];
            }
        }
        if (!(weightedExpected > 0)) {
            return Double.NaN;
        }
        return 1.0 - weightedObserved * n / weightedExpected;
    }
}
