package org.vprobjectivity.flags;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.RealFiles;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.report.OfficialListXlsx;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-worked example, region 05 (M1 = marker_inflated_mean, M2 = marker_mismatch, M3 = marker_cohort_change):
 * <pre>
 * session      school  municipality      work   M1 M2 M3    → list
 * 2025-spring  edu001  Гунибский район   4 RU   1  1  null  marker_4_ru = 1 (two markers, one work)
 *                                        4 MA   0  0  null  marker_4_ma = 0
 *                                        5 MA   0  1  null  marker_5_ma = 1, marker_5_ru null → markers 2
 *                                        5 BI   1  0  null  not an official work: ignored
 * 2025-spring  edu002  Гунибский район   4 RU, 4 MA unmarked → 0, 0, null, null, markers 0
 * 2025-spring  edu003  Агульский район   5 RU   1  0  null  → null, null, 1, null, markers 1 (name "=HYPERLINK(…)")
 * 2025-spring  edu005  город Буйнакск    4 MA   0  0  true  → null, 1, null, null, markers 1 (marker 3 counts)
 * 2025-spring  edu004  город Буйнакск    7 HI   1  0  null  no official work: not on the list at all
 * 2024-spring  edu001  Гунибский район   4 RU   0  0  null  → 0, null, null, null, markers 0
 * </pre>
 * Index 2025: 4 schools with official works (001, 002, 003, 005), 3 marked (001, 003, 005) →
 * 100 − 100·3/4 = 25. Index 2024: 1 school, 0 marked → 100.
 */
class OfficialListTest {

    private static final StructType SCHEMA = new StructType()
            .add("session", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("school_id", DataTypes.StringType).add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType).add("municipality_code", DataTypes.StringType)
            .add("municipality", DataTypes.StringType).add("school_name", DataTypes.StringType)
            .add("marker_inflated_mean", DataTypes.BooleanType).add("marker_mismatch", DataTypes.BooleanType)
            .add("marker_cohort_change", DataTypes.BooleanType).add("official_work", DataTypes.BooleanType)
            .add("markers", DataTypes.IntegerType);

    private static final String HYPERLINK = "=HYPERLINK(\"http://example.org\",\"Школа\")";

    private static Row work(String session, String school, String muni, String name, String subject, int grade,
                            boolean m1, boolean m2, Boolean m3) {
        boolean official = (subject.equals("RU") || subject.equals("MA")) && (grade == 4 || grade == 5);
        return RowFactory.create(session, "05", school, subject, grade, "m-" + muni.length(), muni, name, m1, m2, m3,
                official, (m1 ? 1 : 0) + (m2 ? 1 : 0));
    }

    private static Dataset<Row> fixture() {
        String s = "2025-spring";
        List<Row> rows = List.of(
                work(s, "edu001", "Гунибский район", "СОШ 1", "RU", 4, true, true, null),
                work(s, "edu001", "Гунибский район", "СОШ 1", "MA", 4, false, false, null),
                work(s, "edu001", "Гунибский район", "СОШ 1", "MA", 5, false, true, null),
                work(s, "edu001", "Гунибский район", "СОШ 1", "BI", 5, true, false, null),
                work(s, "edu002", "Гунибский район", "СОШ 2", "RU", 4, false, false, null),
                work(s, "edu002", "Гунибский район", "СОШ 2", "MA", 4, false, false, null),
                work(s, "edu003", "Агульский район", HYPERLINK, "RU", 5, true, false, null),
                work(s, "edu005", "город Буйнакск", "Гимназия 5", "MA", 4, false, false, true),
                work(s, "edu004", "город Буйнакск", "Лицей 4", "HI", 7, true, false, null),
                work("2024-spring", "edu001", "Гунибский район", "СОШ 1", "RU", 4, false, false, null));
        return SparkTestSession.get().createDataFrame(rows, SCHEMA);
    }

    @Test
    void handWorkedList() {
        Dataset<Row> list = OfficialList.compute(fixture());
        assertThat(list.columns()).containsExactly("session", "year", "region", "school_id", "municipality_code",
                "municipality", "school_name", "marker_4_ru", "marker_4_ma", "marker_5_ru", "marker_5_ma",
                "markers", "any_marker");
        Map<String, Row> rows = list.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("session") + "/" + r.getAs("school_id"), r -> r));
        assertThat(rows).hasSize(5);
        assertWorks(rows.get("2025-spring/edu001"), 1, 0, null, 1, 2);
        assertWorks(rows.get("2025-spring/edu002"), 0, 0, null, null, 0);
        assertWorks(rows.get("2025-spring/edu003"), null, null, 1, null, 1);
        assertWorks(rows.get("2025-spring/edu005"), null, 1, null, null, 1);
        assertWorks(rows.get("2024-spring/edu001"), 0, null, null, null, 0);
        Row a = rows.get("2025-spring/edu001");
        assertThat(a.<Integer>getAs("year")).isEqualTo(2025);
        assertThat(a.<String>getAs("municipality")).isEqualTo("Гунибский район");
        assertThat(a.<String>getAs("school_name")).isEqualTo("СОШ 1");
        assertThat(rows.get("2024-spring/edu001").<Integer>getAs("year")).isEqualTo(2024);

        Map<String, Row> index = OfficialList.index(list).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("session"), r -> r));
        assertThat(index.get("2025-spring").<Long>getAs("schools_with_works")).isEqualTo(4L);
        assertThat(index.get("2025-spring").<Long>getAs("schools_with_markers")).isEqualTo(3L);
        assertThat(index.get("2025-spring").<Double>getAs("objectivity_index")).isCloseTo(25.0, within(1e-12));
        assertThat(index.get("2024-spring").<Long>getAs("schools_with_works")).isEqualTo(1L);
        assertThat(index.get("2024-spring").<Double>getAs("objectivity_index")).isCloseTo(100.0, within(1e-12));

        // per municipality, 2025: Гунибский 2 schools, 1 marked → 50; Агульский 1 of 1 → 0; Буйнакск (edu005; edu004
        // wrote no official work) 1 of 1 → 0
        Map<String, Row> municipal = OfficialList.municipalIndex(list).filter(col("session").equalTo("2025-spring"))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("municipality"), r -> r));
        assertThat(municipal).hasSize(3);
        assertThat(municipal.get("Гунибский район").<Long>getAs("schools_with_works")).isEqualTo(2L);
        assertThat(municipal.get("Гунибский район").<Double>getAs("objectivity_index")).isCloseTo(50.0, within(1e-12));
        assertThat(municipal.get("Агульский район").<Double>getAs("objectivity_index")).isCloseTo(0.0, within(1e-12));
        assertThat(municipal.get("город Буйнакск").<Long>getAs("schools_with_works")).isEqualTo(1L);
    }

    @Test
    void onlyTheWorksPresentBecomeColumns() {
        Dataset<Row> list = OfficialList.compute(fixture().filter(col("session").equalTo("2024-spring")));
        List<String> works = OfficialList.workColumns(list.columns());
        assertThat(works).containsExactly("marker_4_ru");
        assertThat(OfficialListXlsx.header(works)).containsExactly("Год", "Логин", "Муниципалитет", "ОО", "4 РУ",
                "Количество маркеров");
    }

    @Test
    void xlsxHasTheOfficialLayoutAndNoFormulas(@TempDir Path dir) throws Exception {
        Dataset<Row> list = OfficialList.compute(fixture()).cache();
        Path file = dir.resolve("official-markers.xlsx");
        OfficialListXlsx.write(list, OfficialList.index(list).collectAsList(), file.toString(), SparkTestSession.get().sparkContext().hadoopConfiguration());

        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetName(0)).isEqualTo("Маркеры");
            assertThat(wb.getSheetName(1)).isEqualTo("Индекс");
            assertThat(wb.getSheetName(2)).isEqualTo(OfficialListXlsx.MUNICIPAL_INDEX_SHEET);
            assertNoFormulas(wb);

            Sheet markers = wb.getSheet("Маркеры");
            assertThat(rowText(markers.getRow(0), 9)).containsExactly("Год", "Логин", "Муниципалитет", "ОО",
                    "4 РУ", "4 МА", "5 РУ", "5 МА", "Количество маркеров");
            // Only marked schools, by session, municipality (Russian collation: «город» before «Гунибский»), login.
            assertThat(markers.getLastRowNum()).isEqualTo(3);
            assertThat(rowText(markers.getRow(1), 9)).containsExactly("2025", "edu003", "Агульский район", HYPERLINK,
                    "", "", "1", "", "1");
            assertThat(rowText(markers.getRow(2), 9)).containsExactly("2025", "edu005", "город Буйнакск", "Гимназия 5",
                    "", "1", "", "", "1");
            assertThat(rowText(markers.getRow(3), 9)).containsExactly("2025", "edu001", "Гунибский район", "СОШ 1",
                    "1", "", "", "1", "2");
            Cell name = markers.getRow(1).getCell(3);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo(HYPERLINK);
            assertThat(markers.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(markers.getRow(1).getCell(4)).as("an unmarked or unwritten work is an empty cell").isNull();

            Sheet index = wb.getSheet("Индекс");
            assertThat(rowText(index.getRow(0), 6)).containsExactlyElementsOf(OfficialListXlsx.INDEX_HEADER);
            assertThat(rowText(index.getRow(1), 5)).containsExactly("2024", "2024-spring", "05", "1", "0");
            assertThat(rowText(index.getRow(2), 5)).containsExactly("2025", "2025-spring", "05", "4", "3");
            assertThat(index.getRow(1).getCell(5).getNumericCellValue()).isCloseTo(100.0, within(1e-12));
            assertThat(index.getRow(2).getCell(5).getNumericCellValue()).isCloseTo(25.0, within(1e-12));
            assertThat(index.getRow(4).getCell(0).getStringCellValue()).startsWith("Индекс объективности = 100 − 100 ×");

            // each municipality's index: 2024 Гунибский 1 school unmarked; 2025 Агульский 0, Буйнакск 0, Гунибский 50
            Sheet municipal = wb.getSheet(OfficialListXlsx.MUNICIPAL_INDEX_SHEET);
            assertThat(rowText(municipal.getRow(0), 6)).containsExactlyElementsOf(OfficialListXlsx.MUNICIPAL_INDEX_HEADER);
            assertThat(rowText(municipal.getRow(1), 5)).containsExactly("2024", "2024-spring", "Гунибский район", "1", "0");
            assertThat(rowText(municipal.getRow(4), 5)).containsExactly("2025", "2025-spring", "Гунибский район", "2", "1");
            assertThat(municipal.getRow(4).getCell(5).getNumericCellValue()).isCloseTo(50.0, within(1e-12));
        }
        list.unpersist();
    }

    @Test
    void emptyListStillHasTheHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.xlsx");
        List<String> works = List.of("marker_4_ru", "marker_4_ma", "marker_5_ru", "marker_5_ma");
        try (OutputStream out = Files.newOutputStream(file)) {
            OfficialListXlsx.write(works, List.of(), List.of(), List.of(), out);
        }
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            assertThat(rowText(wb.getSheet("Маркеры").getRow(0), 9)).containsExactlyElementsOf(OfficialListXlsx.header(works));
            assertThat(wb.getSheet("Маркеры").getLastRowNum()).isZero();
        }
    }

    /**
     * The real official list (Dagestan 2023–2025): our header equals its header, and on every row
     * «Количество маркеров» is the number of 1s in the work columns, i.e. the number of works marked.
     */
    @Test
    void realListLayout() throws Exception {
        Path file = RealFiles.require("dagestan-official-markers-2023-2025.xlsx");
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> ours = OfficialListXlsx.header(OfficialList.workColumns(OfficialList.compute(fixture()).columns()));
            assertThat(rowText(sheet.getRow(0), 9).stream().map(String::trim).toList()).isEqualTo(ours);

            DataFormatter text = new DataFormatter();
            int rows = 0;
            int withZeros = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                if (row == null || text.formatCellValue(row.getCell(1)).isBlank()) {
                    continue;
                }
                rows++;
                int ones = 0;
                for (int c = 4; c < 8; c++) {
                    String v = text.formatCellValue(row.getCell(c)).trim();
                    assertThat(v).as("row %d column %d", r, c).isIn("", "0", "1");
                    ones += v.equals("1") ? 1 : 0;
                    withZeros += v.equals("0") ? 1 : 0;
                }
                int count = Integer.parseInt(text.formatCellValue(row.getCell(8)).trim());
                assertThat(count).as("row %d: «Количество маркеров» = number of works marked", r).isEqualTo(ones);
                assertThat(count).as("row %d: the official list names only marked schools", r).isPositive();
            }
            System.out.printf("real official list: %d rows; «Количество маркеров» = number of 1s on every row; %d cells hold 0%n",
                    rows, withZeros);
            assertThat(rows).isPositive();
        }
    }

    private static void assertWorks(Row row, Integer ru4, Integer ma4, Integer ru5, Integer ma5, int markers) {
        assertThat(row).isNotNull();
        assertThat(Arrays.asList(row.getAs("marker_4_ru"), row.getAs("marker_4_ma"), row.getAs("marker_5_ru"),
                row.getAs("marker_5_ma"))).containsExactly(ru4, ma4, ru5, ma5);
        assertThat(row.<Integer>getAs("markers")).isEqualTo(markers);
        assertThat(row.<Boolean>getAs("any_marker")).isEqualTo(markers > 0);
    }

    private static List<String> rowText(org.apache.poi.ss.usermodel.Row row, int width) {
        DataFormatter text = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            out.add(row == null ? "" : text.formatCellValue(row.getCell(c)));
        }
        return out;
    }

    private static void assertNoFormulas(Workbook wb) {
        for (Sheet sheet : wb) {
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }
}
