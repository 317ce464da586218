package org.vprobjectivity.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.model.MarkScales;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IngestTablesTest {

    private final SparkSession spark = SparkTestSession.get();

    private static IngestRecord work(String school, String cls, String participant, Integer... scores) {
        IngestRecord r = new IngestRecord();
        r.type = IngestRecord.Type.WORK;
        r.sourceFile = "f.xlsx";
        r.sourceRow = Integer.parseInt(participant);
        r.session = "2021-spring";
        r.schoolId = school;
        r.classLabel = cls;
        r.subject = "MA";
        r.grade = 4;
        r.participant = participant;
        r.scores = scores;
        r.primaryScore = 0;
        for (Integer s : scores) {
            r.primaryScore += s == null ? 0 : s;
        }
        r.mark = FileIngestorTest.SCALE.markFor(r.primaryScore);
        r.scaleKey = FileIngestorTest.SCALE.key();
        return r;
    }

    private Dataset<Row> staging(IngestRecord... records) {
        List<Row> rows = new ArrayList<>();
        for (IngestRecord r : records) {
            rows.add(IngestRecordSchema.toRow(r));
        }
        return spark.createDataFrame(rows, IngestRecordSchema.SCHEMA);
    }

    @Test
    void duplicateParticipantsAreQuarantinedBothCopies() {
        IngestRecord absent = work("sch1", "А", "4");
        absent.type = IngestRecord.Type.ABSENT;
        absent.scores = null;
        IngestTables tables = new IngestTables(staging(
                work("sch1", "А", "1", 1, 2, 3), work("sch1", "А", "2", 0, 1, null), work("sch1", "Б", "2", 1, 1, 1),
                work("sch2", "А", "2", 1, 0, 0), absent));
        assertThat(tables.results().collectAsList()).extracting(r -> r.<String>getAs("school_id") + "/" + r.getAs("participant"))
                .containsExactlyInAnyOrder("sch1/1", "sch2/2");
        List<Row> rejects = tables.rejects().collectAsList();
        assertThat(rejects).hasSize(2).allSatisfy(r -> {
            assertThat(r.<String>getAs("reason_code")).isEqualTo("DUPLICATE_PARTICIPANT");
            assertThat(r.<String>getAs("participant")).isEqualTo("2");
        });

        List<Row> participation = tables.participation().orderBy("school_id", "class").collectAsList();
        assertThat(participation).extracting(r -> r.getAs("school_id") + "/" + r.getAs("class") + ": "
                        + r.getAs("listed") + "=" + r.getAs("works") + "+" + r.getAs("absent") + "+" + r.getAs("rejected"))
                .containsExactly("sch1/А: 3=1+1+1", "sch1/Б: 1=0+0+1", "sch2/А: 1=1+0+0");
    }

    /** Issue 17: a municipality given only by name gets a key (the code found elsewhere, else the name), never none. */
    @Test
    void aMunicipalityGivenOnlyByNameGetsACode() {
        IngestRecord coded = work("sch1", "А", "1", 1, 0, 0);
        coded.municipalityCode = "reg22_m005";
        coded.municipality = "Благовещенский район";
        IngestRecord sameSchool = work("sch1", "Б", "2", 1, 0, 0);
        sameSchool.municipality = "Благовещенский  р-н";
        IngestRecord sameName = work("sch2", "А", "3", 1, 0, 0);
        sameName.municipality = " благовещенский район";
        IngestRecord nameOnly = work("sch3", "А", "4", 1, 0, 0);
        nameOnly.municipality = "Алейский район";
        IngestRecord nothing = work("sch4", "А", "5", 1, 0, 0);
        for (IngestRecord r : List.of(coded, sameSchool, sameName, nameOnly, nothing)) {
            r.region = "22";
        }
        IngestTables tables = new IngestTables(staging(coded, sameSchool, sameName, nameOnly, nothing));
        assertThat(tables.results().orderBy("participant").collectAsList())
                .extracting(r -> r.getAs("participant") + ":" + r.getAs("municipality_code"))
                .containsExactly("1:reg22_m005", "2:reg22_m005", "3:reg22_m005", "4:Алейский район", "5:null");
        assertThat(tables.results().columns()).containsExactly(RESULT_COLUMNS_IN_ORDER);
    }

    private static final String[] RESULT_COLUMNS_IN_ORDER = IngestTables.RESULT_COLUMNS;

    @Test
    void taskScoresAreOneRowPerWorkAndTaskWithTaskMetadata() {
        IngestTables tables = new IngestTables(staging(work("sch1", "А", "1", 1, null, 3)));
        MarkScales scales = new MarkScales(List.of(FileIngestorTest.SCALE));
        List<Row> tasks = tables.taskScores(spark, scales).orderBy("task_index").collectAsList();
        assertThat(tasks).extracting(r -> r.getAs("task") + ":" + r.getAs("score") + "/" + r.getAs("task_max") + " "
                        + r.getAs("level") + " " + r.getAs("attempted"))
                .containsExactly("1:1/1 Б true", "2:null/2 Б false", "3К1:3/3 П true");
    }
}
