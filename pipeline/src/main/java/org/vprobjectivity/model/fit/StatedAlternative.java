package org.vprobjectivity.model.fit;

import java.util.SplittableRandom;

/**
 * The machinery shared by the signs that test a stated alternative of how points were changed ({@link AddedPoints},
 * {@link KnownAnswers}): per work the generalised likelihood ratio with θ profiled out on the grid,
 * {@code G = max_θ Σ_j log q_j(y_j | θ) − max_θ Σ_j log P_j(y_j | θ)}; the work's term in its class's sum,
 * {@code log(1 − ρ + ρ·e^G)} for an alternative that reaches a share ρ of the works ({@link Kind#mixture}; G itself
 * where it reaches them all); the term's null moments per total by parametric bootstrap under the fitted model
 * ({@value #DRAWS} works simulated with θ from the reference's fitted ability distribution, totals with fewer than
 * {@value #MIN_PER_TOTAL} draws pooled with their neighbours); and a unit's skew-corrected z over its works (the derivation is in {@link AddedPoints}). The seed is fixed per alternative, so a
 * reference gives the same numbers on every run and partitioning.
 */
final class StatedAlternative {

    static final int DRAWS = 40_000;
    static final int MIN_PER_TOTAL = 50;

    /** How the alternative changes one task's score distribution: {@code q_j(k | θ)} from {@code P_j(· | θ)}. */
    enum Kind {
        /** One point added with probability π to a task the pupil did not finish ({@link AddedPoints}). */
        ADDED_POINT(0x5EEDADDL, 1.0) {
            @Override
            double probability(double[] p, int k) {
                int m = p.length - 1;
                return p[k] * (k < m ? 1 - AddedPoints.PI : 1) + (k >= 1 ? p[k - 1] * AddedPoints.PI : 0);
            }
        },
        /** The task at full marks with probability π whatever the pupil can do ({@link KnownAnswers}). */
        FULL_MARKS(0x5EED4A5L, 0.5) {
            @Override
            double probability(double[] p, int k) {
                int m = p.length - 1;
                return (1 - KnownAnswers.PI) * p[k] + (k == m ? KnownAnswers.PI : 0);
            }
        };

        private final long seed;
        private final double workShare;

        Kind(long seed, double workShare) {
            this.seed = seed;
            this.workShare = workShare;
        }

        /**
         * A work's contribution to its class's likelihood ratio when each of the class's works was changed with
         * probability ρ ({@code workShare}): {@code log(1 − ρ + ρ·e^G)}. Summed over a class it is the log-likelihood
         * ratio of "each work changed with probability ρ" to "none" (a two-component mixture per work), so with ρ < 1
         * a work the alternative does not explain costs at most {@code log(1 − ρ)} instead of its whole negative G,
         * and a few works with strong evidence are not diluted by their classmates; ρ = 1 is G itself.
         */
        double mixture(double g) {
            if (workShare >= 1) {
                return g;
            }
            return g > 0 ? g + Math.log(workShare + (1 - workShare) * Math.exp(-g))
                    : Math.log(1 - workShare + workShare * Math.exp(g));
        }

        /** {@code q(k)} given the model's probabilities {@code p[0..m]} of the task at one θ. */
        abstract double probability(double[] p, int k);
    }

    private StatedAlternative() {
    }

    /** @param part the tasks of the scale's advanced part for {@link Kind#FULL_MARKS}' set component, or null */
    static double[] ratios(Kind kind, PartialCreditModel model, AbilityGrid grid, int[][] scores, boolean[] part) {
        Tables t = new Tables(kind, model, grid, part);
        double[] g = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            g[i] = t.ratio(scores[i]);
        }
        return g;
    }

    /**
     * The class and cell statistics: effect = mean standardised ratio, z = the skew-corrected normal deviate of the
     * summed ratios; works at a total with one pattern are left out.
     *
     * @param posteriorWeights the reference's fitted ability distribution on the grid (sums to one)
     */
    static UnitStatistic units(Kind kind, PartialCreditModel model, AbilityGrid grid, int[][] scores, boolean[] part,
                               double[] posteriorWeights, int[] classOf, int classes, int[] cellOfClass, int cells) {
        Tables t = new Tables(kind, model, grid, part);
        double[][] moments = t.nullByTotal(posteriorWeights, DRAWS, new SplittableRandom(kind.seed));
        double[][] classSums = new double[4][classes]; // Σ d, Σ σ², Σ κ, Σ d/σ
        double[][] cellSums = new double[4][cells];
        UnitStatistic out = UnitStatistic.empty(classes, cells);
        for (int i = 0; i < scores.length; i++) {
            int total = 0;
            for (int s : scores[i]) {
                total += s;
            }
            double variance = moments[1][total];
            if (Double.isNaN(variance) || variance < 1e-12) {
                continue;
            }
            double d = kind.mixture(t.ratio(scores[i])) - moments[0][total];
            double[] add = {d, variance, moments[2][total], d / Math.sqrt(variance)};
            int c = classOf[i];
            int k = cellOfClass[c];
            for (int m = 0; m < 4; m++) {
                classSums[m][c] += add[m];
                cellSums[m][k] += add[m];
            }
            out.classWorks()[c]++;
            out.cellWorks()[k]++;
        }
        fill(classSums, out.classWorks(), out.classEffect(), out.classZ());
        fill(cellSums, out.cellWorks(), out.cellEffect(), out.cellZ());
        return out;
    }

    private static void fill(double[][] sums, double[] works, double[] effect, double[] z) {
        for (int u = 0; u < works.length; u++) {
            if (works[u] > 0) {
                effect[u] = sums[3][u] / works[u];
                z[u] = Normal.skewCorrected(sums[0][u] / Math.sqrt(sums[1][u]), sums[2][u] / Math.pow(sums[1][u], 1.5));
            }
        }
    }

    /** The reference's fitted ability distribution on the grid: the mean over its works of each work's posterior. */
    static double[] abilityDistribution(double[][] logLik, AbilityGrid grid) {
        double[] w = new double[grid.size()];
        double[] post = new double[grid.size()];
        for (double[] row : logLik) {
            double top = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < post.length; q++) {
                post[q] = row[q] + Math.log(grid.prior(q));
                top = Math.max(top, post[q]);
            }
            double sum = 0;
            for (int q = 0; q < post.length; q++) {
                post[q] = Math.exp(post[q] - top);
                sum += post[q];
            }
            for (int q = 0; q < post.length; q++) {
                w[q] += post[q] / sum / logLik.length;
            }
        }
        return w;
    }

    /** Log-probability tables of the model and of the alternative on the grid, and the sampler. */
    private static final class Tables {
        private final int tasks;
        // the known-answers set component's constants, out of the per-node loop (40,000 draws per reference run it)
        private static final double LOG_STAY = Math.log(1 - KnownAnswers.PI);
        private static final double LOG_PI = Math.log(KnownAnswers.PI);
        private static final double LOG_2 = Math.log(2);

        private final Kind kind;
        private final boolean[] part; // null: no set component
        private final int nodes;
        private final int[] max;
        private final double[][][] logP; // [task][k][q]
        private final double[][][] logQ;
        private final double[][][] cumulative; // [task][q][k]: P(X_j ≤ k | θ_q)

        Tables(Kind kind, PartialCreditModel model, AbilityGrid grid, boolean[] part) {
            this.kind = kind;
            // the part complete is a known-answers alternative; the other kinds have no set component
            this.part = kind != Kind.FULL_MARKS || part == null || !any(part) ? null : part.clone();
            tasks = model.tasks();
            nodes = grid.size();
            max = new int[tasks];
            logP = model.logProbabilityTable(grid);
            logQ = new double[tasks][][];
            cumulative = new double[tasks][nodes][];
            for (int j = 0; j < tasks; j++) {
                int m = model.max(j);
                max[j] = m;
                logQ[j] = new double[m + 1][nodes];
                double[] p = new double[m + 1];
                for (int q = 0; q < nodes; q++) {
                    double c = 0;
                    cumulative[j][q] = new double[m + 1];
                    for (int k = 0; k <= m; k++) {
                        p[k] = Math.exp(logP[j][k][q]);
                        c += p[k];
                        cumulative[j][q][k] = c;
                    }
                    cumulative[j][q][m] = 1.0;
                    for (int k = 0; k <= m; k++) {
                        logQ[j][k][q] = Math.log(kind.probability(p, k));
                    }
                }
            }
        }

        double ratio(int[] y) {
            boolean partFull = part != null;
            for (int j = 0; part != null && j < tasks; j++) {
                partFull &= !part[j] || y[j] == max[j];
            }
            double bestP = Double.NEGATIVE_INFINITY;
            double bestQ = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < nodes; q++) {
                double lp = 0;
                double lq = 0;
                double rest = 0; // log P of the tasks outside the part
                for (int j = 0; j < tasks; j++) {
                    double l = logP[j][y[j]][q];
                    lp += l;
                    lq += logQ[j][y[j]][q];
                    if (part != null && !part[j]) {
                        rest += l;
                    }
                }
                if (part != null) {
                    // half the per-task alternative, half the part complete: (1 − π)·P(y) + π·[y_H full]·P(y_B)
                    double set = partFull ? logSum(LOG_STAY + lp, LOG_PI + rest) : LOG_STAY + lp;
                    lq = logSum(lq, set) - LOG_2;
                }
                bestP = Math.max(bestP, lp);
                bestQ = Math.max(bestQ, lq);
            }
            return bestQ - bestP;
        }

        private static double logSum(double a, double b) {
            double top = Math.max(a, b);
            return top + Math.log(Math.exp(a - top) + Math.exp(b - top));
        }

        private static boolean any(boolean[] xs) {
            for (boolean x : xs) {
                if (x) {
                    return true;
                }
            }
            return false;
        }

        /**
         * {@code [0][total]} the mean, {@code [1][total]} the variance and {@code [2][total]} the third central
         * moment of G under the model (NaN at 0 and full marks, where there is one pattern).
         */
        double[][] nullByTotal(double[] weights, int draws, SplittableRandom random) {
            int maxTotal = 0;
            for (int m : max) {
                maxTotal += m;
            }
            double[] nodeCumulative = new double[nodes];
            double c = 0;
            for (int q = 0; q < nodes; q++) {
                c += weights[q];
                nodeCumulative[q] = c;
            }
            double[][] power = new double[4][maxTotal + 1]; // Σ G^0..3 per total
            int[] y = new int[tasks];
            for (int d = 0; d < draws; d++) {
                int q = draw(nodeCumulative, random.nextDouble() * c);
                int total = 0;
                for (int j = 0; j < tasks; j++) {
                    y[j] = draw(cumulative[j][q], random.nextDouble());
                    total += y[j];
                }
                double g = kind.mixture(ratio(y));
                power[0][total]++;
                power[1][total] += g;
                power[2][total] += g * g;
                power[3][total] += g * g * g;
            }
            double[][] out = new double[3][maxTotal + 1];
            for (int s = 0; s <= maxTotal; s++) {
                if (s == 0 || s == maxTotal) {
                    out[0][s] = out[1][s] = out[2][s] = Double.NaN; // one pattern
                    continue;
                }
                // pool the nearest totals until enough draws stand behind the moments
                int lo = s;
                int hi = s;
                double[] p = {power[0][s], power[1][s], power[2][s], power[3][s]};
                while (p[0] < MIN_PER_TOTAL && (lo > 1 || hi < maxTotal - 1)) {
                    for (int t : new int[] {lo > 1 ? --lo : -1, hi < maxTotal - 1 ? ++hi : -1}) {
                        if (t >= 0) {
                            for (int m = 0; m < 4; m++) {
                                p[m] += power[m][t];
                            }
                        }
                    }
                }
                double n = p[0];
                double mean = n > 0 ? p[1] / n : Double.NaN;
                double second = n > 0 ? p[2] / n : Double.NaN;
                double third = n > 0 ? p[3] / n : Double.NaN;
                out[0][s] = mean;
                out[1][s] = n < 2 ? Double.NaN : Math.max(0, second - mean * mean);
                out[2][s] = n < 2 ? Double.NaN : third - 3 * mean * second + 2 * mean * mean * mean;
            }
            return out;
        }

        private static int draw(double[] cumulative, double u) {
            int k = 0;
            while (k < cumulative.length - 1 && u > cumulative[k]) {
                k++;
            }
            return k;
        }
    }
}
