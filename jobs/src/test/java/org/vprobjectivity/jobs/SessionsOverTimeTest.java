package org.vprobjectivity.jobs;

import org.vprobjectivity.run.PipelineRun;
import org.vprobjectivity.run.ExitCodes;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.flags.HistoryJump;
import org.vprobjectivity.indicators.CohortComparison;
import org.vprobjectivity.indicators.CohortMarker;
import org.vprobjectivity.indicators.TestVersions;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.synthetic.GroundTruth;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vprobjectivity.table.SchemaCheck;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sessions of one generated region run one after the other into one output folder: the output accumulates them,
 * the first session's partitions stay as they were, the official marker 3 pairs each school's grade 4 of 2024 with its
 * grade 5 of 2025, the persistence of signs is counted ({@link PersistenceChecks}), and the report shows the sessions over
 * time ({@link HistoryReportChecks}). One test for all of it: two
 * runs of the job are the slow part.
 */
class SessionsOverTimeTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void aSecondSessionAddsCohortsAndKeepsTheFirst(@TempDir Path dir) throws Exception {
        // One region over two sessions (generate --sessions 2): the same schools, their grade 4 of 2024 is grade 5 in
        // 2025. Kinds that leave a pattern in the works, so a school manipulated in both sessions is flagged in both.
        assertThat(Main.execute("generate", "--output", dir.resolve("gen").toString(), "--schools", "40", "--seed", "19",
                "--session", "2024-spring", "--sessions", "2", "--manipulated-share", "0.3",
                "--kinds", "ANSWERS_KNOWN,COPIED_WORKS", "--formats", "CANONICAL_CSV")).isZero();
        String out = dir.resolve("out").toString();
        assertThat(run(dir.resolve("gen/region/2024-spring"), out)).isZero();
        assertThat(Path.of(out, OutputLayout.INDICATORS_COHORT)).doesNotExist(); // one year: no cohort yet
        assertThat(Path.of(out, OutputLayout.FLAGS_LIST_OVERLAP)).doesNotExist(); // nor a previous list
        HistoryReportChecks.oneSession(out);
        Map<String, byte[]> firstFiles = PersistenceChecks.files(Path.of(out), "2024-spring");
        assertThat(firstFiles).isNotEmpty();

        assertThat(run(dir.resolve("gen/region/2025-spring"), out)).isZero();
        // The first session's partitions, every table's, are untouched by the second run.
        Map<String, byte[]> after = PersistenceChecks.files(Path.of(out), "2024-spring");
        assertThat(after.keySet()).isEqualTo(firstFiles.keySet());
        firstFiles.forEach((file, bytes) -> assertThat(after.get(file)).as(file).isEqualTo(bytes));
        assertThat(spark.read().parquet(out + "/" + OutputLayout.RESULTS).select("session").distinct().count()).isEqualTo(2);
        List<Row> cohorts = spark.read().parquet(out + "/" + OutputLayout.INDICATORS_COHORT).collectAsList();
        assertThat(cohorts).isNotEmpty().allSatisfy(r -> {
            assertThat(r.<String>getAs(CohortMarker.SESSION_FROM)).isEqualTo("2024-spring");
            assertThat(r.<String>getAs(CohortMarker.SESSION_TO)).isEqualTo("2025-spring");
            assertThat(r.<Integer>getAs(CohortMarker.GRADE_TO)).isEqualTo(r.<Integer>getAs(CohortMarker.GRADE_FROM) + 1);
            assertThat(r.<Double>getAs(CohortMarker.K)).isCloseTo(
                    r.<Double>getAs(CohortMarker.S_FROM) / r.<Double>getAs(CohortMarker.S_TO), org.assertj.core.api.Assertions.within(1e-12));
        });
        // every school that wrote grade 4 in 2024 and grade 5 in 2025 in a subject has its cohort
        long expected = spark.read().parquet(out + "/" + OutputLayout.RESULTS).filter(col("grade").equalTo(4)
                        .and(col("session").equalTo("2024-spring"))).select("school_id", "subject").distinct()
                .join(spark.read().parquet(out + "/" + OutputLayout.RESULTS).filter(col("grade").equalTo(5)
                        .and(col("session").equalTo("2025-spring"))).select("school_id", "subject").distinct(),
                        new String[] {"school_id", "subject"}).count();
        assertThat((long) cohorts.size()).isEqualTo(expected);
        long marked = cohorts.stream().filter(r -> r.<Boolean>getAs(CohortMarker.FALL) || r.<Boolean>getAs(CohortMarker.RISE)).count();
        // marker 3 reaches the official markers of the later work, and its count
        List<Row> official = spark.read().parquet(out + "/" + OutputLayout.INDICATORS_OFFICIAL)
                .filter(col("session").equalTo("2025-spring").and(col("grade").equalTo(5))).collectAsList();
        for (Row c : cohorts) {
            Row o = official.stream().filter(r -> r.getAs("school_id").equals(c.getAs("school_id"))
                    && r.getAs("subject").equals(c.getAs("subject"))).findFirst().orElseThrow();
            boolean change = c.<Boolean>getAs(CohortMarker.FALL) || c.<Boolean>getAs(CohortMarker.RISE);
            assertThat(o.<Boolean>getAs("marker_cohort_change")).isEqualTo(change);
            assertThat(o.<Integer>getAs("markers")).isEqualTo((o.<Boolean>getAs("marker_inflated_mean") ? 1 : 0)
                    + (o.<Boolean>getAs("marker_mismatch") ? 1 : 0) + (change ? 1 : 0));
        }
        System.out.printf("marker 3 on two generated sessions (40 schools): %d cohorts, %d marked%n", cohorts.size(), marked);
        CohortMarkerIndependentCheck.check(dir.resolve("gen/region"), "2024-spring", "2025-spring", cohorts);
        PersistenceChecks.check(spark, out, GroundTruth.read(dir.resolve("gen/truth")), "2024-spring", "2025-spring");
        HistoryReportChecks.twoSessions(spark, out, "2024-spring", "2025-spring");
        overTimeColumns(out);
        // the over-time tables (cohort, list overlap) and the rest have their declared columns (issue 18)
        assertThat(SchemaCheck.differences(spark, out)).isEmpty();
        history(dir, out);
    }

    /** The comparability guard, the standardised path and the jump's p-values on the two sessions' output. */
    private void overTimeColumns(String out) {
        List<Row> versions = spark.read().parquet(out + "/" + OutputLayout.INDICATORS_TEST_VERSIONS).collectAsList();
        assertThat(versions).hasSize(8).allSatisfy(v -> { // 2 sessions × MA, RU × grades 4, 5
            assertThat(v.<String>getAs(TestVersions.VERSION)).startsWith(v.getAs("subject") + "-" + v.getAs("grade") + "-");
            assertThat(v.<Integer>getAs(TestVersions.TASKS)).isPositive();
            assertThat(v.<Integer>getAs(TestVersions.MAX_SCORE)).isPositive();
            // the task list from the scale: as many tasks as the works carry, their maxima summing to the maximum
            List<Integer> maxima = v.getList(v.fieldIndex(TestVersions.TASK_MAXIMA));
            assertThat(maxima).hasSize(v.<Integer>getAs(TestVersions.TASKS));
            assertThat(maxima.stream().mapToInt(Integer::intValue).sum()).isEqualTo(v.<Integer>getAs(TestVersions.MAX_SCORE));
        });
        List<Row> cohorts = spark.read().parquet(out + "/" + OutputLayout.INDICATORS_COHORT).collectAsList();
        assertThat(cohorts).allSatisfy(c -> {
            assertThat(c.<Boolean>getAs(CohortComparison.COMPARABLE)).isTrue(); // grade 5's scale is in force since 2021
            assertThat(c.<Double>getAs(CohortComparison.Z_CHANGE)).isCloseTo(c.<Double>getAs(CohortComparison.Z_TO)
                    - c.<Double>getAs(CohortComparison.Z_FROM), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(c.<Double>getAs(CohortComparison.REVERSAL_SCORE)).isNull(); // two years only
        });
        List<Row> jumps = spark.read().parquet(out + "/" + OutputLayout.FLAGS_CELLS)
                .filter(col("session").equalTo("2025-spring").and(col(HistoryJump.MEAN_JUMP_PCT).isNotNull())).collectAsList();
        assertThat(jumps).isNotEmpty().allSatisfy(j -> {
            assertThat(j.<Double>getAs(HistoryJump.MEAN_JUMP_P)).isBetween(0.0, 1.0);
            assertThat(j.<Double>getAs(HistoryJump.QUALITY_JUMP_P)).isBetween(0.0, 1.0);
            assertThat(j.<Boolean>getAs(HistoryJump.COMPARABLE)).isNotNull();
        });
        // the first session has no earlier one: no jump, no p
        assertThat(spark.read().parquet(out + "/" + OutputLayout.FLAGS_CELLS).filter(col("session").equalTo("2024-spring")
                .and(col(HistoryJump.MEAN_JUMP_P).isNotNull())).count()).isZero();
    }

    /**
     * {@code --history}: a run of a few schools' 2025 works into a new output reads the 2024 session from the earlier
     * output (read only): its cohorts and jumps are formed, the earlier output is left byte for byte; a missing history
     * folder is a usage error naming the option and the path.
     */
    private void history(Path dir, String earlier) throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        for (String work : List.of("MA4", "MA5")) {
            List<String> lines = Files.readAllLines(dir.resolve("gen/region/2025-spring/canonical_" + work + ".csv"));
            List<String> kept = new java.util.ArrayList<>(List.of(lines.get(0)));
            lines.stream().skip(1).filter(l -> l.matches(".*,sch22000[1-8],.*")).forEach(kept::add);
            Files.write(small.resolve("canonical_" + work + ".csv"), kept);
        }
        Map<String, byte[]> before = PersistenceChecks.files(Path.of(earlier), "2024-spring");
        before.putAll(PersistenceChecks.files(Path.of(earlier), "2025-spring"));
        before.put(OutputLayout.RUN_JSON, Files.readAllBytes(Path.of(earlier, OutputLayout.RUN_JSON)));
        String out = dir.resolve("with-history").toString();

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String missing = dir.resolve("no-such-output").toString();
        assertThat(run(small, out, err, "--history", missing)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--history").contains(missing);
        assertThat(Path.of(out)).doesNotExist();

        assertThat(run(small, out, new ByteArrayOutputStream(), "--history", earlier)).isZero();
        Map<String, byte[]> after = PersistenceChecks.files(Path.of(earlier), "2024-spring");
        after.putAll(PersistenceChecks.files(Path.of(earlier), "2025-spring"));
        after.put(OutputLayout.RUN_JSON, Files.readAllBytes(Path.of(earlier, OutputLayout.RUN_JSON)));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as(file).isEqualTo(bytes));
        // the new output holds this run's session only, its over-time tables the history's too
        assertThat(spark.read().parquet(out + "/" + OutputLayout.RESULTS).select("session").distinct().collectAsList())
                .extracting(r -> r.getString(0)).containsExactly("2025-spring");
        List<Row> cohorts = spark.read().parquet(out + "/" + OutputLayout.INDICATORS_COHORT).collectAsList();
        assertThat(cohorts).hasSize(8).allSatisfy(c -> assertThat(c.<String>getAs(CohortMarker.SESSION_FROM))
                .isEqualTo("2024-spring"));
        assertThat(spark.read().parquet(out + "/" + OutputLayout.FLAGS_CELLS).filter(col("grade").equalTo(4))
                .collectAsList()).hasSize(8).allSatisfy(c -> {
                    assertThat(c.<String>getAs(HistoryJump.PREVIOUS_SESSION)).isEqualTo("2024-spring");
                    assertThat(c.<Double>getAs(HistoryJump.MEAN_JUMP_PCT)).isNotNull();
                });
    }

    private int run(Path input, String out) throws Exception {
        return run(input, out, new ByteArrayOutputStream());
    }

    private int run(Path input, String out, ByteArrayOutputStream err, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--input", input.toString(), "--output", out));
        args.addAll(List.of(more));
        RunCommand cmd = CommandLine.populateCommand(new RunCommand(), args.toArray(String[]::new));
        return new PipelineRun(cmd.args.options(), true, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)).execute(spark);
    }
}
