package org.vprobjectivity.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision matrix («матрица принятия управленческих решений») of the municipal plans: for each school with signs
 * (ours and/or the official FIOKO markers) the measures its evidence calls for, by the rule of {@link MeasureConfig}.
 * Only the rule lives here; the evidence is read by {@link DecisionEvidence} and put in words by {@link MeasureText}.
 * A measure is help and procedure, never a sanction: the evidence is signs, not findings.
 */
public final class DecisionMatrix {

    /** What the matrix can ask for, in the order a district head acts on them. */
    public enum Measure {
        /** Re-check of the school's works by a commission (the plan's works where a plan exists). */
        RECHECK,
        /** Independent observers at the school's next session. */
        OBSERVERS,
        /** Targeted methodological help on the school's weak spots. */
        METHODOLOGICAL_HELP,
        /** A check of how the school marks in the journal (for inflated journal marks). */
        JOURNAL_POLICY
    }

    /** A ranked weak spot of the school: the task its pupils solve least against the region. */
    public record WeakSpot(String subject, int grade, String task, double solveRate, double regionRate) {
    }

    /**
     * What is known of one school.
     *
     * @param flaggedResults  our sign of inflated results (after the re-check: a cleared cell no longer counts)
     * @param flaggedJournal  our sign of inflated journal marks
     * @param plannedWorks    the re-check plan's targeted works of this school (0 without a plan)
     * @param rechecked       a commission has re-checked targeted works of the school ({@code recheck/schools})
     * @param confirmed       the re-check confirmed a discrepancy in one of its works
     * @param cleared         the re-check confirmed the school's marking in one of its works
     */
    public record Evidence(String session, String schoolId, String schoolName, String municipality, boolean flaggedResults,
                           boolean flaggedJournal, double risk, String flaggedWorks, long officialMarkers, String officialWorks,
                           long plannedWorks, String plannedCells, boolean rechecked, boolean confirmed, boolean cleared,
                           List<WeakSpot> weakSpots) {

        /** On the matrix: our sign, an official marker or a confirmed discrepancy. */
        public boolean hasSigns() {
            return flaggedResults || flaggedJournal || officialMarkers > 0 || confirmed;
        }
    }

    /** A school's row of the matrix. */
    public record Decision(Evidence evidence, List<Measure> measures) {
    }

    private DecisionMatrix() {
    }

    /** The matrix over the schools with signs, in the order given (the report's: strongest evidence first). */
    public static List<Decision> decide(List<Evidence> schools, MeasureConfig rule) {
        List<Decision> out = new ArrayList<>();
        for (Evidence e : schools) {
            if (e.hasSigns()) {
                out.add(new Decision(e, measures(e, rule)));
            }
        }
        return out;
    }

    /** The measures one school's evidence calls for. */
    public static List<Measure> measures(Evidence e, MeasureConfig rule) {
        List<Measure> out = new ArrayList<>();
        boolean byMarkers = rule.recheckMinOfficialMarkers > 0 && e.officialMarkers() >= rule.recheckMinOfficialMarkers;
        // Works a commission has already seen are not re-checked again: its finding is the evidence now.
        if (!e.rechecked() && (e.flaggedResults() || byMarkers)) {
            out.add(Measure.RECHECK);
        }
        boolean strong = e.flaggedResults() && e.risk() >= rule.observersMinRisk;
        boolean manyMarkers = rule.observersMinOfficialMarkers > 0 && e.officialMarkers() >= rule.observersMinOfficialMarkers;
        if (e.confirmed() || strong || manyMarkers) {
            out.add(Measure.OBSERVERS);
        }
        if (rule.helpWeakSpots > 0 && !e.weakSpots().isEmpty()) {
            out.add(Measure.METHODOLOGICAL_HELP);
        }
        if (rule.journalCheck && e.flaggedJournal()) {
            out.add(Measure.JOURNAL_POLICY);
        }
        return out;
    }
}
