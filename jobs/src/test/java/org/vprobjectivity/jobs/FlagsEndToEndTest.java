package org.vprobjectivity.jobs;

import org.vprobjectivity.run.PipelineRun;
import org.vprobjectivity.run.ExitCodes;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.RealFiles;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.flags.Comparison;
import org.vprobjectivity.report.OfficialListXlsx;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.report.HtmlReport;
import org.vprobjectivity.report.MethodologyWorkbooks;
import org.vprobjectivity.report.ReportWriter;
import org.vprobjectivity.synthetic.GroundTruth;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags as a user gets them from {@code run}: on a generated region with every manipulation kind, injected schools
 * rank above clean ones (not an exact list); every school with works is in the comparison once; the official list
 * workbook has the districts' layout; {@code evaluate} prints its table. On the real export (skipped when absent) the
 * run completes and the comparison accounts for every school.
 */
class FlagsEndToEndTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void injectedSchoolsRankAboveCleanOnes(@TempDir Path dir) throws Exception {
        assertThat(Main.execute("generate", "--output", dir.resolve("gen").toString(), "--schools", "60", "--seed", "21",
                "--manipulated-share", "0.3")).isZero();
        Path out = dir.resolve("out");
        assertThat(run("--input", dir.resolve("gen/region").toString(), "--output", out.toString())).isZero();

        GroundTruth truth = GroundTruth.read(dir.resolve("gen/truth"));
        Set<String> injected = truth.manipulatedSchools().keySet();
        List<org.apache.spark.sql.Row> schools = spark.read().parquet(out.resolve(OutputLayout.FLAGS_SCHOOLS).toString())
                .select("school_id", "rank", "risk_score", "flagged").collectAsList();
        assertThat(schools).hasSize(60);
        List<Double> injectedRisk = new ArrayList<>();
        List<Double> cleanRisk = new ArrayList<>();
        for (org.apache.spark.sql.Row r : schools) {
            (injected.contains(r.getString(0)) ? injectedRisk : cleanRisk).add(r.getDouble(2));
        }
        double auc = 0;
        for (double a : injectedRisk) {
            for (double b : cleanRisk) {
                auc += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        auc /= (double) injectedRisk.size() * cleanRisk.size();
        List<String> flagged = schools.stream().filter(r -> r.getBoolean(3)).map(r -> r.getString(0)).toList();
        long flaggedInjected = flagged.stream().filter(injected::contains).count();
        System.out.printf("generated 60 schools: %d injected; school-level AUC of the risk score %.3f; flagged %d, of them"
                + " injected %d%n", injected.size(), auc, flagged.size(), flaggedInjected);
        assertThat(auc).isGreaterThan(0.7);
        assertThat(flagged).isNotEmpty();
        assertThat((double) flaggedInjected / flagged.size()).isGreaterThanOrEqualTo(0.75);

        Dataset<org.apache.spark.sql.Row> comparison = spark.read().parquet(out.resolve(OutputLayout.FLAGS_COMPARISON).toString());
        assertThat(comparison.count()).isEqualTo(60);
        assertThat(comparison.select("school_id").distinct().count()).isEqualTo(60);
        assertThat(comparison.filter(col("category").equalTo(Comparison.OFFICIAL_ONLY).and(col("explanation").isNull())).count())
                .isZero();

        try (InputStream in = Files.newInputStream(out.resolve(OutputLayout.OFFICIAL_XLSX)); Workbook wb = new XSSFWorkbook(in)) {
            Sheet markers = wb.getSheet(OfficialListXlsx.MARKERS_SHEET);
            List<String> header = new ArrayList<>();
            markers.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("Год", "Логин", "Муниципалитет", "ОО", "4 РУ", "4 МА", "5 РУ", "5 МА",
                    "Количество маркеров");
            for (Row row : markers) {
                for (Cell c : row) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EvaluateCommand evaluate = CommandLine.populateCommand(new EvaluateCommand(), "--flags", out.toString(), "--truth",
                dir.resolve("gen/truth").toString());
        assertThat(evaluate.evaluate(spark, new PrintStream(printed, true, StandardCharsets.UTF_8))).isZero();
        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.print(table);
        assertThat(table).contains("| cell | all |").contains("| school |").contains("ANSWERS_KNOWN");
        // the null check of every p-value column on the clean cells and classes follows the table
        assertThat(table).contains("| table | p-value column |").containsPattern("\\| indicators/school \\| quality_p \\| \\d+ \\|")
                .containsPattern("\\| indicators/class \\| quality_p \\| \\d+ \\|");

        assertReport(out, flagged);
    }

    /**
     * The district head's report as {@code run} wrote it: one list row and one page per flagged school, in rank order,
     * the workbook with the same rows and no formulas; {@code report --lang en} rewrites it in English in place.
     */
    private void assertReport(Path out, List<String> flagged) throws Exception {
        Path report = out.resolve(ReportWriter.DIR);
        String index = Files.readString(report.resolve(ReportWriter.INDEX));
        assertThat(index).contains("<title>Признаки необъективности результатов ВПР</title>");
        // our list (the table #schools; the official-only schools have a table of their own below it)
        String ours = index.substring(index.indexOf("<table id=\"schools\">"));
        ours = ours.substring(0, ours.indexOf("</table>"));
        assertThat(ours.split("<tr data-municipality=", -1)).hasSize(flagged.size() + 1);
        List<String> ranked = spark.read().parquet(out.resolve(OutputLayout.FLAGS_SCHOOLS).toString())
                .filter(col("flagged")).orderBy("rank").select("school_id").collectAsList().stream()
                .map(r -> r.getString(0)).toList();
        int previous = -1;
        for (String school : ranked) {
            int at = index.indexOf("href=\"schools/" + HtmlReport.fileName(school) + ".html\"");
            assertThat(at).as(school).isGreaterThan(previous);
            previous = at;
            String page = Files.readString(report.resolve("schools/" + HtmlReport.fileName(school) + ".html"));
            assertThat(page).contains("<svg class=\"chart histogram\"").contains("class=\"cut\"").contains("<li>");
        }
        try (InputStream in = Files.newInputStream(report.resolve(ReportWriter.XLSX)); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(flagged.size());
            for (int r = 1; r <= flagged.size(); r++) {
                assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo(ranked.get(r - 1));
            }
            sheet.forEach(row -> row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA)));
        }
        assertMethodologyWorkbooks(out, report.resolve(MethodologyWorkbooks.DIR));
        ReportCommand english = CommandLine.populateCommand(new ReportCommand(), "--output", out.toString(), "--lang", "en");
        assertThat(english.write(spark, new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
        String englishIndex = Files.readString(report.resolve(ReportWriter.INDEX));
        assertThat(englishIndex).contains("<title>Signs of non-objective VPR results</title>");
        // the run was Russian; the list's works and reasons are English all the same (flags' reasons_en, flagged_works_en)
        String englishList = englishIndex.substring(englishIndex.indexOf("<table id=\"schools\">"));
        englishList = englishList.substring(0, englishList.indexOf("</table>"));
        assertThat(englishList).contains(", grade ").doesNotContain(" кл.");
        // so does the decision matrix, which names each school's flagged works too
        String matrix = englishIndex.substring(englishIndex.indexOf("<table id=\"matrix\">"));
        matrix = matrix.substring(0, matrix.indexOf("</table>"));
        assertThat(matrix).contains(", grade ").doesNotContain(" кл.");
        assertThat(Files.exists(out.resolve(ReportWriter.DIR + ".tmp"))).isFalse();
        ReportCommand nowhere = CommandLine.populateCommand(new ReportCommand(), "--output", out.resolve("missing").toString());
        assertThat(nowhere.write(spark, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(ExitCodes.USAGE);
    }

    /**
     * One workbook per school and per municipality; a school's weak-spot sheet has its rows of
     * {@code indicators/weak_spots} (school level), its journal sheet one row per class, no cell is a formula, and
     * every heading is explained on «Пояснения».
     */
    private void assertMethodologyWorkbooks(Path out, Path dir) throws Exception {
        Dataset<org.apache.spark.sql.Row> weak = spark.read().parquet(out.resolve(OutputLayout.INDICATORS_WEAK_SPOTS).toString());
        List<String> schools = spark.read().parquet(out.resolve(OutputLayout.INDICATORS_SCHOOL).toString())
                .select("school_id").distinct().collectAsList().stream().map(r -> r.getString(0)).toList();
        long municipalities = weak.filter(col("group_level").equalTo("municipality")).select("municipality_code").distinct().count();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(schools.size() + municipalities);
        }
        String school = schools.get(0);
        long weakRows = weak.filter(col("group_level").equalTo("school").and(col("school_id").equalTo(school))).count();
        long classRows = spark.read().parquet(out.resolve(OutputLayout.INDICATORS_CLASS).toString())
                .filter(col("school_id").equalTo(school)).count();
        try (InputStream in = Files.newInputStream(dir.resolve(school + ".xlsx")); Workbook wb = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(sh -> sheets.add(sh.getSheetName()));
            // one work per sheet («4 МА дефициты», «4 МА журнал, классы» …), «Пояснения» last; every row on one of them
            assertThat(sheets.get(sheets.size() - 1)).isEqualTo("Пояснения");
            assertThat(sheets.subList(0, sheets.size() - 1)).allMatch(n -> n.matches("\\d+ \\S+ .+"));
            assertThat(rowsOn(wb, " дефициты")).isEqualTo(weakRows);
            assertThat(rowsOn(wb, " журнал, классы")).isEqualTo(classRows);
            Set<String> explained = new java.util.HashSet<>();
            wb.getSheet("Пояснения").forEach(row -> explained.add(row.getCell(0).getStringCellValue()));
            for (Sheet sheet : wb) {
                sheet.getRow(0).forEach(c -> {
                    if (!sheet.getSheetName().equals("Пояснения")) {
                        assertThat(explained).contains(c.getStringCellValue());
                    }
                });
                sheet.forEach(row -> row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA)));
            }
        }
    }

    /** The data rows of the sheets whose names end with {@code suffix}. */
    private static long rowsOn(Workbook wb, String suffix) {
        long rows = 0;
        for (Sheet sheet : wb) {
            if (sheet.getSheetName().endsWith(suffix)) {
                rows += sheet.getLastRowNum();
            }
        }
        return rows;
    }

    @Test
    void realExportRunsAndTheComparisonAccountsForEverySchool(@TempDir Path dir) throws Exception {
        Path file = RealFiles.require(RealFiles.MA4);
        Path out = dir.resolve("out");
        int exit = run("--input", file.toString(), "--output", out.toString(), "--subject", "MA", "--grade", "4",
                "--session", "2021-spring");
        assertThat(exit).isZero();
        long schoolsWithWorks = spark.read().parquet(out.resolve(OutputLayout.RESULTS).toString())
                .select("school_id").distinct().count();
        Dataset<org.apache.spark.sql.Row> comparison = spark.read().parquet(out.resolve(OutputLayout.FLAGS_COMPARISON).toString());
        Map<String, Long> categories = comparison.groupBy("category").count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        long official = spark.read().parquet(out.resolve(OutputLayout.FLAGS_OFFICIAL).toString()).filter(col("any_marker")).count();
        System.out.printf("real MA-4 2021: %d schools with works; official markers %d schools; ours %d; categories %s%n",
                schoolsWithWorks, official, comparison.filter(col("flagged")).count(), categories);
        assertThat(comparison.count()).isEqualTo(schoolsWithWorks);
        assertThat(comparison.select("school_id").distinct().count()).isEqualTo(schoolsWithWorks);
        assertThat(categories.getOrDefault(Comparison.BOTH, 0L) + categories.getOrDefault(Comparison.OFFICIAL_ONLY, 0L))
                .isEqualTo(official);
    }

    @Test
    void aConfigurationValueOutOfRangeIsAUsageErrorNamingTheField(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"flags\": {\"q\": 1.5}}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunCommand cmd = CommandLine.populateCommand(new RunCommand(), "--input", dir.toString(), "--output",
                dir.resolve("out").toString(), "--config", config.toString());
        int exit = new PipelineRun(cmd.args.options(), true, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(SparkTestSession.get());
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("flags.q");
        assertThat(dir.resolve("out")).doesNotExist();
        Files.writeString(config, "{\"indicators\": {\"reference_level\": \"district\"}}");
        cmd = CommandLine.populateCommand(new RunCommand(), "--input", dir.toString(), "--output",
                dir.resolve("out").toString(), "--config", config.toString());
        assertThat(new PipelineRun(cmd.args.options(), true, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).execute(SparkTestSession.get())).isEqualTo(ExitCodes.USAGE);
    }

    private static int run(String... args) throws Exception {
        RunCommand cmd = CommandLine.populateCommand(new RunCommand(), args);
        return new PipelineRun(cmd.args.options(), true, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).execute(SparkTestSession.get());
    }
}
