package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.indicators.ModelSigns;
import org.vprobjectivity.recheck.RecheckResults;
import org.vprobjectivity.recheck.RecheckTables;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * One sign of non-objectivity: the indicator p-value column it reads, the group of evidence it belongs to, whether
 * it rests on a share (and so needs a cell of at least {@code min_cell_works}), where it comes from
 * ({@link Source}) and the effect floor a person would call practically relevant ({@link FlagConfig}). Formulas and
 * sources of the p-values are in the indicator classes and the model package (docs/indicators-schema.md,
 * docs/model.md).
 *
 * <p>Where the reference's pupil model is fitted ({@code model_fitted}), its signs replace the indicator families'
 * signs that look at the same thing against the region without adjusting for ability: journal marks, bunching, the
 * score distribution's spread and shape, person fit and identical vectors ({@link Source#FALLBACK}: used only where the model could not be fitted).
 */
public enum Sign {
    /** Journal marks below what the pupils' VPR works predict, i.e. VPR results above the journal (model). */
    JOURNAL_BELOW(SignGroup.JOURNAL, ModelSigns.JOURNAL_BELOW_P, false, Source.MODEL),
    RAISED(SignGroup.JOURNAL, "raised_p", true, Source.FALLBACK),
    /** The mean VPR − journal difference above the reference's (random effects, {@code JournalShift}). */
    SHIFT_UP(SignGroup.JOURNAL, "shift_up_p", true, Source.FALLBACK),
    /** Primary scores above what the pupils' journal marks predict ({@code ScoreResidual}). */
    SCORE_UP(SignGroup.JOURNAL, "resid_up_p", true, Source.FALLBACK),
    QUALITY(SignGroup.HIGH, "quality_p", true, Source.ALWAYS),
    ABSENT(SignGroup.PARTICIPATION, "absent_p", true, Source.ALWAYS),
    /** Works at the mark cuts beyond the class's own fitted distribution and the region's typical pile-up (model). */
    CUTS(SignGroup.DISTRIBUTION, ModelSigns.CUT_P, false, Source.MODEL),
    BUNCHING(SignGroup.DISTRIBUTION, "bunch_total_p", false, Source.FALLBACK),
    /** Compressed spread and the distribution's shape, against the region: the model's signs see both adjusted. */
    SPREAD(SignGroup.DISTRIBUTION, "sd_p", false, Source.FALLBACK),
    SHAPE(SignGroup.DISTRIBUTION, "chi2_p", false, Source.FALLBACK),
    /** Task patterns unlikely for their own totals (conditional person fit, model). */
    PATTERN(SignGroup.TASKS, ModelSigns.PATTERN_P, false, Source.MODEL),
    /** Points that look added across the tasks: a likelihood ratio against one point added per unfinished task (model). */
    ADDED_POINTS(SignGroup.TASKS, ModelSigns.ADDED_P, false, Source.MODEL),
    /** Tasks at full marks that the rest of the work says are beyond the pupil: answers known in advance (model). */
    KNOWN_ANSWERS(SignGroup.TASKS, ModelSigns.KNOWN_P, false, Source.MODEL),
    /** Identical score vectors beyond what the model expects in the class (model). */
    COPIES(SignGroup.TASKS, ModelSigns.COPY_P, false, Source.MODEL),
    PERSON_FIT(SignGroup.TASKS, "guttman_p", false, Source.FALLBACK),
    IDENTICAL(SignGroup.TASKS, "identical_p", false, Source.FALLBACK),
    NO_OMISSIONS(SignGroup.TASKS, "no_omission_p", false, Source.ALWAYS),
    /** The commission's re-check lowered the school's scores more often than the control group's. */
    RECHECK(SignGroup.RECHECK, RecheckTables.EVIDENCE_P, false, Source.ALWAYS),
    /** High VPR results the school's later state exam results do not confirm ({@code --exam}, {@code ExamConfirmation}). */
    EXAM(SignGroup.EXAM, ExamConfirmation.EXAM_GAP_P, false, Source.ALWAYS),
    /** Journal marks above what the pupils' VPR works predict (model): the «завышение текущих отметок» kind. */
    JOURNAL_ABOVE(null, ModelSigns.JOURNAL_ABOVE_P, false, Source.MODEL),
    /** Not a sign of inflated results: VPR below the journal, the separate «завышение текущих отметок» kind. */
    LOWERED(null, "lowered_p", true, Source.FALLBACK),
    /** The mean VPR − journal difference below the reference's: the same kind as {@link #LOWERED}. */
    SHIFT_DOWN(null, "shift_down_p", true, Source.FALLBACK),
    /** Primary scores below what the pupils' journal marks predict: the same kind as {@link #LOWERED}. */
    SCORE_DOWN(null, "resid_down_p", true, Source.FALLBACK);

    /** Where a sign is used: always, only with the fitted model, or only without it. */
    public enum Source {
        ALWAYS, MODEL, FALLBACK
    }

    private final SignGroup group;
    private final String pColumn;
    private final boolean shareBased;
    private final Source source;

    Sign(SignGroup group, String pColumn, boolean shareBased, Source source) {
        this.group = group;
        this.pColumn = pColumn;
        this.shareBased = shareBased;
        this.source = source;
    }

    /** Null for the journal kind's signs: inflated journal marks are their own flag kind. */
    public SignGroup group() {
        return group;
    }

    public String pColumn() {
        return pColumn;
    }

    public boolean shareBased() {
        return shareBased;
    }

    public Source source() {
        return source;
    }

    /** The column the scored table keeps this sign's p-value in (null when not tested). */
    public String signColumn() {
        return "sign_" + name().toLowerCase(java.util.Locale.ROOT) + "_p";
    }

    /** The column the scored table keeps whether this sign's effect reaches its floor in. */
    public String effectColumn() {
        return "sign_" + name().toLowerCase(java.util.Locale.ROOT) + "_effect";
    }

    /** True when the sign's effect reaches its floor (null-safe: a missing effect does not reach it). */
    public Column effectReached(FlagConfig c) {
        Column reached = switch (this) {
            case RAISED -> col("raised_share").minus(col("raised_ref")).geq(c.minRaisedExcess);
            case QUALITY -> col("quality_share").minus(col("quality_ref")).geq(c.minQualityExcess);
            case ABSENT -> col("absent_share").minus(col("absent_ref")).geq(c.minAbsentExcess);
            case LOWERED -> col("lowered_share").minus(col("lowered_ref")).geq(c.minLoweredExcess);
            case SHIFT_UP -> col("mean_diff").minus(col("shift_ref")).geq(c.minShiftMarks);
            case SHIFT_DOWN -> col("shift_ref").minus(col("mean_diff")).geq(c.minShiftMarks);
            case SCORE_UP -> col("score_resid").minus(col("resid_ref")).geq(c.minScoreShiftSd);
            case SCORE_DOWN -> col("resid_ref").minus(col("score_resid")).geq(c.minScoreShiftSd);
            case JOURNAL_BELOW -> col(ModelSigns.JOURNAL_RESID).leq(-c.minJournalResidual);
            case JOURNAL_ABOVE -> col(ModelSigns.JOURNAL_RESID).geq(c.minJournalResidual);
            case BUNCHING -> coalesce(col("bunch3_excess"), lit(0.0)).plus(coalesce(col("bunch4_excess"), lit(0.0)))
                    .plus(coalesce(col("bunch5_excess"), lit(0.0))).geq(c.minBunchingExcessWorks);
            case CUTS -> col(ModelSigns.CUT_AT).minus(col(ModelSigns.CUT_EXPECTED)).geq(c.minBunchingExcessWorks);
            case SPREAD -> col("score_sd").leq(col("sd_expected").multiply(1 - c.minSpreadReduction));
            case IDENTICAL -> col("identical_vector_works").geq(c.minIdenticalWorks);
            case COPIES -> col(ModelSigns.COPY_WORKS).geq(c.minIdenticalWorks);
            case RECHECK -> col(RecheckTables.EVIDENCE_POINT_DIFF).minus(coalesce(col(RecheckTables.EVIDENCE_CONTROL_DIFF), lit(0.0)))
                    .geq(RecheckResults.CONFIRM_POINTS);
            // high on the VPR and not high on the exam, and the exam standing clearly below what the VPR predicts
            case EXAM -> col(ExamConfirmation.EXAM_CONFIRMS).equalTo(false)
                    .and(col(ExamConfirmation.EXAM_EXPECTED_Z).minus(col(ExamConfirmation.EXAM_Z)).geq(c.minExamGapZ));
            case SHAPE, PERSON_FIT, PATTERN, ADDED_POINTS, KNOWN_ANSWERS, NO_OMISSIONS -> lit(true);
        };
        return coalesce(reached, lit(false));
    }
}
