package org.vprobjectivity.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17's ingest defects, each on a real file built here: one bad row never costs the good rows of its file. */
class IngestHardeningTest {

    static final IngestOptions MA_2021 = new IngestOptions("2021-spring", "MA", null, null, null);

    @TempDir
    Path dir;

    private FileIngestor.Result ingest(Path file, IngestOptions options) {
        return new FileIngestor(HeaderMapping.bundled(), FileIngestorTest.SCALES, options).ingest(new InputUnit(file.toString(), null));
    }

    private static Map<Integer, IngestRecord> byRow(FileIngestor.Result r) {
        return r.records().stream().collect(Collectors.toMap(x -> x.sourceRow, Function.identity()));
    }

    private static long count(FileIngestor.Result r, IngestRecord.Type type) {
        return r.records().stream().filter(x -> x.type == type).count();
    }

    @Test
    void aRowWhoseGradeContradictsTheTableIsQuarantinedAndTheOther107RowsKept() throws Exception {
        StringBuilder csv = new StringBuilder("Логин ОО;Параллель;Код;Вариант;1;2;3К1\n");
        for (int i = 0; i < 108; i++) {
            String grade = i == 40 ? "44" : i == 41 ? "5" : i == 42 ? "четыре" : "4";
            csv.append("sch220001;").append(grade).append(";").append(40000 + i).append(";1;1;1;1\n");
        }
        Path file = Files.writeString(dir.resolve("export.csv"), csv.toString());
        FileIngestor.Result result = ingest(file, MA_2021);

        assertThat(result.reports()).singleElement().satisfies(t -> {
            assertThat(t.ok()).as(t.messageEn()).isTrue();
            assertThat(t.rowsRead()).isEqualTo(108);
        });
        Map<Integer, IngestRecord> rec = byRow(result);
        assertThat(count(result, IngestRecord.Type.WORK)).isEqualTo(105);
        // Row numbers are 1-based with the header on row 1: data row i is on row i + 2.
        assertThat(rec.get(42).rejectReason).isEqualTo(RejectReason.GRADE_INVALID);
        assertThat(rec.get(42).rejectColumn).isEqualTo("Параллель");
        assertThat(rec.get(42).rejectValue).isEqualTo("44");
        assertThat(rec.get(44).rejectReason).isEqualTo(RejectReason.GRADE_INVALID);
        assertThat(rec.get(44).rejectValue).isEqualTo("четыре");
        // Grade 5 is a real grade, but this table's other rows are grade 4 and the scales have no MA 5 for 2021.
        assertThat(rec.get(43).rejectReason).isEqualTo(RejectReason.SCALE_MISSING);
        assertThat(rec.get(43).rejectValue).contains("5 класс", "2021");
        assertThat(rec.get(43).participant).isEqualTo("40041");
        assertThat(rec.get(43).schoolId).isEqualTo("sch220001");
    }

    @Test
    void aTableWithNoRowHavingAScaleIsStillOneFileProblemNamingTheOption() throws Exception {
        Path file = Files.writeString(dir.resolve("export.csv"),
                "Логин ОО;Параллель;Код;Вариант;1;2;3К1\nsch220001;5;40001;1;1;1;1\nsch220001;5;40002;1;1;1;1\n");
        assertThat(ingest(file, MA_2021).reports()).singleElement().satisfies(t -> {
            assertThat(t.problem()).isEqualTo(FileProblem.NO_SCALE);
            assertThat(t.messageEn()).contains("--scales");
        });
    }

    @Test
    void aClassCarryingAnImpossibleGradeIsQuarantinedWhenNothingElseNamesTheGrade() throws Exception {
        Path file = Files.writeString(dir.resolve("export.csv"),
                "Логин ОО;Класс;Код;Вариант;1;2;3К1\nsch220001;4А;40001;1;1;1;1\nsch220001;44А;40002;1;1;1;1\n");
        Map<Integer, IngestRecord> rec = byRow(ingest(file, MA_2021));
        assertThat(rec.get(2).type).isEqualTo(IngestRecord.Type.WORK);
        assertThat(rec.get(3).rejectReason).isEqualTo(RejectReason.GRADE_INVALID);
        assertThat(rec.get(3).rejectColumn).isEqualTo("Класс");
        assertThat(rec.get(3).rejectValue).isEqualTo("44А");
    }
}
