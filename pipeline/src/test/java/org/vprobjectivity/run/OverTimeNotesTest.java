package org.vprobjectivity.run;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.indicators.CohortWorks;
import org.vprobjectivity.indicators.TestVersions;
import org.vprobjectivity.io.RunReport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over time reaches run.json's notes, naming the session and the work: a cohort whose later work changed its
 * version, and a session whose scale this run does not know (its works kept, the note says what to pass).
 */
class OverTimeNotesTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void versionChangeAndMissingScaleAreNotes() {
        // RU 4 of 2024 (scale RU-4-2021) → RU 5 of 2025 written in a version in force from 2025: not comparable.
        // MA 4 of 2024 was ingested with a scale this run does not have (no maximum).
        List<Row> rows = new ArrayList<>();
        for (String school : List.of("A", "B", "C")) {
            rows.add(RowFactory.create("2024-spring", "22", school, "m", "М", "RU", 4, 20, 38, "RU-4-2021", List.of(20)));
            rows.add(RowFactory.create("2025-spring", "22", school, "m", "М", "RU", 5, 20, 45, "RU-5-2025", List.of(20)));
            rows.add(RowFactory.create("2024-spring", "22", school, "m", "М", "MA", 4, 10, null, "MA-4-2019", List.of(10)));
        }
        Dataset<Row> works = spark.createDataFrame(rows, CohortWorks.SCHEMA);
        Dataset<Row> versions = CohortWorks.versions(works);
        Dataset<Row> cohorts = CohortWorks.cohorts(works);
        RunReport report = new RunReport();
        Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream()));
        OverTimeNotes.versionChanges(cohorts, report, progress);
        OverTimeNotes.missingScales(versions.filter(col(TestVersions.MAX_SCORE).isNull()).collectAsList(),
                new EarlierSessions(spark, "/nonexistent-output", null), report, progress);
        assertThat(report.notes).extracting(n -> n.code)
                .containsExactly(OverTimeNotes.VERSION_CHANGE, OverTimeNotes.SCALE_MISSING);
        RunReport.Note change = report.notes.get(0);
        assertThat(change.messageRu).contains("RU 4 (2024-spring) → RU 5 (2025-spring)").contains("«RU-5-2025»")
                .contains("у 3 школ");
        assertThat(change.messageEn).contains("the later work has a new version «RU-5-2025»");
        RunReport.Note missing = report.notes.get(1);
        assertThat(missing.path).endsWith("results");
        assertThat(missing.messageRu).contains("сессия 2024-spring, работа MA 4: шкала «MA-4-2019»").contains("3 работ сохранены")
                .contains("--scales");
    }
}
