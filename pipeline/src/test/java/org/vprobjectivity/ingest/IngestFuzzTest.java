package org.vprobjectivity.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.model.MarkScales;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Inputs mutated from the sample region's files (cut, byte flips, cells replaced by huge, formula-like,
 * binary or empty values, shuffled headers, wrong encodings, split group rows, damaged archives): every
 * one must be read without an exception, with its rows accounted for (a usable table: rows read = works +
 * absent + rejected; an unusable one: reported, no records) and no value a spreadsheet cell cannot hold.
 *
 * <p>Seeded, so a failure repeats: the message names the case's seed and mutation, and the input is kept
 * under {@code target/fuzz-failures/}. {@code -Dvpr.fuzz.cases=N} sets the number of cases (default
 * 1,000), {@code -Dvpr.fuzz.seconds=S} the time budget (default 150 s; cases left when it runs out are
 * skipped and the count run is printed), {@code -Dvpr.fuzz.seed=X} the first seed.
 */
class IngestFuzzTest {

    private static final int CASES = Integer.getInteger("vpr.fuzz.cases", 1000);
    private static final int SECONDS = Integer.getInteger("vpr.fuzz.seconds", 150);
    private static final long SEED = Long.getLong("vpr.fuzz.seed", 20251205L);
    /** Fewer cases than this in the time budget means the machine, not the input, failed the test. */
    private static final int MIN_CASES = 100;
    private static final int XLSX_CELL_LIMIT = 32_767;

    private static final String[] FORMULAS = {"=HYPERLINK(\"http://x\";\"sch220001\")", "+cmd|' /C calc'!A0", "@SUM(1+1)",
            "-2+3", "=1/0", "=A1"};
    private static final String[] ODD = {"", " ", "\"", "a\"b;c\nd", "1e9", "99999999999", "-0", "4.5", "-1", "NaN",
            "отсутствовал", "X", "не пройд.", "нет", "sch", "edu12", "44", "0", "Кол-во участников: 3", "(edu203389)",
            "\t", "\r\n", ";;;", "|", "null"};

    @TempDir
    Path dir;

    @Test
    void mutatedSampleInputsAreReadWithoutExceptionAndWithEveryRowAccountedFor() throws Exception {
        Path samples = Path.of(System.getProperty("user.dir")).resolveSibling("data-samples").resolve("region");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(samples)) {
            sources = files.filter(Files::isRegularFile)
                    .filter(p -> InputUnit.isSupported(p.getFileName().toString()))
                    .filter(p -> sizeOf(p) < 100_000)
                    .sorted().toList();
        }
        assertThat(sources).as("sample inputs under %s", samples).hasSizeGreaterThan(10);
        HeaderMapping mapping = HeaderMapping.bundled();
        MarkScales scales = MarkScales.bundled();
        FileIngestor ingestor = new FileIngestor(mapping, scales, IngestOptions.NONE);

        long deadline = System.currentTimeMillis() + SECONDS * 1000L;
        Map<String, Integer> outcomes = new HashMap<>();
        int run = 0;
        for (int i = 0; i < CASES && System.currentTimeMillis() < deadline; i++, run++) {
            long seed = SEED + i;
            Random rnd = new Random(seed);
            Path source = sources.get(rnd.nextInt(sources.size()));
            Case c = mutate(source, rnd);
            Path caseDir = Files.createDirectories(dir.resolve("case" + i));
            Path file = caseDir.resolve(c.name);
            Files.write(file, c.bytes);
            String what = "seed " + seed + ": " + c.description + " of " + samples.relativize(source);
            try {
                for (InputUnit unit : InputCatalog.list(List.of(file.toString()), new Configuration())) {
                    FileIngestor.Result result = ingestor.ingest(unit);
                    check(result, what);
                    result.reports().forEach(t -> outcomes.merge(t.ok() ? "ok" : t.problem().name(), 1, Integer::sum));
                }
            } catch (Throwable e) {
                Path kept = Path.of("target", "fuzz-failures", "seed-" + seed + "-" + c.name);
                Files.createDirectories(kept.getParent());
                Files.write(kept, c.bytes);
                if (e instanceof AssertionError a) {
                    throw new AssertionError(what + " (input kept at " + kept + "): " + a.getMessage(), a);
                }
                fail(what + " threw (input kept at " + kept + ")", e);
            }
            deleteRecursively(caseDir);
        }
        System.out.println("IngestFuzzTest: " + run + " cases in " + SECONDS + " s budget; tables by outcome " + outcomes);
        assertThat(run).as("cases run within %d s", SECONDS).isGreaterThanOrEqualTo(Math.min(CASES, MIN_CASES));
        // The mutations must leave both usable and unusable tables, or they test nothing.
        assertThat(outcomes).containsKey("ok");
        assertThat(outcomes.keySet()).hasSizeGreaterThan(2);
    }

    /** Rows accounted for per table, records well formed, nothing too long for a spreadsheet cell, no Java names. */
    private static void check(FileIngestor.Result result, String what) {
        assertThat(result.reports()).as("reports of %s", what).isNotEmpty();
        Map<String, List<IngestRecord>> bySheet = result.records().stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.sheet)));
        for (TableReport t : result.reports()) {
            int records = bySheet.getOrDefault(String.valueOf(t.sheet()), List.of()).size();
            if (t.ok()) {
                assertThat(records).as("works + absent + rejected = rows read, sheet %s", t.sheet()).isEqualTo(t.rowsRead());
            } else {
                assertThat(records).as("records of unusable sheet %s (%s)", t.sheet(), t.problem()).isZero();
                assertThat(t.messageEn()).as("message of %s", t.sheet()).doesNotContain("Exception");
                assertThat(t.messageRu()).doesNotContain("Exception");
                assertThat(t.messageEn().length()).isLessThan(XLSX_CELL_LIMIT);
            }
        }
        assertThat(bySheet.keySet()).as("every record's sheet has a report")
                .isSubsetOf(result.reports().stream().map(t -> String.valueOf(t.sheet())).toList());
        for (IngestRecord r : result.records()) {
            assertThat(r.type).isNotNull();
            assertThat(r.sourceRow).isPositive();
            switch (r.type) {
                case WORK -> {
                    assertThat(r.schoolId).isNotNull();
                    assertThat(r.participant).isNotNull();
                    assertThat(r.scores).isNotNull();
                    assertThat(r.mark).isBetween(2, 5);
                    assertThat(r.grade).isBetween(SheetInterpreter.MIN_GRADE, SheetInterpreter.MAX_GRADE);
                }
                case REJECT -> {
                    assertThat(r.rejectReason).isNotNull();
                    assertThat(r.rawRow).isNotNull();
                    assertThat(r.rawRow.length()).isLessThan(XLSX_CELL_LIMIT);
                }
                case ABSENT -> assertThat(r.scores).isNull();
            }
            for (String v : new String[]{r.schoolId, r.schoolName, r.municipality, r.municipalityCode, r.region, r.classLabel,
                    r.participant, r.variant, r.session, r.rejectColumn, r.rejectValue}) {
                if (v != null) {
                    assertThat(v.length()).as("a text value of a %s record", r.type).isLessThanOrEqualTo(Text.MAX_VALUE_CHARS);
                }
            }
        }
    }

    private record Case(String name, byte[] bytes, String description) {
    }

    private static Case mutate(Path source, Random rnd) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        String name = source.getFileName().toString();
        boolean xlsx = name.endsWith(".xlsx");
        int kind = rnd.nextInt(10);
        Case c;
        if (kind == 0) {
            int at = rnd.nextInt(Math.max(1, bytes.length));
            c = new Case(name, Arrays.copyOf(bytes, at), "cut at byte " + at);
        } else if (kind == 1) {
            byte[] b = bytes.clone();
            int flips = 1 + rnd.nextInt(8);
            for (int k = 0; k < flips && b.length > 0; k++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            c = new Case(name, b, flips + " byte flips");
        } else if (xlsx) {
            try {
                c = mutateWorkbook(name, bytes, rnd, kind);
            } catch (Exception notAWorkbook) {
                // A sample that is already damaged (bad/) has no cells to mutate: it is read as it is.
                c = new Case(name, bytes, "unchanged damaged workbook");
            }
        } else {
            c = mutateText(name, bytes, rnd, kind);
        }
        if (rnd.nextInt(8) == 0) {
            // Into an archive as Windows writes it: cp866 names without the UTF-8 flag; sometimes damaged too.
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(zipped, Charset.forName("IBM866"))) {
                zip.putNextEntry(new ZipEntry("папка/" + c.name));
                zip.write(c.bytes);
                zip.closeEntry();
            }
            byte[] z = zipped.toByteArray();
            boolean damage = rnd.nextBoolean();
            if (damage) {
                z = Arrays.copyOf(z, rnd.nextInt(z.length));
            }
            c = new Case("архив.zip", z, c.description + ", zipped" + (damage ? " and cut" : ""));
        }
        return c;
    }

    private static String oddValue(Random rnd, int limit) {
        return switch (rnd.nextInt(5)) {
            case 0 -> "Ж".repeat(limit);
            case 1 -> FORMULAS[rnd.nextInt(FORMULAS.length)];
            case 2 -> {
                StringBuilder b = new StringBuilder();
                for (int k = 0, n = 1 + rnd.nextInt(20); k < n; k++) {
                    b.append((char) rnd.nextInt(0x3000));
                }
                yield b.toString();
            }
            case 3 -> "";
            default -> ODD[rnd.nextInt(ODD.length)];
        };
    }

    private static Case mutateText(String name, byte[] bytes, Random rnd, int kind) {
        Charset charset = DelimitedReader.detectEncoding(bytes);
        String text = new String(bytes, charset);
        char sep = DelimitedReader.detectDelimiter(text);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        String description;
        switch (kind) {
            case 2, 3, 4 -> {
                int n = 1 + rnd.nextInt(5);
                for (int k = 0; k < n; k++) {
                    int line = 1 + rnd.nextInt(Math.max(1, lines.size() - 1));
                    if (line >= lines.size()) {
                        continue;
                    }
                    String[] cells = lines.get(line).split(String.valueOf(sep), -1);
                    cells[rnd.nextInt(cells.length)] = quoteIfNeeded(oddValue(rnd, 40_000), sep);
                    lines.set(line, String.join(String.valueOf(sep), cells));
                }
                description = n + " cells replaced by odd values";
            }
            case 5 -> {
                List<String> header = new ArrayList<>(Arrays.asList(lines.get(0).split(String.valueOf(sep), -1)));
                Collections.shuffle(header, rnd);
                lines.set(0, String.join(String.valueOf(sep), header));
                description = "header shuffled";
            }
            case 6 -> {
                Charset[] wrong = {StandardCharsets.UTF_16LE, Charset.forName("IBM866"), StandardCharsets.ISO_8859_1,
                        Charset.forName("KOI8-R"), StandardCharsets.UTF_16BE};
                Charset to = wrong[rnd.nextInt(wrong.length)];
                return new Case(name, text.getBytes(to), "re-encoded in " + to);
            }
            case 7 -> {
                int n = 1 + rnd.nextInt(10);
                for (int k = 0; k < n && lines.size() > 2; k++) {
                    int line = 1 + rnd.nextInt(lines.size() - 1);
                    if (rnd.nextBoolean()) {
                        lines.remove(line);
                    } else {
                        lines.add(line, lines.get(line));
                    }
                }
                description = n + " lines removed or duplicated";
            }
            default -> {
                lines.add(1 + rnd.nextInt(Math.max(1, lines.size() - 1)), oddValue(rnd, 40_000));
                description = "a line of odd text inserted";
            }
        }
        return new Case(name, String.join("\n", lines).getBytes(charset), description);
    }

    private static String quoteIfNeeded(String v, char sep) {
        return v.indexOf(sep) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static Case mutateWorkbook(String name, byte[] bytes, Random rnd, int kind) throws Exception {
        String description;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(rnd.nextInt(wb.getNumberOfSheets()));
            int last = Math.max(0, sheet.getLastRowNum());
            switch (kind) {
                case 2, 3, 4, 5 -> {
                    int n = 1 + rnd.nextInt(5);
                    for (int k = 0; k < n; k++) {
                        Row row = rowAt(sheet, rnd.nextInt(last + 1));
                        Cell cell = row.getCell(rnd.nextInt(Math.max(1, row.getLastCellNum())), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                        String v = oddValue(rnd, XLSX_CELL_LIMIT);
                        if (rnd.nextInt(4) == 0) {
                            cell.setCellValue(rnd.nextInt(200) - 50);
                        } else {
                            cell.setCellValue(v.chars().allMatch(ch -> ch >= 0x20 || ch == '\t' || ch == '\n') ? v : "bin\u0001\u0002" + v.length());
                        }
                    }
                    description = n + " cells of sheet " + sheet.getSheetName() + " replaced";
                }
                case 6 -> {
                    // The header row is among the first ten: shuffle the values of one of them.
                    Row row = rowAt(sheet, rnd.nextInt(Math.min(10, last + 1)));
                    List<String> values = new ArrayList<>();
                    row.forEach(cell -> values.add(cell.toString()));
                    Collections.shuffle(values, rnd);
                    for (int k = 0; k < values.size(); k++) {
                        row.getCell(k, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(values.get(k));
                    }
                    description = "an early row of " + sheet.getSheetName() + " shuffled";
                }
                case 7 -> {
                    // Split one cell's text over two cells, as some exporting tools do with «Ф1» group rows.
                    Row row = rowAt(sheet, rnd.nextInt(last + 1));
                    Cell first = row.getCell(0, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                    String text = first.toString();
                    int at = text.isEmpty() ? 0 : rnd.nextInt(text.length());
                    first.setCellValue(text.substring(0, at));
                    row.getCell(Math.max(1, row.getLastCellNum()), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                            .setCellValue(text.substring(at));
                    description = "the first cell of a row of " + sheet.getSheetName() + " split at " + at;
                }
                default -> {
                    int n = 1 + rnd.nextInt(5);
                    for (int k = 0; k < n && last > 1; k++) {
                        Row row = sheet.getRow(1 + rnd.nextInt(last));
                        if (row != null) {
                            sheet.removeRow(row);
                        }
                    }
                    description = n + " rows of " + sheet.getSheetName() + " removed";
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return new Case(name, out.toByteArray(), description);
        }
    }

    private static Row rowAt(Sheet sheet, int index) {
        return Objects.requireNonNullElseGet(sheet.getRow(index), () -> sheet.createRow(index));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }

    private static void deleteRecursively(Path p) throws Exception {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
