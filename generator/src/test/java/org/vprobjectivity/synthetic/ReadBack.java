package org.vprobjectivity.synthetic;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the generated files back with plain POI and a small CSV parser, independently of the writers, and
 * classifies each data row by the ingest rules of docs/input-format.md. Tests compare the result with the record.
 */
final class ReadBack {

    /** One data row as text, whatever the shape. */
    record Row0(String school, String schoolName, String classText, String participant, String variant, String sex,
                List<String> tasks, String total, String mark, String journal) {

        boolean absent() {
            return "отсутствовал".equals(variant) || "absent".equals(variant);
        }
    }

    /** Per-file counts, derived from the rows. */
    record Counts(int dataRows, int works, int absent, Map<String, Integer> bad) {
    }

    private static final MarkScales SCALES = MarkScales.bundled();

    private ReadBack() {
    }

    static List<Row0> rows(Path root, GenerationRecord.FileRecord f) throws IOException {
        Path file = root.resolve(f.path());
        return switch (f.format()) {
            case CANONICAL_CSV -> canonical(file);
            case REGIONAL_CSV_CP1251 -> regional(csv(file, Charset.forName("windows-1251"), ';'));
            case REGIONAL_XLSX -> regional(sheetText(file, 0));
            case SCHOOL_FORMS_XLSX -> schoolForm(file);
            case F1_REPORT_XLSX -> f1(file);
        };
    }

    static MarkScale scale(GenerationRecord rec, GenerationRecord.FileRecord f) {
        int year = rec.config().parsedSession().year();
        return SCALES.inForce(f.subject(), f.grade(), year).orElseThrow();
    }

    /** Classifies rows by the rules, in RejectReason order; duplicates are checked per school. */
    static Counts classify(List<Row0> rows, MarkScale scale) {
        Map<String, Integer> bad = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row0 r : rows) {
            seen.merge(r.school() + "|" + r.participant(), 1, Integer::sum);
        }
        int works = 0;
        int absent = 0;
        for (Row0 r : rows) {
            if (r.absent()) {
                absent++;
                continue;
            }
            String reason = ruleBroken(r, scale);
            if (reason == null && seen.get(r.school() + "|" + r.participant()) > 1) {
                reason = "DUPLICATE_PARTICIPANT";
            }
            if (reason == null) {
                works++;
            } else {
                bad.merge(reason, 1, Integer::sum);
            }
        }
        return new Counts(rows.size(), works, absent, bad);
    }

    static String ruleBroken(Row0 r, MarkScale scale) {
        int sum = 0;
        for (int i = 0; i < r.tasks().size(); i++) {
            Integer s = score(r.tasks().get(i));
            if (s != null && s > scale.tasks().get(i).max()) {
                return "TASK_SCORE_ABOVE_MAX";
            }
            sum += s == null ? 0 : s;
        }
        if (r.total() != null && !r.total().isEmpty() && Integer.parseInt(r.total()) != sum) {
            return "PRIMARY_SCORE_MISMATCH";
        }
        if (r.mark() != null && !r.mark().isEmpty() && Integer.parseInt(r.mark()) != scale.markFor(sum)) {
            return "MARK_MISMATCH";
        }
        String j = r.journal() == null ? "" : r.journal();
        if (!j.isEmpty() && !j.equals("нет отметки") && !j.matches("[2-5]")) {
            return "JOURNAL_MARK_INVALID";
        }
        return null;
    }

    /** A task cell: null = not attempted (X, x, Cyrillic Х, «не пройд.», empty). */
    static Integer score(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("x") || t.equalsIgnoreCase("х") || t.equals("не пройд.")) {
            return null;
        }
        return Integer.valueOf(t);
    }

    // ---- shapes

    private static List<Row0> canonical(Path file) throws IOException {
        List<List<String>> lines = csv(file, StandardCharsets.UTF_8, ',');
        List<String> h = lines.get(0);
        int first = h.indexOf("task_1");
        List<Row0> out = new ArrayList<>();
        for (List<String> l : lines.subList(1, lines.size())) {
            out.add(new Row0(l.get(h.indexOf("school_id")), l.get(h.indexOf("school_name")), l.get(h.indexOf("class")),
                    l.get(h.indexOf("participant")), l.get(h.indexOf("variant")), l.get(h.indexOf("sex")),
                    l.subList(first, l.size()), l.get(h.indexOf("primary_score")), l.get(h.indexOf("mark")),
                    l.get(h.indexOf("journal_mark"))));
        }
        return out;
    }

    private static List<Row0> regional(List<List<String>> lines) {
        List<String> h = lines.get(0);
        int first = h.indexOf("балл за 1");
        int last = h.indexOf("Учебник");
        List<Row0> out = new ArrayList<>();
        for (List<String> l : lines.subList(1, lines.size())) {
            List<String> full = pad(l, h.size());
            out.add(new Row0(full.get(0), null, full.get(6), full.get(3), full.get(7), full.get(5),
                    full.subList(first, last), full.get(8), null, full.get(4)));
        }
        return out;
    }

    private static List<Row0> schoolForm(Path file) throws IOException {
        List<List<String>> lines = sheetText(file, 1);
        List<String> h = lines.get(0);
        int first = h.indexOf("Вариант") + 1;
        int cls = h.indexOf("Наименование класса");
        List<Row0> out = new ArrayList<>();
        for (List<String> l : lines.subList(1, lines.size())) {
            List<String> full = pad(l, h.size());
            String school = full.get(h.indexOf("Школа"));
            out.add(new Row0(full.get(0), school.substring(school.indexOf(" | ") + 3), full.get(cls), full.get(6),
                    full.get(7), full.get(cls + 1), full.subList(first, cls), full.get(h.indexOf("Итого баллов")), null,
                    full.get(cls + 2)));
        }
        return out;
    }

    private static List<Row0> f1(Path file) throws IOException {
        List<List<String>> lines = sheetText(file, 0);
        int headerAt = 0;
        while (lines.get(headerAt).isEmpty() || !"ОО".equals(lines.get(headerAt).get(0))) {
            headerAt++;
        }
        List<String> h = lines.get(headerAt);
        int first = h.indexOf("Вариант") + 1;
        int total = h.indexOf("Первичный балл");
        List<Row0> out = new ArrayList<>();
        for (List<String> l : lines.subList(headerAt + 1, lines.size())) {
            if (l.get(0).contains("Кол-во участников")) {
                continue; // group row
            }
            List<String> full = pad(l, h.size());
            out.add(new Row0(full.get(0), full.get(2), full.get(4), full.get(3), full.get(5), null,
                    full.subList(first, total), full.get(total), full.get(total + 1), full.get(total + 2)));
        }
        return out;
    }

    private static List<String> pad(List<String> l, int n) {
        List<String> out = new ArrayList<>(l);
        while (out.size() < n) {
            out.add("");
        }
        return out;
    }

    /** All rows of a sheet as text (numbers as integers, formulas by their cached value), row gaps kept. */
    static List<List<String>> sheetText(Path file, int sheetIndex) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(sheetIndex);
            List<List<String>> out = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                }
                out.add(cells);
            }
            return out;
        }
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                double d = cell.getNumericCellValue();
                yield d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
            }
            case STRING -> cell.getStringCellValue();
            case BLANK -> "";
            default -> cell.toString();
        };
    }

    /** RFC 4180 parser: quoted fields with doubled quotes; a leading BOM is dropped. */
    static List<List<String>> csv(Path file, Charset cs, char sep) throws IOException {
        String text = Files.readString(file, cs);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> out = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                out.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            out.add(row);
        }
        return out;
    }
}
