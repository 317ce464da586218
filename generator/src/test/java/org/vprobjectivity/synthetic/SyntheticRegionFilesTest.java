package org.vprobjectivity.synthetic;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.ingest.RejectReason;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One region of 25 schools in all shapes with bad rows, read back independently of the writers. */
class SyntheticRegionFilesTest {

    static final int SCHOOLS = 25;
    @TempDir
    static Path dir;
    static GenerationRecord record;
    /** Every file's data rows, read once. */
    static final Map<String, List<ReadBack.Row0>> ROWS = new LinkedHashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        long start = System.nanoTime();
        record = SyntheticRegion.write(dir, GeneratorConfig.builder().schools(SCHOOLS).seed(7).badRows(true).build());
        System.out.printf("synthetic: %d schools, %d files, %d works in %d ms%n", SCHOOLS, record.totals().files(),
                record.totals().works(), (System.nanoTime() - start) / 1_000_000);
        for (GenerationRecord.FileRecord f : record.files()) {
            ROWS.put(f.path(), ReadBack.rows(dir, f));
        }
    }

    @Test
    void everyFormatGetsDataAndTheRecordIsWritten() {
        for (OutputFormat f : OutputFormat.values()) {
            assertThat(record.files(f)).as(f.name()).isNotEmpty();
            assertThat(record.files(f).stream().mapToInt(GenerationRecord.FileRecord::works).sum()).as(f.name()).isPositive();
        }
        assertThat(GenerationRecord.read(dir)).isEqualTo(record);
        assertThat(record.municipalities()).isGreaterThanOrEqualTo(5);
        assertThat(record.manipulatedSchools()).isEqualTo(Math.round(0.2 * SCHOOLS));
        for (GenerationRecord.FileRecord f : record.files()) {
            assertThat(dir.resolve(f.path())).exists();
            assertThat(f.dataRows()).isEqualTo(f.works() + f.absent() + f.badRowTotal());
        }
    }

    @Test
    void recordCountsMatchTheFilesReadBack() throws IOException {
        for (GenerationRecord.FileRecord f : record.files()) {
            List<ReadBack.Row0> rows = ROWS.get(f.path());
            ReadBack.Counts c = ReadBack.classify(rows, ReadBack.scale(record, f));
            assertThat(c.dataRows()).as(f.path()).isEqualTo(f.dataRows());
            assertThat(c.works()).as(f.path()).isEqualTo(f.works());
            assertThat(c.absent()).as(f.path()).isEqualTo(f.absent());
            assertThat(c.bad()).as(f.path()).isEqualTo(f.badRows());
        }
    }

    @Test
    void badRowsAreAHandfulCoveringEveryReasonAndTheRightShapes() {
        assertThat(record.totals().badRowTotal()).isGreaterThanOrEqualTo(6);
        assertThat(record.totals().badRowTotal()).isLessThan((int) (record.totals().works() / 100));
        assertThat(record.totals().badRows().keySet()).containsExactlyInAnyOrder(
                RejectReason.TASK_SCORE_ABOVE_MAX.name(), RejectReason.PRIMARY_SCORE_MISMATCH.name(),
                RejectReason.JOURNAL_MARK_INVALID.name(), RejectReason.MARK_MISMATCH.name(),
                RejectReason.DUPLICATE_PARTICIPANT.name());
        for (GenerationRecord.FileRecord f : record.files()) {
            if (f.format() != OutputFormat.F1_REPORT_XLSX) {
                assertThat(f.badRows()).as(f.path()).doesNotContainKey(RejectReason.MARK_MISMATCH.name());
            }
            assertThat(f.badRows().getOrDefault(RejectReason.DUPLICATE_PARTICIPANT.name(), 0) % 2).isZero();
        }
        Set<OutputFormat> withBad = record.files().stream().filter(f -> f.badRowTotal() > 0)
                .map(GenerationRecord.FileRecord::format).collect(Collectors.toSet());
        assertThat(withBad).containsExactlyInAnyOrder(OutputFormat.values());
    }

    @Test
    void headersAreExactlyTheOnesTheIngestMatches() throws IOException {
        MarkScale ma4 = MarkScales.bundled().inForce("MA", 4, 2025).orElseThrow();
        List<String> regional = new ArrayList<>(List.of("логин школы", "регион", "номер обучающегося", "код обучающегося",
                "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов"));
        for (int i = 1; i <= ma4.taskCount(); i++) {
            regional.add("балл за " + i);
        }
        regional.add("Учебник");
        Path xlsx = dir.resolve("Проведение работы по математике, 4 класс. ВПР 2025.xlsx");
        assertThat(ReadBack.sheetText(xlsx, 0).get(0)).isEqualTo(regional);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Sheet");
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING); // every cell a string
                }
            }
        }
        Path csv = dir.resolve("ВПР 2025 Математика 4 класс.csv");
        assertThat(ReadBack.csv(csv, Charset.forName("windows-1251"), ';').get(0)).isEqualTo(regional);

        List<String> canonical = ReadBack.csv(dir.resolve("canonical_MA4.csv"), StandardCharsets.UTF_8, ',').get(0);
        assertThat(canonical.subList(0, 16)).containsExactly("session", "region", "municipality_code", "municipality",
                "school_id", "school_name", "subject", "grade", "class", "participant", "variant", "sex", "journal_mark",
                "primary_score", "mark", "task_1");
        assertThat(canonical).hasSize(15 + ma4.taskCount());
        assertThat(Files.readAllBytes(dir.resolve("canonical_MA4.csv"))).startsWith(0xEF, 0xBB, 0xBF);

        GenerationRecord.FileRecord form = record.files(OutputFormat.SCHOOL_FORMS_XLSX).stream()
                .filter(f -> f.subject().equals("MA") && f.grade() == 4).findFirst().orElseThrow();
        assertThat(Path.of(form.path()).getFileName().toString()).matches("sch22\\d{4}_MA4\\.xlsx");
        List<String> protocol = ReadBack.sheetText(dir.resolve(form.path()), 1).get(0);
        List<String> expected = new ArrayList<>(List.of("Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа",
                "Дата загрузки", "Код", "Вариант"));
        ma4.tasks().forEach(t -> expected.add(t.name() + " (" + t.max() + "б)"));
        expected.addAll(List.of("Наименование класса", "Пол", "Отметка за предыдущий триместр/ четверть/полугодие", "Итого баллов"));
        assertThat(protocol).isEqualTo(expected);
        assertThat(ReadBack.sheetText(dir.resolve(form.path()), 0).get(0)).containsExactly("Пользователь", "Код региона",
                "Регион", "Муниципалитет", "Школа", "Дата загрузки", "Буква (цифра) класса. Введите \"нет\" - если отсутствует");
        List<String> firstRow = ReadBack.sheetText(dir.resolve(form.path()), 1).get(1);
        assertThat(firstRow.get(2)).isEqualTo("reg220000 | Алтайский край");
        assertThat(firstRow.get(3)).matches("reg22_m\\d{3} \\| .+");
        assertThat(firstRow.get(4)).matches("sch22\\d{4} \\| .+");
        assertThat(firstRow.get(5)).matches("\\d\\d\\.04\\.2025 \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void schoolFormsHoldNumbersAndAFormulaWithItsCachedValue() throws IOException {
        int formulas = 0;
        for (GenerationRecord.FileRecord f : record.files(OutputFormat.SCHOOL_FORMS_XLSX)) {
            try (InputStream in = Files.newInputStream(dir.resolve(f.path())); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertThat(wb.getSheetName(0)).isEqualTo("Классы");
                assertThat(wb.getSheetName(1)).isEqualTo("Протокол");
                Sheet protocol = wb.getSheetAt(1);
                int taskCount = protocol.getRow(0).getLastCellNum() - 12;
                for (Row row : protocol) {
                    if (row.getRowNum() == 0) {
                        continue;
                    }
                    assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC); // Код
                    Cell total = row.getCell(8 + taskCount + 3);
                    if (total != null && total.getCellType() == CellType.FORMULA) {
                        formulas++;
                        assertThat(total.getCellFormula()).startsWith("SUM(");
                        double sum = 0;
                        for (int c = 8; c < 8 + taskCount; c++) {
                            Cell t = row.getCell(c);
                            sum += t.getCellType() == CellType.NUMERIC ? t.getNumericCellValue() : 0;
                        }
                        assertThat(total.getNumericCellValue()).isEqualTo(sum);
                    }
                }
            }
        }
        assertThat(formulas).isPositive();
    }

    @Test
    void cp1251FileDecodesOnlyAsWindows1251() throws IOException {
        GenerationRecord.FileRecord f = record.files(OutputFormat.REGIONAL_CSV_CP1251).get(0);
        byte[] bytes = Files.readAllBytes(dir.resolve(f.path()));
        String text = Charset.forName("windows-1251").newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        assertThat(text).startsWith("логин школы;регион;").contains("отсутствовал");
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)))
                .isInstanceOf(CharacterCodingException.class);
        assertThat(f.path()).matches("ВПР 2025 (Русский язык|Математика) [45] класс\\.csv");
    }

    @Test
    void f1HasTheHeaderBlockAndAGroupRowPerSchool() throws IOException {
        for (GenerationRecord.FileRecord f : record.files(OutputFormat.F1_REPORT_XLSX)) {
            MarkScale scale = ReadBack.scale(record, f);
            List<List<String>> lines = ReadBack.sheetText(dir.resolve(f.path()), 0);
            assertThat(lines.get(0).get(0)).isEqualTo("ВПР 2025 " + scale.subjectName() + " " + f.grade() + " класс");
            assertThat(lines.get(1).get(0)).isEqualTo("Предмет: " + scale.subjectName());
            assertThat(lines.get(2).get(0)).isEqualTo("Максимальный первичный балл: " + scale.maxScore());
            assertThat(lines.get(3).get(0)).isEqualTo("Дата: 20.04.2025");
            assertThat(lines.get(4)).isEmpty();
            assertThat(lines.get(5).get(0)).isEqualTo("Уровень сложности задания");
            assertThat(lines.get(5).subList(6, 6 + scale.taskCount())).allMatch(l -> l.matches("[БПВ]"));
            assertThat(lines.get(6).subList(0, 6)).containsExactly("ОО", "Муниципалитет", "Название ОО", "Код участника", "Класс", "Вариант");
            assertThat(lines.get(6).get(6)).isEqualTo(scale.tasks().get(0).name() + " (" + scale.tasks().get(0).max() + "б)");
            assertThat(lines.get(6).subList(6 + scale.taskCount(), 9 + scale.taskCount()))
                    .containsExactly("Первичный балл", "Отметка", "Отметка по журналу");
            int groups = 0;
            int i = 7;
            while (i < lines.size()) {
                String group = lines.get(i).get(0);
                assertThat(group).matches(".+\\(sch22\\d{4}\\) \\| Кол-во участников: \\d+");
                assertThat(lines.get(i)).hasSize(1);
                groups++;
                int n = Integer.parseInt(group.substring(group.lastIndexOf(' ') + 1));
                String login = group.substring(group.lastIndexOf("(sch") + 1, group.indexOf(')', group.lastIndexOf("(sch")));
                for (int k = 1; k <= n; k++) {
                    assertThat(lines.get(i + k).get(0)).isEqualTo(login);
                    assertThat(lines.get(i + k).get(4)).matches(f.grade() + "( \"[А-Г]\"|[А-Г])");
                }
                i += n + 1;
            }
            assertThat(groups).isPositive();
        }
    }

    @Test
    void absentRowsKeepOnlyIdentityAndAwkwardValuesAppear() throws IOException {
        List<List<String>> regional = ReadBack.sheetText(dir.resolve(record.files(OutputFormat.REGIONAL_XLSX).get(0).path()), 0);
        List<List<String>> absent = regional.stream().filter(l -> l.size() > 7 && l.get(7).equals("отсутствовал")).toList();
        assertThat(absent).isNotEmpty().allSatisfy(l -> {
            assertThat(l.subList(0, 4)).allMatch(v -> !v.isEmpty());
            assertThat(l.get(4)).isEmpty();
            assertThat(l.get(5)).isEmpty();
            assertThat(l.get(6)).isNotEmpty();
            assertThat(l).hasSize(8);
        });
        Set<String> tokens = new HashSet<>();
        Set<String> classes = new HashSet<>();
        for (GenerationRecord.FileRecord f : record.files()) {
            if (f.format() == OutputFormat.REGIONAL_XLSX || f.format() == OutputFormat.REGIONAL_CSV_CP1251) {
                for (ReadBack.Row0 r : ROWS.get(f.path())) {
                    r.tasks().stream().filter(t -> !t.matches("\\d*")).forEach(tokens::add);
                    classes.add(r.classText());
                    tokens.add(r.journal());
                }
            }
        }
        assertThat(tokens).contains("X", "нет отметки");
        assertThat(tokens).containsAnyOf("x", "Х", "не пройд.");
        assertThat(classes).contains("А");
        Set<String> names = new HashSet<>();
        for (GenerationRecord.FileRecord f : record.files()) {
            if (f.format() == OutputFormat.CANONICAL_CSV || f.format() == OutputFormat.F1_REPORT_XLSX
                    || f.format() == OutputFormat.SCHOOL_FORMS_XLSX) {
                ROWS.get(f.path()).forEach(r -> names.add(r.schoolName()));
            }
        }
        assertThat(names).anyMatch(n -> n.startsWith("="));
        assertThat(names).anyMatch(n -> n.contains("«") && n.contains(","));
    }

    @Test
    void groundTruthListsTheManipulatedClasses() {
        GroundTruth truth = GroundTruth.read(dir);
        assertThat(truth.rows()).hasSize(record.groundTruthRows());
        assertThat(truth.manipulatedSchools()).hasSize((int) record.manipulatedSchools());
        assertThat(truth.strongSchools()).isEmpty();
        Set<ManipulationKind> kinds = EnumSet.noneOf(ManipulationKind.class);
        truth.manipulations().forEach(r -> {
            kinds.add(r.kind());
            assertThat(r.session()).isEqualTo("2025-spring");
            assertThat(r.subject()).isIn("RU", "MA");
            assertThat(r.grade()).isIn(4, 5);
            assertThat(r.level()).isNotNull();
            assertThat(r.worksAffected()).isNotNegative();
            assertThat(truth.kindOf(r.schoolId(), r.subject(), r.grade())).isEqualTo(r.kind());
        });
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(5);
    }
}
