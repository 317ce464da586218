package org.vprobjectivity.report;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.flags.ListOverlap;
import org.vprobjectivity.report.HistoryView.MunicipalRow;
import org.vprobjectivity.report.HistoryView.OverlapRow;
import org.vprobjectivity.report.HistoryView.TrendPoint;
import org.vprobjectivity.report.HistoryView.WorkTrend;
import org.vprobjectivity.report.ReportData.SchoolEntry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report over two sessions, from hand-made data: persistence in the list, a school's works over the sessions, the
 * objectivity index per municipality beside our list, the lists' overlap; and a one-session output that stays as it was.
 */
class HistoryReportTest {

    private static final String EARLIER = "2024-spring";
    private static final String LATER = "2025-spring";

    private static SchoolEntry school(String session, String id, String municipality, int rank, boolean flagged, long official,
                                      int inRow, int officialInRow) {
        return new SchoolEntry(session, "22", id, "Школа " + id, municipality, null, rank, 5.0 - rank, flagged,
                flagged ? "Математика, 4 кл." : null, List.of("Математика, 4 кл.: признак школы " + id), official,
                official > 0 ? "4 MA" : null, flagged ? (official > 0 ? "both" : "ours_only") : (official > 0 ? "official_only" : "neither"),
                null, inRow, officialInRow);
    }

    private static HistoryView history() {
        WorkTrend ma4 = new WorkTrend("MA", 4, List.of(
                new TrendPoint(EARLIER, 20, 55.0, 50.0, 0.6, 0.5, true, List.of(1)),
                new TrendPoint(LATER, 22, 72.5, 52.0, 0.8, 0.52, true, List.of())));
        WorkTrend ru6 = new WorkTrend("RU", 6, List.of(new TrendPoint(LATER, 18, 61.0, 58.0, 0.5, 0.45, false, null)));
        Map<String, Long> counts = new LinkedHashMap<>();
        long[] values = {30, 31, 28, 1, 2, 1, 3, 4, 5, 1};
        for (int i = 0; i < values.length; i++) {
            counts.put(ListOverlap.COUNTS.get(i), values[i]);
        }
        return new HistoryView(List.of(EARLIER, LATER), Map.of("s1", List.of(ma4, ru6)), List.of(
                new MunicipalRow(EARLIER, "22", "01", "Район А", 8, 2, 75.0, 1, false),
                new MunicipalRow(LATER, "22", "01", "Район А", 8, 3, 62.5, 2, false),
                new MunicipalRow(EARLIER, "22", "02", "Район Б", 0, 0, Double.NaN, 0, false),
                new MunicipalRow(EARLIER, "22", null, null, 8, 2, 75.0, 1, true),
                new MunicipalRow(LATER, "22", null, null, 8, 3, 62.5, 2, true)),
                List.of(new OverlapRow(LATER, EARLIER, "22", counts)));
    }

    private static ReportData twoSessions() {
        // as ReportData orders them: the latest session first, each in rank order
        List<SchoolEntry> schools = List.of(
                school(LATER, "s1", "Район А", 1, true, 1, 2, 1),
                school(LATER, "s2", "Район А", 2, true, 2, 1, 2),
                school(LATER, "s3", "Район А", 3, false, 0, 0, 0),
                school(EARLIER, "s1", "Район А", 1, true, 1, 1, 1),
                school(EARLIER, "s2", "Район А", 2, false, 1, 0, 1));
        return new ReportData(schools, Map.of(), List.of(), RecheckView.NONE, List.of(), history());
    }

    @Test
    void theListShowsTheSessionsInARowAndTheLatestSessionFirst() {
        String html = HtmlReport.index(twoSessions(), new ReportText("ru"));
        String list = html.substring(html.indexOf("<table id=\"schools\">"), html.indexOf("</table>", html.indexOf("<table id=\"schools\">")));
        assertThat(list).contains("<th>Сессия</th>").contains("<th>Сессий подряд (наш метод / ФИОКО)</th>");
        List<String> inRow = cells(list, "num in-row");
        assertThat(inRow).containsExactly("2 / 1", "1 / 2", "1 / 1"); // s1 and s2 of 2025, then s1 of 2024
        assertThat(list.indexOf("весна 2025")).isLessThan(list.indexOf("весна 2024"));
        // the place counts within each session: 1, 2 in 2025, 1 in 2024
        assertThat(rows(list).stream().map(r -> r.get(0))).containsExactly("1", "2", "1");
        // the figures are the latest session's: 3 schools, 2 flagged, 2 with markers, 2 on both lists
        assertThat(html).contains("Сессия<br><b>весна 2025</b>").contains("Школ с работами<br><b>3</b>")
                .contains("Школ с признаками (наш метод)<br><b>2</b>").contains("В обоих списках<br><b>2</b>")
                .contains("id=\"several-sessions\"");
        assertThat(HtmlReport.index(twoSessions(), new ReportText("en"))).contains("<th>Sessions in a row (ours / FIOKO)</th>");
    }

    @Test
    void theIndexHasTheObjectivityIndexPerMunicipalityBesideOursAndTheListsOverlap() {
        String html = HtmlReport.index(twoSessions(), new ReportText("ru"));
        String municipal = table(html, "municipal");
        assertThat(rows(municipal)).containsExactly(
                List.of("Район А", "весна 2024", "8", "2", "75,0", "1"),
                List.of("Район А", "весна 2025", "8", "3", "62,5", "2"),
                List.of("Район Б", "весна 2024", "0", "0", "—", "0"),
                List.of("Регион в целом", "весна 2024", "8", "2", "75,0", "1"),
                List.of("Регион в целом", "весна 2025", "8", "3", "62,5", "2"));
        assertThat(municipal).contains("data-municipality=\"Район Б\"").contains("class=\"region-total\"");
        String overlap = table(html, "overlap");
        assertThat(rows(overlap)).containsExactly(
                List.of("весна 2024 → весна 2025", "Алтайский край (22)", "28", "1", "2", "1", "3", "4", "5", "1"));
        assertThat(html).contains("Списки от сессии к сессии");
    }

    @Test
    void aSchoolPageDrawsEachWorkOverTheSessionsWithTheRegionOurFlagAndTheMarkers() {
        ReportData d = twoSessions();
        String page = HtmlReport.school(d.schools().get(0), List.of(), null, d.history(), new ReportText("ru"));
        String section = page.substring(page.indexOf("<section id=\"history\">"));
        assertThat(count(section, "<svg class=\"chart trend\"")).isEqualTo(2);
        assertThat(section).contains("<h3>Математика, 4 кл.</h3>").contains("<h3>Русский язык, 6 кл.</h3>");
        String ma = section.substring(0, section.indexOf("<h3>Русский язык"));
        // two sessions on the axis; both points of the mean ringed (flagged in both); marker 1 in 2024
        assertThat(ma).contains(">весна 2024</text>").contains(">весна 2025</text>");
        assertThat(count(ma, "class=\"flagged\"")).isEqualTo(2);
        assertThat(ma).contains(">признаки · ФИОКО: 1</text>");
        // the mean of 2025 (72.5%) is drawn at 72.5% of the plot's height (172): y = 44 + 172·(1 − 0.725)
        Matcher m = Pattern.compile("<circle cx=\"[0-9.]+\" cy=\"([0-9.]+)\" r=\"3\"[^>]*><title>весна 2025: 73% / 52%").matcher(ma);
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(44 + 172 * (1 - 0.725), within(0.05));
        assertThat(rows(ma.substring(ma.indexOf("<table class=\"trend\">")))).containsExactly(
                List.of("весна 2024", "20", "55,0 (50,0)", "60% (50%)", "да", "маркеры 1"),
                List.of("весна 2025", "22", "72,5 (52,0)", "80% (52%)", "да", "нет"));
        String ru = section.substring(section.indexOf("<h3>Русский язык"));
        // written in 2025 only: one point per series, the 2024 gap left empty; not an official work
        assertThat(count(ru, "r=\"3\"")).isEqualTo(2);
        assertThat(ru).contains("не входит в список ФИОКО").doesNotContain("class=\"flagged\"");
    }

    @Test
    void aOneSessionOutputSaysThereIsNoHistoryYetAndHasNoOverlap() {
        HistoryView one = new HistoryView(List.of(LATER), Map.of(), List.of(
                new MunicipalRow(LATER, "22", "01", "Район А", 8, 3, 62.5, 2, false),
                new MunicipalRow(LATER, "22", null, null, 8, 3, 62.5, 2, true)), List.of());
        ReportData d = new ReportData(List.of(school(LATER, "s1", "Район А", 1, true, 1, 1, 1)), Map.of(), List.of(),
                RecheckView.NONE, List.of(), one);
        String html = HtmlReport.index(d, new ReportText("ru"));
        assertThat(html).doesNotContain("id=\"overlap\"").doesNotContain("id=\"several-sessions\"").contains("id=\"municipal\"");
        assertThat(table(html, "schools")).doesNotContain("<th>Сессия</th>").contains("<td class=\"num in-row\" data-sort=\"101\">1 / 1</td>");
        String page = HtmlReport.school(d.schools().get(0), List.of(), null, one, new ReportText("ru"));
        assertThat(page).contains("id=\"no-history\"").contains("Истории по сессиям пока нет").doesNotContain("chart trend");
    }

    @Test
    void theWorkbookHasTheMunicipalitiesAndTheOverlapAsSheets() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FlaggedSchoolsXlsx.write(twoSessions(), new ReportText("ru"), bytes);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet list = wb.getSheet("Школы с признаками");
            assertThat(list.getRow(1).getCell(9).getStringCellValue()).isEqualTo("весна 2025");
            assertThat(list.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(2.0);
            assertThat(list.getRow(2).getCell(11).getNumericCellValue()).isEqualTo(2.0);
            Sheet municipal = wb.getSheet("Муниципалитеты");
            assertThat(municipal.getLastRowNum()).isEqualTo(5);
            assertThat(municipal.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(62.5);
            assertThat(municipal.getRow(3).getCell(4)).isNull(); // no official works: no index
            assertThat(municipal.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Регион в целом");
            assertThat(municipal.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(2.0);
            Sheet overlap = wb.getSheet("Списки по сессиям");
            assertThat(overlap.getRow(1).getCell(0).getStringCellValue()).isEqualTo("весна 2024 → весна 2025");
            List<Double> counts = new ArrayList<>();
            for (int c = 2; c < 10; c++) {
                counts.add(overlap.getRow(1).getCell(c).getNumericCellValue());
            }
            assertThat(counts).containsExactly(28.0, 1.0, 2.0, 1.0, 3.0, 4.0, 5.0, 1.0);
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA))));
        }
    }

    /** The table with this id. */
    private static String table(String html, String id) {
        int start = html.indexOf("<table id=\"" + id + "\">");
        assertThat(start).as(id).isNotNegative();
        return html.substring(start, html.indexOf("</table>", start));
    }

    /** The text of each body row's cells, tags removed. */
    static List<List<String>> rows(String table) {
        List<List<String>> out = new ArrayList<>();
        String body = table.substring(table.indexOf("<tbody>"));
        body = body.substring(0, body.contains("</tbody>") ? body.indexOf("</tbody>") : body.length());
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>").matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", ""));
            }
            out.add(cells);
        }
        return out;
    }

    private static List<String> cells(String html, String cssClass) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"" + Pattern.quote(cssClass) + "\"[^>]*>(.*?)</td>").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
