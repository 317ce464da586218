package org.vprobjectivity.jobs;

import org.vprobjectivity.run.ExitCodes;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.flags.Sign;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.indicators.ObservedReference;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --exam --observed} on the sample's eight schools (the run is {@link SideFileNotesTest}'s, so that one run of
 * the job serves both): the exam file's bad row is a note naming
 * its row, column and value while the good rows are used, {@code --id-map} maps the exam file's school ids, the school
 * cells carry the exam and observation columns, the flags read the exam sign, the official list shows the ОГЭ marker
 * beside the four works without counting it, and a missing {@code --exam} file stops the run with exit code 2.
 */
class ExamObservedRunTest {

    @TempDir
    Path dir;

    /** The side files of the run, written into {@code dir}: the arguments to add to {@code run}. */
    static List<String> sideFiles(Path dir) throws java.io.IOException {
        String[] schools = {"sch220033", "sch220034", "sch220035", "sch220036", "sch220037", "sch220038", "sch220039", "old220040"};
        StringBuilder exam = new StringBuilder("Логин;Предмет;Год;Экзамен;Участников;Средний балл;СКО\n");
        for (int i = 0; i < schools.length; i++) {
            // ОГЭ 2026 and ЕГЭ 2026: grade 4 leads to the ОГЭ, so the ЕГЭ row is never matched
            exam.append(schools[i]).append(";Математика;2026;ОГЭ;").append(20 + i).append(";").append(10 + i).append(",5;4,2\n");
            exam.append(schools[i]).append(";Математика;2026;ЕГЭ;30;").append(60 - i).append(";10\n");
        }
        // sch220038 much higher than the others on the ОГЭ 2025 (its list's year): marker 1 on the ОГЭ
        for (int i = 0; i < schools.length; i++) {
            exam.append(schools[i]).append(";Математика;2025;ОГЭ;40;").append(i == 5 ? "25" : "12").append(";3\n");
        }
        exam.append("sch220035;Математика;20x6;ОГЭ;20;11;3\n");
        Path examFile = Files.writeString(dir.resolve("oge.csv"), exam.toString());
        Path observed = Files.writeString(dir.resolve("observed.csv"),
                "школа;сессия\nsch220033;2025-spring\nsch220034;2025\nsch220035;2025-spring;математика;4\nsch220036;весна\n");
        Path idMap = Files.writeString(dir.resolve("ids.csv"), "old;new\nold220040;sch220040\n");
        Path config = Files.writeString(dir.resolve("config.json"),
                "{\"indicators\": {\"exam_min_schools\": 3, \"observed_min_schools\": 2}}");
        return List.of("--exam", examFile.toString(), "--observed", observed.toString(), "--id-map", idMap.toString(),
                "--config", config.toString());
    }

    /** What a run over the sample with {@link #sideFiles} must have written ({@link SideFileNotesTest} makes the run). */
    static void check(SparkSession spark, String out, String summary) throws java.io.IOException {
        assertThat(summary).contains("--exam, строка 26: столбец «Год» («20x6»): год должен быть целым числом от 2000 до 2100")
                .contains("--observed, строка 5: столбец «2» («весна»): сессия должна выглядеть как 2025-spring или 2025");
        assertThat(RunReport.read(Path.of(out, "run.json")).notes).extracting(n -> n.code)
                .contains("EXAM_ROW_REJECTED", "OBSERVED_LINE_REJECTED");
        List<Row> cells = spark.read().parquet(out + "/" + OutputLayout.INDICATORS_SCHOOL).collectAsList();
        assertThat(cells).hasSize(8).allSatisfy(r -> {
            // every school has its ОГЭ 2026 row, old220040's through --id-map
            assertThat(r.<String>getAs(ExamConfirmation.EXAM_KIND)).isEqualTo("OGE");
            assertThat(r.<Integer>getAs(ExamConfirmation.EXAM_YEAR)).isEqualTo(2026);
            assertThat(r.<Double>getAs(ExamConfirmation.EXAM_GAP_P)).isBetween(0.0, 1.0);
            assertThat(r.<Integer>getAs(ExamConfirmation.EXAM_SCHOOLS)).isEqualTo(8);
            Double vprPercentile = r.getAs(ExamConfirmation.VPR_PERCENTILE);
            Boolean confirms = r.getAs(ExamConfirmation.EXAM_CONFIRMS);
            if (vprPercentile < 75) {
                assertThat(confirms).isNull();
            } else {
                assertThat(confirms).isEqualTo(r.<Double>getAs(ExamConfirmation.EXAM_PERCENTILE) >= 75);
            }
            // observed: three schools (the fourth line is bad); each cell is compared with the others
            boolean isObserved = List.of("sch220033", "sch220034", "sch220035").contains(r.<String>getAs("school_id"));
            assertThat(r.<Boolean>getAs(ObservedReference.OBSERVED)).isEqualTo(isObserved);
            assertThat(r.<Integer>getAs(ObservedReference.OBS_SCHOOLS)).isEqualTo(isObserved ? 2 : 3);
            assertThat(r.<Double>getAs(ObservedReference.OBS_MEAN_PCT_PERCENTILE)).isBetween(0.0, 100.0);
        });
        // the exam's mean rises with the school number: sch220040 (ОГЭ 17,5) stands at the top of the exam
        Row top = cells.stream().filter(r -> r.getAs("school_id").equals("sch220040")).findFirst().orElseThrow();
        assertThat(top.<Double>getAs(ExamConfirmation.EXAM_PERCENTILE)).isEqualTo(100.0 * 7.5 / 8);

        // the flags carry the sign as the indicator wrote it
        for (Row f : spark.read().parquet(out + "/" + OutputLayout.FLAGS_CELLS).collectAsList()) {
            Row c = cells.stream().filter(r -> r.getAs("school_id").equals(f.getAs("school_id"))).findFirst().orElseThrow();
            assertThat(f.<Double>getAs(Sign.EXAM.signColumn())).isEqualTo(c.<Double>getAs(ExamConfirmation.EXAM_GAP_P));
        }

        // the ОГЭ marker 1 beside the official list, not in its count
        List<Row> list = spark.read().parquet(out + "/" + OutputLayout.FLAGS_OFFICIAL).collectAsList();
        assertThat(list).hasSize(8).allSatisfy(r -> {
            assertThat(r.<Integer>getAs("marker_oge_ma")).isEqualTo(r.getAs("school_id").equals("sch220038") ? 1 : 0);
            assertThat(r.<Integer>getAs("marker_oge_ru")).isNull(); // no VPR work in Russian in the sample
            assertThat(r.<Integer>getAs("markers")).isEqualTo(r.<Integer>getAs("marker_4_ma"));
        });
    }

    @Test
    void aMissingExamFileIsAUsageError() throws Exception {
        OutputSafetyTest.Outcome o = OutputSafetyTest.ingest("--input", OutputSafetyTest.sample().toString(), "--output",
                dir.resolve("out").toString(), "--exam", dir.resolve("oge.csv").toString(), "--observed",
                dir.resolve("observed.csv").toString());
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains("--exam: нет такого файла: " + dir.resolve("oge.csv"))
                .contains("--observed: нет такого файла: " + dir.resolve("observed.csv"));
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
