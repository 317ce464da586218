package org.vprobjectivity.model.fit;

import org.apache.commons.math3.special.Erf;

/**
 * The journal mark given ability: an ordinal probit (McKelvey &amp; Zavoina 1975) {@code P(J ≥ k | θ) = Φ(β θ − κ_k)}
 * for k = 3, 4, 5. θ is known only through the pupil's VPR work and class ({@link ClassEffects}: posterior mean m,
 * variance v); integrating the probit over that normal posterior gives
 * {@code P(J ≥ k | work) = Φ((β m − κ_k) / √(1 + β² v))} (the probit–normal identity), so a pupil whose ability the
 * work pins down poorly gets a flatter prediction instead of a biased one. Fitted by maximum likelihood over the
 * reference's pupils with a journal mark (Newton steps with the BHHH matrix, halved while the likelihood does not
 * rise or the cuts would cross; a weak ridge of 0.001·κ² keeps a mark nobody got finite). Class leniency is not in this pooled fit: it is what
 * {@link JournalResiduals} measures against.
 */
public final class JournalModel {

    private final double beta;
    private final double[] kappa;

    JournalModel(double beta, double[] kappa) {
        this.beta = beta;
        this.kappa = kappa.clone();
    }

    /** @param journal marks 2..5 (pupils without one left out by the caller) */
    public static JournalModel fit(int[] journal, double[] mean, double[] variance) {
        double[] atLeast = new double[3];
        for (int j : journal) {
            for (int k = 0; k < 3; k++) {
                if (j >= k + 3) {
                    atLeast[k]++;
                }
            }
        }
        double[] p = new double[4];
        p[0] = 1.0;
        for (int k = 0; k < 3; k++) {
            double share = (atLeast[k] + 0.5) / (journal.length + 1.0);
            p[k + 1] = -Normal.quantile(share) * Math.sqrt(1 + 0.3) + 1e-3 * k; // θ's posterior SD is about 0.5
        }
        double current = logLikelihood(new JournalModel(p[0], tail(p)), journal, mean, variance, null, null);
        for (int iter = 0; iter < 100; iter++) {
            double[] g = new double[4];
            double[][] h = new double[4][4];
            logLikelihood(new JournalModel(p[0], tail(p)), journal, mean, variance, g, h);
            double[] step = LinearAlgebra.solve(h, g);
            if (step == null) {
                break;
            }
            double scale = 1;
            double[] next = new double[4];
            double value = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 40; halving++) {
                for (int i = 0; i < 4; i++) {
                    next[i] = p[i] + scale * step[i];
                }
                if (next[1] < next[2] && next[2] < next[3]) {
                    value = logLikelihood(new JournalModel(next[0], tail(next)), journal, mean, variance, null, null);
                    if (value >= current - 1e-12) {
                        break;
                    }
                }
                scale /= 2;
            }
            if (!(value >= current - 1e-12)) {
                break;
            }
            double moved = 0;
            for (int i = 0; i < 4; i++) {
                moved = Math.max(moved, Math.abs(next[i] - p[i]));
            }
            p = next.clone();
            current = value;
            if (moved < 1e-7) {
                break;
            }
        }
        return new JournalModel(p[0], tail(p));
    }

    private static double[] tail(double[] p) {
        return new double[] {p[1], p[2], p[3]};
    }

    /**
     * The log-likelihood (with the ridge); with {@code g} and {@code h} non-null also its gradient in
     * (β, κ_3, κ_4, κ_5) and the BHHH matrix Σ g_i g_iᵀ (Berndt, Hall, Hall &amp; Hausman 1974), the Newton step's
     * positive-definite stand-in for the negative Hessian.
     */
    private static double logLikelihood(JournalModel model, int[] journal, double[] mean, double[] variance,
                                        double[] g, double[][] h) {
        double sum = 0;
        double[] gi = new double[4];
        for (int i = 0; i < journal.length; i++) {
            double m = mean[i];
            double v = variance[i];
            double scale = Math.sqrt(1 + model.beta * model.beta * v);
            int k = journal[i] - 2; // category 0..3: between cut k (κ_{k+2}, −∞ for k = 0) and cut k+1 (+∞ for 3)
            double upper = k == 0 ? Double.POSITIVE_INFINITY : (model.beta * m - model.kappa[k - 1]) / scale;
            double lower = k == 3 ? Double.NEGATIVE_INFINITY : (model.beta * m - model.kappa[k]) / scale;
            double prob = Math.max(cdfOrOne(upper) - cdfOrZero(lower), 1e-300);
            sum += Math.log(prob);
            if (g == null) {
                continue;
            }
            java.util.Arrays.fill(gi, 0);
            // P = Φ(u) − Φ(l), u = (βm − κ_{k−1})/s, l = (βm − κ_k)/s, s = √(1 + β²v):
            // ∂a/∂β = m/s − a·βv/s², ∂a/∂κ = −1/s for the cut inside a
            if (k > 0) {
                double d = density(upper) / prob;
                gi[0] += d * (m / scale - upper * model.beta * v / (scale * scale));
                gi[k] -= d / scale;
            }
            if (k < 3) {
                double d = density(lower) / prob;
                gi[0] -= d * (m / scale - lower * model.beta * v / (scale * scale));
                gi[k + 1] += d / scale;
            }
            for (int a = 0; a < 4; a++) {
                g[a] += gi[a];
                for (int b = 0; b < 4; b++) {
                    h[a][b] += gi[a] * gi[b];
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            sum -= 0.001 * model.kappa[c] * model.kappa[c];
            if (g != null) {
                g[c + 1] -= 0.002 * model.kappa[c];
                h[c + 1][c + 1] += 0.002;
            }
        }
        return sum;
    }

    private static double cdfOrOne(double z) {
        return Double.isInfinite(z) ? 1 : normalCdf(z);
    }

    private static double cdfOrZero(double z) {
        return Double.isInfinite(z) ? 0 : normalCdf(z);
    }

    private static double density(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /** P(J = 2..5) for a pupil with ability posterior N(m, v), into {@code out[0..3]}. */
    public void markProbabilities(double m, double v, double[] out) {
        double scale = Math.sqrt(1 + beta * beta * v);
        double previous = 1.0;
        for (int k = 0; k < 3; k++) {
            double atLeast = normalCdf((beta * m - kappa[k]) / scale);
            out[k] = previous - atLeast;
            previous = atLeast;
        }
        out[3] = previous;
    }

    public double beta() {
        return beta;
    }

    public double cut(int mark) {
        return kappa[mark - 3];
    }

    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

}
