package org.vprobjectivity.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.report.ReportData.CellView;
import org.vprobjectivity.report.ReportData.SchoolEntry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The report's pages and workbook from hand-made report data: what is listed, escaped, drawn and never a formula. */
class HtmlReportTest {

    /** Official works as {@code flags/schools} writes them: Latin subject codes («4 MA»). */
    private static SchoolEntry school(String id, String name, String municipality, int rank, double risk, boolean flagged,
                                      long official) {
        return new SchoolEntry("2025-spring", "22", id, name, municipality, null, rank, risk, flagged, "Математика, 4 кл.",
                List.of("Математика, 4 кл.: причина школы " + id + ", p < 0,001"), official, official > 0 ? "4 MA" : null,
                flagged ? (official > 0 ? "both" : "ours_only") : (official > 0 ? "official_only" : "neither"),
                flagged || official == 0 ? null
                        : "Математика, 4 кл.: средний балл выше региона (14,2 при 11,0), но отметки подтверждаются журналом "
                        + "(повысили 8%, по региону 6%), независимых признаков не найдено");
    }

    private static CellView cell(String id, double lowered) {
        Map<Integer, Long> school = new TreeMap<>(Map.of(5, 2L, 6, 2L));
        Map<Integer, Long> region = new TreeMap<>(Map.of(4, 10L, 5, 20L, 6, 10L, 12, 10L));
        return new CellView("2025-spring", id, "MA", 4, List.of("Математика, 4 кл.: всплеск на границе отметки «3»"),
                new double[]{lowered, 0.5, 0.5 - lowered}, new double[]{0.3, 0.6, 0.1}, new TreeMap<>(Map.of(3, 6, 4, 11, 5, 16)),
                20, school, region, List.of("1", "2", "3"), new double[]{0.9, Double.NaN, 0.4}, new double[]{0.8, 0.6, 0.3},
                4, true, List.of(new ReportData.ClassSize("А", 3, true), new ReportData.ClassSize(null, 1, true)));
    }

    private static ReportData data() {
        List<SchoolEntry> schools = List.of(
                school("s1", "МБОУ \"СОШ №1\" <b>", "Район А", 1, 12.34, true, 0),
                school("s2", "=HYPERLINK(\"http://x\")", "Район Б", 2, 4.5, true, 2),
                school("s3", "Гимназия", "Район А", 3, 0.7, false, 1));
        return new ReportData(schools, Map.of("s1", List.of(cell("s1", 0.2)), "s2", List.of(cell("s2", Double.NaN))));
    }

    @Test
    void indexListsFlaggedSchoolsInRankOrderEscapedWithAFilterPerMunicipality() {
        String html = HtmlReport.index(data(), new ReportText("ru"));
        String list = html.substring(html.indexOf("<table id=\"schools\">"), html.indexOf("<table id=\"official-only\">"));
        assertThat(count(list, "<tr data-municipality=")).isEqualTo(2);
        assertThat(html.indexOf("schools/s1.html")).isLessThan(html.indexOf("schools/s2.html")).isPositive();
        assertThat(html).doesNotContain("schools/s3.html");
        assertThat(html).contains("МБОУ &quot;СОШ №1&quot; &lt;b&gt;").doesNotContain("<b>\"");
        assertThat(html).contains("<option>Район А</option>").contains("<option>Район Б</option>");
        assertThat(html).contains("12,3").contains("2 (4 МА)");
        // the facts: 3 schools with works, 2 with our signs, 2 with markers, 1 on both lists
        assertThat(html).contains("Школ с работами<br><b>3</b>").contains("Школ с признаками (наш метод)<br><b>2</b>")
                .contains("Школ с маркерами ФИОКО<br><b>2</b>").contains("В обоих списках<br><b>1</b>");
        assertThat(html).contains("признаки необъективности").doesNotContain("нарушение ");
    }

    /** Issue 17: the whole official list on one page, the schools marked only by FIOKO with why we do not flag them. */
    @Test
    void indexListsTheSchoolsMarkedOnlyByTheOfficialMarkersWithWhyWeDoNotFlagThem() {
        String html = HtmlReport.index(data(), new ReportText("ru"));
        String section = html.substring(html.indexOf("<table id=\"official-only\">"));
        section = section.substring(0, section.indexOf("</table>"));
        assertThat(count(section, "<tr data-municipality=")).isEqualTo(1);
        assertThat(section).contains("Гимназия").contains("s3").contains("4 МА")
                .contains("средний балл выше региона, но отметки подтверждаются журналом, независимых признаков не найдено")
                .doesNotContain("schools/s1").doesNotContain("schools/s2");
        assertThat(html).contains("Школы только с маркерами ФИОКО");
        // the statistics stay reachable (the cell's title), not in the list's words
        assertThat(section).contains("title=\"Математика, 4 кл.: средний балл выше региона (14,2 при 11,0)");
        assertThat(section.substring(section.indexOf("<ul"))).doesNotContain("14,2");

        ReportData none = new ReportData(List.of(school("s3", "Гимназия", "Район А", 1, 0.7, false, 1)), Map.of());
        assertThat(HtmlReport.index(none, new ReportText("ru"))).contains("id=\"no-schools\"").contains("id=\"official-only\"");
    }

    /** Issue 17: «весна 2025», the region's name, FIOKO work labels in Cyrillic. */
    @Test
    void sessionRegionAndOfficialWorksInWords() {
        String html = HtmlReport.index(data(), new ReportText("ru"));
        assertThat(html).contains("Сессия<br><b>весна 2025</b>").contains("Регион<br><b>Алтайский край (22)</b>")
                .contains("2 (4 МА)").doesNotContain("2025-spring").doesNotContain("4 MA");
        String en = HtmlReport.index(data(), new ReportText("en"));
        assertThat(en).contains("Session<br><b>spring 2025</b>").contains("2 (4 MA)");
        assertThat(new ReportText("ru").region("99")).isEqualTo("99");
        assertThat(new ReportText("ru").session("2024-autumn")).isEqualTo("осень 2024");
    }

    /** Issue 17: the list gives the signs in plain words; the school page keeps the numbers behind them. */
    @Test
    void theListGivesReasonsInPlainWordsAndTheSchoolPageTheStatistics() {
        String reason = "Математика, 4 кл.: повысили отметку по сравнению с журналом 45% участников (регион 12%), p < 0,001";
        SchoolEntry s = new SchoolEntry("2025-spring", "22", "s9", "Школа", "Район А", null, 1, 5.0, true, "Математика, 4 кл.",
                List.of(reason), 0, null, "ours_only", null);
        CellView c = cell("s9", 0.1);
        c = new CellView(c.session(), c.schoolId(), c.subject(), c.grade(), List.of(reason), c.journalSchool(), c.journalRegion(),
                c.cuts(), c.maxScore(), c.histogram(), c.regionHistogram(), c.tasks(), c.taskSchool(), c.taskRegion(), c.works(),
                c.smallCell(), c.classes());
        String index = HtmlReport.index(new ReportData(List.of(s), Map.of("s9", List.of(c))), new ReportText("ru"));
        assertThat(index).contains("<li>Математика, 4 кл.: повысили отметку по сравнению с журналом 45% участников</li>")
                .doesNotContain("p &lt; 0,001").doesNotContain("регион 12%");
        String page = HtmlReport.school(s, List.of(c), new ReportText("ru"));
        assertThat(page).contains("(регион 12%), p &lt; 0,001");
    }

    /** Issue 17: the school page states the works and says which classes are too small for share-based signs. */
    @Test
    void schoolPageStatesTheWorksAndTheClassesTooSmallForShares() {
        ReportData d = data();
        String page = HtmlReport.school(d.schools().get(0), d.cellsBySchool().get("s1"), new ReportText("ru"));
        assertThat(page).contains("<p class=\"works\">Работ: 4</p>")
                .contains("Работ меньше, чем нужно для признаков по долям")
                .contains("Классы (работ): А: 3, класс не указан: 1")
                .contains("Слишком мало работ для признаков по долям (эти признаки по классу не проверяются): А: 3, класс не указан: 1");
        CellView c = d.cellsBySchool().get("s1").get(0);
        CellView large = new CellView(c.session(), c.schoolId(), c.subject(), c.grade(), c.reasons(), c.journalSchool(),
                c.journalRegion(), c.cuts(), c.maxScore(), c.histogram(), c.regionHistogram(), c.tasks(), c.taskSchool(),
                c.taskRegion(), 40, false, List.of(new ReportData.ClassSize("А", 25, false), new ReportData.ClassSize("Б", 15, false)));
        String big = HtmlReport.school(d.schools().get(0), List.of(large), new ReportText("en"));
        assertThat(big).contains("Works: 40").contains("Classes (works): А: 25, Б: 15")
                .doesNotContain("small-cell").doesNotContain("small-classes");
    }

    /** The sentences of flags/ReasonText without their statistics; marks in quotes stay. */
    @Test
    void plainReasonsDropTheStatisticsButKeepWhatIsSeen() {
        assertThat(PlainReasons.plain("Математика, 4 кл.: отметки по журналу выше, чем у учеников региона с такими же результатами "
                + "ВПР: в среднем на 0,64 отметки: признаки завышения текущих отметок, p < 0,001"))
                .isEqualTo("Математика, 4 кл.: отметки по журналу выше, чем у учеников региона с такими же результатами ВПР: "
                        + "признаки завышения текущих отметок");
        assertThat(PlainReasons.plain("Русский язык, 5 кл., класс «Б»: всплеск на границе отметки «4» (18 баллов): 9 работ сразу "
                + "выше неё при ожидаемых 2,1, p = 0,003"))
                .isEqualTo("Русский язык, 5 кл., класс «Б»: всплеск на границе отметки «4»");
        assertThat(PlainReasons.plain("Математика, 5 кл.: 12 работ с одинаковыми баллами по всем заданиям: 17 совпадающих пар "
                + "при ожидаемых 0,8 для учеников такого уровня, p < 0,001"))
                .isEqualTo("Математика, 5 кл.: 12 работ с одинаковыми баллами по всем заданиям");
        assertThat(PlainReasons.plain("Mathematics, grade 4: scores too uniform: SD 2.1 where 3.4 is usual at this mean, p = 0.004"))
                .isEqualTo("Mathematics, grade 4: scores too uniform");
    }

    /** Issue 17: with a teacher mapping the index lists the teachers with signs, by code, for targeted help. */
    @Test
    void indexListsTeachersWithSignsForTargetedHelp() {
        ReportData d = data();
        assertThat(HtmlReport.index(d, new ReportText("ru"))).doesNotContain("id=\"teachers\"");
        ReportData withTeachers = new ReportData(d.schools(), d.cellsBySchool(), List.of(new ReportData.TeacherEntry(
                "2025-spring", "T220001-02", null, "Район А", "Математика, 5 кл.", 6.2,
                List.of("Математика, 5 кл.: 12 работ с одинаковыми баллами по всем заданиям: 17 совпадающих пар при ожидаемых 0,8, p < 0,001"))));
        String html = HtmlReport.index(withTeachers, new ReportText("ru"));
        String section = html.substring(html.indexOf("<table id=\"teachers\">"));
        assertThat(html).contains("Учителя для адресной методической помощи");
        assertThat(section).contains("T220001-02").contains("Математика, 5 кл.: 12 работ с одинаковыми баллами по всем заданиям</li>")
                .contains("6,2").doesNotContain("p &lt;");
        assertThat(html).contains("Учитель (код)").contains("учителя указаны условными кодами");
    }

    /**
     * Issue 17: a run given {@code --include-names} has the names in {@code flags/teachers}: the list shows the name
     * with the code beside it; a teacher without a name in the mapping keeps the code.
     */
    @Test
    void teacherNamesAppearOnlyWhereTheTableHasThem() {
        ReportData d = data();
        ReportData named = new ReportData(d.schools(), d.cellsBySchool(), List.of(
                new ReportData.TeacherEntry("2025-spring", "T220001-02", "Иванова Е. В.", "Район А", "Математика, 5 кл.", 6.2,
                        List.of("Математика, 5 кл.: признак")),
                new ReportData.TeacherEntry("2025-spring", "T220001-03", null, "Район А", "Русский язык, 5 кл.", 4.1,
                        List.of("Русский язык, 5 кл.: признак"))));
        String html = HtmlReport.index(named, new ReportText("ru"));
        String section = html.substring(html.indexOf("<table id=\"teachers\">"));
        assertThat(section).contains("<td>Иванова Е. В. (T220001-02)</td>").contains("<td>T220001-03</td>");
        assertThat(html).contains("<th>Учитель</th>").contains("ФИО показаны, потому что запуск был с --include-names");
    }

    @Test
    void withoutFlaggedSchoolsTheIndexSaysSo() {
        ReportData none = new ReportData(List.of(school("s3", "Гимназия", "Район А", 1, 0.7, false, 1)), Map.of());
        String html = HtmlReport.index(none, new ReportText("en"));
        assertThat(html).contains("id=\"no-schools\"").contains("No school shows signs").doesNotContain("<table id=\"schools\"");
    }

    @Test
    void schoolPageDrawsScoresWithCutsJournalAndTasks() {
        ReportData d = data();
        String page = HtmlReport.school(d.schools().get(0), d.cellsBySchool().get("s1"), new ReportText("ru"));
        assertThat(count(page, "<svg ")).isEqualTo(3);
        assertThat(count(page, "class=\"cut\"")).isEqualTo(3);
        assertThat(page).contains("«3»").contains("«4»").contains("«5»");
        // scores 5 and 6 hold half of the school's works each: the tooltip says so, and the bars reach the top (50%)
        assertThat(page).contains("5 б.: 2 раб. (50%)").contains("6 б.: 2 раб. (50%)");
        assertThat(page).contains("понизили: 20%").contains("подтвердили: 50%").contains("повысили: 30%");
        // one circle per task with a solve rate (task 2 has none)
        assertThat(count(page, "<circle ")).isEqualTo(2);
        assertThat(page).contains("href=\"../index.html\"");

        String withoutJournal = HtmlReport.school(d.schools().get(1), d.cellsBySchool().get("s2"), new ReportText("en"));
        assertThat(count(withoutJournal, "<svg ")).isEqualTo(2);
        assertThat(withoutJournal).contains("Mathematics, grade 4").contains("=HYPERLINK(&quot;http://x&quot;)");
    }

    @Test
    void histogramBarsAreTheSchoolsSharesScaledToTheRoundedTop() {
        String svg = Svg.histogram("t", Map.of(5, 1L, 6, 3L), Map.of(5, 1L), Map.of(), 9, new ReportText("ru"));
        // top = max(0.75 school, 1.0 region) = 1.0; plot height 260 − 44 − 44 = 172: score 6 bar is 0.75·172 high
        List<Double> heights = new ArrayList<>();
        Matcher m = Pattern.compile("<rect [^>]*height=\"([0-9.]+)\" fill=\"" + Svg.SCHOOL_COLOUR + "\"><title>").matcher(svg);
        while (m.find()) {
            heights.add(Double.parseDouble(m.group(1)));
        }
        assertThat(heights).hasSize(10);
        assertThat(heights.get(6)).isCloseTo(0.75 * 172, within(0.05));
        assertThat(heights.get(5)).isCloseTo(0.25 * 172, within(0.05));
        assertThat(heights.get(0)).isZero();
        assertThat(Svg.niceCeiling(0.12)).isCloseTo(0.12, within(1e-12));
        assertThat(Svg.niceCeiling(0.15)).isCloseTo(0.2, within(1e-12));
        assertThat(Svg.niceCeiling(0.27)).isCloseTo(0.4, within(1e-12));
        assertThat(Svg.niceCeiling(0.0)).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void workbookListsTheSameSchoolsAsTextNeverAsFormulas() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FlaggedSchoolsXlsx.write(data(), new ReportText("ru"), bytes);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet sheet = wb.getSheet("Школы с признаками");
            assertThat(sheet).isNotNull();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("Место", "Муниципалитет", "Логин", "Школа", "Тип", "Работы с признаками",
                    "Главные признаки", "Риск", "Маркеры ФИОКО", "Сессия", "Сессий подряд (наш метод)", "Сессий подряд (ФИОКО)");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Cell name = sheet.getRow(2).getCell(3);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(12.3);
            assertThat(sheet.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(2.0);
            // one session: flagged now only; the official markers of this session only
            assertThat(sheet.getRow(2).getCell(10).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(1).getCell(11).getNumericCellValue()).isZero();
            assertThat(sheet.getRow(2).getCell(11).getNumericCellValue()).isEqualTo(1.0);
            sheet.forEach(row -> row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA)));
        }
    }

    @Test
    void fileNamesKeepOnlySafeCharacters() {
        assertThat(HtmlReport.fileName("sch220008")).isEqualTo("sch220008");
        assertThat(HtmlReport.fileName("../edu 1/x")).isEqualTo("___edu_1_x");
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
