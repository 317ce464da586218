package org.vprobjectivity.flags;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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

    /** A sign is written as a reason when its p-value is below this (and its effect floor is met). */
    @JsonProperty("reason_p")
    public double reasonP = 0.05;

    /** Reasons kept per cell and per school, strongest first. */
    @JsonProperty("max_reasons")
    public int maxReasons = 3;

    public static FlagConfig load(Path configFile) {
        if (configFile == null) {
            return new FlagConfig();
        }
        try {
            ObjectMapper mapper = new ObjectMapper();
            var root = mapper.readTree(configFile.toFile());
            FlagConfig config = mapper.treeToValue(root.has("flags") ? root.get("flags") : mapper.createObjectNode(),
                    FlagConfig.class);
            config.validate();
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + configFile + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException naming the field when a value is out of range */
    public void validate() {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("flags.q must be in (0, 1), not " + q);
        }
        if (maxReasons < 1 || minIdenticalWorks < 2) {
            throw new IllegalArgumentException("flags.max_reasons must be at least 1, flags.min_identical_works at least 2");
        }
        if (!(supportP > 0 && supportP < 1)) {
            throw new IllegalArgumentException("flags.support_p must be in (0, 1), not " + supportP);
        }
        if (!(reasonP > 0 && reasonP <= 1)) {
            throw new IllegalArgumentException("flags.reason_p must be in (0, 1], not " + reasonP);
        }
    }
}
