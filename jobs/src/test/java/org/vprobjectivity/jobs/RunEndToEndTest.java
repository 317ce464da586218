package org.vprobjectivity.jobs;

import org.vprobjectivity.run.PipelineRun;
import org.vprobjectivity.run.ExitCodes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.io.RunReport;
import org.vprobjectivity.synthetic.GenerationRecord;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vprobjectivity.table.SchemaCheck;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI end to end on a generated region: counts in the outputs equal the generator's own record,
 * deliberately bad files are reported and the run goes on, reruns and failed runs keep the output whole.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunEndToEndTest {

    @TempDir
    static Path dir;
    static GenerationRecord record;
    static Map<String, String> badFiles;
    static int firstExit;
    static String firstSummary;
    /** Every action of the first run that brought rows back to the driver. */
    static List<DriverResults.Action> driverResults;

    private final SparkSession spark = SparkTestSession.get();

    @BeforeAll
    static void generateAndRun() throws Exception {
        assertThat(Main.execute("generate", "--output", dir.resolve("gen").toString(), "--schools", "16", "--seed", "5",
                "--bad-rows", "--bad-files")).isZero();
        record = GenerationRecord.read(dir.resolve("gen/truth"));
        badFiles = new ObjectMapper().readValue(dir.resolve("gen/truth/bad-files.json").toFile(), new TypeReference<>() { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DriverResults listener = DriverResults.listen(SparkTestSession.get());
        try {
            firstExit = run(out, "--input", dir.resolve("gen/region").toString(), "--output", output().toString());
        } finally {
            driverResults = listener.stop(SparkTestSession.get());
        }
        firstSummary = out.toString(StandardCharsets.UTF_8);
    }

    static Path output() {
        return dir.resolve("out");
    }

    /** Runs the {@code run} command in this JVM's shared Spark session. */
    static int run(ByteArrayOutputStream out, String... args) throws Exception {
        RunCommand cmd = CommandLine.populateCommand(new RunCommand(), args);
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new PipelineRun(cmd.args.options(), true, ps, new PrintStream(new ByteArrayOutputStream())).execute(SparkTestSession.get());
    }

    @Test
    @Order(1)
    void countsEqualTheGeneratorsRecord() {
        assertThat(firstExit).as(firstSummary).isEqualTo(ExitCodes.SOME_FILES_UNUSABLE);
        long works = spark.read().parquet(output().resolve("results").toString()).count();
        assertThat(works).isEqualTo(record.totals().works());
        Row participation = spark.read().parquet(output().resolve("participation").toString())
                .agg(sum("absent"), sum("works"), sum("listed")).first();
        assertThat(participation.getLong(0)).isEqualTo(record.totals().absent());
        assertThat(participation.getLong(1)).isEqualTo(record.totals().works());
        assertThat(participation.getLong(2)).isEqualTo(record.totals().dataRows());

        Map<String, Long> rejectsByReason = spark.read().parquet(output().resolve("rejects").toString())
                .groupBy("reason_code").count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1), Long::sum, TreeMap::new));
        Map<String, Long> injected = new TreeMap<>();
        record.totals().badRows().forEach((k, v) -> injected.put(k, v.longValue()));
        assertThat(rejectsByReason).isEqualTo(injected);

        long taskRows = spark.read().parquet(output().resolve("task_scores").toString()).count();
        assertThat(taskRows).isEqualTo(spark.read().parquet(output().resolve("results").toString())
                .selectExpr("size(scores) AS n").agg(sum("n")).first().getLong(0));
        // every table, rejects with rows included, has its declared columns (issue 18: one column vocabulary)
        assertThat(SchemaCheck.differences(spark, output().toString())).isEmpty();
    }

    @Test
    @Order(1)
    void noParticipantRowReachesTheDriver() {
        // the run does bring small results back (per-file counts, sessions, the report's lists): the listener sees them
        assertThat(driverResults).isNotEmpty();
        assertThat(driverResults).noneMatch(DriverResults.Action::carriesParticipants);
        // and the check would see a participant-level result if one came back
        DriverResults listener = DriverResults.listen(spark);
        spark.read().parquet(output().resolve("results").toString()).limit(1).collectAsList();
        assertThat(listener.stop(spark)).anyMatch(DriverResults.Action::carriesParticipants);
    }

    @Test
    @Order(2)
    void badFilesAreReportedWithTheirProblemAndTheRunGoesOn() throws Exception {
        RunReport report = RunReport.read(output().resolve("run.json"));
        Map<String, String> problems = new HashMap<>();
        report.files.stream().filter(f -> f.problem != null)
                .forEach(f -> problems.put(Path.of(f.file).getFileName().toString(), f.problem));
        assertThat(problems).isEqualTo(badFiles);
        assertThat(firstSummary).contains("Не использовано:").contains("--scales")
                .contains("Код завершения 3: результаты записаны, но " + report.filesWithProblems() + " файлов или таблиц не использованы");
        // Every output is listed, the methodologists' workbooks included.
        assertThat(firstSummary).contains("Результаты в " + output()).contains("report/methodology/").contains("indicators/weak_spots/");
        long rowsInUsedTables = report.files.stream().filter(f -> f.problem == null).mapToLong(f -> f.rowsRead).sum();
        assertThat(rowsInUsedTables).isEqualTo(record.totals().dataRows());
        assertThat(report.files).filteredOn(f -> f.problem == null)
                .allSatisfy(f -> assertThat(f.works + f.absent + f.rejected).as(f.file).isEqualTo(f.rowsRead));
    }

    @Test
    @Order(3)
    void rejectsCsvOpensInExcelWithoutFormulas() throws Exception {
        byte[] bytes = Files.readAllBytes(output().resolve("rejects.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("session;source_file;sheet;source_row;reject_column;reason_code");
        assertThat(lines).hasSize(1 + record.totals().badRowTotal());
        for (String line : lines) {
            for (String field : line.split(";")) {
                String f = field.startsWith("\"") ? field.substring(1) : field;
                assertThat(f).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
    }

    @Test
    @Order(4)
    void nothingUsableLeavesThePreviousOutputIntact() throws Exception {
        byte[] runJson = Files.readAllBytes(output().resolve("run.json"));
        int exit = run(new ByteArrayOutputStream(), "--input", dir.resolve("gen/region/bad").toString(),
                "--output", output().toString());
        assertThat(exit).isEqualTo(ExitCodes.NOTHING_USABLE);
        assertThat(Files.readAllBytes(output().resolve("run.json"))).isEqualTo(runJson);
        assertThat(spark.read().parquet(output().resolve("results").toString()).count()).isEqualTo(record.totals().works());
    }

    @Test
    @Order(5)
    void rerunOfTheSessionReplacesItAndKeepsOtherSessions() throws Exception {
        // The same canonical file, read as the 2026 session, adds a partition; rerunning 2025 on one file replaces 2025 only.
        Path canonical = Files.list(dir.resolve("gen/region")).filter(p -> p.getFileName().toString().startsWith("canonical_"))
                .findFirst().orElseThrow();
        Path other = dir.resolve("other-session");
        Files.createDirectories(other);
        Files.writeString(other.resolve("canonical.csv"), Files.readString(canonical).replace("2025-spring", "2026-spring"));
        assertThat(run(new ByteArrayOutputStream(), "--input", other.toString(), "--output", output().toString())).isZero();
        assertThat(run(new ByteArrayOutputStream(), "--input", canonical.toString(), "--output", output().toString())).isZero();

        Map<String, Long> bySession = spark.read().parquet(output().resolve("results").toString())
                .groupBy("session").count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        long canonicalWorks = record.files().stream().filter(f -> canonical.endsWith(f.path())).mapToLong(GenerationRecord.FileRecord::works).sum();
        assertThat(bySession).containsOnlyKeys("2025-spring", "2026-spring");
        assertThat(bySession.get("2025-spring")).isEqualTo(canonicalWorks);
        assertThat(bySession.get("2026-spring")).isEqualTo(canonicalWorks);
        assertThat(spark.read().parquet(output().resolve("results").toString()).filter(col("session").equalTo("2025-spring"))
                .select("source_file").distinct().count()).isEqualTo(1);
    }
}
