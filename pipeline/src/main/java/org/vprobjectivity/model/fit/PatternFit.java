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
 * <p>A class's score is {@code x = Σ z_i / √n} (misfit: z &lt; 0: hard tasks solved, easy ones missed — answers
 * known in advance, points added to tasks), a cell's over all its works; the effect is the mean z. Given its total, L
 * is skewed to the left (a few patterns are very unlikely, none very likely), and a sum over a few works keeps that
 * skew: read as a standard normal, {@code x} put 5.8–9.8% of clean classes of fewer than 10 works below 0.05 and
 * 0.4–0.5% of all clean classes below 0.001 on two independent null regions, its lower tail heavier than its upper
 * (5.2–8.1%, 0.2–0.3% and tails alike with the correction). So the recursion also carries the third moment, each work's
 * conditional skewness {@code γ_i} follows, the sum's is {@code γ = Σ γ_i / n^{3/2}}, and the unit's z is the
 * skew-corrected normal deviate of {@code x} ({@link Normal#skewCorrected}): the three-moment approximation that
 * Molenaar &amp; Hoijtink (1990, "The many null distributions of person fit indices", Psychometrika 55) use for the
 * conditional null of a person-fit statistic, applied to the class's sum.
 */
public final class PatternFit {

    /**
     * The largest skewness the correction takes: the Wilson–Hilferty form is the chi-square's with {@code 8/γ²}
     * degrees of freedom and fails for a few; a lone work whose total allows two patterns, one of them rare, has γ
     * of −30 or so, and the uncapped form would send its likely pattern to z ≈ −5. No class or cell of the two null
     * regions reached the cap (the outputs with it and without it are the same).
     */
    static final double MAX_SKEWNESS = 1;

    private PatternFit() {
    }

    /**
     * Per work its conditional z and the skewness of L given the total; both NaN where the total has one pattern.
     */
    public record WorkFit(double[] z, double[] skewness) {
    }

    /**
     * @param theta per work the ability the pattern is judged at ({@link ClassEffects#abilityMean})
     */
    public static WorkFit perWork(PartialCreditModel model, int[][] scores, double[] theta) {
        double[] z = new double[scores.length];
        double[] skewness = new double[scores.length];
        int maxScore = model.maxScore();
        double[] mass = new double[maxScore + 1];
        double[] m1 = new double[maxScore + 1];
        double[] m2 = new double[maxScore + 1];
        double[] m3 = new double[maxScore + 1];
        double[] nMass = new double[maxScore + 1];
        double[] nM1 = new double[maxScore + 1];
        double[] nM2 = new double[maxScore + 1];
        double[] nM3 = new double[maxScore + 1];
        double[] logP = new double[model.maxCategories()];
        for (int i = 0; i < scores.length; i++) {
            java.util.Arrays.fill(mass, 0);
            java.util.Arrays.fill(m1, 0);
            java.util.Arrays.fill(m2, 0);
            java.util.Arrays.fill(m3, 0);
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
                java.util.Arrays.fill(nM3, 0, reach + m + 1, 0);
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
                        nM3[s + k] += p * (m3[s] + 3 * l * m2[s] + 3 * l * l * m1[s] + l * l * l * mass[s]);
                    }
                }
                reach += m;
                System.arraycopy(nMass, 0, mass, 0, reach + 1);
                System.arraycopy(nM1, 0, m1, 0, reach + 1);
                System.arraycopy(nM2, 0, m2, 0, reach + 1);
                System.arraycopy(nM3, 0, m3, 0, reach + 1);
            }
            double mean = m1[total] / mass[total];
            double variance = m2[total] / mass[total] - mean * mean;
            boolean varies = variance > 1e-9 * Math.max(1, mean * mean) && mass[total] > 0;
            z[i] = varies ? (observed - mean) / Math.sqrt(variance) : Double.NaN;
            // third central moment E[L³] − 3μE[L²] + 2μ³, over σ³
            skewness[i] = varies ? (m3[total] / mass[total] - 3 * mean * m2[total] / mass[total] + 2 * mean * mean * mean)
                    / Math.pow(variance, 1.5) : Double.NaN;
        }
        return new WorkFit(z, skewness);
    }

    /**
     * Class and cell scores from the works' z: Stouffer's sum over works {@code x = Σ z_i / √n}, skew-corrected with
     * {@code γ = Σ γ_i / n^{3/2}} (the works are independent given the model, so their third cumulants add).
     */
    public static UnitStatistic aggregate(WorkFit works, int[] classOf, int classes, int[] cellOfClass, int cells) {
        double[] z = works.z();
        UnitStatistic out = UnitStatistic.empty(classes, cells);
        double[] classSum = new double[classes];
        double[] classSkew = new double[classes];
        double[] cellSum = new double[cells];
        double[] cellSkew = new double[cells];
        for (int i = 0; i < z.length; i++) {
            if (Double.isNaN(z[i])) {
                continue;
            }
            int c = classOf[i];
            int k = cellOfClass[c];
            classSum[c] += z[i];
            classSkew[c] += works.skewness()[i];
            out.classWorks()[c]++;
            cellSum[k] += z[i];
            cellSkew[k] += works.skewness()[i];
            out.cellWorks()[k]++;
        }
        fill(classSum, classSkew, out.classWorks(), out.classEffect(), out.classZ());
        fill(cellSum, cellSkew, out.cellWorks(), out.cellEffect(), out.cellZ());
        return out;
    }

    private static void fill(double[] sum, double[] skew, double[] works, double[] effect, double[] z) {
        for (int u = 0; u < works.length; u++) {
            double n = works[u];
            if (n > 0) {
                effect[u] = sum[u] / n;
                double gamma = Math.max(-MAX_SKEWNESS, Math.min(MAX_SKEWNESS, skew[u] / Math.pow(n, 1.5)));
                z[u] = Normal.skewCorrected(sum[u] / Math.sqrt(n), gamma);
            }
        }
    }
}
