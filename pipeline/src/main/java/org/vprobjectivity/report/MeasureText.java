package org.vprobjectivity.report;

import org.vprobjectivity.flags.ReasonText;
import org.vprobjectivity.report.DecisionMatrix.Decision;
import org.vprobjectivity.report.DecisionMatrix.Evidence;
import org.vprobjectivity.report.DecisionMatrix.Measure;
import org.vprobjectivity.report.DecisionMatrix.WeakSpot;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision matrix in words, the same for the report's section and the workbook's sheet: a school's evidence as
 * a list of its signs, and each measure with what it concerns (which works, which weak spots).
 */
final class MeasureText {

    private MeasureText() {
    }

    /** «признаки необъективности результатов (наш метод): …», «маркеры ФИОКО: 2 (4 МА)», the re-check's outcome. */
    static List<String> evidence(Evidence e, ReportText t) {
        List<String> out = new ArrayList<>();
        if (e.flaggedResults()) {
            out.add(t.get("matrix.ev.results") + works(e.flaggedWorks()));
        }
        if (e.flaggedJournal()) {
            out.add(t.get("matrix.ev.journal"));
        }
        if (e.officialMarkers() > 0) {
            out.add(t.get("matrix.ev.official") + ": " + e.officialMarkers()
                    + (e.officialWorks() == null ? "" : " (" + t.officialWorks(e.officialWorks()) + ")"));
        }
        if (e.confirmed()) {
            out.add(t.get("matrix.ev.confirmed"));
        }
        if (e.cleared()) {
            out.add(t.get("matrix.ev.cleared"));
        }
        if (e.rechecked() && !e.confirmed() && !e.cleared()) {
            // Re-checked without a conclusion: why the matrix asks for no second re-check of the same works.
            out.add(t.get("matrix.ev.rechecked"));
        }
        return out;
    }

    /** Each measure of the decision with what it concerns. */
    static List<String> measures(Decision d, ReportText t) {
        List<String> out = new ArrayList<>();
        for (Measure m : d.measures()) {
            out.add(measure(m, d.evidence(), t));
        }
        return out;
    }

    static String measure(Measure m, Evidence e, ReportText t) {
        return switch (m) {
            case RECHECK -> e.plannedWorks() > 0
                    ? t.get("matrix.m.recheck") + ": " + t.get("matrix.m.recheck.plan").replace("{n}", String.valueOf(e.plannedWorks()))
                    .replace("{works}", e.plannedCells())
                    : t.get("matrix.m.recheck") + ": " + t.get("matrix.m.recheck.noplan");
            case OBSERVERS -> t.get("matrix.m.observers") + works(e.flaggedWorks() == null || e.flaggedWorks().isBlank()
                    ? t.officialWorks(e.officialWorks()) : e.flaggedWorks());
            case METHODOLOGICAL_HELP -> t.get("matrix.m.help") + ": " + String.join("; ", e.weakSpots().stream()
                    .map(w -> weakSpot(w, t)).toList());
            case JOURNAL_POLICY -> t.get("matrix.m.journal");
        };
    }

    /** «Математика, 4 кл., задание 7: решили 21% (регион 48%)». */
    static String weakSpot(WeakSpot w, ReportText t) {
        return new ReasonText(t.langCode()).work(w.subject(), w.grade()) + ", " + t.get("matrix.task") + " " + w.task() + ": "
                + t.get("matrix.solved") + " " + t.percent(w.solveRate()) + " (" + t.get("legend.region") + " "
                + t.percent(w.regionRate()) + ")";
    }

    private static String works(String works) {
        return works == null || works.isBlank() ? "" : " (" + works + ")";
    }
}
