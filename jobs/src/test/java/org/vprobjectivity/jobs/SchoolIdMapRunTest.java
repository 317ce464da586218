package org.vprobjectivity.jobs;

import org.vprobjectivity.run.IngestStage;
import org.vprobjectivity.run.ExitCodes;

import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.RunReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 7, {@code --id-map}: the ingested school ids are mapped before any table is written; ids of the old
 * format the map does not name keep theirs and are listed in the notes; a bad map, or one that would merge two schools
 * of a session, is a usage error naming the file, line and value, and the output is left as it was. The sample's
 * mathematics grade 4 (schools sch220033 … sch220040), through {@code ingest} (the same run without the later stages).
 */
class SchoolIdMapRunTest {

    @TempDir
    Path dir;

    @Test
    void mappedIdsReachTheTablesAndUnmatchedOldIdsAreListed() throws Exception {
        Path map = Files.writeString(dir.resolve("ids.csv"), "old;new\nsch220033;edu220033\nsch220038;edu220038\nsch990001;edu990001\n");
        Path out = dir.resolve("out");
        OutputSafetyTest.Outcome o = OutputSafetyTest.ingest("--input", OutputSafetyTest.sample().toString(), "--output",
                out.toString(), "--id-map", map.toString());
        assertThat(o.exit()).as(o.stdout() + o.stderr()).isZero();
        for (String table : List.of(OutputLayout.RESULTS, OutputLayout.PARTICIPATION, OutputLayout.TASK_SCORES)) {
            List<String> ids = SparkTestSession.get().read().parquet(out.resolve(table).toString()).select("school_id").distinct()
                    .as(Encoders.STRING()).collectAsList();
            assertThat(ids).as(table).contains("edu220033", "edu220038", "sch220034").doesNotContain("sch220033", "sch220038");
        }
        RunReport report = RunReport.read(out.resolve(OutputLayout.RUN_JSON));
        // nothing lost: every work is in results, the mapped school's 45 (its other lines are absent or rejected)
        assertThat(SparkTestSession.get().read().parquet(out.resolve(OutputLayout.RESULTS).toString()).count())
                .isEqualTo(report.totals.get("works"));
        assertThat(SparkTestSession.get().read().parquet(out.resolve(OutputLayout.RESULTS).toString())
                .filter("school_id = 'edu220038'").count()).isEqualTo(45);
        assertThat(report.notes).singleElement().satisfies(n -> {
            assertThat(n.code).isEqualTo(IngestStage.UNMATCHED_IDS);
            assertThat(n.messageRu).contains("не сопоставлены 6 ").contains("sch220034, sch220035, sch220036, sch220037, sch220039, …");
        });
        assertThat(o.stdout()).contains("--id-map: не сопоставлены 6 логинов школ старого вида");
    }

    @Test
    void aBadMapIsAUsageErrorNamingLineAndValue() throws Exception {
        Path map = Files.writeString(dir.resolve("ids.csv"), "sch220033;edu220033\nsch220033;edu999\n;edu220034\n");
        Path out = dir.resolve("out");
        OutputSafetyTest.Outcome o = OutputSafetyTest.ingest("--input", OutputSafetyTest.sample().toString(), "--output",
                out.toString(), "--id-map", map.toString());
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains("--id-map " + map + ", строка 2: для sch220033 уже указан другой новый идентификатор "
                + "edu220033 (строка 1) (значение «sch220033»)")
                .contains("--id-map " + map + ", строка 3: пустой старый идентификатор (значение «edu220034»)")
                .doesNotContain("Exception");
        assertThat(Files.exists(out)).isFalse();
    }

    /** Two schools of one session mapped to one id would be taken for one school: refused, the earlier output kept. */
    @Test
    void aMapMergingTwoSchoolsOfASessionIsRefusedAndTheOutputKept() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "the earlier output");
        Path map = Files.writeString(dir.resolve("ids.csv"), "sch220033;edu220033\nsch220034;edu220033\n");
        OutputSafetyTest.Outcome o = OutputSafetyTest.ingest("--input", OutputSafetyTest.sample().toString(), "--output",
                out.toString(), "--id-map", map.toString());
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains("--id-map " + map + ": в сессии 2025-spring: sch220033, sch220034 → edu220033")
                .doesNotContain("Exception");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("the earlier output");
        assertThat(Files.exists(out.resolve(OutputLayout.RESULTS))).isFalse();
    }
}
