package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * One sign of non-objectivity: the indicator p-value column it reads, the group of evidence it belongs to, whether
 * it rests on a share (and so needs a cell of at least {@code min_cell_works}), and the effect floor a person would
 * call practically relevant ({@link FlagConfig}). Formulas and sources of the p-values are in the indicator classes
 * (docs/indicators-schema.md).
 */
public enum Sign {
    RAISED(SignGroup.JOURNAL, "raised_p", true),
    /** The mean VPR − journal difference above the reference's (random effects, {@code JournalShift}). */
    SHIFT_UP(SignGroup.JOURNAL, "shift_up_p", true),
    /** Primary scores above what the pupils' journal marks predict ({@code ScoreResidual}). */
    SCORE_UP(SignGroup.JOURNAL, "resid_up_p", true),
    QUALITY(SignGroup.HIGH, "quality_p", true),
    ABSENT(SignGroup.PARTICIPATION, "absent_p", true),
    BUNCHING(SignGroup.DISTRIBUTION, "bunch_total_p", false),
    SPREAD(SignGroup.DISTRIBUTION, "sd_p", false),
    SHAPE(SignGroup.DISTRIBUTION, "chi2_p", false),
    PERSON_FIT(SignGroup.TASKS, "guttman_p", false),
    IDENTICAL(SignGroup.TASKS, "identical_p", false),
    NO_OMISSIONS(SignGroup.TASKS, "no_omission_p", false),
    /** Not a sign of inflated results: VPR below the journal, the separate «завышение текущих отметок» kind. */
    LOWERED(null, "lowered_p", true),
    /** The mean VPR − journal difference below the reference's: the same kind as {@link #LOWERED}. */
    SHIFT_DOWN(null, "shift_down_p", true),
    /** Primary scores below what the pupils' journal marks predict: the same kind as {@link #LOWERED}. */
    SCORE_DOWN(null, "resid_down_p", true);

    private final SignGroup group;
    private final String pColumn;
    private final boolean shareBased;

    Sign(SignGroup group, String pColumn, boolean shareBased) {
        this.group = group;
        this.pColumn = pColumn;
        this.shareBased = shareBased;
    }

    /** Null for {@link #LOWERED}, {@link #SHIFT_DOWN} and {@link #SCORE_DOWN}: inflated journal marks are their own flag kind. */
    public SignGroup group() {
        return group;
    }

    public String pColumn() {
        return pColumn;
    }

    public boolean shareBased() {
        return shareBased;
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
            case BUNCHING -> coalesce(col("bunch3_excess"), lit(0.0)).plus(coalesce(col("bunch4_excess"), lit(0.0)))
                    .plus(coalesce(col("bunch5_excess"), lit(0.0))).geq(c.minBunchingExcessWorks);
            case SPREAD -> col("score_sd").leq(col("sd_expected").multiply(1 - c.minSpreadReduction));
            case IDENTICAL -> col("identical_vector_works").geq(c.minIdenticalWorks);
            case SHAPE, PERSON_FIT, NO_OMISSIONS -> lit(true);
        };
        return coalesce(reached, lit(false));
    }
}
