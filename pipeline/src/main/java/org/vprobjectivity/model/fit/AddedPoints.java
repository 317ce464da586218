package org.vprobjectivity.model.fit;

import java.util.SplittableRandom;

/**
 * Points added across the tasks of a work (lenient checking of every task, "blanket inflation"): a likelihood-ratio
 * sign against a stated alternative, where {@link PatternFit} is an omnibus one.
 *
 * <p><b>Alternative.</b> The checker adds one point to each task the pupil did not finish, independently with
 * probability {@value #PI}: the observed score is {@code y_j = x_j + b_j}, {@code x_j} from the fitted model,
 * {@code b_j ~ Bernoulli(π)} where {@code x_j < m_j}. So
 * {@code q_j(y | θ) = P_j(y | θ)·(1 − π·[y < m_j]) + P_j(y − 1 | θ)·π·[y ≥ 1]}.
 *
 * <p><b>Statistic.</b> Per work the generalised likelihood ratio with the ability profiled out on the grid,
 * {@code G = max_θ Σ_j log q_j(y_j | θ) − max_θ Σ_j log P_j(y_j | θ)} (Neyman–Pearson for the stated alternative;
 * profiling θ lets the null explain any shift of the total by ability, so only the pattern speaks: points spread over
 * hard and easy tasks alike, few zeros for the total). Under the null G depends on the total, so each work's G is
 * referred to its total's null moments under the fitted model, estimated by parametric bootstrap: {@value #DRAWS}
 * works simulated from the fitted item parameters with θ from the reference's fitted ability distribution (the mean
 * of the works' posteriors), grouped by total (totals with fewer than {@value #MIN_PER_TOTAL} draws pooled with their
 * neighbours): mean μ_S, variance σ²_S and third central moment κ_S.
 *
 * <p><b>A unit's z.</b> Over a class's (or cell's) works the sum {@code D = Σ (G_i − μ_{S_i})} has variance
 * {@code V = Σ σ²} and third cumulant {@code K = Σ κ}, so skewness {@code γ = K / V^{3/2}}. G is skewed to the right,
 * and {@code D/√V} alone gave a null region's cells a heavy upper tail (8.3% below 0.05, 2.6% below 0.01); the
 * standardised sum {@code x = D/√V} is therefore mapped to a normal deviate by the Wilson–Hilferty form of the
 * Cornish–Fisher expansion for a skewed sum, {@code z = (6/γ)·((1 + γx/2)^{1/3} − 1) + γ/6} (to first order
 * {@code x − γ(x² − 1)/6}; monotone in x), which keeps the statistic's power where a rank transform of each work would
 * spend it. The effect is the mean of the works' {@code (G − μ)/σ}. Large = points look added. Works at 0 or at full
 * marks have one pattern and take no part.
 *
 * <p>Why π = {@value #PI}: the power of the ratio changes little with π over 0.15–0.5 (the direction of the evidence,
 * points on tasks the total does not explain, is the same); one fixed π keeps the statistic a single, calibrated
 * number. The seed is fixed, so a reference gives the same numbers on every run and partitioning.
 *
 * <p>Sources: Drasgow, Levine &amp; McLaughlin (1991), "Appropriateness measurement for some multidimensional test
 * batteries" (optimal appropriateness indices as likelihood ratios against a specified aberrance); Sinharay (2016),
 * "Assessment of person fit using resampling-based approaches", J. Educ. Meas. 53 (parametric bootstrap of person-fit
 * nulls); Wilson &amp; Hilferty (1931), PNAS 17, and Johnson, Kotz &amp; Balakrishnan, "Continuous univariate
 * distributions" vol. 1 §17 (the cube-root normal approximation of a skewed variable).
 */
public final class AddedPoints {

    static final double PI = 0.3;
    static final int DRAWS = 40_000;
    static final int MIN_PER_TOTAL = 50;
    private static final long SEED = 0x5EEDADDL;

    private AddedPoints() {
    }

    /** Per work G, the log-likelihood ratio of the added-points alternative to the model (profiled θ). */
    public static double[] ratios(PartialCreditModel model, AbilityGrid grid, int[][] scores) {
        Tables t = new Tables(model, grid);
        double[] g = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            g[i] = t.ratio(scores[i]);
        }
        return g;
    }

    /**
     * The class and cell statistics: effect = mean standardised ratio, z = the skew-corrected normal deviate of the
     * summed ratios (see the class comment); works at a total with one pattern are left out.
     *
     * @param posteriorWeights the reference's fitted ability distribution on the grid (sums to one)
     */
    public static UnitStatistic units(PartialCreditModel model, AbilityGrid grid, int[][] scores, double[] posteriorWeights,
                                      int[] classOf, int classes, int[] cellOfClass, int cells) {
        Tables t = new Tables(model, grid);
        double[][] moments = t.nullByTotal(posteriorWeights, DRAWS, new SplittableRandom(SEED));
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
            double d = t.ratio(scores[i]) - moments[0][total];
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
                z[u] = skewCorrected(sums[0][u] / Math.sqrt(sums[1][u]), sums[2][u] / Math.pow(sums[1][u], 1.5));
            }
        }
    }

    /**
     * The normal deviate of a standardised sum {@code x} with skewness {@code γ}: Wilson–Hilferty,
     * {@code (6/γ)·((1 + γx/2)^{1/3} − 1) + γ/6}; {@code x} itself where γ is negligible. Below the form's support
     * ({@code 1 + γx/2 ≤ 0}, far in the lower tail of a right-skewed sum) the cube root of a negative number keeps it
     * monotone.
     */
    static double skewCorrected(double x, double gamma) {
        if (Math.abs(gamma) < 1e-6) {
            return x;
        }
        return 6 / gamma * (Math.cbrt(1 + gamma * x / 2) - 1) + gamma / 6;
    }

    /** The reference's fitted ability distribution on the grid: the mean over its works of each work's posterior. */
    public static double[] abilityDistribution(double[][] logLik, AbilityGrid grid) {
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
        private final int nodes;
        private final int[] max;
        private final double[][][] logP; // [task][k][q]
        private final double[][][] logQ;
        private final double[][][] cumulative; // [task][q][k]: P(X_j ≤ k | θ_q)

        Tables(PartialCreditModel model, AbilityGrid grid) {
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
                for (int q = 0; q < nodes; q++) {
                    double c = 0;
                    cumulative[j][q] = new double[m + 1];
                    for (int k = 0; k <= m; k++) {
                        double p = Math.exp(logP[j][k][q]);
                        double stay = p * (k < m ? 1 - PI : 1);
                        double raised = k >= 1 ? Math.exp(logP[j][k - 1][q]) * PI : 0;
                        logQ[j][k][q] = Math.log(stay + raised);
                        c += p;
                        cumulative[j][q][k] = c;
                    }
                    cumulative[j][q][m] = 1.0;
                }
            }
        }

        double ratio(int[] y) {
            double bestP = Double.NEGATIVE_INFINITY;
            double bestQ = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < nodes; q++) {
                double lp = 0;
                double lq = 0;
                for (int j = 0; j < tasks; j++) {
                    lp += logP[j][y[j]][q];
                    lq += logQ[j][y[j]][q];
                }
                bestP = Math.max(bestP, lp);
                bestQ = Math.max(bestQ, lq);
            }
            return bestQ - bestP;
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
                double g = ratio(y);
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
