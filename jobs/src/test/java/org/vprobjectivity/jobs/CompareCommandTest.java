package org.vprobjectivity.jobs;

import org.vprobjectivity.run.ExitCodes;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compare} over two tiny hand-made run outputs: two partitioned Parquet tables (one with a nested array of
 * doubles), run.json, rejects.csv and a report folder. The actual side is always written with another partitioning
 * and row order than the expected side, as a cluster run writes it.
 */
class CompareCommandTest {

    private static final StructType SCHOOL = new StructType()
            .add("session", DataTypes.StringType)
            .add("school_id", DataTypes.StringType)
            .add("works", DataTypes.LongType)
            .add("raised_share", DataTypes.DoubleType)
            .add("p_values", DataTypes.createArrayType(DataTypes.DoubleType));
    private static final StructType RESULTS = new StructType()
            .add("session", DataTypes.StringType)
            .add("participant", DataTypes.StringType)
            .add("mark", DataTypes.IntegerType);

    private final SparkSession spark = SparkTestSession.get();

    /** The school table's rows; {@code change} alters them for the actual side. */
    private static List<Row> schoolRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double share = (i * 7 % 13) / 13.0;
            rows.add(RowFactory.create(i < 25 ? "2025-spring" : "2024-autumn", "sch" + (220000 + i), (long) (10 + i),
                    share, scala.jdk.javaapi.CollectionConverters.asScala(List.of(share / 3, 0.05 + i * 1e-3)).toSeq()));
        }
        return rows;
    }

    private void output(Path dir, UnaryOperator<Row> change, int partitions, String stageSeconds, String works) throws Exception {
        List<Row> school = new ArrayList<>(schoolRows().stream().map(change).toList());
        if (partitions > 1) {
            java.util.Collections.reverse(school);
        }
        Dataset<Row> schools = spark.createDataFrame(school, SCHOOL).repartition(partitions);
        ParquetTables.write(schools, dir.resolve(OutputLayout.INDICATORS_SCHOOL).toString());
        List<Row> results = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            results.add(RowFactory.create("2025-spring", "p" + i, 2 + i % 4));
        }
        ParquetTables.write(spark.createDataFrame(results, RESULTS).repartition(partitions),
                dir.resolve(OutputLayout.RESULTS).toString());
        Files.writeString(dir.resolve(OutputLayout.RUN_JSON), """
                {"version": "0.1.0", "startedAt": "2026-11-23T10:%s:00Z", "sessions": ["2024-autumn", "2025-spring"],
                 "totals": {"works": %s}, "stageMillis": {"total": %d}}
                """.formatted(stageSeconds, works, Integer.parseInt(stageSeconds) * 1000));
        List<String> csv = new ArrayList<>(List.of("source_file;reason_code", "a.csv;MARK_MISMATCH", "b.csv;DUPLICATE_PARTICIPANT"));
        if (partitions > 1) {
            java.util.Collections.swap(csv, 1, 2); // equal sort keys may come in any order
        }
        Files.writeString(dir.resolve(OutputLayout.REJECTS_CSV), String.join("\n", csv) + "\n");
        Files.createDirectories(dir.resolve("report/schools"));
        Files.writeString(dir.resolve("report/index.html"), "<html>generated " + stageSeconds + "</html>");
        Files.writeString(dir.resolve("report/schools/sch220001.html"), "<html></html>");
    }

    private record Outcome(int exit, String printed) {
    }

    private Outcome compare(Path expected, Path actual, String... more) {
        List<String> args = new ArrayList<>(List.of("--expected", expected.toString(), "--actual", actual.toString()));
        args.addAll(List.of(more));
        CompareCommand cmd = CommandLine.populateCommand(new CompareCommand(), args.toArray(new String[0]));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int exit = cmd.compare(spark, out, out);
        String printed = buf.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        return new Outcome(exit, printed);
    }

    private static String line(String printed, String table) {
        return printed.lines().map(String::trim).filter(l -> l.startsWith(table + " ")).findFirst()
                .orElse("(no line for " + table + ")");
    }

    @Test
    void sameOutputsWrittenDifferentlyAreEqual(@TempDir Path dir) throws Exception {
        output(dir.resolve("expected"), r -> r, 1, "01", "70");
        output(dir.resolve("actual"), r -> r, 3, "59", "70");
        Outcome o = compare(dir.resolve("expected"), dir.resolve("actual"));
        assertThat(o.exit()).isEqualTo(ExitCodes.OK);
        assertThat(line(o.printed(), OutputLayout.INDICATORS_SCHOOL)).contains("40 rows, equal");
        assertThat(line(o.printed(), OutputLayout.RESULTS)).contains("30 rows, equal");
        assertThat(line(o.printed(), OutputLayout.RUN_JSON)).contains("equal");
        assertThat(line(o.printed(), OutputLayout.REJECTS_CSV)).contains("equal");
        assertThat(line(o.printed(), "report/")).contains("2 files, same names");
        assertThat(o.printed()).contains("Outputs equal: 2 tables");
    }

    @Test
    void doublesWithinTheRelativeToleranceAreEqual(@TempDir Path dir) throws Exception {
        output(dir.resolve("expected"), r -> r, 1, "01", "70");
        // Last-bit differences as another summation order gives, in a column and inside an array, on every row.
        output(dir.resolve("actual"), r -> {
            double share = r.getDouble(3);
            double shifted = share == 0 ? 0 : Math.nextUp(share);
            List<Double> p = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(r.<scala.collection.Seq<Double>>getAs(4)));
            p.set(1, p.get(1) * (1 + 3e-16));
            return RowFactory.create(r.get(0), r.get(1), r.get(2), shifted,
                    scala.jdk.javaapi.CollectionConverters.asScala(p).toSeq());
        }, 3, "59", "70");
        Outcome o = compare(dir.resolve("expected"), dir.resolve("actual"));
        assertThat(o.exit()).isEqualTo(ExitCodes.OK);
        assertThat(line(o.printed(), OutputLayout.INDICATORS_SCHOOL)).contains("40 rows, equal");
    }

    @Test
    void aValueAcrossARoundingBoundaryIsMatchedWithinTolerance(@TempDir Path dir) throws Exception {
        // Mantissas 1.23456788850004 and 1.23456788849996 round apart at 9 decimals, yet differ by 6.5e-14 relative.
        output(dir.resolve("expected"), r -> r.getString(1).equals("sch220003") ? withShare(r, 0.123456788850004) : r, 1, "01", "70");
        output(dir.resolve("actual"), r -> r.getString(1).equals("sch220003") ? withShare(r, 0.123456788849996) : r, 3, "02", "70");
        Outcome o = compare(dir.resolve("expected"), dir.resolve("actual"));
        assertThat(o.exit()).isEqualTo(ExitCodes.OK);
        assertThat(line(o.printed(), OutputLayout.INDICATORS_SCHOOL)).contains("40 rows, equal (1 within tolerance)");
    }

    @Test
    void aChangedValueIsADifferenceThatNamesTheTable(@TempDir Path dir) throws Exception {
        output(dir.resolve("expected"), r -> r, 1, "01", "70");
        output(dir.resolve("actual"), r -> r.getString(1).equals("sch220007") ? withShare(r, r.getDouble(3) * (1 + 1e-6)) : r,
                3, "59", "70");
        Outcome o = compare(dir.resolve("expected"), dir.resolve("actual"));
        assertThat(o.exit()).isEqualTo(ExitCodes.OUTPUTS_DIFFER);
        assertThat(line(o.printed(), OutputLayout.INDICATORS_SCHOOL))
                .contains("DIFFERS", "1 rows only in expected, 1 only in actual");
        assertThat(line(o.printed(), "row")).contains("school_id=sch220007", "session=2025-spring");
        assertThat(line(o.printed(), "differs")).isEqualTo("differs in raised_share 0.7692307692 (expected) vs 0.7692315385 (actual)");
        assertThat(line(o.printed(), OutputLayout.RESULTS)).contains("equal");
        assertThat(o.printed()).contains("Outputs DIFFER in 1 of").contains(": " + OutputLayout.INDICATORS_SCHOOL);
    }

    @Test
    void missingRowsTablesAndFilesAndRunCountsAreDifferences(@TempDir Path dir) throws Exception {
        output(dir.resolve("expected"), r -> r, 1, "01", "70");
        output(dir.resolve("actual"), r -> r, 2, "01", "71");
        Path actual = dir.resolve("actual");
        // A lost partition, a lost report page and an extra table.
        deleteTree(actual.resolve(OutputLayout.INDICATORS_SCHOOL).resolve("session=2024-autumn"));
        Files.delete(actual.resolve("report/schools/sch220001.html"));
        ParquetTables.write(spark.createDataFrame(List.of(RowFactory.create("2025-spring", "p1", 3)), RESULTS),
                actual.resolve(OutputLayout.FLAGS_CELLS).toString());
        Outcome o = compare(dir.resolve("expected"), actual);
        assertThat(o.exit()).isEqualTo(ExitCodes.OUTPUTS_DIFFER);
        assertThat(line(o.printed(), OutputLayout.INDICATORS_SCHOOL)).contains("40 rows expected, 25 actual; 15 rows only in expected, 0 only in actual");
        assertThat(line(o.printed(), OutputLayout.FLAGS_CELLS)).contains("only in actual");
        assertThat(line(o.printed(), OutputLayout.RUN_JSON)).contains("DIFFERS in [totals]");
        assertThat(line(o.printed(), "report/")).contains("1 files only in expected [report/schools/sch220001.html]");
        assertThat(o.printed()).contains(OutputLayout.FLAGS_CELLS + ", " + OutputLayout.INDICATORS_SCHOOL + ", "
                + OutputLayout.RUN_JSON + ", report/");
    }

    @Test
    void aMissingFolderIsAUsageError(@TempDir Path dir) throws Exception {
        output(dir.resolve("expected"), r -> r, 1, "01", "70");
        assertThat(compare(dir.resolve("expected"), dir.resolve("nowhere")).exit()).isEqualTo(ExitCodes.USAGE);
    }

    /**
     * The same file ingested from two folders: the outputs differ only in where the rows were read from (source_file,
     * run.json's inputs and files, rejects.csv); with --ignore-source they compare equal, and a real difference in the
     * data still shows.
     */
    @Test
    void theSameDataReadFromAnotherFolderIsEqualWithIgnoreSource(@TempDir Path dir) throws Exception {
        Path sample = OutputSafetyTest.sample();
        Path here = dir.resolve("here").resolve(sample.getFileName());
        Path there = dir.resolve("somewhere/else").resolve(sample.getFileName());
        Files.createDirectories(here.getParent());
        Files.createDirectories(there.getParent());
        List<String> lines = Files.readAllLines(sample);
        Files.write(here, lines);
        Files.write(there, lines);
        assertThat(OutputSafetyTest.ingest("--input", here.toString(), "--output", dir.resolve("a").toString()).exit()).isZero();
        assertThat(OutputSafetyTest.ingest("--input", there.toString(), "--output", dir.resolve("b").toString()).exit()).isZero();

        Outcome plain = compare(dir.resolve("a"), dir.resolve("b"));
        assertThat(plain.exit()).isEqualTo(ExitCodes.OUTPUTS_DIFFER);
        assertThat(line(plain.printed(), OutputLayout.RESULTS)).contains("DIFFERS");
        Outcome ignoring = compare(dir.resolve("a"), dir.resolve("b"), "--ignore-source");
        assertThat(ignoring.exit()).as(ignoring.printed()).isEqualTo(ExitCodes.OK);
        assertThat(line(ignoring.printed(), OutputLayout.RUN_JSON)).contains("equal");

        // A changed mark in the data is still a difference.
        Path changed = dir.resolve("changed").resolve(sample.getFileName());
        Files.createDirectories(changed.getParent());
        List<String> edited = new ArrayList<>(lines);
        edited.remove(edited.size() - 1);
        Files.write(changed, edited);
        assertThat(OutputSafetyTest.ingest("--input", changed.toString(), "--output", dir.resolve("c").toString()).exit()).isZero();
        assertThat(compare(dir.resolve("a"), dir.resolve("c"), "--ignore-source").exit()).isEqualTo(ExitCodes.OUTPUTS_DIFFER);
    }

    /** A stale lock taken over or a killed run's leftovers cleaned is the folder's history, not a difference in data. */
    @Test
    void notesAboutTheFoldersHistoryAreNoDifference(@TempDir Path dir) throws Exception {
        output(dir.resolve("expected"), r -> r, 1, "01", "70");
        output(dir.resolve("actual"), r -> r, 1, "01", "70");
        Path runJson = dir.resolve("actual").resolve(OutputLayout.RUN_JSON);
        String history = "\"notes\": [{\"code\": \"STALE_LOCK_TAKEN_OVER\", \"path\": \"/x/.out.lock\"},"
                + " {\"code\": \"LEFTOVER_STAGING_DELETED\", \"path\": \"/x/.out.staging-1\"}], ";
        Files.writeString(runJson, Files.readString(runJson).replaceFirst("\\{", "{" + history));
        Outcome o = compare(dir.resolve("expected"), dir.resolve("actual"));
        assertThat(line(o.printed(), OutputLayout.RUN_JSON)).contains("equal");
        // A note about the data (a side file's rejected line) is still a difference.
        Files.writeString(runJson, Files.readString(runJson).replace("LEFTOVER_STAGING_DELETED", "TEACHERS_LINE_REJECTED"));
        assertThat(line(compare(dir.resolve("expected"), dir.resolve("actual")).printed(), OutputLayout.RUN_JSON))
                .contains("DIFFERS in [notes]");
    }

    private static Row withShare(Row r, double share) {
        return RowFactory.create(r.get(0), r.get(1), r.get(2), share, r.get(4));
    }

    private static void deleteTree(Path p) throws Exception {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
