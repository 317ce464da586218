package org.vprobjectivity.model.fit;

/**
 * Marginal maximum likelihood for the {@link PartialCreditModel} by the EM algorithm of Bock &amp; Aitkin (1981,
 * Psychometrika 46): θ ~ N(0, 1) on the {@link AbilityGrid} (which fixes the scale); the E-step gives every work's
 * posterior over the nodes and the expected counts {@code r_jkq} of score k on task j at node q; the M-step
 * maximises {@code Σ_q Σ_k r_jkq log P_jk(θ_q)} per task by Newton steps in (a_j, c_j1..c_jm). A small ridge
 * (λ = {@value #RIDGE}: (a − 1)² and c²) keeps a category nobody reached finite; with hundreds of works it moves
 * nothing. Not-attempted tasks are scored 0, as the VPR scores them.
 */
public final class PartialCreditFit {

    static final double RIDGE = 0.05;
    static final int MAX_ITERATIONS = 200;
    /** EM stops when no parameter moves more than this (a thousandth of a logit is far below their standard errors). */
    static final double TOLERANCE = 1e-3;

    private PartialCreditFit() {
    }

    /**
     * @param scores  per work the task scores (0..taskMax[j])
     * @param taskMax per task its maximum
     */
    public static PartialCreditModel fit(int[][] scores, int[] taskMax, AbilityGrid grid) {
        int tasks = taskMax.length;
        double[] a = new double[tasks];
        double[][] c = new double[tasks][];
        for (int j = 0; j < tasks; j++) {
            a[j] = 1.0;
            c[j] = startingIntercepts(scores, j, taskMax[j]);
        }
        int nodes = grid.size();
        double[] post = new double[nodes];
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            PartialCreditModel model = new PartialCreditModel(a, c);
            double[][][] logP = model.logProbabilityTable(grid);
            double[][][] r = new double[tasks][][];
            for (int j = 0; j < tasks; j++) {
                r[j] = new double[taskMax[j] + 1][nodes];
            }
            for (int[] x : scores) {
                posterior(x, logP, grid, post);
                for (int j = 0; j < tasks; j++) {
                    double[] rj = r[j][x[j]];
                    for (int q = 0; q < nodes; q++) {
                        rj[q] += post[q];
                    }
                }
            }
            double change = 0;
            for (int j = 0; j < tasks; j++) {
                double[] updated = maximise(r[j], grid, a[j], c[j]);
                change = Math.max(change, Math.abs(updated[0] - a[j]));
                a[j] = updated[0];
                for (int k = 1; k < c[j].length; k++) {
                    change = Math.max(change, Math.abs(updated[k] - c[j][k]));
                    c[j][k] = updated[k];
                }
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return new PartialCreditModel(a, c);
    }

    /** Posterior weights of one work over the nodes under the N(0, 1) prior. */
    static void posterior(int[] x, double[][][] logP, AbilityGrid grid, double[] out) {
        double top = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < out.length; q++) {
            double l = Math.log(grid.prior(q));
            for (int j = 0; j < x.length; j++) {
                l += logP[j][x[j]][q];
            }
            out[q] = l;
            top = Math.max(top, l);
        }
        double sum = 0;
        for (int q = 0; q < out.length; q++) {
            out[q] = Math.exp(out[q] - top);
            sum += out[q];
        }
        for (int q = 0; q < out.length; q++) {
            out[q] /= sum;
        }
    }

    /** Intercepts from the observed category shares at θ = 0 (a smoothed logit), the EM's start. */
    private static double[] startingIntercepts(int[][] scores, int task, int max) {
        double[] count = new double[max + 1];
        for (int[] x : scores) {
            count[x[task]]++;
        }
        double[] c = new double[max + 1];
        for (int k = 1; k <= max; k++) {
            c[k] = Math.log((count[k] + 0.5) / (count[0] + 0.5));
        }
        return c;
    }

    /**
     * Newton's method for one task's (a, c_1..c_m) given the expected counts {@code r[k][q]}; the objective is
     * concave, so a step that does not improve it is halved.
     */
    static double[] maximise(double[][] r, AbilityGrid grid, double a0, double[] c0) {
        int m = c0.length - 1;
        double[] beta = new double[m + 1];
        beta[0] = a0;
        System.arraycopy(c0, 1, beta, 1, m);
        double current = objective(r, grid, beta);
        for (int step = 0; step < 25; step++) {
            double[] g = new double[m + 1];
            double[][] h = new double[m + 1][m + 1];
            derivatives(r, grid, beta, g, h);
            double[] delta = LinearAlgebra.solve(h, g);
            if (delta == null) {
                break;
            }
            double scale = 1.0;
            double[] next = new double[m + 1];
            double value = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 30; halving++) {
                for (int p = 0; p <= m; p++) {
                    next[p] = beta[p] + scale * delta[p];
                }
                next[0] = Math.max(0.05, next[0]);
                value = objective(r, grid, next);
                if (value >= current - 1e-12) {
                    break;
                }
                scale /= 2;
            }
            if (value < current - 1e-12) {
                break;
            }
            double moved = 0;
            for (int p = 0; p <= m; p++) {
                moved = Math.max(moved, Math.abs(next[p] - beta[p]));
            }
            System.arraycopy(next, 0, beta, 0, m + 1);
            current = value;
            if (moved < 1e-7) {
                break;
            }
        }
        return beta;
    }

    private static double objective(double[][] r, AbilityGrid grid, double[] beta) {
        int m = beta.length - 1;
        double value = -RIDGE * (beta[0] - 1) * (beta[0] - 1);
        double[] eta = new double[m + 1];
        for (int k = 1; k <= m; k++) {
            value -= RIDGE * beta[k] * beta[k];
        }
        for (int q = 0; q < grid.size(); q++) {
            double logSum = linearPredictors(beta, grid.node(q), eta);
            for (int k = 0; k <= m; k++) {
                value += r[k][q] * (eta[k] - logSum);
            }
        }
        return value;
    }

    /** η_k = a·k·θ + c_k into {@code eta}; returns log Σ exp(η). */
    private static double linearPredictors(double[] beta, double theta, double[] eta) {
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < eta.length; k++) {
            eta[k] = beta[0] * k * theta + (k == 0 ? 0 : beta[k]);
            top = Math.max(top, eta[k]);
        }
        double sum = 0;
        for (double e : eta) {
            sum += Math.exp(e - top);
        }
        return top + Math.log(sum);
    }

    /**
     * Gradient g and the Newton system's matrix h (the negative Hessian, positive definite) of the objective: with
     * features f_k = (kθ, e_k), {@code g = Σ_q Σ_k (r_kq − N_q P_kq) f_k} and
     * {@code h = Σ_q N_q Cov_{P_q}(f)} plus the ridge.
     */
    private static void derivatives(double[][] r, AbilityGrid grid, double[] beta, double[] g, double[][] h) {
        int m = beta.length - 1;
        double[] eta = new double[m + 1];
        double[] p = new double[m + 1];
        g[0] = -2 * RIDGE * (beta[0] - 1);
        h[0][0] = 2 * RIDGE;
        for (int k = 1; k <= m; k++) {
            g[k] = -2 * RIDGE * beta[k];
            h[k][k] = 2 * RIDGE;
        }
        for (int q = 0; q < grid.size(); q++) {
            double theta = grid.node(q);
            double logSum = linearPredictors(beta, theta, eta);
            double n = 0;
            for (int k = 0; k <= m; k++) {
                p[k] = Math.exp(eta[k] - logSum);
                n += r[k][q];
            }
            if (n == 0) {
                continue;
            }
            double meanK = 0;
            for (int k = 0; k <= m; k++) {
                meanK += k * p[k];
                g[0] += (r[k][q] - n * p[k]) * k * theta;
                if (k > 0) {
                    g[k] += r[k][q] - n * p[k];
                }
            }
            double varK = 0;
            for (int k = 0; k <= m; k++) {
                varK += p[k] * (k - meanK) * (k - meanK);
            }
            h[0][0] += n * theta * theta * varK;
            for (int k = 1; k <= m; k++) {
                double cov = p[k] * (k - meanK) * theta; // Cov(kθ, 1[K = k])
                h[0][k] += n * cov;
                h[k][0] += n * cov;
                for (int l = 1; l <= m; l++) {
                    h[k][l] += n * ((k == l ? p[k] : 0) - p[k] * p[l]);
                }
            }
        }
    }
}
