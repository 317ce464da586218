package org.vprobjectivity.flags;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.vprobjectivity.io.ConfigFile;

import java.io.Serializable;

/**
 * Flag settings, read from the {@code flags} section of the {@code --config} JSON (docs/configuration.md). The
 * effect floors keep a huge school from being flagged for a one-point difference: a sign counts only when its effect,
 * in units a person reads, reaches the floor, however small its p-value.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class FlagConfig implements Serializable {

    /** Benjamini–Hochberg false discovery rate over all cells of the run, per flag kind. */
    @JsonProperty("q")
    public double q = 0.05;

    /**
     * Two-signal rule: high results count only when the independent signs (journal, distribution, tasks,
     * participation) reach this p-value by themselves (Simes over their groups).
     */
    @JsonProperty("support_p")
    public double supportP = 0.01;

    /** Raised marks: the cell's share minus the reference's, at least this (as a share). */
    @JsonProperty("min_raised_excess")
    public double minRaisedExcess = 0.10;

    /** High results: quality share (4 + 5) minus the reference's, at least this. */
    @JsonProperty("min_quality_excess")
    public double minQualityExcess = 0.10;

    /** Participation: absent share minus the reference's, at least this. */
    @JsonProperty("min_absent_excess")
    public double minAbsentExcess = 0.05;

    /** Inflated journal marks: lowered share minus the reference's, at least this. */
    @JsonProperty("min_lowered_excess")
    public double minLoweredExcess = 0.10;

    /** Mean VPR − journal mark difference: at least this many marks away from the reference's. */
    @JsonProperty("min_shift_marks")
    public double minShiftMarks = 0.25;

    /**
     * The pupil model's journal residual: journal marks above (or below) what the pupils' VPR works predict, on
     * average at least this many marks.
     */
    @JsonProperty("min_journal_residual")
    public double minJournalResidual = 0.25;

    /** Primary score against what the journal marks predict: at least this many within-mark SDs from the reference's. */
    @JsonProperty("min_score_shift_sd")
    public double minScoreShiftSd = 0.25;

    /** Bunching: works above the cuts beyond the expected, summed over the cuts, at least this. */
    @JsonProperty("min_bunching_excess_works")
    public double minBunchingExcessWorks = 2;

    /** Compressed spread: the cell's SD at least this share below the SD expected at its mean. */
    @JsonProperty("min_spread_reduction")
    public double minSpreadReduction = 0.15;

    /** Identical score vectors: at least this many works sharing a vector. */
    @JsonProperty("min_identical_works")
    public int minIdenticalWorks = 3;

    /** Outside confirmation: the exam standing at least this many z below what the VPR standing predicts. */
    @JsonProperty("min_exam_gap_z")
    public double minExamGapZ = 0.5;

    /** A sign is written as a reason when its p-value is below this (and its effect floor is met). */
    @JsonProperty("reason_p")
    public double reasonP = 0.05;

    /** Reasons kept per cell and per school, strongest first. */
    @JsonProperty("max_reasons")
    public int maxReasons = 3;

    /** @throws IllegalArgumentException (a {@link ConfigFile.Problem}) naming the field when a value is out of range */
    public void validate() {
        ConfigFile.range("flags.q", q, 0, true, 1, true);
        ConfigFile.range("flags.support_p", supportP, 0, true, 1, true);
        ConfigFile.range("flags.reason_p", reasonP, 0, true, 1, false);
        // Floors are effects in the units a person reads: a negative floor would let any effect count.
        ConfigFile.range("flags.min_raised_excess", minRaisedExcess, 0, false, 1, false);
        ConfigFile.range("flags.min_quality_excess", minQualityExcess, 0, false, 1, false);
        ConfigFile.range("flags.min_absent_excess", minAbsentExcess, 0, false, 1, false);
        ConfigFile.range("flags.min_lowered_excess", minLoweredExcess, 0, false, 1, false);
        // Marks are 2..5: no difference in marks can exceed 3.
        ConfigFile.range("flags.min_shift_marks", minShiftMarks, 0, false, 3, false);
        ConfigFile.range("flags.min_journal_residual", minJournalResidual, 0, false, 3, false);
        ConfigFile.range("flags.min_score_shift_sd", minScoreShiftSd, 0, false, Double.MAX_VALUE, false);
        ConfigFile.range("flags.min_bunching_excess_works", minBunchingExcessWorks, 0, false, Double.MAX_VALUE, false);
        ConfigFile.range("flags.min_spread_reduction", minSpreadReduction, 0, false, 1, true);
        ConfigFile.atLeast("flags.min_identical_works", minIdenticalWorks, 2);
        ConfigFile.range("flags.min_exam_gap_z", minExamGapZ, 0, false, Double.MAX_VALUE, false);
        ConfigFile.atLeast("flags.max_reasons", maxReasons, 1);
    }
}
