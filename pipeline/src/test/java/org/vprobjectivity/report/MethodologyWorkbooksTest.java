package org.vprobjectivity.report;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.io.OutputLayout;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The methodologists' workbooks from tiny hand-made output tables: one workbook per school and per municipality, one
 * unit per sheet (a work of a session at one level: tasks, classes, schools, teachers, indicators), rows sorted by mark
 * group and task, a teacher of one school in that school's workbook and every teacher in the municipality's, teachers
 * by code unless the table has their names, booleans and reasons as words, never a formula.
 */
class MethodologyWorkbooksTest {

    private final SparkSession spark = SparkTestSession.get();

    private void table(Path out, String name, String... jsonRows) {
        spark.read().json(spark.createDataset(List.of(jsonRows), Encoders.STRING()))
                .write().parquet(out.resolve(name).toString());
    }

    private static final String WORK = "\"session\":\"2025-spring\",\"region\":\"22\",\"subject\":\"MA\",\"grade\":4";
    /** A second work of the same session: Russian language, grade 5. */
    private static final String RU5 = "\"session\":\"2025-spring\",\"region\":\"22\",\"subject\":\"RU\",\"grade\":5";

    private Path output(Path dir) {
        Path out = dir.resolve("out");
        String weak = "{" + WORK + ",\"municipality_code\":\"m1\",\"task\":\"%s\",\"task_index\":%d,\"mark_group\":\"%s\","
                + "\"group_level\":\"%s\",\"school_id\":%s,\"teacher_id\":%s,\"level\":\"Б\",\"skill\":\"счёт\",\"works\":10,"
                + "\"solve_rate\":%s,\"solve_rate_municipality\":0.6,\"solve_rate_region\":0.7,\"gap_to_region\":-0.1,"
                + "\"weak\":%s,\"achieved\":true}";
        table(out, OutputLayout.INDICATORS_WEAK_SPOTS,
                weak.formatted("2", 1, "all", "school", "\"s1\"", "null", "0.4", "true"),
                weak.formatted("1", 0, "4", "school", "\"s1\"", "null", "0.8", "false"),
                weak.formatted("1", 0, "all", "school", "\"s1\"", "null", "0.9", "false"),
                weak.formatted("1", 0, "all", "school", "\"s2\"", "null", "0.5", "false"),
                weak.formatted("1", 0, "all", "municipality", "null", "null", "0.6", "false"),
                weak.formatted("1", 0, "all", "teacher", "\"s1\"", "\"T1\"", "0.6", "false"),
                weak.formatted("1", 0, "all", "teacher", "null", "\"T2\"", "0.6", "false"),
                // a group of 2 works (under weak_min_group_works): its deficit is «мало данных», never «да»
                weak.formatted("2", 1, "all", "school", "\"s2\"", "null", "0.1", "true")
                        .replace("\"works\":10", "\"works\":2").replace("}", ",\"small_group\":true}"),
                // the second work: its task 1 is another task than mathematics' task 1
                weak.formatted("1", 0, "all", "school", "\"s1\"", "null", "0.3", "true").replace(WORK, RU5),
                weak.formatted("1", 0, "all", "municipality", "null", "null", "0.5", "false").replace(WORK, RU5),
                // an earlier session of s2 in the same output: its own sheets
                weak.formatted("1", 0, "all", "school", "\"s2\"", "null", "0.7", "false").replace("2025-spring", "2024-spring"));
        String cls = "{" + WORK + ",\"school_id\":\"%s\",\"class\":\"%s\",\"works\":12,\"n_journal\":12,\"lowered_share\":0.25,"
                + "\"confirmed_share\":0.5,\"raised_share\":0.25,\"mean_diff\":0.0,\"score_above_journal\":1.5,\"kappa_w\":0.6}";
        table(out, OutputLayout.INDICATORS_CLASS, cls.formatted("s1", "Б"), cls.formatted("s1", "А"), cls.formatted("s2", "А"),
                cls.formatted("s1", "А").replace(WORK, RU5));
        String school = "{" + WORK + ",\"school_id\":\"%s\",\"municipality_code\":\"m1\",\"works\":24,\"mean_score_pct\":55.0,"
                + "\"quality_share\":0.5,\"lowered_share\":0.2}";
        table(out, OutputLayout.INDICATORS_SCHOOL, school.formatted("s1"), school.formatted("s2"), school.formatted("s1").replace(WORK, RU5));
        table(out, OutputLayout.FLAGS_CELLS,
                "{" + WORK + ",\"school_id\":\"s1\",\"risk_score\":5.5,\"flagged\":true,"
                        + "\"reasons\":[\"=причина первая\",\"причина вторая\"]}",
                "{" + WORK + ",\"school_id\":\"s2\",\"risk_score\":0.3,\"flagged\":false,\"reasons\":[]}");
        // T1's name is in the table, as a run given --include-names writes it; T2's is null, as every other run writes it
        String teacher = "{" + WORK + ",\"teacher_id\":\"%s\",\"teacher_name\":%s,\"municipality_code\":\"m1\",\"works\":20,"
                + "\"n_journal\":20,\"lowered_share\":0.4,\"confirmed_share\":0.5,\"raised_share\":0.1}";
        table(out, OutputLayout.INDICATORS_TEACHER, teacher.formatted("T1", "\"Иванова Е. В.\""), teacher.formatted("T2", "null"));
        return out;
    }

    @Test
    void oneWorkbookPerSchoolAndMunicipalityWithOneWorkPerSheet(@TempDir Path dir) throws Exception {
        Path out = output(dir);
        Path target = dir.resolve("methodology");
        assertThat(MethodologyWorkbooks.write(spark, out.toString(), target.toString(), "ru")).isEqualTo(3);
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("municipality-m1.xlsx", "s1.xlsx", "s2.xlsx");
        }
        try (Workbook wb = open(target.resolve("s1.xlsx"))) {
            assertThat(names(wb)).containsExactly("4 МА дефициты", "4 МА журнал, классы", "4 МА журнал, учителя",
                    "4 МА показатели", "5 РУ дефициты", "5 РУ журнал, классы", "5 РУ показатели", "Пояснения");
            Sheet weak = wb.getSheet("4 МА дефициты");
            assertThat(column(weak, 2)).containsExactly("Группа по отметке", "все участники", "все участники",
                    "с отметкой «4»"); // all before 3/4/5
            assertThat(column(weak, 3)).containsExactly("Задание", "1", "2", "1"); // then task order
            assertThat(column(weak, 11)).containsExactly("Дефицит", "нет", "да", "нет");
            assertThat(column(weak, 0)).containsExactly("Предмет", "Математика", "Математика", "Математика");
            assertThat(column(wb.getSheet("5 РУ дефициты"), 0)).containsExactly("Предмет", "Русский язык");
            // shares as percent with one decimal, counts as integers
            assertThat(weak.getRow(1).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(weak.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(0.9);
            assertThat(weak.getRow(1).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(weak.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0");
            Sheet journal = wb.getSheet("4 МА журнал, классы");
            assertThat(journal.getRow(1).getCell(header(journal).indexOf("Повысили")).getCellStyle().getDataFormatString())
                    .isEqualTo("0.0%");
            assertThat(column(journal, 2)).containsExactly("Класс", "А", "Б");
            // the name is in the table (a run given --include-names): name and code
            assertThat(column(wb.getSheet("4 МА журнал, учителя"), 2)).containsExactly("Учитель", "Иванова Е. В. (T1)");
            Sheet indicators = wb.getSheet("4 МА показатели");
            int reasons = header(indicators).indexOf("Причины");
            assertThat(indicators.getRow(1).getCell(reasons).getStringCellValue()).isEqualTo("=причина первая\nпричина вторая");
            assertThat(indicators.getRow(1).getCell(header(indicators).indexOf("Риск")).getNumericCellValue()).isEqualTo(5.5);
            for (Sheet sheet : wb) {
                sheet.forEach(row -> row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA)));
            }
        }
        try (Workbook wb = open(target.resolve("municipality-m1.xlsx"))) {
            assertThat(names(wb)).containsExactly("4 МА дефициты", "4 МА журнал, школы", "4 МА журнал, учителя",
                    "4 МА показатели", "5 РУ дефициты", "5 РУ журнал, школы", "5 РУ показатели", "Пояснения");
            assertThat(column(wb.getSheet("4 МА дефициты"), 3)).containsExactly("Задание", "1");
            assertThat(column(wb.getSheet("4 МА журнал, школы"), 2)).containsExactly("Логин ОО", "s1", "s2");
            // T2's name is null, as in a run without --include-names: the code only
            assertThat(column(wb.getSheet("4 МА журнал, учителя"), 2)).containsExactly("Учитель", "Иванова Е. В. (T1)", "T2");
            assertThat(column(wb.getSheet("4 МА показатели"), 2)).containsExactly("Логин ОО", "s1", "s2");
            assertThat(column(wb.getSheet("5 РУ показатели"), 2)).containsExactly("Логин ОО", "s1");
        }
        try (Workbook wb = open(target.resolve("s2.xlsx"))) {
            // two sessions in the output: the session names the sheets
            assertThat(names(wb)).containsExactly("весна 2024 4 МА дефициты", "весна 2025 4 МА дефициты",
                    "весна 2025 4 МА журнал, классы", "весна 2025 4 МА показатели", "Пояснения");
            assertThat(column(wb.getSheet("весна 2025 4 МА журнал, классы"), 2)).containsExactly("Класс", "А");
            Sheet weak = wb.getSheet("весна 2025 4 МА дефициты");
            assertThat(column(weak, 11)).containsExactly("Дефицит", "нет", "мало данных");
            assertThat(column(weak, 12)).containsExactly("Достигнуто", "да", "мало данных");
            assertThat(column(wb.getSheet("весна 2024 4 МА дефициты"), 7)).containsExactly("Выполнение", "0.7");
        }
    }

    /**
     * Issue 17, «one unit per sheet»: in every workbook every sheet's rows share one work (subject and grade, the first
     * two columns) and one level (the third column's heading: task rows, classes, schools or teachers), and the sheet
     * names are ones Excel accepts: at most 31 characters, none of []:*?/\, unique without case.
     */
    @Test
    void everySheetHoldsOneUnit(@TempDir Path dir) throws Exception {
        Path out = output(dir);
        Path target = dir.resolve("methodology");
        MethodologyWorkbooks.write(spark, out.toString(), target.toString(), "ru");
        List<String> levels = List.of("Группа по отметке", "Класс", "Логин ОО", "Учитель");
        try (Stream<Path> files = Files.list(target)) {
            for (Path file : files.toList()) {
                try (Workbook wb = open(file)) {
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (Sheet sheet : wb) {
                        String name = sheet.getSheetName();
                        assertThat(name.length()).as(name).isLessThanOrEqualTo(31);
                        assertThat(name).as(name).doesNotContainPattern("[\\[\\]:*?/\\\\]");
                        assertThat(seen.add(name.toUpperCase(java.util.Locale.ROOT))).as(file + ": " + name).isTrue();
                        if (name.equals("Пояснения")) {
                            continue;
                        }
                        assertThat(sheet.getLastRowNum()).as(file + ": " + name).isPositive();
                        List<String> subjects = column(sheet, 0).subList(1, sheet.getLastRowNum() + 1);
                        List<String> grades = column(sheet, 1).subList(1, sheet.getLastRowNum() + 1);
                        assertThat(subjects.stream().distinct()).as(file + ": " + name).hasSize(1);
                        assertThat(grades.stream().distinct()).as(file + ": " + name).hasSize(1);
                        assertThat(levels).as(file + ": " + name).contains(header(sheet).get(2));
                        String work = grades.get(0).replace(".0", "") + " " + ("Математика".equals(subjects.get(0)) ? "МА" : "РУ");
                        assertThat(name).as(file + ": " + name).contains(work);
                    }
                }
            }
        }
    }

    /** Names Excel refuses are made valid; names equal without case get a number. */
    @Test
    void sheetNamesAreValidAndUnique() {
        SheetNames names = new SheetNames();
        assertThat(names.add("4 МА дефициты")).isEqualTo("4 МА дефициты");
        assertThat(names.add("4 ма ДЕФИЦИТЫ")).isEqualTo("4 ма ДЕФИЦИТЫ (2)");
        assertThat(names.add("a[b]:c*d?e/f\\g")).isEqualTo("a b c d e f g");
        assertThat(names.add("'quoted'")).isEqualTo("quoted");
        String longName = "осень 2025 11 SOMETHINGLONG журнал, учителя";
        String first = names.add(longName);
        String second = names.add(longName);
        assertThat(first).hasSize(31).isEqualTo(longName.substring(0, 31));
        assertThat(second).hasSizeLessThanOrEqualTo(31).endsWith(" (2)").isNotEqualTo(first);
        assertThat(names.add("")).isEqualTo("-");
    }

    /** Without {@code --teachers} there is no teacher table: the workbooks have the classes only. */
    @Test
    void englishWorkbooksWithoutTeachersExplainEveryHeading(@TempDir Path dir) throws Exception {
        Path out = output(dir);
        try (Stream<Path> teacher = Files.walk(out.resolve(OutputLayout.INDICATORS_TEACHER))) {
            teacher.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Path target = dir.resolve("methodology");
        MethodologyWorkbooks.write(spark, out.toString(), target.toString(), "en");
        try (Workbook wb = open(target.resolve("s1.xlsx"))) {
            assertThat(names(wb)).containsExactly("4 MA weak spots", "4 MA journal, classes", "4 MA indicators",
                    "5 RU weak spots", "5 RU journal, classes", "5 RU indicators", "Explanations");
            assertThat(column(wb.getSheet("4 MA journal, classes"), 2)).containsExactly("Class", "А", "Б");
            List<String> explained = column(wb.getSheet("Explanations"), 0);
            for (Sheet sheet : wb) {
                if (!sheet.getSheetName().equals("Explanations")) {
                    assertThat(explained).containsAll(header(sheet));
                }
            }
            assertThat(column(wb.getSheet("4 MA weak spots"), 11)).contains("yes", "no");
            assertThat(column(wb.getSheet("4 MA weak spots"), 0)).contains("Mathematics");
            assertThat(column(wb.getSheet("4 MA weak spots"), 2)).contains("all participants", "with mark 4");
        }
    }

    private static Workbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> names(Workbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static List<String> header(Sheet sheet) {
        List<String> h = new ArrayList<>();
        sheet.getRow(0).forEach(c -> h.add(c.getStringCellValue()));
        return h;
    }

    private static List<String> column(Sheet sheet, int c) {
        List<String> values = new ArrayList<>();
        sheet.forEach(row -> values.add(row.getCell(c) == null ? null : row.getCell(c).toString()));
        return values;
    }
}
