package org.vprobjectivity.ingest;

import org.vprobjectivity.model.Subjects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * School-level results of the state exams ({@code --exam FILE}): one row per school × subject × year × exam, with
 * the school's mean and participants, optionally the SD and the shares of marks 2..5. CSV/TXT as the exports
 * ({@link DelimitedReader}: {@code ;}, tab or {@code ,}; UTF-8 or Windows-1251); the first non-empty row is the header,
 * in Russian or English (docs/input.md): {@code school} (логин), {@code subject} (предмет), {@code year} (год),
 * {@code mean} (средний балл), {@code n} (участников) are required; {@code sd} (СКО), {@code exam} (ОГЭ/ЕГЭ, default
 * ОГЭ) and {@code share_2..share_5} («2»..«5», percent or fractions) are optional. Decimal comma allowed.
 *
 * <p>A bad row is listed in {@link #problems()} with its row, column and value and left out; the good rows are kept.
 * A header without a required column makes every row unusable: one problem on the header row.
 */
public record ExamFile(List<Entry> entries, List<SideFileProblem> problems) {

    /** Exam kinds as stored: the main state exam after grade 9 and after grade 11. */
    public static final String OGE = "OGE";
    public static final String EGE = "EGE";

    /** One usable row. {@code sd} and {@code shares} (fractions of marks 2..5 summing to 1) may be null. */
    public record Entry(int row, String schoolId, String subject, int year, String kind, double mean, long n, Double sd,
                        double[] shares) {
        public Entry withSchool(String id) {
            return new Entry(row, id, subject, year, kind, mean, n, sd, shares);
        }
    }

    enum Column {
        SCHOOL(true, "логин", "логин оо", "школа", "оо", "код оо", "school", "school id", "login"),
        SUBJECT(true, "предмет", "subject"),
        YEAR(true, "год", "year"),
        MEAN(true, "средний балл", "средний", "ср балл", "mean", "mean score"),
        N(true, "участников", "число участников", "количество участников", "кол-во участников", "n", "participants"),
        SD(false, "ско", "стандартное отклонение", "sd"),
        KIND(false, "экзамен", "вид", "вид экзамена", "форма", "exam", "kind"),
        SHARE_2(false, "доля 2", "2", "share 2"),
        SHARE_3(false, "доля 3", "3", "share 3"),
        SHARE_4(false, "доля 4", "4", "share 4"),
        SHARE_5(false, "доля 5", "5", "share 5");

        final boolean required;
        final Set<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = Set.of(names);
        }
    }

    /** The same file with its school ids mapped ({@code --id-map}: old → new; an id the map does not name is kept). */
    public static ExamFile mapped(ExamFile file, java.util.Map<String, String> idMap) {
        return new ExamFile(file.entries.stream().map(e -> e.withSchool(idMap.getOrDefault(e.schoolId(), e.schoolId()))).toList(),
                file.problems);
    }

    public static ExamFile read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exam file " + file + ": " + e.getMessage(), e);
        }
    }

    public static ExamFile parse(byte[] bytes) {
        List<RawRow> rows = DelimitedReader.read(bytes, null).rows().stream().filter(r -> !r.isEmpty()).toList();
        List<Entry> entries = new ArrayList<>();
        List<SideFileProblem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            return new ExamFile(entries, problems);
        }
        RawRow header = rows.get(0);
        Map<Column, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = normalise(header.cell(i));
            for (Column c : Column.values()) {
                if (c.names.contains(name) && !at.containsKey(c)) {
                    at.put(c, i);
                }
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !at.containsKey(c)) {
                problems.add(new SideFileProblem(header.number(), ru(c), null,
                        "в заголовке нет столбца «" + ru(c) + "»: файл не использован",
                        "the header has no column '" + c.name().toLowerCase(Locale.ROOT) + "': the file is not used"));
            }
        }
        if (!problems.isEmpty()) {
            return new ExamFile(entries, problems);
        }
        Set<String> seen = new HashSet<>();
        for (RawRow row : rows.subList(1, rows.size())) {
            Row r = new Row(row, at, header);
            Entry e = r.entry();
            if (e == null) {
                problems.add(r.problem);
            } else if (!seen.add(e.schoolId() + "|" + e.subject() + "|" + e.year() + "|" + e.kind())) {
                problems.add(new SideFileProblem(row.number(), header.cell(at.get(Column.SCHOOL)).trim(), e.schoolId(),
                        "строка для этой школы, предмета, года и экзамена уже есть выше",
                        "a row for this school, subject, year and exam is already given above"));
            } else {
                entries.add(e);
            }
        }
        return new ExamFile(entries, problems);
    }

    /** Header text compared without case, quotes, percent signs, punctuation and underscores. */
    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        return header.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('_', ' ')
                .replaceAll("[«»\"'%.,:()№]", " ").replaceAll("\\s+", " ").trim()
                .replaceAll("^(доля|отметка|отметки|share|mark) ?([2-5])$", "доля $2");
    }

    private static String ru(Column c) {
        return switch (c) {
            case SCHOOL -> "логин";
            case SUBJECT -> "предмет";
            case YEAR -> "год";
            case MEAN -> "средний балл";
            case N -> "участников";
            case SD -> "СКО";
            case KIND -> "экзамен";
            default -> "доля " + c.name().substring(c.name().length() - 1);
        };
    }

    /** One data row being read: the first bad value ends it with a problem. */
    private static final class Row {
        final RawRow row;
        final Map<Column, Integer> at;
        final RawRow header;
        SideFileProblem problem;

        Row(RawRow row, Map<Column, Integer> at, RawRow header) {
            this.row = row;
            this.at = at;
            this.header = header;
        }

        String text(Column c) {
            Integer i = at.get(c);
            String v = i == null ? null : row.cell(i);
            return v == null ? "" : v.trim();
        }

        Entry entry() {
            String school = text(Column.SCHOOL);
            if (school.isEmpty()) {
                return fail(Column.SCHOOL, "нет логина школы", "no school login");
            }
            var subject = Subjects.recognise(text(Column.SUBJECT));
            if (subject.isEmpty()) {
                return fail(Column.SUBJECT, "предмет не распознан", "subject not recognised");
            }
            Double year = number(Column.YEAR);
            if (year == null || year != Math.rint(year) || year < 2000 || year > 2100) {
                return fail(Column.YEAR, "год должен быть целым числом от 2000 до 2100", "the year must be a whole number from 2000 to 2100");
            }
            String kind = kind(text(Column.KIND));
            if (kind == null) {
                return fail(Column.KIND, "экзамен должен быть ОГЭ или ЕГЭ", "the exam must be OGE or EGE");
            }
            Double mean = number(Column.MEAN);
            if (mean == null || mean < 0) {
                return fail(Column.MEAN, "средний балл должен быть неотрицательным числом", "the mean must be a non-negative number");
            }
            Double n = number(Column.N);
            if (n == null || n != Math.rint(n) || n < 1) {
                return fail(Column.N, "число участников должно быть целым числом не меньше 1",
                        "the participants must be a whole number of at least 1");
            }
            Double sd = null;
            if (!text(Column.SD).isEmpty()) {
                sd = number(Column.SD);
                if (sd == null || sd < 0) {
                    return fail(Column.SD, "СКО должно быть неотрицательным числом", "the SD must be a non-negative number");
                }
            }
            double[] shares = shares();
            if (problem != null) {
                return null;
            }
            return new Entry(row.number(), school, subject.get(), year.intValue(), kind, mean, n.longValue(), sd, shares);
        }

        /** The four shares as fractions summing to 1, or null when the file gives none (or this row leaves them blank). */
        double[] shares() {
            Column[] cols = {Column.SHARE_2, Column.SHARE_3, Column.SHARE_4, Column.SHARE_5};
            boolean any = false;
            for (Column c : cols) {
                any |= !text(c).isEmpty();
            }
            if (!any) {
                return null;
            }
            double[] s = new double[4];
            double sum = 0;
            for (int m = 0; m < 4; m++) {
                Double v = number(cols[m]);
                if (v == null || v < 0) {
                    fail(cols[m], "доля отметки должна быть неотрицательным числом", "a mark share must be a non-negative number");
                    return null;
                }
                s[m] = v;
                sum += v;
            }
            double scale = sum > 1.5 ? 100 : 1;
            if (!(sum > 0) || Math.abs(sum / scale - 1) > 0.02) {
                String total = sum == Math.rint(sum) ? String.valueOf((long) sum) : String.format(Locale.ROOT, "%.4g", sum);
                fail(Column.SHARE_2, "доли отметок в сумме дают " + total.replace('.', ',') + ", а не 100% (или 1)",
                        "mark shares sum to " + total + ", not 100% (or 1)");
                return null;
            }
            for (int m = 0; m < 4; m++) {
                s[m] /= sum;
            }
            return s;
        }

        Double number(Column c) {
            String t = text(c).replace('\u00A0', ' ').replace(" ", "").replace(',', '.').replace("%", "");
            try {
                double v = Double.parseDouble(t);
                return Double.isFinite(v) ? v : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        static String kind(String text) {
            String t = text.toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
            if (t.isEmpty() || t.equals("огэ") || t.equals("oge") || t.equals("гиа9")) {
                return OGE;
            }
            if (t.equals("егэ") || t.equals("ege")) {
                return EGE;
            }
            return null;
        }

        Entry fail(Column c, String ru, String en) {
            // the column as the file's header names it, so the user finds it in either language
            Integer i = at.get(c);
            problem = new SideFileProblem(row.number(), i == null ? ExamFile.ru(c) : header.cell(i).trim(), text(c), ru, en);
            return null;
        }
    }

}
