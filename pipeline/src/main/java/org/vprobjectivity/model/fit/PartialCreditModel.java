package org.vprobjectivity.model.fit;

import java.io.Serializable;

/**
 * The generalized partial credit model (Muraki 1992, "A generalized partial credit model", Applied Psychological
 * Measurement 16): task j with maximum m_j scores k ∈ 0..m_j with
 * {@code P(X_j = k | θ) = exp(η_jk) / Σ_l exp(η_jl)}, {@code η_jk = a_j·k·θ + c_jk}, {@code c_j0 = 0}. The
 * intercepts are Muraki's steps in slope–intercept form ({@code c_jk = −a_j Σ_{v ≤ k} b_jv}); the form keeps the
 * log-likelihood concave in (a_j, c_j·) for a fixed θ, so each M-step is a plain Newton step. A dichotomous task is
 * the two-parameter logistic model.
 */
public final class PartialCreditModel implements Serializable {

    private final double[] a;
    private final double[][] c;

    /** @param a discrimination per task; @param c intercepts per task, {@code c[j][0] = 0}, length m_j + 1 */
    public PartialCreditModel(double[] a, double[][] c) {
        this.a = a.clone();
        this.c = new double[c.length][];
        for (int j = 0; j < c.length; j++) {
            this.c[j] = c[j].clone();
        }
    }

    public int tasks() {
        return a.length;
    }

    public int max(int task) {
        return c[task].length - 1;
    }

    public int maxScore() {
        int s = 0;
        for (double[] cj : c) {
            s += cj.length - 1;
        }
        return s;
    }

    public double discrimination(int task) {
        return a[task];
    }

    public double intercept(int task, int k) {
        return c[task][k];
    }

    /** log P(X_j = k | θ) for k = 0..m_j into {@code out}. */
    public void logProbabilities(int task, double theta, double[] out) {
        double[] cj = c[task];
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cj.length; k++) {
            out[k] = a[task] * k * theta + cj[k];
            top = Math.max(top, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < cj.length; k++) {
            sum += Math.exp(out[k] - top);
        }
        double log = top + Math.log(sum);
        for (int k = 0; k < cj.length; k++) {
            out[k] -= log;
        }
    }

    /** {@code [task][k][q]}: log P(X_j = k | θ_q) on every node of the grid. */
    public double[][][] logProbabilityTable(AbilityGrid grid) {
        double[][][] table = new double[a.length][][];
        double[] buf = new double[maxCategories()];
        for (int j = 0; j < a.length; j++) {
            table[j] = new double[c[j].length][grid.size()];
            for (int q = 0; q < grid.size(); q++) {
                logProbabilities(j, grid.node(q), buf);
                for (int k = 0; k < c[j].length; k++) {
                    table[j][k][q] = buf[k];
                }
            }
        }
        return table;
    }

    int maxCategories() {
        int m = 0;
        for (double[] cj : c) {
            m = Math.max(m, cj.length);
        }
        return m;
    }

    /**
     * The distribution of the total score given θ, by the Lord–Wingersky recursion (Lord &amp; Wingersky 1984,
     * Applied Psychological Measurement 8): the convolution of the tasks' score distributions, task by task.
     */
    public double[] totalScoreDistribution(double theta) {
        double[] dist = {1.0};
        double[] buf = new double[maxCategories()];
        for (int j = 0; j < a.length; j++) {
            logProbabilities(j, theta, buf);
            double[] next = new double[dist.length + max(j)];
            for (int s = 0; s < dist.length; s++) {
                if (dist[s] == 0) {
                    continue;
                }
                for (int k = 0; k <= max(j); k++) {
                    next[s + k] += dist[s] * Math.exp(buf[k]);
                }
            }
            dist = next;
        }
        return dist;
    }

    /** Per work and node: log P(x_i | θ_q) = Σ_j log P(X_j = x_ij | θ_q). */
    public double[][] logLikelihoods(int[][] scores, AbilityGrid grid) {
        double[][][] table = logProbabilityTable(grid);
        double[][] out = new double[scores.length][grid.size()];
        for (int i = 0; i < scores.length; i++) {
            double[] row = out[i];
            for (int j = 0; j < scores[i].length; j++) {
                double[] t = table[j][scores[i][j]];
                for (int q = 0; q < row.length; q++) {
                    row[q] += t[q];
                }
            }
        }
        return out;
    }
}
