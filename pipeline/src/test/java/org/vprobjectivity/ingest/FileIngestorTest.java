package org.vprobjectivity.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.model.TaskSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of docs/input-format.md on small files of each shape, read from real xlsx and CSV files. */
class FileIngestorTest {

    /** A small work: tasks 1 (1 pt), 2 (2 pts), 3К1 (3 pts); marks 3/4/5 from 2/4/5 points. */
    static final MarkScale SCALE = new MarkScale("MA", "Математика", 4, 2021, 6, 2, 4, 5,
            List.of(new TaskSpec("1", 1, "Б", "счёт"), new TaskSpec("2", 2, "Б", "задачи"), new TaskSpec("3К1", 3, "П", "геометрия")),
            "test");
    static final MarkScales SCALES = new MarkScales(List.of(SCALE));
    static final String[] F1_HEADER = {"ОО", "Муниципалитет", "Название ОО", "Код участника", "Класс", "Вариант",
            "1 (1б)", "2 (2б)", "3K1 (3б)", "Первичный балл", "Отметка", "Отметка по журналу"};

    @TempDir
    Path dir;

    private FileIngestor.Result ingest(Path file, IngestOptions options) {
        return new FileIngestor(HeaderMapping.bundled(), SCALES, options).ingest(new InputUnit(file.toString(), null));
    }

    private static Map<Integer, IngestRecord> byRow(FileIngestor.Result r) {
        return r.records().stream().collect(Collectors.toMap(x -> x.sourceRow, Function.identity()));
    }

    @Test
    void f1ReportWithHeaderBlockGroupRowsFormulasAndEveryRowRule() throws Exception {
        String[][] rows = {
                {"ВПР 2021 Математика 4 класс"},
                {"Предмет: Математика"},
                {"Максимальный первичный балл: 6"},
                {"Дата: 20.04.2021"},
                {},
                {"Уровень сложности задания", null, null, null, null, null, "Б", "Б", "П"},
                F1_HEADER,
                {"МБОУ «СОШ №1»(sch220001) | Кол-во участников: 14"},
                {null, "reg22_m001 | Алейский район", null, "40001", "4А", "1", "1", "2", "3", "6", "5", "5"},     // 9 work
                {null, "reg22_m001 | Алейский район", null, "40002", "4А", "отсутствовал"},                          // 10 absent
                {null, null, null, "40003", "4А", "1", "1.5", "0", "0", "1", "2", "3"},                             // 11 invalid score
                {null, null, null, "40004", "4А", "1", "1", "3", "0", "4", "3", "3"},                               // 12 above max
                {null, null, null, "40005", "4А", "2", "1", "1", "1", "4", "4", "3"},                               // 13 sum mismatch
                {null, null, null, "40006", "4А", "2", "1", "1", "1", "3", "6", "3"},                               // 14 mark invalid
                {null, null, null, "40007", "4А", "2", "1", "1", "1", "3", "4", "3"},                               // 15 mark mismatch
                {null, null, null, "40008", "4А", "2", "1", "1", "1", "3", "3", "7"},                               // 16 journal invalid
                {null, null, null, "40009", "5Б", "2", "1", "1", "1", "3", "3", "3"},                               // 17 grade ≠ class
                {null, null, null, "40010", "4 \"Б\"", "1", "X", "х", "1", "1", "2", "нет отметки"},               // 18 work, not attempted
                {null, null, null, "40011"},                                                                        // 19 absent: code only
                {null, null, null, "40012", "4Б", "1", "1", "1", "0", "=SUM(G20:I20)", "3", "4"},                 // 20 formula total
                {null, null, null, null, "4Б", "1", "1", "1", "0", "2", "3", "4"},                                  // 21 no participant
                {"МБОУ \"Лицей №2\"(sch220002) | Кол-во участников: 1"},
                {null, null, null, "40001", "а", "2", "0", "0", "1", "1", "2", "2"},                                // 23 work, 2nd school
        };
        Path file = XlsxFixtures.write(dir.resolve("Ф1 Математика.xlsx"), "Ф1", rows);
        FileIngestor.Result result = ingest(file, IngestOptions.NONE);

        assertThat(result.reports()).singleElement().satisfies(t -> {
            assertThat(t.ok()).as(t.messageEn()).isTrue();
            assertThat(t.rowsRead()).isEqualTo(14);
            assertThat(t.session()).isEqualTo("2021-spring");
            assertThat(t.scaleKey()).isEqualTo(SCALE.key());
        });
        Map<Integer, IngestRecord> rec = byRow(result);
        assertThat(rec).hasSize(14);
        IngestRecord first = rec.get(9);
        assertThat(first.type).isEqualTo(IngestRecord.Type.WORK);
        assertThat(first.schoolId).isEqualTo("sch220001");
        assertThat(first.schoolName).isEqualTo("МБОУ «СОШ №1»");
        assertThat(first.municipalityCode).isEqualTo("reg22_m001");
        assertThat(first.municipality).isEqualTo("Алейский район");
        assertThat(first.region).isEqualTo("22");
        assertThat(first.classLabel).isEqualTo("А");
        assertThat(first.grade).isEqualTo(4);
        assertThat(first.scores).containsExactly(1, 2, 3);
        assertThat(first.primaryScore).isEqualTo(6);
        assertThat(first.mark).isEqualTo(SCALE.markFor(6));
        assertThat(first.journalMark).isEqualTo(5);

        assertThat(rec.get(10).type).isEqualTo(IngestRecord.Type.ABSENT);
        assertThat(rec.get(19).type).isEqualTo(IngestRecord.Type.ABSENT);
        assertThat(reason(rec, 11)).isEqualTo(RejectReason.TASK_SCORE_INVALID);
        assertThat(rec.get(11).rejectColumn).isEqualTo("1 (1б)");
        assertThat(reason(rec, 12)).isEqualTo(RejectReason.TASK_SCORE_ABOVE_MAX);
        assertThat(rec.get(12).rejectColumn).isEqualTo("2 (2б)");
        assertThat(reason(rec, 13)).isEqualTo(RejectReason.PRIMARY_SCORE_MISMATCH);
        assertThat(rec.get(13).rejectColumn).isEqualTo("Первичный балл");
        assertThat(reason(rec, 14)).isEqualTo(RejectReason.MARK_INVALID);
        assertThat(reason(rec, 15)).isEqualTo(RejectReason.MARK_MISMATCH);
        assertThat(reason(rec, 16)).isEqualTo(RejectReason.JOURNAL_MARK_INVALID);
        assertThat(reason(rec, 17)).isEqualTo(RejectReason.GRADE_CLASS_MISMATCH);
        assertThat(reason(rec, 21)).isEqualTo(RejectReason.PARTICIPANT_MISSING);

        IngestRecord notAttempted = rec.get(18);
        assertThat(notAttempted.type).isEqualTo(IngestRecord.Type.WORK);
        assertThat(notAttempted.scores).containsExactly(null, null, 1);
        assertThat(notAttempted.primaryScore).isEqualTo(1);
        assertThat(notAttempted.mark).isEqualTo(2);
        assertThat(notAttempted.journalMark).isNull();
        assertThat(notAttempted.classLabel).isEqualTo("Б");

        assertThat(rec.get(20).type).as("formula total read by its cached value").isEqualTo(IngestRecord.Type.WORK);
        assertThat(rec.get(20).primaryScore).isEqualTo(2);
        assertThat(rec.get(23).schoolId).isEqualTo("sch220002");
        assertThat(rec.get(23).schoolName).isEqualTo("МБОУ \"Лицей №2\"");
        assertThat(rec.values()).filteredOn(r -> r.type == IngestRecord.Type.REJECT)
                .allSatisfy(r -> assertThat(r.rawRow).isNotBlank());
    }

    private static RejectReason reason(Map<Integer, IngestRecord> rec, int row) {
        assertThat(rec.get(row).type).as("row %d", row).isEqualTo(IngestRecord.Type.REJECT);
        return rec.get(row).rejectReason;
    }

    @Test
    void regionalCsvInWindows1251WithPositionalTasksAndOptions() throws Exception {
        String csv = String.join("\r\n",
                "логин школы;регион;номер обучающегося;код обучающегося;отметка за предыдущую четверть/триместр;пол;класс;вариант;всего баллов;балл за 1;балл за 2;балл за 3;балл за 4;Учебник",
                "sch220206;Алейский район;1;40001;5;Ж;а;1;5;1;2;2;не пройд.;Моро",
                "sch220206;Алейский район;2;40002;;;;отсутствовал;;;;;;",
                "sch220206;Алейский район;3;40003;нет отметки;м;НЕТ;2;0;X;x;0;;",
                "");
        Path file = dir.resolve("export.csv");
        Files.write(file, csv.getBytes(DelimitedReader.WINDOWS_1251));
        FileIngestor.Result result = ingest(file, new IngestOptions("2021-spring", "MA", 4, null, null));
        assertThat(result.reports()).singleElement().satisfies(t -> assertThat(t.ok()).as(t.messageEn()).isTrue());
        Map<Integer, IngestRecord> rec = byRow(result);
        assertThat(rec.get(2).type).isEqualTo(IngestRecord.Type.WORK);
        assertThat(rec.get(2).municipality).isEqualTo("Алейский район");
        assertThat(rec.get(2).sex).isEqualTo("ж");
        assertThat(rec.get(2).scores).containsExactly(1, 2, 2);
        assertThat(rec.get(3).type).isEqualTo(IngestRecord.Type.ABSENT);
        assertThat(rec.get(4).type).isEqualTo(IngestRecord.Type.WORK);
        assertThat(rec.get(4).classLabel).isNull();
        assertThat(rec.get(4).journalMark).isNull();
        assertThat(rec.get(4).scores).containsExactly(null, null, 0);
    }

    @Test
    void positionalColumnBeyondTheScaleWithValuesIsAFileError() throws Exception {
        String csv = "user;code;otc;var-1;sum;a-1-grade;a-2-grade;a-3-grade;a-4-grade\nsch220001;40001;4;1;2;1;1;0;1\n";
        Path file = dir.resolve("raw.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        FileIngestor.Result result = ingest(file, new IngestOptions("2021-spring", "MA", 4, null, null));
        assertThat(result.records()).isEmpty();
        assertThat(result.reports()).singleElement().satisfies(t -> {
            assertThat(t.problem()).isEqualTo(FileProblem.TASKS_MISMATCH);
            assertThat(t.detail()).contains("a-4-grade");
        });
        // The same column empty or «не пройд.» everywhere is just unused.
        Files.writeString(file, csv.replace("0;1\n", "0;не пройд.\n"), StandardCharsets.UTF_8);
        assertThat(ingest(file, new IngestOptions("2021-spring", "MA", 4, null, null)).reports())
                .singleElement().satisfies(t -> assertThat(t.ok()).isTrue());
    }

    @Test
    void headerMaximumDifferentFromTheScaleIsAFileError() throws Exception {
        Path file = dir.resolve("form.csv");
        Files.writeString(file, "Код;Вариант;1 (1б);2 (3б);3К1 (3б)\n40001;1;1;1;1\n");
        FileIngestor.Result result = ingest(file, new IngestOptions("2021-spring", "MA", 4, "sch220001", null));
        assertThat(result.reports()).singleElement().satisfies(t -> {
            assertThat(t.problem()).isEqualTo(FileProblem.TASK_MAX_MISMATCH);
            assertThat(t.detail()).contains("2 (3б)");
        });
    }

    @Test
    void schoolFromOptionWhenTheFormHasNoSchoolColumn() throws Exception {
        Path file = dir.resolve("form.csv");
        Files.writeString(file, "Код;Вариант;1 (1б);2 (2б);3К1 (3б)\n40001;1;1;1;1\n");
        FileIngestor.Result result = ingest(file, new IngestOptions("2021-spring", "MA", 4, "sch220777", null));
        assertThat(result.records()).singleElement().satisfies(r -> {
            assertThat(r.schoolId).isEqualTo("sch220777");
            assertThat(r.region).isEqualTo("22");
        });
    }

    @Test
    void missingContextAndScaleNameTheOptionToPass() throws Exception {
        Path file = dir.resolve("nothing-said.csv");
        Files.writeString(file, "Код;Вариант;1 (1б);2 (2б);3К1 (3б);Логин ОО\n40001;1;1;1;1;sch220001\n");
        assertThat(ingest(file, IngestOptions.NONE).reports()).singleElement()
                .satisfies(t -> {
                    assertThat(t.problem()).isEqualTo(FileProblem.NO_SESSION);
                    assertThat(t.messageEn()).contains("--session");
                });
        assertThat(ingest(file, new IngestOptions("2021-spring", null, 4, null, null)).reports()).singleElement()
                .satisfies(t -> assertThat(t.messageEn()).contains("--subject"));
        assertThat(ingest(file, new IngestOptions("2021-spring", "FR", 7, null, null)).reports()).singleElement()
                .satisfies(t -> {
                    assertThat(t.problem()).isEqualTo(FileProblem.NO_SCALE);
                    assertThat(t.messageEn()).contains("--scales");
                    assertThat(t.rowsRead()).isEqualTo(1);
                });
        // The year 2020 is before the only entry (from 2021): no scale in force either.
        assertThat(ingest(file, new IngestOptions("2020-spring", "MA", 4, null, null)).reports()).singleElement()
                .satisfies(t -> assertThat(t.problem()).isEqualTo(FileProblem.NO_SCALE));
    }

    @Test
    void marksDisagreeingWithTheScaleInMostRowsIsAFileError() throws Exception {
        StringBuilder csv = new StringBuilder("Логин ОО;Код;Вариант;1;2;3К1;Первичный балл;Отметка\n");
        for (int i = 0; i < 6; i++) {
            // 3 points is a "3" on the scale; the file says "5" each time: another scale was used.
            csv.append("sch220001;4000").append(i).append(";1;1;1;1;3;5\n");
        }
        Path file = dir.resolve("wrong-scale.csv");
        Files.writeString(file, csv.toString());
        assertThat(ingest(file, new IngestOptions("2021-spring", "MA", 4, null, null)).reports()).singleElement()
                .satisfies(t -> {
                    assertThat(t.problem()).isEqualTo(FileProblem.SCALE_DISAGREES);
                    assertThat(t.detail()).contains(SCALE.key());
                });
    }

    @Test
    void unreadableFileIsReportedNotThrown() throws Exception {
        Path file = dir.resolve("broken.xlsx");
        Files.writeString(file, "this is not a zip");
        assertThat(ingest(file, IngestOptions.NONE).reports()).singleElement()
                .satisfies(t -> assertThat(t.problem()).isEqualTo(FileProblem.UNREADABLE));
        Path notes = dir.resolve("notes.csv");
        Files.writeString(notes, "a;b\n1;2\n");
        assertThat(ingest(notes, IngestOptions.NONE).reports()).singleElement()
                .satisfies(t -> assertThat(t.problem()).isEqualTo(FileProblem.NO_RESULT_TABLE));
    }
}
