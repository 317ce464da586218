package org.vprobjectivity.jobs;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.indicators.CohortMarker;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.synthetic.GroundTruth;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        PersistenceChecks.check(spark, out, GroundTruth.read(dir.resolve("gen/truth")), "2024-spring", "2025-spring");
        HistoryReportChecks.twoSessions(spark, out, "2024-spring", "2025-spring");
    }

    private int run(Path input, String out) throws Exception {
        RunCommand cmd = CommandLine.populateCommand(new RunCommand(), "--input", input.toString(), "--output", out);
        return new PipelineRun(cmd.args, true, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).execute(spark);
    }
}
