package org.vprobjectivity.recheck;

import org.vprobjectivity.ingest.RawRow;
import org.vprobjectivity.ingest.RawSheet;
import org.vprobjectivity.ingest.XlsxReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads filled forms back as a person typed them: numbers as numbers or text («2», « 1 », «1,0»), «Х» (Cyrillic or
 * Latin, any case) or «-» for a task not attempted. A bad cell (blank, text, a fraction, above the task's maximum,
 * below 0) is quarantined with file, sheet, row, column and reason, and its work is left out (a work with a hole
 * cannot be compared); every other work is kept. A row whose code is not in the plan (a work added by hand), a code
 * read twice, and a row without a code are quarantined too; a form of another plan, or a file that is not a form, is
 * refused whole. Reading is a pure function of the files: reading the same forms twice gives the same works.
 */
public final class FormReader {

    /** A work read back: its code and the commission's scores (null = not attempted). */
    public record ExpertWork(String workId, Integer[] scores, String file, int row) {
    }

    /** A quarantined cell, row or file. */
    public record Problem(String file, String sheet, Integer row, String column, String value, String reason) {
    }

    /** What the forms gave. */
    public record Reading(List<ExpertWork> works, List<Problem> problems, int formsRead) {
    }

    private FormReader() {
    }

    /**
     * @param forms     xlsx files (folders: every .xlsx inside, in name order)
     * @param planId    the plan the forms must belong to
     * @param taskCount per work code of the plan the number of its tasks
     */
    public static Reading read(List<Path> forms, String planId, Map<String, Integer> taskCount) {
        List<ExpertWork> works = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        int read = 0;
        for (Path file : expand(forms, problems)) {
            List<RawSheet> sheets;
            try (InputStream in = Files.newInputStream(file)) {
                sheets = XlsxReader.read(in);
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(file.toString(), null, null, null, null, "файл повреждён или не является xlsx"));
                continue;
            }
            RawSheet form = sheet(sheets, RecheckForms.SHEET);
            String id = planIdOf(sheet(sheets, RecheckForms.INSTRUCTIONS));
            if (form == null || id == null) {
                problems.add(new Problem(file.toString(), null, null, null, null,
                        "не бланк перепроверки: нет листа «" + RecheckForms.SHEET + "» или кода плана"));
                continue;
            }
            if (!id.equals(planId)) {
                problems.add(new Problem(file.toString(), RecheckForms.INSTRUCTIONS, null, null, id,
                        "бланк другого плана перепроверки (" + id + "), текущий план " + planId + "; бланк не прочитан"));
                continue;
            }
            read++;
            readSheet(file.toString(), form, taskCount, seen, works, problems);
        }
        return new Reading(works, problems, read);
    }

    private static void readSheet(String file, RawSheet form, Map<String, Integer> taskCount, Map<String, String> seen,
                                  List<ExpertWork> works, List<Problem> problems) {
        int headerAt = -1;
        for (int i = 0; i < form.rows().size(); i++) {
            if (RecheckForms.CODE.equals(trim(form.rows().get(i).cell(0)))) {
                headerAt = i;
                break;
            }
        }
        if (headerAt < 0) {
            problems.add(new Problem(file, form.name(), null, null, null, "нет строки заголовка «" + RecheckForms.CODE + "»"));
            return;
        }
        RawRow header = form.rows().get(headerAt);
        List<String> names = new ArrayList<>();
        List<Integer> maxima = new ArrayList<>();
        for (int c = 3; c < header.cells().size(); c++) {
            String h = trim(header.cell(c));
            Integer max = RecheckForms.taskMax(h);
            if (max == null) {
                break;
            }
            names.add(h);
            maxima.add(max);
        }
        for (RawRow row : form.rows().subList(headerAt + 1, form.rows().size())) {
            if (row.isEmpty()) {
                continue;
            }
            String code = trim(row.cell(0));
            if (code == null) {
                problems.add(new Problem(file, form.name(), row.number(), RecheckForms.CODE, null, "строка без кода работы"));
                continue;
            }
            Integer tasks = taskCount.get(code);
            if (tasks == null) {
                problems.add(new Problem(file, form.name(), row.number(), RecheckForms.CODE, code,
                        "кода работы нет в плане перепроверки"));
                continue;
            }
            if (seen.containsKey(code)) {
                problems.add(new Problem(file, form.name(), row.number(), RecheckForms.CODE, code,
                        "работа уже прочитана: " + seen.get(code)));
                continue;
            }
            if (tasks != names.size()) {
                problems.add(new Problem(file, form.name(), row.number(), RecheckForms.CODE, code,
                        "в бланке " + names.size() + " заданий, в работе по плану " + tasks));
                continue;
            }
            Integer[] scores = new Integer[tasks];
            boolean complete = true;
            for (int t = 0; t < tasks; t++) {
                String raw = row.cell(3 + t);
                String reason = null;
                String v = trim(raw);
                if (v == null) {
                    reason = "нет балла";
                } else if (notAttempted(v)) {
                    scores[t] = null;
                } else {
                    Integer s = integer(v);
                    if (s == null) {
                        reason = "не целое число";
                    } else if (s < 0 || s > maxima.get(t)) {
                        reason = "балл вне диапазона 0–" + maxima.get(t);
                    } else {
                        scores[t] = s;
                    }
                }
                if (reason != null) {
                    problems.add(new Problem(file, form.name(), row.number(), names.get(t), raw, reason));
                    complete = false;
                }
            }
            if (complete) {
                works.add(new ExpertWork(code, scores, file, row.number()));
                seen.put(code, file + ", строка " + row.number());
            }
        }
    }

    private static List<Path> expand(List<Path> forms, List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        for (Path p : forms) {
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    problems.add(new Problem(p.toString(), null, null, null, null, "папка не читается: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                problems.add(new Problem(p.toString(), null, null, null, null, "файл не найден"));
            }
        }
        return files;
    }

    private static RawSheet sheet(List<RawSheet> sheets, String name) {
        return sheets.stream().filter(s -> name.equals(s.name())).findFirst().orElse(null);
    }

    private static String planIdOf(RawSheet instructions) {
        if (instructions == null) {
            return null;
        }
        for (RawRow r : instructions.rows()) {
            if (RecheckForms.PLAN_LABEL.equals(trim(r.cell(0)))) {
                return trim(r.cell(1));
            }
        }
        return null;
    }

    private static boolean notAttempted(String v) {
        String u = v.toUpperCase(Locale.ROOT);
        return u.equals("Х") || u.equals("X") || u.equals("-") || u.equals("—");
    }

    /** «2», «2.0», «2,0» → 2; anything else (text, a fraction) → null. */
    static Integer integer(String v) {
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(v.replace(',', '.'));
            return d.stripTrailingZeros().scale() <= 0 ? d.intValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
