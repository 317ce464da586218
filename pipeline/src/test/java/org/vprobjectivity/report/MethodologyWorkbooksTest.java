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
 * The methodologists' workbooks from tiny hand-made output tables: one workbook per school and per municipality, rows
 * sorted by work, mark group and task, classes and teachers on the journal sheet (a teacher of one school in that
 * school's workbook, every teacher in the municipality's), booleans and reasons as words, never a formula.
 */
class MethodologyWorkbooksTest {

    private final SparkSession spark = SparkTestSession.get();

    private void table(Path out, String name, String... jsonRows) {
        spark.read().json(spark.createDataset(List.of(jsonRows), Encoders.STRING()))
                .write().parquet(out.resolve(name).toString());
    }

    private static final String WORK = "\"session\":\"2025-spring\",\"region\":\"22\",\"subject\":\"MA\",\"grade\":4";

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
                        .replace("\"works\":10", "\"works\":2").replace("}", ",\"small_group\":true}"));
        String cls = "{" + WORK + ",\"school_id\":\"%s\",\"class\":\"%s\",\"works\":12,\"n_journal\":12,\"lowered_share\":0.25,"
                + "\"confirmed_share\":0.5,\"raised_share\":0.25,\"mean_diff\":0.0,\"score_above_journal\":1.5,\"kappa_w\":0.6}";
        table(out, OutputLayout.INDICATORS_CLASS, cls.formatted("s1", "Б"), cls.formatted("s1", "А"), cls.formatted("s2", "А"));
        String school = "{" + WORK + ",\"school_id\":\"%s\",\"municipality_code\":\"m1\",\"works\":24,\"mean_score_pct\":55.0,"
                + "\"quality_share\":0.5,\"lowered_share\":0.2}";
        table(out, OutputLayout.INDICATORS_SCHOOL, school.formatted("s1"), school.formatted("s2"));
        table(out, OutputLayout.FLAGS_CELLS,
                "{" + WORK + ",\"school_id\":\"s1\",\"risk_score\":5.5,\"flagged\":true,"
                        + "\"reasons\":[\"=причина первая\",\"причина вторая\"]}",
                "{" + WORK + ",\"school_id\":\"s2\",\"risk_score\":0.3,\"flagged\":false,\"reasons\":[]}");
        String teacher = "{" + WORK + ",\"teacher_id\":\"%s\",\"municipality_code\":\"m1\",\"works\":20,\"n_journal\":20,"
                + "\"lowered_share\":0.4,\"confirmed_share\":0.5,\"raised_share\":0.1}";
        table(out, OutputLayout.INDICATORS_TEACHER, teacher.formatted("T1"), teacher.formatted("T2"));
        return out;
    }

    @Test
    void oneWorkbookPerSchoolAndMunicipalityWithSortedSheetsAndTeachers(@TempDir Path dir) throws Exception {
        Path out = output(dir);
        Path target = dir.resolve("methodology");
        assertThat(MethodologyWorkbooks.write(spark, out.toString(), target.toString(), "ru")).isEqualTo(3);
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("municipality-m1.xlsx", "s1.xlsx", "s2.xlsx");
        }
        try (Workbook wb = open(target.resolve("s1.xlsx"))) {
            assertThat(names(wb)).containsExactly("Дефициты", "ВПР и журнал", "Показатели", "Пояснения");
            Sheet weak = wb.getSheet("Дефициты");
            assertThat(column(weak, 2)).containsExactly("Группа по отметке", "все участники", "все участники",
                    "с отметкой «4»"); // all before 3/4/5
            assertThat(column(weak, 3)).containsExactly("Задание", "1", "2", "1"); // then task order
            assertThat(column(weak, 11)).containsExactly("Дефицит", "нет", "да", "нет");
            assertThat(column(weak, 0)).containsExactly("Предмет", "Математика", "Математика", "Математика");
            // shares as percent with one decimal, counts as integers
            assertThat(weak.getRow(1).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(weak.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(0.9);
            assertThat(weak.getRow(1).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(weak.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0");
            Sheet journal = wb.getSheet("ВПР и журнал");
            assertThat(journal.getRow(1).getCell(header(journal).indexOf("Повысили")).getCellStyle().getDataFormatString())
                    .isEqualTo("0.0%");
            assertThat(column(wb.getSheet("ВПР и журнал"), 2)).containsExactly("Класс / школа", "А", "Б", "учитель T1");
            Sheet indicators = wb.getSheet("Показатели");
            int reasons = header(indicators).indexOf("Причины");
            assertThat(indicators.getRow(1).getCell(reasons).getStringCellValue()).isEqualTo("=причина первая\nпричина вторая");
            assertThat(indicators.getRow(1).getCell(header(indicators).indexOf("Риск")).getNumericCellValue()).isEqualTo(5.5);
            for (Sheet sheet : wb) {
                sheet.forEach(row -> row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA)));
            }
        }
        try (Workbook wb = open(target.resolve("municipality-m1.xlsx"))) {
            assertThat(column(wb.getSheet("Дефициты"), 3)).containsExactly("Задание", "1");
            assertThat(column(wb.getSheet("ВПР и журнал"), 2)).containsExactly("Класс / школа", "s1", "s2", "учитель T1",
                    "учитель T2");
            assertThat(column(wb.getSheet("Показатели"), 2)).containsExactly("Логин ОО", "s1", "s2");
        }
        try (Workbook wb = open(target.resolve("s2.xlsx"))) {
            assertThat(column(wb.getSheet("ВПР и журнал"), 2)).containsExactly("Класс / школа", "А");
            Sheet weak = wb.getSheet("Дефициты");
            assertThat(column(weak, 11)).containsExactly("Дефицит", "нет", "мало данных");
            assertThat(column(weak, 12)).containsExactly("Достигнуто", "да", "мало данных");
        }
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
            assertThat(column(wb.getSheet("VPR and journal"), 2)).containsExactly("Class / school", "А", "Б");
            assertThat(names(wb)).containsExactly("Weak spots", "VPR and journal", "Indicators", "Explanations");
            List<String> explained = column(wb.getSheet("Explanations"), 0);
            for (Sheet sheet : wb) {
                if (!sheet.getSheetName().equals("Explanations")) {
                    assertThat(explained).containsAll(header(sheet));
                }
            }
            assertThat(column(wb.getSheet("Weak spots"), 11)).contains("yes", "no");
            assertThat(column(wb.getSheet("Weak spots"), 0)).contains("Mathematics");
            assertThat(column(wb.getSheet("Weak spots"), 2)).contains("all participants", "with mark 4");
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
