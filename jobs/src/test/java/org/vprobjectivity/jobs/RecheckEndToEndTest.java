package org.vprobjectivity.jobs;

import org.vprobjectivity.run.PipelineRun;
import org.vprobjectivity.run.ExitCodes;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.recheck.RecheckForms;
import org.vprobjectivity.recheck.RecheckTables;
import org.vprobjectivity.report.ReportWriter;
import org.vprobjectivity.synthetic.GroundTruth;
import org.vprobjectivity.synthetic.RecheckSimulator;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-check loop on a generated region: {@code run}, {@code recheck plan}, an honest commission simulated from the
 * generator's truth, {@code recheck read}. The plan is reproducible and blind; manipulated schools lose points on
 * re-check where the control group does not; reading is idempotent; bad cells are quarantined, the rest kept.
 */
class RecheckEndToEndTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void theLoopFromPlanToDiscrepancy(@TempDir Path dir) throws Exception {
        assertThat(Main.execute("generate", "--output", dir.resolve("gen").toString(), "--schools", "60", "--seed", "23",
                "--manipulated-share", "0.4")).isZero();
        String out = dir.resolve("out").toString();
        RunCommand run = CommandLine.populateCommand(new RunCommand(), "--input", dir.resolve("gen/region").toString(),
                "--output", out);
        assertThat(new PipelineRun(run.args.options(), true, quiet(), quiet()).execute(spark)).isZero();

        // Before any re-check the report says in one line how to produce one.
        assertThat(Files.readString(Path.of(out, ReportWriter.DIR, ReportWriter.INDEX))).contains("id=\"no-recheck\"")
                .contains("recheck plan").doesNotContain("id=\"recheck-groups\"");

        assertThat(plan(out, "7")).isZero();
        List<Row> plan = planRows(out);
        String planId = plan.get(0).getAs(RecheckTables.PLAN_ID);
        Set<String> flagged = new HashSet<>();
        for (Row r : spark.read().parquet(out + "/" + OutputLayout.FLAGS_CELLS).filter(col("flagged_results")).collectAsList()) {
            flagged.add(r.getAs("school_id") + "|" + r.getAs("subject") + "|" + r.getAs("grade"));
        }
        assertThat(flagged).isNotEmpty();
        for (Row r : plan) {
            String cell = r.getAs("school_id") + "|" + r.getAs("subject") + "|" + r.getAs("grade");
            assertThat(flagged.contains(cell)).as(cell).isEqualTo(RecheckTables.TARGETED.equals(r.getAs(RecheckTables.STRATUM)));
        }
        assertThat(plan.stream().filter(r -> RecheckTables.CONTROL.equals(r.getAs(RecheckTables.STRATUM)))).isNotEmpty();
        assertThat(plan.stream().filter(r -> r.<Integer>getAs(RecheckTables.PRIORITY) > 10)).isEmpty();

        // The same seed gives the same plan; another seed another control group.
        assertThat(plan(out, "7")).isZero();
        assertThat(ids(planRows(out))).isEqualTo(ids(plan));
        assertThat(planRows(out).get(0).<String>getAs(RecheckTables.PLAN_ID)).isEqualTo(planId);

        // --borderline 3: the three unflagged cells of highest risk are targeted beside the flagged ones.
        RecheckCommand.Plan wider = CommandLine.populateCommand(new RecheckCommand.Plan(), "--output", out, "--seed", "7",
                "--borderline", "3");
        assertThat(wider.execute(spark, quiet(), quiet())).isZero();
        assertThat(targetedCells(planRows(out))).hasSize(targetedCells(plan).size() + 3).containsAll(targetedCells(plan));
        assertThat(plan(out, "7")).isZero(); // back to the plan the rest of the test reads
        assertThat(ids(planRows(out))).isEqualTo(ids(plan));

        // The forms are blind: codes and task columns, no school, class or participant anywhere.
        List<Path> forms;
        try (var s = Files.list(Path.of(out, RecheckTables.FORMS))) {
            forms = s.sorted().toList();
        }
        assertThat(forms).isNotEmpty();
        Set<String> revealing = new HashSet<>();
        for (Row r : plan) {
            revealing.add(r.getAs("school_id"));
            revealing.add(r.getAs("participant"));
        }
        for (Path f : forms) {
            try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet sheet = wb.getSheet(RecheckForms.SHEET);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(RecheckForms.CODE);
                assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).contains("(макс ");
                assertThat(sheet.getDataValidations()).isNotEmpty();
                assertThat(wb.getSheet(RecheckForms.INSTRUCTIONS)).isNotNull();
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    for (Cell c : row) {
                        assertThat(revealing).doesNotContain(c.toString());
                    }
                }
            }
        }

        Path filled = dir.resolve("filled");
        assertThat(RecheckSimulator.fill(spark, out, dir.resolve("gen/truth"), filled, 0.02, 1)).isEqualTo(plan.size());
        assertThat(read(out, filled)).isZero();
        List<Row> works = sorted(out + "/" + RecheckTables.WORKS);
        assertThat(works).hasSize(plan.size());

        GroundTruth truth = GroundTruth.read(dir.resolve("gen/truth"));
        List<Row> schools = spark.read().parquet(out + "/" + RecheckTables.SCHOOLS).collectAsList();
        List<Double> manipulated = new ArrayList<>();
        List<Double> control = new ArrayList<>();
        for (Row r : schools) {
            boolean injected = truth.kindOf(r.getAs("school_id"), r.getAs("subject"), r.<Integer>getAs("grade")) != null;
            double diff = r.<Double>getAs(RecheckTables.MEAN_POINT_DIFF);
            if (RecheckTables.CONTROL.equals(r.getAs(RecheckTables.STRATUM))) {
                control.add(diff);
            } else if (injected) {
                manipulated.add(diff);
            }
            if (r.<Boolean>getAs(RecheckTables.CONFIRMED)) {
                assertThat(injected).as("a confirmed discrepancy is a manipulated cell: " + r).isTrue();
            }
        }
        System.out.printf("re-check: %d works; mean point difference, manipulated targeted schools %s, control %s%n",
                works.size(), manipulated, control);
        assertThat(mean(manipulated)).isGreaterThan(mean(control) + 1.0);
        assertThat(schools.stream().filter(r -> r.<Boolean>getAs(RecheckTables.CONFIRMED))).isNotEmpty();

        // Reading the same forms again gives the same tables.
        assertThat(read(out, filled)).isZero();
        assertThat(sorted(out + "/" + RecheckTables.WORKS).toString()).isEqualTo(works.toString());

        // A commission's typing errors: the bad cells are quarantined with their place, every other work kept.
        Path first = filled.resolve(forms.get(0).getFileName());
        String badCode;
        try (InputStream in = Files.newInputStream(first); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(RecheckForms.SHEET);
            badCode = sheet.getRow(1).getCell(0).getStringCellValue();
            sheet.getRow(1).getCell(3).setCellValue(99);
            sheet.getRow(1).getCell(4).setCellValue("пять");
            try (OutputStream o = Files.newOutputStream(first)) {
                wb.write(o);
            }
        }
        assertThat(read(out, filled)).isEqualTo(ExitCodes.SOME_FILES_UNUSABLE);
        List<Row> rejects = spark.read().parquet(out + "/" + RecheckTables.REJECTS).collectAsList();
        assertThat(rejects).hasSize(2).allSatisfy(r -> {
            assertThat(r.<String>getAs(RecheckTables.FORM_FILE)).isEqualTo(first.toString());
            assertThat(r.<Integer>getAs("row")).isEqualTo(2);
        });
        assertThat(spark.read().parquet(out + "/" + RecheckTables.WORKS).count()).isEqualTo(plan.size() - 1);
        assertThat(spark.read().parquet(out + "/" + RecheckTables.WORKS).filter(col(RecheckTables.WORK_ID).equalTo(badCode))
                .count()).isZero();

        // A rerun keeps the re-check and uses it: the re-checked cells carry its evidence, a confirmed one as a sign.
        assertThat(new PipelineRun(run.args.options(), true, quiet(), quiet()).execute(spark)).isZero();
        assertThat(spark.read().parquet(out + "/" + RecheckTables.WORKS).count()).isEqualTo(plan.size() - 1);
        List<Row> cells = spark.read().parquet(out + "/" + OutputLayout.FLAGS_CELLS)
                .filter(col(RecheckTables.EVIDENCE_WORKS).isNotNull()).collectAsList();
        long targetedCells = plan.stream().filter(r -> RecheckTables.TARGETED.equals(r.getAs(RecheckTables.STRATUM)))
                .map(r -> r.getAs("school_id") + "|" + r.getAs("subject") + "|" + r.getAs("grade")).distinct().count();
        assertThat((long) cells.size()).isEqualTo(targetedCells);
        assertThat(cells.stream().filter(r -> r.<Double>getAs("sign_recheck_p") != null
                && r.<Double>getAs("sign_recheck_p") < 0.05 && r.<Boolean>getAs("flagged_results"))).isNotEmpty();
        reportShowsTheRecheck(out);
    }

    /** The rerun's report: the re-check section, the commission's workbook and the decision matrix over the same tables. */
    private void reportShowsTheRecheck(String out) throws Exception {
        String index = Files.readString(Path.of(out, ReportWriter.DIR, ReportWriter.INDEX));
        List<Row> recheck = spark.read().parquet(out + "/" + RecheckTables.SCHOOLS).collectAsList();
        long targetedWorks = recheck.stream().filter(r -> RecheckTables.TARGETED.equals(r.getAs(RecheckTables.STRATUM)))
                .mapToLong(r -> r.<Long>getAs(RecheckTables.WORKS_RECHECKED)).sum();
        assertThat(index).doesNotContain("id=\"no-recheck\"").contains("id=\"recheck-groups\"").contains("id=\"recheck-confirmed\"")
                .contains("<b>" + targetedWorks + "</b>").contains("id=\"matrix\"");
        try (InputStream in = Files.newInputStream(Path.of(out, ReportWriter.DIR, ReportWriter.RECHECK_XLSX));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("По школам").getLastRowNum()).isEqualTo(recheck.size());
            assertThat(wb.getSheet("По заданиям").getLastRowNum()).isEqualTo((int) spark.read().parquet(out + "/" + RecheckTables.TASKS).count());
        }
        // The matrix: one row per school with signs (ours, the official markers, or a confirmed discrepancy), in the list's order.
        Set<String> confirmed = new HashSet<>();
        recheck.stream().filter(r -> r.<Boolean>getAs(RecheckTables.CONFIRMED)).forEach(r -> confirmed.add(r.getAs("school_id")));
        long withSigns = spark.read().parquet(out + "/" + OutputLayout.FLAGS_SCHOOLS).collectAsList().stream()
                .filter(r -> Boolean.TRUE.equals(r.getAs("flagged")) || r.<Long>getAs("official_markers") > 0
                        || confirmed.contains(r.<String>getAs("school_id"))).count();
        try (InputStream in = Files.newInputStream(Path.of(out, ReportWriter.DIR, ReportWriter.XLSX)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet matrix = wb.getSheet("Матрица решений");
            assertThat((long) matrix.getLastRowNum()).isEqualTo(withSigns);
            for (org.apache.poi.ss.usermodel.Row row : matrix) {
                if (row.getRowNum() > 0 && confirmed.contains(row.getCell(1).getStringCellValue())) {
                    // a confirmed discrepancy sends observers, and its works are not re-checked a second time
                    assertThat(row.getCell(5).getStringCellValue()).isEmpty();
                    assertThat(row.getCell(6).getStringCellValue()).startsWith("Независимые наблюдатели");
                    assertThat(row.getCell(3).getStringCellValue()).contains("перепроверка подтвердила расхождение");
                }
            }
        }
    }

    private int plan(String out, String seed) {
        RecheckCommand.Plan p = CommandLine.populateCommand(new RecheckCommand.Plan(), "--output", out, "--seed", seed);
        return p.execute(spark, quiet(), quiet());
    }

    private int read(String out, Path filled) {
        RecheckCommand.Read r = CommandLine.populateCommand(new RecheckCommand.Read(), "--output", out, "--forms",
                filled.toString());
        return r.execute(spark, quiet(), quiet());
    }

    private static Set<String> targetedCells(List<Row> plan) {
        Set<String> cells = new HashSet<>();
        for (Row r : plan) {
            if (RecheckTables.TARGETED.equals(r.getAs(RecheckTables.STRATUM))) {
                cells.add(r.getAs("school_id") + "|" + r.getAs("subject") + "|" + r.getAs("grade"));
            }
        }
        return cells;
    }

    private List<Row> planRows(String out) {
        return spark.read().parquet(out + "/" + RecheckTables.PLAN).orderBy(RecheckTables.WORK_ID).collectAsList();
    }

    private List<Row> sorted(String table) {
        return spark.read().parquet(table).orderBy(RecheckTables.WORK_ID).collectAsList();
    }

    private static List<String> ids(List<Row> rows) {
        return rows.stream().map(r -> r.<String>getAs(RecheckTables.WORK_ID)).toList();
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
