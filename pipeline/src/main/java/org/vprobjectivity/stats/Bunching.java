package org.vprobjectivity.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Bunching of a primary-score histogram at a mark cut {@code c} (section 3): excess mass at and just above the cut
 * against a smooth counterfactual fitted without the scores around it.
 *
 * <p>Estimator (Chetty, Friedman, Olsen &amp; Pistaferri 2011, "Adjustment costs, firm responses, and micro vs. macro
 * labor supply elasticities", QJE 126(2), eq. 2–3; reviewed in Kleven 2016, "Bunching", Annual Review of Economics 8;
 * applied to test-score cut-offs by Dee, Dobbie, Jacob &amp; Rockoff 2019, AEJ: Applied 11(3)): regress the counts
 * {@code n_x} on a polynomial of degree {@code d} in the score, leaving out the window {@code [c − below, c + above]}
 * (default {@code [c−2, c+1]}) and, when given, the same windows around the other cuts of the scale (leaving them out
 * is equivalent to Chetty's bin dummies). The counterfactual {@code n̂_x} is the fitted polynomial; the excess mass is
 * {@code B = Σ_{x=c}^{c+above} (n_x − n̂_x)}, the missing mass {@code M = Σ_{x=c−below}^{c−1} (n̂_x − n_x)}, and the
 * normalised excess {@code b = B / mean_{x in window} n̂_x} (Chetty et al. divide by the counterfactual count per bin).
 *
 * <p>Choices. (1) Counts, not {@code log(count + 1)}, are fitted, as in Chetty et al. and Kleven: the counterfactual is
 * then linear in the counts, reproduces a polynomial histogram exactly, has an exact sampling variance, and B is in
 * works (people understand "about 40 works more than expected at 7 points"); no retransformation bias as with a log
 * fit. Cuts sit mid-scale where counts are large, so negative predictions (possible in sparse tails) are rare; they
 * are reported as fitted, not clamped. (2) The score is rescaled to [−1, 1] before forming powers so the design
 * is well conditioned; the least squares is solved by Householder QR. (3) The degree is lowered to
 * {@code nFit − 2} when fewer than {@code d + 2} scores remain for the fit (at least one residual degree of freedom);
 * a window near the end of the scale is an extrapolation and its SE shows it.
 *
 * <p>Standard error. B is a linear function of the counts, {@code B = Σ a_x n_x}. Two analytic variances are given:
 * <ul>
 * <li>sampling: the histogram as a multinomial sample of its N works, {@code Var(B) = Σ a_x² n_x − (Σ a_x n_x)²/N} —
 * this is exactly the variance that a multinomial bootstrap (resample N works, refit) converges to, so no resampling is
 * needed ({@link #bootstrapStandardError} does the resampling, for checking);</li>
 * <li>model: the residual variance {@code σ̂² = RSS/(nFit − p)} of the fit outside the window, as Chetty et al.'s
 * residual bootstrap measures it: {@code Var(B) = σ̂²·(A + ‖Σ_{x≥c} L_x‖²)}, A = scores in the excess part and
 * {@code L} the prediction operator (window counterfactual = L·fitted counts). It also absorbs the polynomial's
 * misfit, which dominates for a whole region's histogram.</li>
 * </ul>
 * {@link Result#standardError} is the larger of the two. Why both: measured on samples of N works from a smooth
 * beta-binomial(30, 3, 4) histogram (cut 15, 400 samples each), the one-sided 5% test on B/SE rejects 3.3%, 5.0%,
 * 5.5%, 1.0%, 0% at N = 30, 300, 3 000, 30 000, 300 000 with the larger SE; the model SE alone rejects 13–15% at
 * small N (it averages the residual variance over the whole scale, while the window sits where counts and their
 * noise are largest), and the sampling SE alone is right only while the polynomial is right (at N = 300 000 the
 * quartic's misfit is a quarter of it). At a whole region's size the test is therefore conservative.
 */
public final class Bunching {

    private Bunching() {
    }

    /**
     * Estimator settings.
     *
     * @param windowBelow scores below the cut in the window (missing-mass part), default 2
     * @param windowAbove scores above the cut in the excess part besides the cut itself, default 1
     * @param degree      polynomial degree of the counterfactual, default 4 (lowered automatically, see class comment)
     */
    public record Options(int windowBelow, int windowAbove, int degree) implements Serializable {

        public Options {
            if (windowBelow < 0 || windowAbove < 0 || degree < 0) {
                throw new IllegalArgumentException("window widths and degree must be non-negative");
            }
        }

        /** Window {@code [c−2, c+1]} as in section 3 of the indicator design, quartic counterfactual. */
        public static Options defaults() {
            return new Options(2, 1, 4);
        }
    }

    /**
     * Bunching at one cut.
     *
     * @param cut                   the cut c
     * @param windowFrom            first score of the window (clipped to the scale)
     * @param windowTo              last score of the window (clipped to the scale)
     * @param degree                polynomial degree actually fitted; −1 when nothing could be fitted
     * @param fitPoints             scores used for the fit
     * @param observed              {@code n_x} for x = windowFrom..windowTo
     * @param counterfactual        {@code n̂_x} for the same scores
     * @param excessMass            B (works), NaN when no fit
     * @param missingMass           M (works), NaN when no fit
     * @param ratio                 {@code b = B / mean n̂ over the window}; NaN when that mean is not positive
     * @param standardError         SE of B: the larger of the model and sampling SEs (NaN when neither is defined)
     * @param modelStandardError    SE of B from the fit's residuals; NaN without residual degrees of freedom
     * @param samplingStandardError SE of B under multinomial resampling of the works
     */
    public record Result(int cut, int windowFrom, int windowTo, int degree, int fitPoints, double[] observed,
            double[] counterfactual, double excessMass, double missingMass, double ratio, double standardError,
            double modelStandardError, double samplingStandardError) implements Serializable {

        /** {@code z = B/SE}; NaN when undefined (SE 0 with B 0 included). */
        public double z() {
            return excessMass / standardError;
        }

        /** One-sided p-value {@code P(Z ≥ z)} for excess mass under the normal approximation; NaN when z is NaN. */
        public double pValue() {
            double z = z();
            if (Double.isNaN(z)) {
                return Double.NaN;
            }
            return new NormalDistribution(null, 0, 1).cumulativeProbability(-z);
        }
    }

    /** {@link #estimate(long[], int, int[], Options)} with the default window and degree and no other cuts. */
    public static Result estimate(long[] counts, int cut) {
        return estimate(counts, cut, new int[0], Options.defaults());
    }

    /**
     * Bunching at {@code cut} for the histogram {@code counts} (index = primary score 0..max).
     *
     * @param otherCuts cuts whose windows (same widths) are also left out of the fit, e.g. the scale's other cuts;
     *                  the cut itself may be listed too
     * @return the estimate; every number NaN (degree −1) when the cut lies outside the scale or fewer than one score
     *         remains for the fit; SEs NaN when the histogram is empty
     */
    public static Result estimate(long[] counts, int cut, int[] otherCuts, Options options) {
        Linear lin = linear(counts.length, cut, otherCuts, options);
        if (lin == null) {
            return undefined(counts, cut, Math.max(0, cut - options.windowBelow()),
                    Math.min(counts.length - 1, cut + options.windowAbove()));
        }
        int w = lin.windowTo - lin.windowFrom + 1;
        double[] observed = new double[w];
        double[] counterfactual = new double[w];
        for (int i = 0; i < w; i++) {
            observed[i] = counts[lin.windowFrom + i];
            double s = 0;
            for (int f = 0; f < lin.fit.length; f++) {
                s += lin.predict[i][f] * counts[lin.fit[f]];
            }
            counterfactual[i] = s;
        }
        double excess = 0;
        double missing = 0;
        double cfSum = 0;
        for (int i = 0; i < w; i++) {
            int x = lin.windowFrom + i;
            cfSum += counterfactual[i];
            if (x >= cut) {
                excess += observed[i] - counterfactual[i];
            } else {
                missing += counterfactual[i] - observed[i];
            }
        }
        double cfMean = cfSum / w;
        double ratio = cfMean > 0 ? excess / cfMean : Double.NaN;

        // Sampling variance of B = Σ a_x n_x under Multinomial(N, n/N).
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double sampling = Double.NaN;
        if (total > 0) {
            double sa = 0;
            double sa2 = 0;
            for (int x = 0; x < counts.length; x++) {
                sa += lin.excessWeights[x] * counts[x];
                sa2 += lin.excessWeights[x] * lin.excessWeights[x] * counts[x];
            }
            sampling = Math.sqrt(Math.max(0.0, sa2 - sa * sa / total));
        }

        // Model variance from the residuals of the fit.
        double model = Double.NaN;
        int df = lin.fit.length - (lin.degree + 1);
        if (df > 0) {
            double rss = 0;
            for (int f = 0; f < lin.fit.length; f++) {
                double yhat = 0;
                for (int g = 0; g < lin.fit.length; g++) {
                    yhat += lin.hat[f][g] * counts[lin.fit[g]];
                }
                double r = counts[lin.fit[f]] - yhat;
                rss += r * r;
            }
            double sigma2 = rss / df;
            double norm2 = 0;
            int above = 0;
            for (int x = 0; x < counts.length; x++) {
                if (lin.isFit[x]) {
                    norm2 += lin.excessWeights[x] * lin.excessWeights[x];
                } else if (lin.excessWeights[x] == 1.0) {
                    above++;
                }
            }
            model = Math.sqrt(sigma2 * (above + norm2));
        }
        double se = Double.isNaN(model) ? sampling : Double.isNaN(sampling) ? model : Math.max(model, sampling);
        return new Result(cut, lin.windowFrom, lin.windowTo, lin.degree, lin.fit.length, observed, counterfactual,
                excess, missing, ratio, se, model, sampling);
    }

    /**
     * Multinomial bootstrap SE of B (Efron &amp; Tibshirani 1993, "An Introduction to the Bootstrap", ch. 6): draw N
     * works from the observed histogram {@code replicates} times with a {@link SplittableRandom} seeded by
     * {@code seed}, refit, and return the SD (divisor R − 1) of the R excess masses. Because B is linear in the counts
     * this converges to {@link Result#samplingStandardError}; it is here to check that, and for callers who want
     * resampling anyway. NaN when the estimate is undefined, the histogram is empty, or {@code replicates < 2}.
     */
    public static double bootstrapStandardError(long[] counts, int cut, int[] otherCuts, Options options,
            int replicates, long seed) {
        Linear lin = linear(counts.length, cut, otherCuts, options);
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (lin == null || total == 0 || replicates < 2) {
            return Double.NaN;
        }
        double[] cumulative = new double[counts.length];
        double run = 0;
        for (int x = 0; x < counts.length; x++) {
            run += counts[x];
            cumulative[x] = run / total;
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] sample = new long[counts.length];
        double sum = 0;
        double sum2 = 0;
        for (int r = 0; r < replicates; r++) {
            Arrays.fill(sample, 0);
            for (long i = 0; i < total; i++) {
                double u = random.nextDouble();
                int x = Arrays.binarySearch(cumulative, u);
                x = x >= 0 ? x + 1 : -x - 1; // first index with cumulative > u
                sample[Math.min(x, counts.length - 1)]++;
            }
            double b = 0;
            for (int x = 0; x < counts.length; x++) {
                b += lin.excessWeights[x] * sample[x];
            }
            sum += b;
            sum2 += b * b;
        }
        double mean = sum / replicates;
        return Math.sqrt(Math.max(0.0, (sum2 - replicates * mean * mean) / (replicates - 1)));
    }

    /** The linear operators of one (scale length, cut, other cuts, options) setting. */
    private static final class Linear {
        int windowFrom;
        int windowTo;
        int degree;
        int[] fit;
        boolean[] isFit;
        /** predict[i][f]: weight of fit point f's count in the counterfactual at windowFrom + i. */
        double[][] predict;
        /** hat[f][g]: the fit's hat matrix on the fit points. */
        double[][] hat;
        /** a_x with B = Σ a_x n_x. */
        double[] excessWeights;
    }

    private static Linear linear(int length, int cut, int[] otherCuts, Options options) {
        int max = length - 1;
        if (cut < 0 || cut > max) {
            return null;
        }
        boolean[] excluded = new boolean[length];
        markWindow(excluded, cut, options);
        for (int other : otherCuts) {
            markWindow(excluded, other, options);
        }
        int nFit = 0;
        for (boolean e : excluded) {
            if (!e) {
                nFit++;
            }
        }
        if (nFit < 1) {
            return null;
        }
        Linear lin = new Linear();
        lin.windowFrom = Math.max(0, cut - options.windowBelow());
        lin.windowTo = Math.min(max, cut + options.windowAbove());
        lin.degree = Math.max(0, Math.min(options.degree(), nFit - 2));
        lin.fit = new int[nFit];
        lin.isFit = new boolean[length];
        for (int x = 0, f = 0; x < length; x++) {
            if (!excluded[x]) {
                lin.fit[f++] = x;
                lin.isFit[x] = true;
            }
        }
        int p = lin.degree + 1;
        double center = max / 2.0;
        double half = Math.max(max / 2.0, 1.0);
        RealMatrix design = new Array2DRowRealMatrix(nFit, p);
        for (int f = 0; f < nFit; f++) {
            double[] row = powers((lin.fit[f] - center) / half, p);
            design.setRow(f, row);
        }
        DecompositionSolver solver = new QRDecomposition(design).getSolver();
        RealMatrix pinv = solver.solve(MatrixUtils.createRealIdentityMatrix(nFit)); // (X'X)⁻¹X', p × nFit
        int w = lin.windowTo - lin.windowFrom + 1;
        RealMatrix windowDesign = new Array2DRowRealMatrix(w, p);
        for (int i = 0; i < w; i++) {
            windowDesign.setRow(i, powers((lin.windowFrom + i - center) / half, p));
        }
        lin.predict = windowDesign.multiply(pinv).getData();
        lin.hat = design.multiply(pinv).getData();
        lin.excessWeights = new double[length];
        for (int i = 0; i < w; i++) {
            int x = lin.windowFrom + i;
            if (x >= cut) {
                lin.excessWeights[x] = 1.0;
                for (int f = 0; f < nFit; f++) {
                    lin.excessWeights[lin.fit[f]] -= lin.predict[i][f];
                }
            }
        }
        return lin;
    }

    /** The result when no counterfactual can be fitted: the window's observed counts, everything else NaN. */
    static Result undefined(long[] counts, int cut, int from, int to) {
        int w = Math.max(0, to - from + 1);
        double[] nan = new double[w];
        Arrays.fill(nan, Double.NaN);
        double[] obs = new double[w];
        for (int i = 0; i < w; i++) {
            obs[i] = counts[from + i];
        }
        return new Result(cut, from, to, -1, 0, obs, nan, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
    }

    /** Marks the scores of the window around {@code cut} as excluded from the counterfactual fit. */
    static void markWindow(boolean[] excluded, int cut, Options options) {
        for (int x = cut - options.windowBelow(); x <= cut + options.windowAbove(); x++) {
            if (x >= 0 && x < excluded.length) {
                excluded[x] = true;
            }
        }
    }

    /** 1, u, u², …, u^(p−1): one row of the polynomial design matrix. */
    static double[] powers(double u, int p) {
        double[] row = new double[p];
        double v = 1.0;
        for (int j = 0; j < p; j++) {
            row[j] = v;
            v *= u;
        }
        return row;
    }
}
