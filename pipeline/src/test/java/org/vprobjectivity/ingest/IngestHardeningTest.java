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

    @Test
    void aValueLongerThanAnyRealOneIsQuarantinedSoNoSpreadsheetCellOverflowsAtTheEnd() throws Exception {
        String hugeName = "МБОУ «СОШ №1» ".repeat(3000); // 42,000 characters: over the xlsx cell limit of 32,767
        String csv = "Логин ОО;Наименование ОО;Код;Вариант;1;2;3К1;ФИО\n"
                + "sch220001;" + hugeName + ";40001;1;1;1;1;Иванов\n"
                + "sch220001;МБОУ «СОШ №1»;40002;1;1;1;1;" + "Петров ".repeat(6000) + "\n";
        Path file = Files.writeString(dir.resolve("ВПР 2021 Математика 4 класс.csv"), csv);
        FileIngestor.Result result = ingest(file, IngestOptions.NONE);
        Map<Integer, IngestRecord> rec = byRow(result);
        assertThat(rec.get(2).rejectReason).isEqualTo(RejectReason.TEXT_TOO_LONG);
        assertThat(rec.get(2).rejectColumn).isEqualTo("Наименование ОО");
        assertThat(rec.get(2).rejectValue).startsWith("МБОУ «СОШ №1»").endsWith("…[+" + (hugeName.length() - Text.QUOTE_CHARS) + "]");
        // A long value in a column ingest never reads (a name) costs nothing: the work is kept.
        assertThat(rec.get(3).type).isEqualTo(IngestRecord.Type.WORK);
        assertThat(result.records()).allSatisfy(r -> {
            for (String v : new String[]{r.schoolName, r.schoolId, r.rejectValue, r.rejectColumn, r.rawRow, r.municipality, r.classLabel}) {
                assertThat(v == null ? 0 : v.length()).isLessThan(32_767);
            }
        });
    }

    @Test
    void anOverLongSchoolNameInAGroupRowQuarantinesItsRows() throws Exception {
        String[][] rows = {
                {"ВПР 2021 Математика 4 класс"},
                FileIngestorTest.F1_HEADER,
                {"Школа ".repeat(500) + "(sch220001) | Кол-во участников: 1"},
                {null, null, null, "40001", "4А", "1", "1", "2", "3", "6", "5", "5"},
                {"МБОУ «СОШ №2»(sch220002) | Кол-во участников: 1"},
                {null, null, null, "40001", "4А", "1", "1", "2", "3", "6", "5", "5"},
        };
        Path file = XlsxFixtures.write(dir.resolve("f1.xlsx"), "Ф1", rows);
        Map<Integer, IngestRecord> rec = byRow(ingest(file, IngestOptions.NONE));
        assertThat(rec.get(4).rejectReason).isEqualTo(RejectReason.TEXT_TOO_LONG);
        assertThat(rec.get(6).type).isEqualTo(IngestRecord.Type.WORK);
        assertThat(rec.get(6).schoolName).isEqualTo("МБОУ «СОШ №2»");
    }

    @Test
    void theRawRowOfARejectKeepsOnlyTheColumnsTheMappingKnowsSoPupilsNamesStayInTheInput() throws Exception {
        Path file = Files.writeString(dir.resolve("ВПР 2021 Математика 4 класс.csv"),
                "Логин ОО;ФИО;Код;Вариант;1;2;3К1;Примечание\n"
                        + "sch220001;Иванов Иван Иванович;40001;1;1;9;1;болел\n");
        IngestRecord r = ingest(file, IngestOptions.NONE).records().get(0);
        assertThat(r.rejectReason).isEqualTo(RejectReason.TASK_SCORE_ABOVE_MAX);
        assertThat(r.rawRow).isEqualTo("Логин ОО: sch220001 | Код: 40001 | Вариант: 1 | 1: 1 | 2: 9 | 3К1: 1");
        assertThat(r.rawRow).doesNotContain("Иванов", "болел");
    }

    @Test
    void f1GroupRowsSplitOverTwoOrThreeCellsStillNameTheSchoolOfTheRowsBelow() throws Exception {
        String[][] rows = {
                {"ВПР 2021 Математика 4 класс"},
                FileIngestorTest.F1_HEADER,
                {"МБОУ «СОШ №1»(edu203389)", "Кол-во участников: 2"},
                {null, null, null, "40001", "4А", "1", "1", "2", "3", "6", "5", "5"},
                {null, null, null, "40002", "4А", "1", "1", "2", "3", "6", "5", "5"},
                {"МБОУ «Лицей №2»", "(edu203390)", "Кол-во участников: 1"},
                {null, null, null, "40001", "4Б", "1", "0", "0", "0", "0", "2", "3"},
                {"МБОУ «СОШ №3»(edu203391) | Кол-во участников: 1"},
                {null, null, null, "40001", "4В", "1", "1", "1", "1", "3", "3", "3"},
        };
        FileIngestor.Result result = ingest(XlsxFixtures.write(dir.resolve("Ф1.xlsx"), "Ф1", rows), IngestOptions.NONE);
        assertThat(result.reports()).singleElement().satisfies(t -> assertThat(t.rowsRead()).isEqualTo(4));
        assertThat(result.records()).allSatisfy(r -> assertThat(r.type).isEqualTo(IngestRecord.Type.WORK));
        assertThat(result.records()).extracting(r -> r.schoolId, r -> r.schoolName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("edu203389", "МБОУ «СОШ №1»"),
                org.assertj.core.groups.Tuple.tuple("edu203389", "МБОУ «СОШ №1»"),
                org.assertj.core.groups.Tuple.tuple("edu203390", "МБОУ «Лицей №2»"),
                org.assertj.core.groups.Tuple.tuple("edu203391", "МБОУ «СОШ №3»"));
    }

    @Test
    void aLoginThatIsNoLoginIsQuarantinedWithItsValueNotTakenForAMissingOrANewSchool() throws Exception {
        Path file = Files.writeString(dir.resolve("ВПР 2021 Математика 4 класс.csv"),
                "Логин ОО;Школа;Код;Вариант;1;2;3К1\n"
                        + "\"=HYPERLINK(\"\"http://x\"\";\"\"sch220001\"\")\";;40001;1;1;1;1\n"
                        + "+cmd|' /C calc'!A0;;40002;1;1;1;1\n"
                        + ";edu223017 | МБОУ \"Вавилонская СОШ\";40003;1;1;1;1\n"
                        + ";МБОУ \"\"Без логина\"\";40004;1;1;1;1\n"
                        + "SCH220001;;40005;1;1;1;1\n"
                        + ";@SUM(1+1)*cmd | МБОУ;40006;1;1;1;1\n");
        Map<Integer, IngestRecord> rec = byRow(ingest(file, IngestOptions.NONE));
        assertThat(rec.get(2).rejectReason).isEqualTo(RejectReason.SCHOOL_INVALID);
        assertThat(rec.get(2).rejectColumn).isEqualTo("Логин ОО");
        assertThat(rec.get(2).rejectValue).isEqualTo("=HYPERLINK(\"http://x\";\"sch220001\")");
        assertThat(rec.get(2).schoolId).isNull();
        assertThat(rec.get(3).rejectReason).isEqualTo(RejectReason.SCHOOL_INVALID);
        assertThat(rec.get(3).rejectValue).isEqualTo("+cmd|' /C calc'!A0");
        assertThat(rec.get(4).type).isEqualTo(IngestRecord.Type.WORK);
        assertThat(rec.get(4).schoolId).isEqualTo("edu223017");
        assertThat(rec.get(4).schoolName).isEqualTo("МБОУ \"Вавилонская СОШ\"");
        // A bare name in «Школа» is a name: the login is missing, not invalid.
        assertThat(rec.get(5).rejectReason).isEqualTo(RejectReason.SCHOOL_MISSING);
        assertThat(rec.get(6).type).isEqualTo(IngestRecord.Type.WORK);
        assertThat(rec.get(7).rejectReason).isEqualTo(RejectReason.SCHOOL_INVALID);
        assertThat(rec.get(7).rejectColumn).isEqualTo("Школа");
    }
}
