package org.vprobjectivity.model.fit;

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
 * referred to its total's null moments under the fitted model, estimated by parametric bootstrap:
 * {@value StatedAlternative#DRAWS} works simulated from the fitted item parameters with θ from the reference's fitted
 * ability distribution (the mean of the works' posteriors), grouped by total (totals with fewer than
 * {@value StatedAlternative#MIN_PER_TOTAL} draws pooled with their neighbours): mean μ_S, variance σ²_S and third
 * central moment κ_S.
 *
 * <p><b>A unit's z.</b> Over a class's (or cell's) works the sum {@code D = Σ (G_i − μ_{S_i})} has variance
 * {@code V = Σ σ²} and third cumulant {@code K = Σ κ}, so skewness {@code γ = K / V^{3/2}}. G is skewed to the right,
 * and {@code D/√V} alone gave a null region's cells a heavy upper tail (8.3% below 0.05, 2.6% below 0.01); the
 * standardised sum {@code x = D/√V} is therefore mapped to a normal deviate by the Wilson–Hilferty form of the
 * Cornish–Fisher expansion for a skewed sum, {@code z = (6/γ)·((1 + γx/2)^{1/3} − 1) + γ/6} (to first order
 * {@code x − γ(x² − 1)/6}; monotone in x), which keeps the statistic's power where a rank transform of each work would
 * spend it. The effect is the mean of the works' {@code (G − μ)/σ}. Large = points look added. Works at 0 or at full
 * marks have one pattern and take no part. The sum is over every work: a lenient checker treats the whole class alike
 * (where answers reach only some pupils, {@link KnownAnswers} sums a per-work mixture instead).
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

    private AddedPoints() {
    }

    /** Per work G, the log-likelihood ratio of the added-points alternative to the model (profiled θ). */
    public static double[] ratios(PartialCreditModel model, AbilityGrid grid, int[][] scores) {
        return StatedAlternative.ratios(StatedAlternative.Kind.ADDED_POINT, model, grid, scores, null);
    }

    /**
     * The class and cell statistics: effect = mean standardised ratio, z = the skew-corrected normal deviate of the
     * summed ratios (see the class comment); works at a total with one pattern are left out.
     *
     * @param posteriorWeights the reference's fitted ability distribution on the grid (sums to one)
     */
    public static UnitStatistic units(PartialCreditModel model, AbilityGrid grid, int[][] scores, double[] posteriorWeights,
                                      int[] classOf, int classes, int[] cellOfClass, int cells) {
        return StatedAlternative.units(StatedAlternative.Kind.ADDED_POINT, model, grid, scores, null, posteriorWeights,
                classOf, classes, cellOfClass, cells);
    }
}
