package org.vprobjectivity.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.report.RecheckView.PlannedWorks;
import org.vprobjectivity.report.RecheckView.SchoolRow;
import org.vprobjectivity.report.RecheckView.StratumRow;
import org.vprobjectivity.report.RecheckView.TaskRow;
import org.vprobjectivity.report.ReportData.SchoolEntry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report's re-check section, school page rows, the commission's summary workbook and the decision matrix sheet,
 * from a hand-made re-check: two targeted schools (s1 confirmed, s2 cleared) and two control schools.
 */
class RecheckReportTest {

    private static final String S = "2025-spring";

    private static SchoolRow row(String id, String subject, String stratum, long works, double changed, double diff, long lowered,
                                 double p, boolean confirmed, boolean cleared) {
        return new SchoolRow(S, id, "Район А", subject, 4, stratum, works, changed, 1 - changed, diff, lowered, 0, 0.7, 20, 0.2, p,
                confirmed, cleared);
    }

    /**
     * Targeted: s1 10 works, 6 marks changed, +3.4 points; s2 6 works, none changed, 0 points. Control: c1 and c2 10 works
     * each, 1 mark changed in all, +0.2 points. By hand: targeted 16 works, 6/16 = 37.5% changed (shown 38%), mean
     * (34 + 0)/16 = +2.125 → «+2,1»; control 20 works, 1/20 = 5%, +0.2; difference +1.925 → «+1,9».
     */
    static RecheckView view() {
        return new RecheckView(true, true, List.of(
                row("s1", "MA", "targeted", 10, 0.6, 3.4, 7, 0.001, true, false),
                row("s2", "RU", "targeted", 6, 0.0, 0.0, 0, 0.9, false, true),
                row("c1", "MA", "control", 10, 0.1, 0.2, 2, 0.5, false, false),
                row("c2", "RU", "control", 10, 0.0, 0.2, 2, 0.5, false, false)),
                List.of(new TaskRow(S, "MA", 4, "targeted", 6, "7", 2, 10, 0.55, 0.8, 0.41)),
                List.of(new StratumRow("targeted", "Район А", S, "MA", 4, 1, 10), new StratumRow("control", "Район А", S, "MA", 4, 1, 10)),
                Map.of(S + "|s1", new PlannedWorks(10, List.of("Математика, 4 кл."))));
    }

    private static SchoolEntry entry(String id, String name, boolean flagged) {
        return new SchoolEntry(S, "22", id, name, "Район А", null, 1, 4.2, flagged, flagged ? "Математика, 4 кл." : null,
                List.of(), 0, null, flagged ? "ours_only" : "neither", null);
    }

    private static ReportData data(RecheckView recheck) {
        List<SchoolEntry> schools = List.of(entry("s1", "Лицей №1", true), entry("s2", "=HYPERLINK(\"http://x\")", false),
                entry("c1", "СОШ №5", false));
        DecisionMatrix.Evidence e = new DecisionMatrix.Evidence(S, "s1", "Лицей №1", "Район А", true, false, 4.2, "Математика, 4 кл.",
                0, null, 10, "Математика, 4 кл.", true, true, false, List.of(new DecisionMatrix.WeakSpot("MA", 4, "7", 0.21, 0.48)));
        return new ReportData(schools, Map.of(), List.of(), recheck, DecisionMatrix.decide(List.of(e), new MeasureConfig()));
    }

    @Test
    void indexShowsWhatWasRecheckedWhatChangedAndWhichSignsWereConfirmedOrCleared() {
        String html = HtmlReport.index(data(view()), new ReportText("ru"));
        assertThat(html).contains("Школ перепроверено (целевая группа)<br><b>2</b>").contains("Работ (целевая группа)<br><b>16</b>")
                .contains("Школ в контрольной группе<br><b>2</b>").contains("Работ (контрольная группа)<br><b>20</b>");
        String groups = section(html, "<table id=\"recheck-groups\">");
        assertThat(groups).contains("<td>целевая</td><td class=\"num\">2</td><td class=\"num\">16</td><td class=\"num\">38%</td>"
                + "<td class=\"num\">+2,1</td>").contains("<td>контрольная</td><td class=\"num\">2</td><td class=\"num\">20</td>"
                + "<td class=\"num\">5%</td><td class=\"num\">+0,2</td>");
        assertThat(html).contains("целевая группа +2,1, контрольная группа +0,2, разница между группами +1,9");
        String confirmed = section(html, "<table id=\"recheck-confirmed\">");
        assertThat(confirmed).contains("Лицей №1").contains("Математика, 4 кл.").contains("6 из 10").contains("+3,4")
                .doesNotContain("s2");
        String cleared = section(html, "<table id=\"recheck-cleared\">");
        assertThat(cleared).contains("=HYPERLINK(&quot;http://x&quot;)").contains("Русский язык, 4 кл.").contains("0 из 6")
                .doesNotContain("Лицей");
        assertThat(html).doesNotContain("id=\"no-recheck\"");
        assertThat(html.substring(html.indexOf("id=\"recheck-title\""))).contains("признак").doesNotContain("нарушени");
        String en = HtmlReport.index(data(view()), new ReportText("en"));
        assertThat(en).contains("Schools re-checked (targeted)<br><b>2</b>").contains("targeted +2.1, control +0.2")
                .contains("Signs the re-check confirmed");
    }

    @Test
    void withoutARecheckTheIndexSaysSoInOneLineAndHowToProduceOne() {
        String html = HtmlReport.index(data(RecheckView.NONE), new ReportText("ru"));
        String line = html.substring(html.indexOf("<p id=\"no-recheck\">"));
        line = line.substring(0, line.indexOf("</p>"));
        assertThat(line).contains("Результаты перепроверки не загружены").contains("recheck plan").contains("recheck read");
        assertThat(html).doesNotContain("recheck-groups");
        assertThat(HtmlReport.index(data(RecheckView.NONE), new ReportText("en"))).contains("No re-check results are loaded");
        RecheckView planOnly = new RecheckView(false, true, List.of(), List.of(), List.of(),
                Map.of(S + "|s1", new PlannedWorks(10, List.of("Математика, 4 кл."))));
        assertThat(HtmlReport.index(data(planOnly), new ReportText("ru"))).contains("План перепроверки составлен (10 работ)");
        // school pages: no re-check section without a re-check
        assertThat(HtmlReport.school(entry("s1", "Лицей №1", true), List.of(), null, new ReportText("ru"))).doesNotContain("id=\"recheck\"");
    }

    @Test
    void aSchoolPageShowsItsOwnRecheckRows() {
        RecheckView v = view();
        String page = HtmlReport.school(entry("s1", "Лицей №1", true), List.of(), v.of(S, "s1"), new ReportText("ru"));
        String section = page.substring(page.indexOf("id=\"recheck\""));
        assertThat(section).contains("Математика, 4 кл.").contains("целевая").contains("6 из 10").contains("+3,4").contains("+0,2")
                .contains("расхождение подтверждено").doesNotContain("Русский язык");
        String none = HtmlReport.school(entry("c9", "СОШ", true), List.of(), v.of(S, "c9"), new ReportText("ru"));
        assertThat(none).contains("Работы школы не перепроверялись.");
    }

    @Test
    void theMatrixIsASectionOfTheIndex() {
        String html = HtmlReport.index(data(view()), new ReportText("ru"));
        String matrix = section(html, "<table id=\"matrix\">");
        assertThat(matrix).contains("Лицей №1").contains("перепроверка подтвердила расхождение")
                .contains("Независимые наблюдатели на следующей ВПР").contains("задание 7: решили 21% (регион 48%)")
                .doesNotContain("Перепроверка работ:"); // its works were re-checked already
        assertThat(HtmlReport.index(new ReportData(List.of(), Map.of()), new ReportText("ru"))).contains("id=\"no-matrix\"");
    }

    @Test
    void theSummaryWorkbookHasSchoolsTasksAndStrataFormattedLikeTheOthers() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportData d = data(view());
        RecheckSummaryXlsx.write(d.recheck(), d.schoolNames(), new ReportText("ru"), bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2))).containsExactly("По школам", "По заданиям", "Выборка");
            Sheet schools = wb.getSheet("По школам");
            assertThat(schools.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Доля работ с изменённой отметкой");
            assertThat(schools.getLastRowNum()).isEqualTo(4);
            Row s1 = schools.getRow(1);
            assertThat(s1.getCell(1).getStringCellValue()).isEqualTo("s1");
            assertThat(s1.getCell(2).getStringCellValue()).isEqualTo("Лицей №1");
            assertThat(s1.getCell(3).getStringCellValue()).isEqualTo("Математика");
            assertThat(s1.getCell(5).getStringCellValue()).isEqualTo("целевая");
            assertThat(s1.getCell(6).getNumericCellValue()).isEqualTo(10);
            assertThat(s1.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(s1.getCell(7).getNumericCellValue()).isCloseTo(0.6, within(1e-12));
            assertThat(s1.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(s1.getCell(8).getNumericCellValue()).isCloseTo(0.4, within(1e-12));
            assertThat(s1.getCell(15).getCellStyle().getDataFormatString()).isEqualTo("0.000");
            assertThat(s1.getCell(16).getStringCellValue()).isEqualTo("да");
            Row s2 = schools.getRow(2);
            assertThat(s2.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s2.getCell(2).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(s2.getCell(17).getStringCellValue()).isEqualTo("да");
            assertThat(schools.getRow(3).getCell(17).getStringCellValue()).isEmpty(); // control rows are never "cleared"
            Sheet tasks = wb.getSheet("По заданиям");
            assertThat(tasks.getRow(1).getCell(3).getStringCellValue()).isEqualTo("7");
            assertThat(tasks.getRow(1).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(wb.getSheet("Выборка").getRow(2).getCell(0).getStringCellValue()).isEqualTo("контрольная");
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void theDistrictHeadsWorkbookHasTheMatrixAsASheet() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FlaggedSchoolsXlsx.write(data(view()), new ReportText("ru"), bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet m = wb.getSheet("Матрица решений");
            assertThat(m.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Перепроверка работ");
            Row s1 = m.getRow(1);
            assertThat(s1.getCell(1).getStringCellValue()).isEqualTo("s1");
            assertThat(s1.getCell(5).getStringCellValue()).isEmpty();
            assertThat(s1.getCell(6).getStringCellValue()).startsWith("Независимые наблюдатели");
            assertThat(s1.getCell(7).getStringCellValue()).contains("задание 7");
            assertThat(s1.getCell(8).getStringCellValue()).isEmpty();
        }
    }

    /** The table that starts at {@code start}, up to its end. */
    private static String section(String html, String start) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from, html.indexOf("</table>", from));
    }
}
