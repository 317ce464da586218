package org.vprobjectivity.model.fit;

/**
 * Works exactly at a mark cut against the ones just below it, under the class's own fitted score distribution.
 * For class c the model gives the total score's distribution {@code p_c(s) = Σ_q w_c(q) P(S = s | θ_q)}
 * ({@link ClassEffects#classPrior}, Lord–Wingersky); for each cut t (the minimal scores for 3, 4, 5) the window is
 * {t − 2, t − 1, t} and, given the n works in the window, the number at t is binomial with
 * {@code π_c = p_c(t) / (p_c(t − 2) + p_c(t − 1) + p_c(t))}. A strong class has few works near the cut for «3» and
 * its own high π at the cut for «5», so it shows no "excess".
 *
 * <p><b>The region's typical practice.</b> Real regions pile works up at the cuts everywhere (Altai 2021: 2.3–5.6
 * times the model's count at the cut for «3»). That is reported for the region ({@code indicators/region}); a
 * class is judged against it: per cut an odds factor ρ_t is fitted so that the expected count at the cut over all
 * classes equals the observed one ({@code π' = ρπ / (1 − π + ρπ)}) over the classes whose p ≥ {@value #OVERWHELMING_P}
 * under it, starting from ρ = 1 and refitted until that set of classes is stable. ρ_t &lt; 1 is allowed (a smooth
 * region).
 *
 * <p>A class's count at its three cuts is a sum of binomials (Poisson–binomial); its upper-tail mid-p is turned
 * into z = Φ⁻¹(1 − mid-p) for the reference's calibration. The same for a cell over all its classes. The effect is
 * the excess works at the cuts, observed − expected.
 */
public final class CutBunching {

    static final double OVERWHELMING_P = 1e-4;

    /** Refits of the factors at most: a few rounds settle the set of classes set aside; the cap stops a cycle. */
    static final int MAX_REFITS = 20;

    /** Observed and expected works at the cuts per class and cell, and the factors ρ per cut. */
    public record Result(UnitStatistic statistic, double[] classObserved, double[] classExpected,
                         double[] cellObserved, double[] cellExpected, double[] factors) {
    }

    private CutBunching() {
    }

    public static Result compute(PartialCreditModel model, AbilityGrid grid, ClassEffects ability, int[] totals,
                                 int[] cuts, int[] classOf, int classes, int[] cellOfClass, int cells) {
        int maxScore = model.maxScore();
        double[][] dist = new double[grid.size()][];
        for (int q = 0; q < grid.size(); q++) {
            dist[q] = model.totalScoreDistribution(grid.node(q));
        }
        int k = cuts.length;
        double[][] pi = new double[classes][k];
        double[][] window = new double[classes][k];
        double[][] at = new double[classes][k];
        for (int c = 0; c < classes; c++) {
            double[] w = ability.classPrior(c);
            double[] p = new double[maxScore + 1];
            for (int q = 0; q < grid.size(); q++) {
                for (int s = 0; s <= maxScore; s++) {
                    p[s] += w[q] * dist[q][s];
                }
            }
            for (int t = 0; t < k; t++) {
                double inWindow = 0;
                for (int s = Math.max(0, cuts[t] - 2); s <= cuts[t]; s++) {
                    inWindow += p[s];
                }
                pi[c][t] = inWindow > 0 ? p[cuts[t]] / inWindow : 0;
            }
        }
        for (int i = 0; i < totals.length; i++) {
            for (int t = 0; t < k; t++) {
                if (totals[i] <= cuts[t] && totals[i] >= cuts[t] - 2) {
                    window[classOf[i]][t]++;
                    if (totals[i] == cuts[t]) {
                        at[classOf[i]][t]++;
                    }
                }
            }
        }
        // From the model's own expectation (ρ = 1), the classes whose evidence is overwhelming are set aside and ρ is
        // fitted on the others, until the set is stable: the smallest self-consistent ρ. Fitting first on all
        // classes let a few heavily manipulated ones raise ρ until they no longer looked overwhelming themselves.
        double[] rho = new double[k];
        java.util.Arrays.fill(rho, 1.0);
        boolean[] keep = new boolean[classes];
        for (int round = 0; round < MAX_REFITS; round++) {
            boolean changed = false;
            for (int c = 0; c < classes; c++) {
                boolean kept = midP(adjusted(pi[c], rho), window[c], sum(at[c])) >= OVERWHELMING_P;
                changed |= round == 0 || kept != keep[c];
                keep[c] = kept;
            }
            if (!changed) {
                break;
            }
            rho = factors(pi, window, at, keep);
        }
        UnitStatistic stat = UnitStatistic.empty(classes, cells);
        double[] classObserved = new double[classes];
        double[] classExpected = new double[classes];
        double[] cellObserved = new double[cells];
        double[] cellExpected = new double[cells];
        java.util.List<java.util.List<double[]>> cellTrials = new java.util.ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            cellTrials.add(new java.util.ArrayList<>());
        }
        for (int c = 0; c < classes; c++) {
            double[] piAdj = adjusted(pi[c], rho);
            double n = sum(window[c]);
            classObserved[c] = sum(at[c]);
            for (int t = 0; t < k; t++) {
                classExpected[c] += window[c][t] * piAdj[t];
            }
            stat.classWorks()[c] = n;
            int cell = cellOfClass[c];
            cellObserved[cell] += classObserved[c];
            cellExpected[cell] += classExpected[c];
            stat.cellWorks()[cell] += n;
            cellTrials.get(cell).add(new double[] {piAdj[0], window[c][0]});
            for (int t = 1; t < k; t++) {
                cellTrials.get(cell).add(new double[] {piAdj[t], window[c][t]});
            }
            if (n > 0) {
                stat.classEffect()[c] = classObserved[c] - classExpected[c];
                stat.classZ()[c] = -Normal.quantile(midP(piAdj, window[c], classObserved[c]));
            }
        }
        for (int cell = 0; cell < cells; cell++) {
            if (stat.cellWorks()[cell] > 0) {
                stat.cellEffect()[cell] = cellObserved[cell] - cellExpected[cell];
                stat.cellZ()[cell] = -Normal.quantile(midP(cellTrials.get(cell), cellObserved[cell]));
            }
        }
        return new Result(stat, classObserved, classExpected, cellObserved, cellExpected, rho);
    }

    /** Per cut the odds factor that matches the kept classes' expected count at the cut to the observed one. */
    private static double[] factors(double[][] pi, double[][] window, double[][] at, boolean[] keep) {
        int k = pi.length == 0 ? 0 : pi[0].length;
        double[] rho = new double[k];
        for (int t = 0; t < k; t++) {
            double observed = 0;
            for (int c = 0; c < pi.length; c++) {
                if (keep[c]) {
                    observed += at[c][t];
                }
            }
            double lo = -6;
            double hi = 6;
            for (int it = 0; it < 60; it++) {
                double mid = (lo + hi) / 2;
                double r = Math.exp(mid);
                double expected = 0;
                for (int c = 0; c < pi.length; c++) {
                    if (keep[c]) {
                        expected += window[c][t] * adjust(pi[c][t], r);
                    }
                }
                if (expected < observed) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            rho[t] = Math.exp((lo + hi) / 2);
        }
        return rho;
    }

    private static double adjust(double pi, double rho) {
        return pi * rho / (1 - pi + pi * rho);
    }

    private static double[] adjusted(double[] pi, double[] rho) {
        double[] out = new double[pi.length];
        for (int t = 0; t < pi.length; t++) {
            out[t] = adjust(pi[t], rho[t]);
        }
        return out;
    }

    private static double midP(double[] pi, double[] window, double observed) {
        java.util.List<double[]> trials = new java.util.ArrayList<>();
        for (int t = 0; t < pi.length; t++) {
            trials.add(new double[] {pi[t], window[t]});
        }
        return midP(trials, observed);
    }

    /**
     * The upper-tail mid-p {@code P(X > x) + ½ P(X = x)} of a Poisson–binomial count: each entry is (success
     * probability, number of trials); the distribution by convolution (exact).
     */
    static double midP(java.util.List<double[]> trials, double observed) {
        int n = 0;
        for (double[] t : trials) {
            n += (int) t[1];
        }
        double[] dist = new double[n + 1];
        dist[0] = 1;
        int reach = 0;
        for (double[] t : trials) {
            for (int trial = 0; trial < (int) t[1]; trial++) {
                for (int s = reach + 1; s >= 1; s--) {
                    dist[s] = dist[s] * (1 - t[0]) + dist[s - 1] * t[0];
                }
                dist[0] *= 1 - t[0];
                reach++;
            }
        }
        int x = (int) observed;
        double above = 0;
        for (int s = x + 1; s <= n; s++) {
            above += dist[s];
        }
        return Math.min(1, above + 0.5 * (x <= n ? dist[x] : 0));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
