package org.vprobjectivity.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.vprobjectivity.io.ConfigFile;

import java.io.Serializable;

/**
 * The rule from a school's evidence to the measures of the decision matrix ({@link DecisionMatrix}), read from the
 * {@code measures} section of the {@code --config} JSON (docs/recheck.md has the table). The defaults follow the
 * municipal plans: a re-check where our results sign or an official marker points at the works, observers where the
 * evidence is strong (a strong sign, two markers) or a re-check confirmed it, methodological help on the weak spots of every school with signs, a
 * check of the journal policy where the journal marks are inflated.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MeasureConfig implements Serializable {

    /** Official FIOKO markers from which a school's works are re-checked even without our sign; 0: never on markers alone. */
    @JsonProperty("recheck_min_official_markers")
    public int recheckMinOfficialMarkers = 1;

    /**
     * Our results sign at least this strong ({@code risk_score} = −log10 p; 3: p < 0.001) sends independent observers
     * to the next session; a discrepancy the re-check confirmed always does.
     */
    @JsonProperty("observers_min_risk")
    public double observersMinRisk = 3.0;

    /** Official markers from which observers are sent; 0: never on markers alone. */
    @JsonProperty("observers_min_official_markers")
    public int observersMinOfficialMarkers = 2;

    /** Weak spots (ranked tasks of the school) named for targeted methodological help; 0: no help measure. */
    @JsonProperty("help_weak_spots")
    public int helpWeakSpots = 3;

    /** Inflated journal marks («завышение текущих отметок») call for a check of the journal marking policy. */
    @JsonProperty("journal_check")
    public boolean journalCheck = true;

    /** The section of the {@code --config} file. */
    public static final String SECTION = "measures";

    /** @throws IllegalArgumentException (a {@link ConfigFile.Problem}) naming the field when a value is out of range */
    public void validate() {
        // A school has at most a few markers per work and a few works: 100 is "never" already, beyond it a typo.
        ConfigFile.range("measures.recheck_min_official_markers", recheckMinOfficialMarkers, 0, false, 100, false);
        ConfigFile.range("measures.observers_min_official_markers", observersMinOfficialMarkers, 0, false, 100, false);
        // risk is −log10 p: 0 sends observers to every school with our results sign, 300 is below double precision.
        ConfigFile.range("measures.observers_min_risk", observersMinRisk, 0, false, 300, false);
        ConfigFile.range("measures.help_weak_spots", helpWeakSpots, 0, false, 20, false);
    }
}
