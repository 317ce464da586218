package org.vprobjectivity.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.io.ConfigFile;
import org.vprobjectivity.report.DecisionMatrix.Decision;
import org.vprobjectivity.report.DecisionMatrix.Evidence;
import org.vprobjectivity.report.DecisionMatrix.Measure;
import org.vprobjectivity.report.DecisionMatrix.WeakSpot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule from a school's evidence to its measures, on hand-worked schools, and its configuration checked like the others. */
class DecisionMatrixTest {

    private static final List<WeakSpot> WEAK = List.of(new WeakSpot("MA", 4, "7", 0.21, 0.48), new WeakSpot("MA", 4, "9.2", 0.30, 0.52));

    private static Evidence school(String id, boolean results, boolean journal, double risk, long markers, long planned,
                                   boolean rechecked, boolean confirmed, boolean cleared, List<WeakSpot> weak) {
        return new Evidence("2025-spring", id, "Школа " + id, "Район А", results, journal, risk, results ? "Математика, 4 кл." : null,
                markers, markers > 0 ? "4 MA" : null, planned, planned > 0 ? "Математика, 4 кл." : "", rechecked, confirmed, cleared, weak);
    }

    /**
     * Hand-worked with the defaults (re-check from 1 official marker, observers from risk 3 or 2 markers, 3 weak spots,
     * journal check on):
     * A: our results sign, risk 4.2, 10 works planned, 2 weak spots → re-check, observers (4.2 ≥ 3), help.
     * B: inflated journal marks only, risk 2 → journal policy only.
     * C: 1 official marker, no plan → re-check only (1 < 2 markers for observers; no weak spot).
     * D: results sign, risk 1.5, re-checked and confirmed → no second re-check; observers (confirmed).
     * E: re-check cleared its only sign, no marker → not on the matrix.
     * F: results sign, risk 2.9, 2 official markers → re-check, observers (by the markers, not the risk).
     */
    @Test
    void measuresOfHandWorkedSchools() {
        List<Evidence> schools = List.of(
                school("A", true, false, 4.2, 0, 10, false, false, false, WEAK),
                school("B", false, true, 2.0, 0, 0, false, false, false, List.of()),
                school("C", false, false, Double.NaN, 1, 0, false, false, false, List.of()),
                school("D", true, false, 1.5, 0, 10, true, true, false, List.of()),
                school("E", false, false, 0.3, 0, 10, true, false, true, WEAK),
                school("F", true, false, 2.9, 2, 0, false, false, false, List.of()));
        List<Decision> matrix = DecisionMatrix.decide(schools, new MeasureConfig());
        assertThat(matrix).extracting(d -> d.evidence().schoolId()).containsExactly("A", "B", "C", "D", "F");
        assertThat(matrix.get(0).measures()).containsExactly(Measure.RECHECK, Measure.OBSERVERS, Measure.METHODOLOGICAL_HELP);
        assertThat(matrix.get(1).measures()).containsExactly(Measure.JOURNAL_POLICY);
        assertThat(matrix.get(2).measures()).containsExactly(Measure.RECHECK);
        assertThat(matrix.get(3).measures()).containsExactly(Measure.OBSERVERS);
        assertThat(matrix.get(4).measures()).containsExactly(Measure.RECHECK, Measure.OBSERVERS);
    }

    @Test
    void theRuleComesFromTheConfiguration() {
        MeasureConfig rule = new MeasureConfig();
        rule.recheckMinOfficialMarkers = 0; // official markers alone never ask for a re-check
        rule.observersMinRisk = 5;
        rule.helpWeakSpots = 0;
        rule.journalCheck = false;
        Evidence a = school("A", true, false, 4.2, 0, 10, false, false, false, WEAK);
        Evidence b = school("B", false, true, 2.0, 0, 0, false, false, false, List.of());
        Evidence c = school("C", false, false, Double.NaN, 1, 0, false, false, false, List.of());
        assertThat(DecisionMatrix.measures(a, rule)).containsExactly(Measure.RECHECK);
        assertThat(DecisionMatrix.measures(b, rule)).isEmpty();
        assertThat(DecisionMatrix.measures(c, rule)).isEmpty();
        rule.observersMinRisk = 4.2; // the bound itself counts
        assertThat(DecisionMatrix.measures(a, rule)).containsExactly(Measure.RECHECK, Measure.OBSERVERS);
    }

    @Test
    void measuresInWordsNameTheWorksAndTheWeakSpots() {
        Evidence a = school("A", true, false, 4.2, 0, 10, false, false, false, WEAK);
        Decision d = DecisionMatrix.decide(List.of(a), new MeasureConfig()).get(0);
        ReportText ru = new ReportText("ru");
        assertThat(MeasureText.measures(d, ru)).containsExactly(
                "Перепроверка работ: 10 работ по плану перепроверки (Математика, 4 кл.; коды работ в recheck/plan)",
                "Независимые наблюдатели на следующей ВПР (Математика, 4 кл.)",
                "Адресная методическая помощь по дефицитам: Математика, 4 кл., задание 7: решили 21% (регион 48%); "
                        + "Математика, 4 кл., задание 9.2: решили 30% (регион 52%)");
        assertThat(MeasureText.evidence(a, ru)).containsExactly("признаки необъективности результатов (наш метод) (Математика, 4 кл.)");
        Evidence c = school("C", false, false, Double.NaN, 1, 0, false, false, false, List.of());
        assertThat(MeasureText.measure(Measure.RECHECK, c, ru)).contains("в плане перепроверки работ школы нет");
        assertThat(MeasureText.evidence(c, ru)).containsExactly("маркеры ФИОКО: 1 (4 МА)");
        Evidence open = school("G", true, false, 4.2, 0, 10, true, false, false, List.of());
        assertThat(MeasureText.evidence(open, ru)).endsWith("работы перепроверены: расхождение не подтверждено, но и не снято");
        assertThat(DecisionMatrix.measures(open, new MeasureConfig())).containsExactly(Measure.OBSERVERS);
        assertThat(MeasureText.measure(Measure.OBSERVERS, c, new ReportText("en")))
                .isEqualTo("Independent observers at the next session (4 MA)");
    }

    @Test
    void theMeasuresSectionIsCheckedLikeTheOthers(@TempDir Path dir) throws Exception {
        Map<String, Class<?>> sections = org.vprobjectivity.run.AnalysisConfig.SECTIONS;
        Path file = dir.resolve("c.json");
        for (String[] bad : new String[][]{
                {"{\"measures\": {\"observers_min_risc\": 3}}", "measures.observers_min_risc"},
                {"{\"measures\": {\"help_weak_spots\": 21}}", "measures.help_weak_spots"},
                {"{\"measures\": {\"observers_min_risk\": -1}}", "measures.observers_min_risk"},
                {"{\"measures\": {\"journal_check\": \"yes\"}}", "measures.journal_check"},
                {"{\"measures\": {\"recheck_min_official_markers\": 1.5}}", "measures.recheck_min_official_markers"}}) {
            Files.writeString(file, bad[0]);
            assertThatThrownBy(() -> ConfigFile.check(file, sections, v -> {
                if (v instanceof MeasureConfig m) {
                    m.validate();
                }
            })).as(bad[0]).isInstanceOfSatisfying(ConfigFile.Problem.class, p -> assertThat(p.field).isEqualTo(bad[1]));
        }
        Files.writeString(file, "{\"measures\": {\"observers_min_risk\": 2.5, \"journal_check\": false}}");
        MeasureConfig read = org.vprobjectivity.run.AnalysisConfig.load(file).measures();
        assertThat(read.observersMinRisk).isEqualTo(2.5);
        assertThat(read.journalCheck).isFalse();
        assertThat(read.helpWeakSpots).isEqualTo(3);
    }
}
