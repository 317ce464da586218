package org.vprobjectivity.model.fit;

/**
 * Answers known in advance: a likelihood-ratio sign against the alternative that tasks were at full marks whatever
 * the pupil could do (answers circulated before the work, or written in by the checker), built like
 * {@link AddedPoints} and calibrated the same way ({@link StatedAlternative}).
 *
 * <p><b>Alternative.</b> Each task, independently with probability {@value #PI}, has its full marks {@code m_j}
 * instead of a score drawn from the fitted model: {@code q_j(y | θ) = (1 − π)·P_j(y | θ) + π·[y = m_j]}. The ratio
 * {@code G = max_θ Σ_j log q_j(y_j | θ) − max_θ Σ_j log P_j(y_j | θ)} is large where tasks the pupil's other answers
 * say are beyond them are nevertheless complete, most of all hard tasks full beside easy ones missed; profiling θ lets
 * the null explain a high total by ability, and each work is referred to its total's null moments, so a strong
 * pupil's full marks everywhere are not evidence. Unlike {@link PatternFit}, an omnibus misfit, this looks in one
 * direction, and unlike {@link AddedPoints} it looks for whole tasks complete rather than single points spread.
 *
 * <p><b>The scale's advanced part.</b> Which tasks leak is not known, and a mixture over every subset is the
 * independent-task alternative above. Where the scale gives task levels, the tasks of level П or В (the part answers
 * matter most for, and the part the total cannot explain for a weak pupil) are also tested together: the alternative
 * is then half the per-task one and half "the advanced part complete with probability π",
 * {@code q(y | θ) = ½·Π_j q_j(y_j | θ) + ½·((1 − π)·P(y | θ) + π·[y_H = m_H]·P(y_B | θ))}, H the advanced tasks, B
 * the rest. Where the answers were the advanced part's, this is far stronger (scripts/answers-known-power.py: the
 * exact part reaches power 0.93–1.00 where the per-task alternative reaches 0.79–1.00); where they were not, the half
 * costs at most log 2 per work. A part guessed from the fitted model instead of the scale failed (the hardest tasks by
 * the model are often basic tasks of several points). π = {@value #PI} as for added points (the ratio's power changes
 * little over 0.15–0.5).
 *
 * <p>Sources: Drasgow, Levine &amp; McLaughlin (1991) (optimal appropriateness indices against a specified
 * aberrance); Sinharay (2017), "Detection of item preknowledge using likelihood ratio statistics", J. Educ. Meas. 54
 * (the preknowledge alternative tested by a likelihood ratio with ability profiled out); Sinharay (2016) for the
 * parametric bootstrap of the null.
 */
public final class KnownAnswers {

    static final double PI = 0.3;

    private KnownAnswers() {
    }

    /** Per work G, the log-likelihood ratio of the known-answers alternative to the model (profiled θ). */
    public static double[] ratios(PartialCreditModel model, AbilityGrid grid, int[][] scores, boolean[] advanced) {
        return StatedAlternative.ratios(StatedAlternative.Kind.FULL_MARKS, model, grid, scores, advanced);
    }

    /**
     * The class and cell statistics as for {@link AddedPoints#units}: effect = mean standardised ratio, z = the
     * skew-corrected normal deviate of the summed ratios.
     */
    public static UnitStatistic units(PartialCreditModel model, AbilityGrid grid, int[][] scores, boolean[] advanced,
                                      double[] posteriorWeights, int[] classOf, int classes, int[] cellOfClass,
                                      int cells) {
        return StatedAlternative.units(StatedAlternative.Kind.FULL_MARKS, model, grid, scores, advanced, posteriorWeights,
                classOf, classes, cellOfClass, cells);
    }
}
