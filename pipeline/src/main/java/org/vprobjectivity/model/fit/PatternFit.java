package org.vprobjectivity.model.fit;

/**
 * Conditional person fit: how likely each work's task pattern is given its own total score. At the pupil's
 * ability θ (the class-conditional posterior mean of {@link ClassEffects}), the log-likelihood of the pattern
 * {@code L = Σ_j log P(X_j = x_j | θ)} is compared with its distribution over all patterns with the same total:
 * {@code z = (L − E[L | S = s]) / SD(L | S = s)}, the mean and variance computed exactly by a Lord–Wingersky
 * recursion that carries the first two moments of L along the partial sums. This is the lz statistic of Drasgow,
 * Levine &amp; Williams (1985) made conditional on the total as Molenaar &amp; Hoijtink (1990) and Sinharay (2016)
 * recommend: it needs no ability adjustment, so a strong class is not unusual for being strong. Works at 0 or at
 * full marks have one pattern and no z.
 *
 * <p>A class's score is {@code Σ z_i / √n} (misfit: z &lt; 0: hard tasks solved, easy ones missed — answers known
 * in advance, points added to tasks), a cell's over all its works; the effect is the mean z.
 */
public final class PatternFit {

    private PatternFit() {
    }

    /**
     * Per work its conditional z; NaN where the total has one pattern.
     *
     * @param theta per work the ability the pattern is judged at ({@link ClassEffects#abilityMean})
     */
    public static double[] perWork(PartialCreditModel model, int[][] scores, double[] theta) {
        double[] z = new double[scores.length];
        int maxScore = model.maxScore();
        double[] mass = new double[maxScore + 1];
        double[] m1 = new double[maxScore + 1];
        double[] m2 = new double[maxScore + 1];
        double[] nMass = new double[maxScore + 1];
        double[] nM1 = new double[maxScore + 1];
        double[] nM2 = new double[maxScore + 1];
        double[] logP = new double[model.maxCategories()];
        for (int i = 0; i < scores.length; i++) {
            java.util.Arrays.fill(mass, 0);
            java.util.Arrays.fill(m1, 0);
            java.util.Arrays.fill(m2, 0);
            mass[0] = 1;
            int reach = 0;
            double observed = 0;
            int total = 0;
            for (int j = 0; j < model.tasks(); j++) {
                model.logProbabilities(j, theta[i], logP);
                observed += logP[scores[i][j]];
                total += scores[i][j];
                int m = model.max(j);
                java.util.Arrays.fill(nMass, 0, reach + m + 1, 0);
                java.util.Arrays.fill(nM1, 0, reach + m + 1, 0);
                java.util.Arrays.fill(nM2, 0, reach + m + 1, 0);
                for (int s = 0; s <= reach; s++) {
                    if (mass[s] == 0) {
                        continue;
                    }
                    for (int k = 0; k <= m; k++) {
                        double p = Math.exp(logP[k]);
                        double l = logP[k];
                        nMass[s + k] += p * mass[s];
                        nM1[s + k] += p * (m1[s] + l * mass[s]);
                        nM2[s + k] += p * (m2[s] + 2 * l * m1[s] + l * l * mass[s]);
                    }
                }
                reach += m;
                System.arraycopy(nMass, 0, mass, 0, reach + 1);
                System.arraycopy(nM1, 0, m1, 0, reach + 1);
                System.arraycopy(nM2, 0, m2, 0, reach + 1);
            }
            double mean = m1[total] / mass[total];
            double variance = m2[total] / mass[total] - mean * mean;
            z[i] = variance > 1e-9 * Math.max(1, mean * mean) && mass[total] > 0
                    ? (observed - mean) / Math.sqrt(variance) : Double.NaN;
        }
        return z;
    }

    /** Class and cell scores from the works' z (Stouffer's sum over works). */
    public static UnitStatistic aggregate(double[] z, int[] classOf, int classes, int[] cellOfClass, int cells) {
        UnitStatistic out = UnitStatistic.empty(classes, cells);
        double[] classSum = new double[classes];
        double[] cellSum = new double[cells];
        for (int i = 0; i < z.length; i++) {
            if (Double.isNaN(z[i])) {
                continue;
            }
            classSum[classOf[i]] += z[i];
            out.classWorks()[classOf[i]]++;
            cellSum[cellOfClass[classOf[i]]] += z[i];
            out.cellWorks()[cellOfClass[classOf[i]]]++;
        }
        for (int c = 0; c < classes; c++) {
            double n = out.classWorks()[c];
            if (n > 0) {
                out.classEffect()[c] = classSum[c] / n;
                out.classZ()[c] = classSum[c] / Math.sqrt(n);
            }
        }
        for (int c = 0; c < cells; c++) {
            double n = out.cellWorks()[c];
            if (n > 0) {
                out.cellEffect()[c] = cellSum[c] / n;
                out.cellZ()[c] = cellSum[c] / Math.sqrt(n);
            }
        }
        return out;
    }
}
