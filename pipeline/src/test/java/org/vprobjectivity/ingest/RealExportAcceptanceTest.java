package org.vprobjectivity.ingest;

import org.vprobjectivity.RealFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.model.MarkScales;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance test on the real FIS OKO exports described in {@code shared/real/README.md}. The folder is
 * given at run time ({@code -Dvpr.real.dir}); without it the tests are skipped. Expected values are
 * computed here from the rules of {@code docs/input-format.md}, reading the files with POI's
 * streaming reader and the scales' JSON with Jackson, independently of the ingest code. Participant
 * rows are never printed: only counts and source row numbers.
 */
class RealExportAcceptanceTest {

    static final String MA4 = "altai-2021-ma4-regional-export.xlsx";
    static final String MA5 = "altai-2022-ma5-school-forms.xlsx";
    static final String FR7 = "altai-2020-fr7-raw-export.xlsx";

    /** Not attempted, as docs/input-format.md lists it: X, x, Cyrillic Х/х, «не пройд.», empty. */
    static final Set<String> NOT_ATTEMPTED = Set.of("X", "x", "Х", "х", "не пройд.");

    /** A test scale for French grade 7 (no official one is bundled): 9 tasks, maxima chosen so some rows break them. */
    static final int[] FR7_TEST_MAXIMA = {4, 2, 2, 2, 2, 2, 3, 4, 4};
    static final int[] FR7_TEST_CUTS = {8, 14, 20};

    // ---------------------------------------------------------------- tests

    @Test
    void regionalExportMa4Of2021() throws IOException {
        Path file = realFile(MA4);
        ExpectedScale scale = ExpectedScale.inForce(bundledScaleJson(), "MA", 4, 2021);
        assertThat(scale.key()).isEqualTo("MA-4-2021");

        SheetData sheet = onlySheetWithHeader(readWorkbook(file), "вариант", "всего баллов");
        FileSpec spec = new FileSpec(4, sheet,
                sheet.column("логин школы"), sheet.column("код обучающегося"), sheet.column("вариант"),
                sheet.column("всего баллов"), sheet.column("отметка за предыдущую четверть/триместр"),
                sheet.column("класс"), positionalTaskColumns(sheet, "балл за (\\d+)", scale), scale);
        Expected expected = classify(spec);

        FileIngestor.Result result = ingest(file, MarkScales.bundled(), new IngestOptions("2021-spring", "MA", 4, null, null));
        assertAgrees(MA4, result, expected, spec, "2021-spring");
    }

    @Test
    void schoolFormsMa5Of2022() throws IOException {
        Path file = realFile(MA5);
        List<RawSheetData> sheets = readWorkbook(file);
        SheetData sheet = onlySheetWithHeader(sheets, "Вариант", "Итого баллов");
        assertThat(sheet.name()).isEqualTo("Протокол");

        // The session comes from the upload date column: dd.MM.yyyy, from August on the autumn session.
        int dateColumn = sheet.column("Дата загрузки");
        Set<String> sessions = new TreeSet<>();
        for (DataRow r : sheet.dataRows()) {
            Matcher m = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})").matcher(Objects.requireNonNull(r.cell(dateColumn)));
            assertThat(m.find()).as("upload date of row %d", r.number()).isTrue();
            int month = Integer.parseInt(m.group(2));
            sessions.add(m.group(3) + "-" + (month >= 8 ? "autumn" : "spring"));
        }
        assertThat(sessions).containsExactly("2022-spring");
        ExpectedScale scale = ExpectedScale.inForce(bundledScaleJson(), "MA", 5, 2022);
        assertThat(scale.key()).isEqualTo("MA-5-2021");

        // Named task headers «N (Mб)»: mapped to the scale's tasks by name, and the stated maximum must agree.
        Pattern named = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2})?) \\((\\d+)б\\)$");
        int[] taskColumns = new int[scale.taskCount()];
        Arrays.fill(taskColumns, -1);
        for (int c = 0; c < sheet.header().size(); c++) {
            String h = sheet.header().get(c);
            Matcher m = h == null ? null : named.matcher(h.trim());
            if (m != null && m.matches()) {
                int task = scale.names().indexOf(m.group(1));
                assertThat(task).as("task column «%s» is in scale %s", h, scale.key()).isGreaterThanOrEqualTo(0);
                assertThat(Integer.parseInt(m.group(2))).as("maximum stated by «%s»", h).isEqualTo(scale.maxima().get(task));
                taskColumns[task] = c;
            }
        }
        assertThat(taskColumns).as("every task of %s has a column", scale.key()).doesNotContain(-1);

        FileSpec spec = new FileSpec(5, sheet,
                sheet.column("Пользователь"), sheet.column("Код"), sheet.column("Вариант"), sheet.column("Итого баллов"),
                sheet.column("Отметка за предыдущий триместр/ четверть/полугодие"), sheet.column("Наименование класса"),
                taskColumns, scale);
        Expected expected = classify(spec);

        FileIngestor.Result result = ingest(file, MarkScales.bundled(), new IngestOptions(null, "MA", 5, null, null));
        assertAgrees(MA5, result, expected, spec, "2022-spring");
    }

    @Test
    void rawExportFr7Of2020WithoutScaleIsReportedWithTheHint() throws IOException {
        Path file = realFile(FR7);
        assertThat(ExpectedScale.find(bundledScaleJson(), "FR", 7, 2020)).as("bundled FR-7 scale").isNull();
        SheetData sheet = onlySheetWithHeader(readWorkbook(file), "var-1", "sum");

        FileIngestor.Result result = ingest(file, MarkScales.bundled(), new IngestOptions("2020-autumn", "FR", 7, null, null));

        assertThat(result.records()).isEmpty();
        assertThat(result.reports()).hasSize(1);
        TableReport report = result.reports().get(0);
        assertThat(report.problem()).isEqualTo(FileProblem.NO_SCALE);
        assertThat(report.rowsRead()).isEqualTo(sheet.dataRows().size());
        assertThat(report.messageEn()).contains("--scales");
        assertThat(report.messageRu()).contains("--scales");
        System.out.println(FR7 + " (bundled scales): " + report.problem() + ", rows " + report.rowsRead() + ": " + report.messageEn());
    }

    @Test
    void rawExportFr7Of2020WithATestScale(@TempDir Path tmp) throws IOException {
        Path file = realFile(FR7);
        Path scaleFile = tmp.resolve("fr7-scales.json");
        Files.writeString(scaleFile, fr7TestScaleJson(), StandardCharsets.UTF_8);
        ExpectedScale scale = ExpectedScale.inForce(new ObjectMapper().readTree(scaleFile.toFile()), "FR", 7, 2020);
        assertThat(scale.maxima()).containsExactly(Arrays.stream(FR7_TEST_MAXIMA).boxed().toArray(Integer[]::new));

        SheetData sheet = onlySheetWithHeader(readWorkbook(file), "var-1", "sum");
        int[] taskColumns = positionalTaskColumns(sheet, "a-(\\d+)-grade", scale);
        FileSpec spec = new FileSpec(7, sheet, sheet.column("user"), sheet.column("code"), sheet.column("var-1"),
                sheet.column("sum"), sheet.column("otc"), sheet.column("klass"), taskColumns, scale);
        Expected expected = classify(spec);
        assertThat(expected.rejects()).as("the test maxima make some rows break the max rule")
                .containsValue("TASK_SCORE_ABOVE_MAX");
        assertThat(expected.works()).as("and leave some works").isNotEmpty();

        MarkScales scales = MarkScales.bundled().overriddenBy(MarkScales.readFile(scaleFile));
        FileIngestor.Result result = ingest(file, scales, new IngestOptions("2020-autumn", "FR", 7, null, null));
        // The file name says only the year; the options name the season.
        assertAgrees(FR7, result, expected, spec, null);
        assertThat(result.records()).allSatisfy(r -> assertThat(r.session).isEqualTo("2020-autumn"));
    }

    // ---------------------------------------------------------------- the real folder

    /** The real export, or the test is skipped with a message naming the missing path ({@link RealFiles}). */
    static Path realFile(String name) {
        return RealFiles.require(name);
    }

    private static FileIngestor.Result ingest(Path file, MarkScales scales, IngestOptions options) {
        return new FileIngestor(HeaderMapping.bundled(), scales, options).ingest(new InputUnit(file.toString(), null));
    }

    // ---------------------------------------------------------------- reading the xlsx independently

    record DataRow(int number, List<String> cells) {
        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : null;
        }
    }

    record SheetData(String name, int headerNumber, List<String> header, List<DataRow> dataRows) {
        /** The column whose header is exactly {@code text} (trimmed); fails when there is none or more than one. */
        int column(String text) {
            List<Integer> found = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c) != null && header.get(c).trim().equals(text)) {
                    found.add(c);
                }
            }
            assertThat(found).as("columns headed «%s» in sheet %s", text, name).hasSize(1);
            return found.get(0);
        }
    }

    record RawSheetData(String name, List<DataRow> rows) {
    }

    static List<RawSheetData> readWorkbook(Path file) throws IOException {
        List<RawSheetData> sheets = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             Workbook wb = StreamingReader.builder().rowCacheSize(100).bufferSize(4096).open(in)) {
            for (Sheet sheet : wb) {
                List<DataRow> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        while (cells.size() < cell.getColumnIndex()) {
                            cells.add(null);
                        }
                        cells.add(cellText(cell));
                    }
                    rows.add(new DataRow(row.getRowNum() + 1, cells));
                }
                sheets.add(new RawSheetData(sheet.getSheetName(), rows));
            }
        }
        return sheets;
    }

    private static String cellText(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime d = cell.getLocalDateTimeCellValue();
                    return String.format("%02d.%02d.%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
                }
                double v = cell.getNumericCellValue();
                return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            case BLANK:
                return null;
            default:
                return "#" + type;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.replace('\u00A0', ' ').isBlank();
    }

    /** The one sheet with a row (among the first 20) holding all of {@code headers} exactly; the rows below it that are not empty. */
    static SheetData onlySheetWithHeader(List<RawSheetData> sheets, String... headers) {
        List<SheetData> found = new ArrayList<>();
        for (RawSheetData s : sheets) {
            for (int i = 0; i < Math.min(20, s.rows().size()); i++) {
                List<String> cells = s.rows().get(i).cells();
                Set<String> texts = cells.stream().filter(Objects::nonNull).map(String::trim).collect(Collectors.toSet());
                if (texts.containsAll(List.of(headers))) {
                    List<DataRow> data = s.rows().subList(i + 1, s.rows().size()).stream()
                            .filter(r -> r.cells().stream().anyMatch(c -> !blank(c)))
                            .collect(Collectors.toList());
                    found.add(new SheetData(s.name(), s.rows().get(i).number(), cells, data));
                    break;
                }
            }
        }
        assertThat(found).as("sheets with a header row holding %s", List.of(headers)).hasSize(1);
        return found.get(0);
    }

    /**
     * Positional task headers («балл за N», «a-N-grade»): the N-th column is the scale's N-th task. Columns
     * beyond the scale's tasks must be unused (empty or «не пройд.» everywhere), as docs/input-format.md allows.
     */
    static int[] positionalTaskColumns(SheetData sheet, String regex, ExpectedScale scale) {
        Pattern p = Pattern.compile("^" + regex + "$");
        int[] columns = new int[scale.taskCount()];
        Arrays.fill(columns, -1);
        for (int c = 0; c < sheet.header().size(); c++) {
            String h = sheet.header().get(c);
            Matcher m = h == null ? null : p.matcher(h.trim());
            if (m == null || !m.matches()) {
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            if (n <= scale.taskCount()) {
                assertThat(columns[n - 1]).as("one column for task %d", n).isEqualTo(-1);
                columns[n - 1] = c;
            } else {
                final int col = c;
                assertThat(sheet.dataRows()).as("column «%s» beyond the scale's %d tasks is unused", h, scale.taskCount())
                        .allSatisfy(r -> assertThat(blank(r.cell(col)) || "не пройд.".equals(r.cell(col).trim())).isTrue());
            }
        }
        assertThat(columns).as("every task of %s has a column", scale.key()).doesNotContain(-1);
        return columns;
    }

    // ---------------------------------------------------------------- scales, read from JSON independently

    record ExpectedScale(String key, int cut3, int cut4, int cut5, List<String> names, List<Integer> maxima) {
        int taskCount() {
            return names.size();
        }

        int markFor(int score) {
            return score >= cut5 ? 5 : score >= cut4 ? 4 : score >= cut3 ? 3 : 2;
        }

        /** The entry with the latest from_year not after {@code year}, or null. */
        static ExpectedScale find(JsonNode root, String subject, int grade, int year) {
            JsonNode best = null;
            for (JsonNode n : root.path("scales")) {
                if (n.path("subject").asText().equalsIgnoreCase(subject) && n.path("grade").asInt() == grade
                        && n.path("from_year").asInt() <= year
                        && (best == null || n.path("from_year").asInt() > best.path("from_year").asInt())) {
                    best = n;
                }
            }
            if (best == null) {
                return null;
            }
            List<String> names = new ArrayList<>();
            List<Integer> maxima = new ArrayList<>();
            for (JsonNode t : best.path("tasks")) {
                names.add(t.path("name").asText());
                maxima.add(t.path("max").asInt());
            }
            JsonNode cuts = best.path("cuts");
            return new ExpectedScale(subject.toUpperCase(Locale.ROOT) + "-" + grade + "-" + best.path("from_year").asInt(),
                    cuts.path("3").asInt(), cuts.path("4").asInt(), cuts.path("5").asInt(), names, maxima);
        }

        static ExpectedScale inForce(JsonNode root, String subject, int grade, int year) {
            ExpectedScale s = find(root, subject, grade, year);
            assertThat(s).as("scale for %s %d in %d", subject, grade, year).isNotNull();
            return s;
        }
    }

    static JsonNode bundledScaleJson() throws IOException {
        try (InputStream in = RealExportAcceptanceTest.class.getResourceAsStream("/org/vprobjectivity/mark-scales.json")) {
            assertThat(in).as("bundled mark-scales.json on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    static String fr7TestScaleJson() {
        StringBuilder tasks = new StringBuilder();
        int max = 0;
        for (int i = 0; i < FR7_TEST_MAXIMA.length; i++) {
            tasks.append(i == 0 ? "" : ",").append("{\"name\":\"").append(i + 1).append("\",\"max\":").append(FR7_TEST_MAXIMA[i]).append('}');
            max += FR7_TEST_MAXIMA[i];
        }
        return "{\"scales\":[{\"subject\":\"FR\",\"grade\":7,\"from_year\":2020,\"max_score\":" + max
                + ",\"cuts\":{\"3\":" + FR7_TEST_CUTS[0] + ",\"4\":" + FR7_TEST_CUTS[1] + ",\"5\":" + FR7_TEST_CUTS[2] + "},"
                + "\"tasks\":[" + tasks + "]}]}";
    }

    // ---------------------------------------------------------------- the rules, applied independently

    /** Where a file keeps what the rules look at; task columns in the scale's task order. */
    record FileSpec(int grade, SheetData sheet, int school, int participant, int variant, int total, int journal,
                    int classColumn, int[] tasks, ExpectedScale scale) {
    }

    record ExpectedWork(String school, Integer[] scores, int sum, int mark) {
    }

    record Expected(int rows, Set<Integer> absent, Map<Integer, String> rejects, Map<Integer, ExpectedWork> works,
                    int duplicateKeys, int duplicateRows) {
    }

    private static final Pattern NON_NEGATIVE_INTEGER = Pattern.compile("\\d{1,9}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    /** A class that carries a grade: «4а», «4 Б», «4"А"». Plain digits are ordinals, not grades. */
    private static final Pattern CLASS_WITH_GRADE = Pattern.compile("^(\\d{1,2})\\s*[-\"«']*\\s*[A-Za-zА-Яа-яЁё]\\s*[\"»']*$");

    static Expected classify(FileSpec f) {
        Set<Integer> absent = new TreeSet<>();
        Map<Integer, String> rejects = new TreeMap<>();
        Map<Integer, ExpectedWork> works = new TreeMap<>();
        Map<String, Integer> rowsPerParticipant = new HashMap<>();
        for (DataRow r : f.sheet().dataRows()) {
            String variant = r.cell(f.variant());
            if (isAbsent(f, r, variant)) {
                absent.add(r.number());
                continue;
            }
            String school = blank(r.cell(f.school())) ? null : r.cell(f.school()).trim();
            String participant = blank(r.cell(f.participant())) ? null : r.cell(f.participant()).trim();
            rowsPerParticipant.merge(school + "|" + participant, 1, Integer::sum);
            String reason = null;
            if (school == null) {
                reason = "SCHOOL_MISSING";
            } else if (participant == null) {
                reason = "PARTICIPANT_MISSING";
            }
            Integer[] scores = new Integer[f.tasks().length];
            int sum = 0;
            for (int i = 0; i < f.tasks().length && reason == null; i++) {
                String v = r.cell(f.tasks()[i]);
                if (blank(v) || NOT_ATTEMPTED.contains(v.trim())) {
                    continue;
                }
                if (!NON_NEGATIVE_INTEGER.matcher(v.trim()).matches()) {
                    reason = "TASK_SCORE_INVALID";
                } else if (Integer.parseInt(v.trim()) > f.scale().maxima().get(i)) {
                    reason = "TASK_SCORE_ABOVE_MAX";
                } else {
                    scores[i] = Integer.parseInt(v.trim());
                    sum += scores[i];
                }
            }
            String total = r.cell(f.total());
            if (reason == null && !blank(total)) {
                if (!INTEGER.matcher(total.trim()).matches()) {
                    reason = "PRIMARY_SCORE_INVALID";
                } else if (Integer.parseInt(total.trim()) != sum) {
                    reason = "PRIMARY_SCORE_MISMATCH";
                }
            }
            String journal = r.cell(f.journal());
            if (reason == null && !blank(journal) && !journal.trim().equalsIgnoreCase("нет отметки")) {
                String j = journal.trim();
                if (!INTEGER.matcher(j).matches() || Integer.parseInt(j) < 2 || Integer.parseInt(j) > 5) {
                    reason = "JOURNAL_MARK_INVALID";
                }
            }
            String classLabel = r.cell(f.classColumn());
            if (reason == null && !blank(classLabel)) {
                Matcher m = CLASS_WITH_GRADE.matcher(classLabel.trim());
                if (m.matches() && Integer.parseInt(m.group(1)) != f.grade()) {
                    reason = "GRADE_CLASS_MISMATCH";
                }
            }
            if (reason != null) {
                rejects.put(r.number(), reason);
            } else {
                works.put(r.number(), new ExpectedWork(school, scores, sum, f.scale().markFor(sum)));
            }
        }
        int duplicateKeys = (int) rowsPerParticipant.values().stream().filter(n -> n > 1).count();
        int duplicateRows = rowsPerParticipant.values().stream().filter(n -> n > 1).mapToInt(Integer::intValue).sum();
        return new Expected(f.sheet().dataRows().size(), absent, rejects, works, duplicateKeys, duplicateRows);
    }

    /** Variant «отсутствовал», or a participant code with no variant, task scores, total, journal mark or class. */
    private static boolean isAbsent(FileSpec f, DataRow r, String variant) {
        if (!blank(variant)) {
            return variant.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').equals("отсутствовал");
        }
        if (blank(r.cell(f.participant()))) {
            return false;
        }
        for (int c : f.tasks()) {
            if (!blank(r.cell(c))) {
                return false;
            }
        }
        return blank(r.cell(f.total())) && blank(r.cell(f.journal())) && blank(r.cell(f.classColumn()));
    }

    // ---------------------------------------------------------------- comparing

    private static void assertAgrees(String name, FileIngestor.Result result, Expected expected, FileSpec spec, String session) {
        List<TableReport> ok = result.reports().stream().filter(TableReport::ok).collect(Collectors.toList());
        assertThat(result.reports()).as("table reports of %s", name).allSatisfy(t ->
                assertThat(t.problem()).as("problem of sheet %s: %s", t.sheet(), t.messageEn()).isNull());
        assertThat(ok).extracting(TableReport::scaleKey).containsOnly(spec.scale().key());
        assertThat(ok.stream().mapToInt(TableReport::rowsRead).sum()).as("rows read of %s", name).isEqualTo(expected.rows());

        Map<IngestRecord.Type, List<IngestRecord>> byType = new LinkedHashMap<>();
        for (IngestRecord.Type t : IngestRecord.Type.values()) {
            byType.put(t, new ArrayList<>());
        }
        result.records().forEach(r -> byType.get(r.type).add(r));
        List<IngestRecord> works = byType.get(IngestRecord.Type.WORK);
        List<IngestRecord> absent = byType.get(IngestRecord.Type.ABSENT);
        List<IngestRecord> rejects = byType.get(IngestRecord.Type.REJECT);
        assertThat(works.size() + absent.size() + rejects.size()).as("works + absent + rejected of %s", name).isEqualTo(expected.rows());
        assertThat(result.records()).as("context of the records of %s", name).allSatisfy(r -> {
            assertThat(r.sheet).isEqualTo(spec.sheet().name());
            assertThat(r.grade).isEqualTo(spec.grade());
            assertThat(r.subject).isEqualTo(spec.scale().key().substring(0, 2));
            assertThat(r.scaleKey).isEqualTo(spec.scale().key());
            if (session != null) {
                assertThat(r.session).isEqualTo(session);
            }
        });

        Set<Integer> absentRows = absent.stream().map(r -> r.sourceRow).collect(Collectors.toCollection(TreeSet::new));
        assertThat(absentRows).as("absent rows of %s", name).isEqualTo(expected.absent());
        Map<Integer, String> rejectReasons = new TreeMap<>();
        for (IngestRecord r : rejects) {
            assertThat(rejectReasons.put(r.sourceRow, r.rejectReason.name())).as("row %d rejected once", r.sourceRow).isNull();
        }
        assertThat(rejectReasons.keySet().stream().filter(expected.absent()::contains)).as("rejects of %s that are absent rows", name).isEmpty();
        assertThat(rejectReasons).as("rejects {row → reason} of %s", name).isEqualTo(expected.rejects());

        List<String> workProblems = new ArrayList<>();
        Set<Integer> workRows = new TreeSet<>();
        for (IngestRecord r : works) {
            workRows.add(r.sourceRow);
            ExpectedWork e = expected.works().get(r.sourceRow);
            if (e == null) {
                continue;
            }
            if (!Objects.equals(r.primaryScore, e.sum())) {
                workProblems.add("row " + r.sourceRow + ": primary score " + r.primaryScore + ", expected " + e.sum());
            }
            if (!Objects.equals(r.mark, e.mark())) {
                workProblems.add("row " + r.sourceRow + ": mark " + r.mark + ", expected " + e.mark() + " for " + e.sum());
            }
            if (!Arrays.equals(r.scores, e.scores())) {
                workProblems.add("row " + r.sourceRow + ": task scores " + Arrays.toString(r.scores) + ", expected " + Arrays.toString(e.scores()));
            }
            if (!Objects.equals(r.schoolId, e.school())) {
                workProblems.add("row " + r.sourceRow + ": school " + r.schoolId + ", expected " + e.school());
            }
        }
        assertThat(workRows).as("work rows of %s", name).isEqualTo(expected.works().keySet());
        assertThat(workProblems).as("works of %s that differ from the rules", name).isEmpty();

        Map<String, Long> byReason = new TreeMap<>(expected.rejects().values().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting())));
        long schools = expected.works().values().stream().map(ExpectedWork::school).distinct().count();
        Set<String> sessions = result.records().stream().map(r -> r.session).collect(Collectors.toCollection(TreeSet::new));
        System.out.println(name + " (session " + String.join(", ", sessions) + "): rows " + expected.rows() + ", works " + expected.works().size() + ", absent "
                + expected.absent().size() + ", rejected " + expected.rejects().size() + " " + byReason
                + ", schools with works " + schools + ", duplicate (school, participant) keys " + expected.duplicateKeys()
                + " in " + expected.duplicateRows() + " rows (decided later, in Spark)");
    }
}
