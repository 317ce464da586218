package org.vprobjectivity.model.fit;

import org.apache.commons.math3.distribution.PoissonDistribution;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Identical task-score vectors within a class, weighed by how likely identical vectors are under the model. Two
 * pupils of class c hand in the same vector with probability
 * {@code κ_c = Σ_x P_c(x)² = Σ_q Σ_q' w_c(q) w_c(q') Π_j Σ_k P_jk(θ_q) P_jk(θ_q')} (tasks independent given θ),
 * so the expected number of identical pairs is {@code λ_c = C(n_c, 2)·κ_c}: large in a strong class where full
 * marks are common, tiny in an ordinary class on a work of 15 tasks. The observed count is K_c = Σ_groups C(m, 2);
 * the p-value is the Poisson upper-tail mid-p of K_c at ρ·λ_c, where ρ ≥ 1 is the reference's typical excess of
 * identical pairs over the model (ΣK / Σλ over the classes with p ≥ 1e-6 under it, from ρ = 1 until that set is
 * stable), so vectors common in the region are not called rare. A cell sums its classes' K and λ (pairs within a class only).
 */
public final class CopiedVectors {

    static final double OVERWHELMING_P = 1e-6;

    /** Pairs and expected pairs per class and cell, the factor ρ, and mid-p values. */
    public record Result(double[] classPairs, double[] classExpected, double[] classP, double[] cellPairs,
                         double[] cellExpected, double[] cellP, double[] classWorksInGroups, double factor) {
    }

    private CopiedVectors() {
    }

    public static Result compute(PartialCreditModel model, AbilityGrid grid, ClassEffects ability, int[][] scores,
                                 int[] classOf, int classes, int[] cellOfClass, int cells) {
        int nq = grid.size();
        double[][][] logP = model.logProbabilityTable(grid);
        double[][] collide = new double[nq][nq];
        for (int q = 0; q < nq; q++) {
            for (int r = q; r < nq; r++) {
                double prod = 1;
                for (int j = 0; j < model.tasks(); j++) {
                    double s = 0;
                    for (int k = 0; k <= model.max(j); k++) {
                        s += Math.exp(logP[j][k][q] + logP[j][k][r]);
                    }
                    prod *= s;
                }
                collide[q][r] = prod;
                collide[r][q] = prod;
            }
        }
        double[] n = new double[classes];
        for (int c : classOf) {
            n[c]++;
        }
        double[] lambda = new double[classes];
        for (int c = 0; c < classes; c++) {
            double[] w = ability.classPrior(c);
            double kappa = 0;
            for (int q = 0; q < nq; q++) {
                if (w[q] < 1e-12) {
                    continue;
                }
                for (int r = 0; r < nq; r++) {
                    kappa += w[q] * w[r] * collide[q][r];
                }
            }
            lambda[c] = n[c] * (n[c] - 1) / 2 * kappa;
        }
        double[] pairs = new double[classes];
        double[] inGroups = new double[classes];
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            counts.merge(classOf[i] + "|" + Arrays.toString(scores[i]), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int m = e.getValue();
            if (m >= 2) {
                int c = Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('|')));
                pairs[c] += m * (m - 1) / 2.0;
                inGroups[c] += m;
            }
        }
        // As for the cuts (CutBunching): from ρ = 1, refitted without the overwhelming classes until the set is stable.
        // Fitted first on every class, a region's copied classes raised ρ to 71 on a simulated region and hid themselves.
        double rho = 1;
        boolean[] keep = new boolean[classes];
        for (int round = 0; round < CutBunching.MAX_REFITS; round++) {
            boolean changed = false;
            for (int c = 0; c < classes; c++) {
                boolean kept = midP(pairs[c], rho * lambda[c]) >= OVERWHELMING_P;
                changed |= round == 0 || kept != keep[c];
                keep[c] = kept;
            }
            if (!changed) {
                break;
            }
            rho = factor(pairs, lambda, keep);
        }
        double[] p = new double[classes];
        double[] cellPairs = new double[cells];
        double[] cellLambda = new double[cells];
        double[] expected = new double[classes];
        for (int c = 0; c < classes; c++) {
            expected[c] = rho * lambda[c];
            p[c] = n[c] >= 2 ? midP(pairs[c], expected[c]) : Double.NaN;
            cellPairs[cellOfClass[c]] += pairs[c];
            cellLambda[cellOfClass[c]] += expected[c];
        }
        double[] cellP = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            cellP[cell] = cellLambda[cell] > 0 ? midP(cellPairs[cell], cellLambda[cell]) : Double.NaN;
        }
        return new Result(pairs, expected, p, cellPairs, cellLambda, cellP, inGroups, rho);
    }

    private static double factor(double[] pairs, double[] lambda, boolean[] keep) {
        double k = 0;
        double l = 0;
        for (int c = 0; c < pairs.length; c++) {
            if (keep[c]) {
                k += pairs[c];
                l += lambda[c];
            }
        }
        return l > 0 ? Math.max(1, k / l) : 1;
    }

    /** Poisson upper-tail mid-p {@code P(X > k) + ½ P(X = k)}, X ~ Poisson(λ). */
    static double midP(double k, double lambda) {
        if (lambda <= 0) {
            return k > 0 ? 0 : 1;
        }
        PoissonDistribution poisson = new PoissonDistribution(null, lambda, 1e-12, 10_000_000);
        int x = (int) Math.round(k);
        double above = x == 0 ? 1 - poisson.probability(0) : 1 - poisson.cumulativeProbability(x);
        if (above < 1e-10) {
            above = upperTailBySum(x + 1, lambda);
        }
        return Math.min(1, Math.max(0, above + 0.5 * poisson.probability(x)));
    }

    /** P(X ≥ from) summed term by term in logs, for tails where 1 − cdf loses its precision. */
    private static double upperTailBySum(int from, double lambda) {
        double logTerm = -lambda + from * Math.log(lambda) - org.apache.commons.math3.special.Gamma.logGamma(from + 1);
        double sum = 0;
        for (int x = from; x < from + 2000; x++) {
            double t = Math.exp(logTerm);
            sum += t;
            if (t < sum * 1e-17) {
                break;
            }
            logTerm += Math.log(lambda) - Math.log(x + 1);
        }
        return sum;
    }
}
