package org.vprobjectivity.model.fit;

/**
 * The class random effect on ability: θ_i = u_c + e_i, u_c ~ N(0, τ²), e_i ~ N(0, 1 − τ²), so θ keeps the
 * N(0, 1) of the item calibration. τ is fitted by marginal maximum likelihood over classes (golden-section search on
 * [0.02, 0.9]): a class's likelihood is {@code ∫ Π_i ∫ P(x_i | θ) N(θ; u, 1 − τ²) dθ N(u; 0, τ²) du}, both integrals
 * on grids (the pupils' {@link AbilityGrid}, and u on [−3, 3] step 0.2). τ includes the school's share of the
 * between-class variance (a class's school is not modelled apart: the signs compare a class with its own fitted
 * level, where school and class effects act alike).
 *
 * <p>Given τ, every class has a posterior over u and so a prior for its pupils ({@link #classPrior}, the mixture of
 * N(u, 1 − τ²) over that posterior); a pupil's ability given the VPR work and the class has posterior mean
 * {@link #abilityMean} and variance {@link #abilityVariance}. A strong class's pupils are judged against a strong
 * class, not against the region.
 */
public final class ClassEffects {

    private static final double[] U_NODES = uNodes();

    private final double tau;
    private final double[][] classPrior;
    private final double[] classMean;
    private final double[] abilityMean;
    private final double[] abilityVariance;

    private ClassEffects(double tau, double[][] classPrior, double[] classMean, double[] abilityMean,
                         double[] abilityVariance) {
        this.tau = tau;
        this.classPrior = classPrior;
        this.classMean = classMean;
        this.abilityMean = abilityMean;
        this.abilityVariance = abilityVariance;
    }

    /**
     * @param logLik  per work log P(x_i | θ_q) ({@link PartialCreditModel#logLikelihoods})
     * @param classOf per work its class index 0..classes−1
     */
    public static ClassEffects fit(double[][] logLik, int[] classOf, int classes, AbilityGrid grid) {
        double[][] lik = new double[logLik.length][];
        for (int i = 0; i < logLik.length; i++) {
            double top = Double.NEGATIVE_INFINITY;
            for (double v : logLik[i]) {
                top = Math.max(top, v);
            }
            lik[i] = new double[grid.size()];
            for (int q = 0; q < grid.size(); q++) {
                lik[i][q] = Math.exp(logLik[i][q] - top);
            }
        }
        double lo = 0.02;
        double hi = 0.9;
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = marginal(lik, classOf, classes, grid, x1, null);
        double f2 = marginal(lik, classOf, classes, grid, x2, null);
        while (hi - lo > 0.005) {
            if (f1 > f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - g * (hi - lo);
                f1 = marginal(lik, classOf, classes, grid, x1, null);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + g * (hi - lo);
                f2 = marginal(lik, classOf, classes, grid, x2, null);
            }
        }
        double tau = (lo + hi) / 2;
        double[][] uPosterior = new double[classes][];
        marginal(lik, classOf, classes, grid, tau, uPosterior);
        double[][] kernel = kernel(grid, tau);
        double[][] prior = new double[classes][grid.size()];
        double[] mean = new double[classes];
        for (int c = 0; c < classes; c++) {
            for (int v = 0; v < U_NODES.length; v++) {
                mean[c] += uPosterior[c][v] * U_NODES[v];
                for (int q = 0; q < grid.size(); q++) {
                    prior[c][q] += uPosterior[c][v] * kernel[q][v];
                }
            }
        }
        double[] m = new double[lik.length];
        double[] var = new double[lik.length];
        for (int i = 0; i < lik.length; i++) {
            double sum = 0;
            double s1 = 0;
            double s2 = 0;
            for (int q = 0; q < grid.size(); q++) {
                double w = lik[i][q] * prior[classOf[i]][q];
                sum += w;
                s1 += w * grid.node(q);
                s2 += w * grid.node(q) * grid.node(q);
            }
            m[i] = s1 / sum;
            var[i] = Math.max(1e-6, s2 / sum - m[i] * m[i]);
        }
        return new ClassEffects(tau, prior, mean, m, var);
    }

    /** The marginal log-likelihood at τ; with {@code posteriors} non-null, each class's posterior over u too. */
    private static double marginal(double[][] lik, int[] classOf, int classes, AbilityGrid grid, double tau,
                                   double[][] posteriors) {
        double[][] kernel = kernel(grid, tau);
        int nu = U_NODES.length;
        double[][] logClass = new double[classes][nu];
        double[] g = new double[nu];
        for (int i = 0; i < lik.length; i++) {
            java.util.Arrays.fill(g, 0);
            double[] li = lik[i];
            for (int q = 0; q < li.length; q++) {
                double l = li[q];
                if (l < 1e-12) {
                    continue; // relative to the work's largest node: no weight in any class's likelihood
                }
                double[] kq = kernel[q];
                for (int v = 0; v < nu; v++) {
                    g[v] += l * kq[v];
                }
            }
            double[] lc = logClass[classOf[i]];
            for (int v = 0; v < nu; v++) {
                lc[v] += Math.log(Math.max(g[v], 1e-300));
            }
        }
        double[] uPrior = uPrior(tau);
        double total = 0;
        for (int c = 0; c < classes; c++) {
            double top = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < nu; v++) {
                top = Math.max(top, logClass[c][v]);
            }
            double sum = 0;
            double[] w = new double[nu];
            for (int v = 0; v < nu; v++) {
                w[v] = uPrior[v] * Math.exp(logClass[c][v] - top);
                sum += w[v];
            }
            total += top + Math.log(sum);
            if (posteriors != null) {
                for (int v = 0; v < nu; v++) {
                    w[v] /= sum;
                }
                posteriors[c] = w;
            }
        }
        return total;
    }

    /** {@code kernel[q][v]}: N(θ_q; u_v, 1 − τ²) normalised over the nodes q. */
    private static double[][] kernel(AbilityGrid grid, double tau) {
        double sd = Math.sqrt(1 - tau * tau);
        double[][] k = new double[grid.size()][U_NODES.length];
        for (int v = 0; v < U_NODES.length; v++) {
            double[] w = grid.normalWeights(U_NODES[v], sd);
            for (int q = 0; q < grid.size(); q++) {
                k[q][v] = w[q];
            }
        }
        return k;
    }

    private static double[] uPrior(double tau) {
        double[] p = new double[U_NODES.length];
        double sum = 0;
        for (int v = 0; v < p.length; v++) {
            double z = U_NODES[v] / tau;
            p[v] = Math.exp(-0.5 * z * z);
            sum += p[v];
        }
        for (int v = 0; v < p.length; v++) {
            p[v] /= sum;
        }
        return p;
    }

    private static double[] uNodes() {
        double[] u = new double[31];
        for (int v = 0; v < u.length; v++) {
            u[v] = -3 + 0.2 * v;
        }
        return u;
    }

    /** The SD of the class effect on θ (θ's total SD is 1). */
    public double tau() {
        return tau;
    }

    /** A pupil's prior in class c: weights over the grid's nodes. */
    public double[] classPrior(int c) {
        return classPrior[c];
    }

    /** The posterior mean of class c's effect u_c. */
    public double classMean(int c) {
        return classMean[c];
    }

    /** Every work's posterior mean ability (a copy). */
    public double[] abilityMeans() {
        return abilityMean.clone();
    }

    public double abilityMean(int work) {
        return abilityMean[work];
    }

    public double abilityVariance(int work) {
        return abilityVariance[work];
    }
}
