package org.vprobjectivity.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.vprobjectivity.io.ConfigFile;

import java.io.Serializable;

/**
 * Indicator settings, read from the {@code indicators} section of the {@code --config} JSON. Every
 * field has a documented default (docs/configuration.md); a missing file or field keeps the default.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class IndicatorConfig implements Serializable {

    /** Cells (and classes) with fewer works are marked {@code small_cell}: shown, never tested on shares alone. */
    @JsonProperty("min_cell_works")
    public int minCellWorks = 10;

    /** What the share tests compare a cell with: "region" (default) or "municipality" ({@link ReferenceLevel}). */
    @JsonProperty("reference_level")
    public String referenceLevel = "region";

    public ReferenceLevel reference() {
        return ReferenceLevel.parse(referenceLevel);
    }

    /** Weak spot: solve rate below this share (docs/design.md §5). */
    @JsonProperty("weak_solve_rate")
    public double weakSolveRate = 0.5;

    /** Weak spot: more than this many percentage points (as a share) under the region. */
    @JsonProperty("weak_under_region")
    public double weakUnderRegion = 0.15;

    /** FIOKO 2026 guidance: basic tasks (Б) count as achieved at this solve rate. */
    @JsonProperty("basic_achieved")
    public double basicAchieved = 0.6;

    /** FIOKO 2026 guidance: advanced and high tasks (П, В) count as achieved at this solve rate. */
    @JsonProperty("advanced_achieved")
    public double advancedAchieved = 0.3;

    /** Groups under this many works are shown as «мало данных», not ranked. */
    @JsonProperty("weak_min_group_works")
    public int weakMinGroupWorks = 10;

    /** Outside confirmation ({@code --exam}): the line needs at least this many schools of a reference with both results. */
    @JsonProperty("exam_min_schools")
    public int examMinSchools = 10;

    /** Outside confirmation: «high» = at or above this percentile (0–100) of the schools, on the VPR and on the exam. */
    @JsonProperty("exam_high_percentile")
    public double examHighPercentile = 75;

    /** {@code --observed}: a reference with fewer observed schools (the cell itself left out) gives no comparison. */
    @JsonProperty("observed_min_schools")
    public int observedMinSchools = 10;

    /** @throws org.vprobjectivity.io.ConfigFile.Problem naming the field when a value is out of range */
    public void validate() {
        // min_cell_works: -3 was accepted and made every cell "large": shares tested on 1-work classes.
        ConfigFile.atLeast("indicators.min_cell_works", minCellWorks, 1);
        ConfigFile.oneOf("indicators.reference_level", referenceLevel, java.util.Set.of("region", "municipality"));
        ConfigFile.range("indicators.weak_solve_rate", weakSolveRate, 0, true, 1, false);
        ConfigFile.range("indicators.weak_under_region", weakUnderRegion, 0, false, 1, false);
        ConfigFile.range("indicators.basic_achieved", basicAchieved, 0, true, 1, false);
        ConfigFile.range("indicators.advanced_achieved", advancedAchieved, 0, true, 1, false);
        ConfigFile.atLeast("indicators.weak_min_group_works", weakMinGroupWorks, 1);
        ConfigFile.atLeast("indicators.exam_min_schools", examMinSchools, 3);
        ConfigFile.range("indicators.exam_high_percentile", examHighPercentile, 0, true, 100, false);
        ConfigFile.atLeast("indicators.observed_min_schools", observedMinSchools, 2);
    }

}
