package org.vprobjectivity.stats;

import java.io.Serializable;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Beta-binomial distribution for clustered proportions: a school's count {@code k} of (say) marks 4–5 among {@code n}
 * works when schools differ in their true share, which is Beta(α, β) over the region (Skellam 1948, "A probability
 * distribution derived from the binomial distribution by regarding the probability of success as variable
 * between the sets of trials", JRSS B 10). Tests against it are calibrated for the between-school spread that an
 * ordinary binomial test ignores (and so flags too many big schools).
 */
public final class BetaBinomial {

    /**
     * α + β used when the data show no overdispersion ({@code ρ̂ ≤ 0}): the beta-binomial with this precision is the
     * binomial {@code Bin(n, p̂)} for practical purposes — its pmf differs from the binomial one by a relative
     * {@code ≈ k²/(2α) + (n−k)²/(2β)}, under 1e-8 for n ≤ 300 and {@code 0.005 ≤ p̂ ≤ 0.995} (intraclass correlation
     * {@code 1/(1 + α + β) ≈ 1e-15}).
     */
    public static final double BINOMIAL_LIMIT_PRECISION = 1e15;

    /** Largest ρ̂ used to build (α, β): at ρ = 1 the Beta prior degenerates ({@code α + β = 0}). */
    public static final double MAX_RHO = 0.999;

    private BetaBinomial() {
    }

    /**
     * Natural log of the pmf {@code P(X = k) = C(n, k)·B(k + α, n − k + β)/B(α, β)} (Skellam 1948). The beta ratio is
     * evaluated as the equal Pochhammer product
     * {@code Π_{i<k} (α + i)/(α + β + i) · Π_{i<n−k} (β + i)/(α + β + k + i)} (Johnson, Kemp &amp; Kotz, "Univariate
     * Discrete Distributions", 3rd ed., §6.7.2), summed in logs; unlike differences of log-gamma values it stays
     * accurate for a huge {@code α + β} (the binomial limit).
     *
     * @return {@code −∞} for k outside 0..n; NaN when {@code n < 0} or α, β are not positive finite numbers
     */
    public static double logPmf(int k, int n, double alpha, double beta) {
        if (invalid(n, alpha, beta)) {
            return Double.NaN;
        }
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = CombinatoricsUtils.binomialCoefficientLog(n, k);
        for (int i = 0; i < k; i++) {
            s -= Math.log1p(beta / (alpha + i)); // log((α+i)/(α+β+i))
        }
        for (int i = 0; i < n - k; i++) {
            s -= Math.log1p((alpha + k) / (beta + i)); // log((β+i)/(α+β+k+i))
        }
        return s;
    }

    /** {@code exp(logPmf)}; 0 outside 0..n, NaN for invalid parameters. */
    public static double pmf(int k, int n, double alpha, double beta) {
        return Math.exp(logPmf(k, n, alpha, beta));
    }

    /**
     * {@code P(X ≥ k) = Σ_{x=k}^{n} pmf(x)}, exact summation (Skellam 1948): the first term from {@link #logPmf}, the
     * next ones by the pmf ratio {@code pmf(x+1)/pmf(x) = (n − x)/(x + 1) · (α + x)/(β + n − x − 1)}, all in logs and
     * added by log-sum-exp, so tiny tails keep their relative precision.
     *
     * @return 1 for {@code k ≤ 0}; 0 for {@code k > n}; NaN when {@code n < 0} or α, β are not positive and finite
     */
    public static double upperTail(int k, int n, double alpha, double beta) {
        if (invalid(n, alpha, beta)) {
            return Double.NaN;
        }
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        double[] logs = new double[n - k + 1];
        logs[0] = logPmf(k, n, alpha, beta);
        for (int x = k; x < n; x++) {
            logs[x - k + 1] = logs[x - k] + Math.log((double) (n - x) / (x + 1))
                    + Math.log((alpha + x) / (beta + n - x - 1));
        }
        return Math.min(1.0, Math.exp(logSumExp(logs)));
    }

    /**
     * {@code P(X ≤ k) = Σ_{x=0}^{k} pmf(x)}, summed like {@link #upperTail} from {@code x = k} downwards with the
     * inverse ratio. 0 for {@code k < 0}; 1 for {@code k ≥ n}; NaN for invalid parameters.
     */
    public static double lowerTail(int k, int n, double alpha, double beta) {
        if (invalid(n, alpha, beta)) {
            return Double.NaN;
        }
        if (k < 0) {
            return 0.0;
        }
        if (k >= n) {
            return 1.0;
        }
        double[] logs = new double[k + 1];
        logs[0] = logPmf(k, n, alpha, beta);
        for (int x = k; x > 0; x--) {
            // pmf(x−1)/pmf(x) = x/(n − x + 1) · (β + n − x)/(α + x − 1)
            logs[k - x + 1] = logs[k - x] + Math.log((double) x / (n - x + 1))
                    + Math.log((beta + n - x) / (alpha + x - 1));
        }
        return Math.min(1.0, Math.exp(logSumExp(logs)));
    }

    /**
     * Method-of-moments fit of (α, β) to clustered counts {@code k_i} of {@code n_i} (one cluster = one school), in
     * the style of Kleinman (1973, "Proportions with extraneous variance: single and independent samples", JASA 68)
     * and Williams (1982, "Extra-binomial variation in logistic linear models", Applied Statistics 31).
     *
     * <p>Model: {@code Var(p_i) = p(1 − p)·[1/n_i + ρ(1 − 1/n_i)]}, {@code p_i = k_i/n_i}, ρ the intraclass
     * correlation. With weights {@code w_i}, {@code W = Σw_i}, {@code p̂ = Σ w_i p_i / W} and
     * {@code S = Σ w_i (p_i − p̂)²}, one has {@code E[S] = p(1−p)·[Σ (w_i/n_i)(1 − w_i/W) + ρ Σ w_i (1 − w_i/W)(1 − 1/n_i)]};
     * solving for ρ with {@code p̂(1 − p̂)} in place of {@code p(1 − p)} gives
     * {@code ρ̂ = (S/(p̂(1−p̂)) − Σ (w_i/n_i)(1 − w_i/W)) / Σ w_i (1 − w_i/W)(1 − 1/n_i)}.
     * Start with {@code w_i = n_i} (then this is exactly Williams's Pearson-X² moment equation for an intercept-only
     * model); while ρ̂ &gt; 0, re-weight with Kleinman's efficient weights {@code w_i = n_i/(1 + (n_i − 1)ρ̂)} until ρ̂
     * settles (at most 100 rounds). Finally {@code α = p̂(1/ρ̂ − 1)}, {@code β = (1 − p̂)(1/ρ̂ − 1)}.
     *
     * <p>No overdispersion ({@code ρ̂ ≤ 0}): {@code α + β = }{@link #BINOMIAL_LIMIT_PRECISION}, i.e. the binomial
     * {@code Bin(n, p̂)}; the raw ρ̂ is still reported. ρ̂ above {@link #MAX_RHO} is capped there for (α, β).
     * Clusters with {@code n_i = 0} are skipped.
     *
     * @return the fit; α, β, ρ NaN when fewer than 2 clusters have works, when every cluster has one work (ρ is not
     *         identifiable), when p̂ is 0 or 1, or when some {@code k_i} lies outside {@code 0..n_i}
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static Fit fitMoments(int[] k, int[] n) {
        if (k.length != n.length) {
            throw new IllegalArgumentException("k and n differ in length: " + k.length + " vs " + n.length);
        }
        int m = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] < 0 || k[i] < 0 || k[i] > n[i]) {
                return Fit.undefined(Double.NaN, 0);
            }
            if (n[i] > 0) {
                m++;
            }
        }
        int[] kk = new int[m];
        int[] nn = new int[m];
        for (int i = 0, j = 0; i < n.length; i++) {
            if (n[i] > 0) {
                kk[j] = k[i];
                nn[j] = n[i];
                j++;
            }
        }
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            w[i] = nn[i];
        }
        double[] estimate = moments(kk, nn, w); // {p̂, ρ̂}
        if (m < 2 || Double.isNaN(estimate[0])) {
            return Fit.undefined(estimate[0], m);
        }
        double p = estimate[0];
        double rho = estimate[1];
        for (int round = 0; round < 100 && rho > 0; round++) {
            double r = Math.min(rho, MAX_RHO);
            for (int i = 0; i < m; i++) {
                w[i] = nn[i] / (1.0 + (nn[i] - 1) * r);
            }
            double[] next = moments(kk, nn, w);
            boolean settled = Math.abs(next[1] - rho) < 1e-12;
            p = next[0];
            rho = next[1];
            if (settled) {
                break;
            }
        }
        if (Double.isNaN(rho) || p <= 0.0 || p >= 1.0) {
            return Fit.undefined(p, m);
        }
        double precision = rho <= 0 ? BINOMIAL_LIMIT_PRECISION : 1.0 / Math.min(rho, MAX_RHO) - 1.0;
        return new Fit(p * precision, (1 - p) * precision, p, rho, m);
    }

    /** {p̂, ρ̂} from one round of the weighted moment equation; ρ̂ NaN when not identifiable. */
    private static double[] moments(int[] k, int[] n, double[] w) {
        int m = k.length;
        double total = 0;
        double weightedShare = 0;
        for (int i = 0; i < m; i++) {
            total += w[i];
            weightedShare += w[i] * k[i] / n[i];
        }
        if (m == 0 || total <= 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p = weightedShare / total;
        double s = 0;
        double binomialPart = 0;
        double rhoPart = 0;
        for (int i = 0; i < m; i++) {
            double pi = (double) k[i] / n[i];
            double share = w[i] / total;
            s += w[i] * (pi - p) * (pi - p);
            binomialPart += w[i] / n[i] * (1 - share);
            rhoPart += w[i] * (1 - share) * (1 - 1.0 / n[i]);
        }
        double pq = p * (1 - p);
        if (!(pq > 0) || !(rhoPart > 0)) {
            return new double[] {p, Double.NaN};
        }
        return new double[] {p, (s / pq - binomialPart) / rhoPart};
    }

    private static boolean invalid(int n, double alpha, double beta) {
        return n < 0 || !(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta);
    }

    static double logSumExp(double[] logs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logs) {
            max = Math.max(max, l);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (double l : logs) {
            s += Math.exp(l - max);
        }
        return max + Math.log(s);
    }

    /**
     * A fitted Beta(α, β) for the cluster shares.
     *
     * @param alpha    α (NaN when not identifiable)
     * @param beta     β (NaN when not identifiable)
     * @param mean     p̂, the (final-weight) weighted mean share; {@code α/(α + β)} when defined
     * @param rho      ρ̂, the raw moment estimate of the intraclass correlation (may be ≤ 0: then α + β is
     *                 {@link #BINOMIAL_LIMIT_PRECISION})
     * @param clusters clusters with at least one work
     */
    public record Fit(double alpha, double beta, double mean, double rho, int clusters) implements Serializable {

        static Fit undefined(double mean, int clusters) {
            return new Fit(Double.NaN, Double.NaN, mean, Double.NaN, clusters);
        }

        /** True when ρ̂ ≤ 0 and the fit is the binomial limit. */
        public boolean binomialLimit() {
            return rho <= 0;
        }
    }
}
