package org.vprobjectivity.run;

import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.RunReport;
import org.vprobjectivity.report.MethodologyWorkbooks;
import org.vprobjectivity.report.ReportWriter;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** The one-screen summary printed at the end of a run, in the run's language (--lang). */
final class Summary {

    /** Notes of one kind printed in full; the rest are counted (all are in run.json). */
    static final int NOTES_PER_KIND = 5;

    private final PrintStream out;
    private final Texts text;

    Summary(PrintStream out, String lang) {
        this.out = out;
        this.text = new Texts(lang);
    }

    void print(RunReport r, String outputDir) {
        Map<String, Long> t = r.totals;
        out.println("== vpr-objectivity " + r.version + " ==");
        out.println(text.of("Входные:  %d файлов, %d таблиц результатов (не использовано: %d)",
                "Inputs:   %d files, %d result tables (%d could not be used)", r.inputs.size(), t.get("tables"),
                t.get("tables_with_problems")));
        out.println(text.of("Строки:   прочитано %,d = %,d работ + %,d отсутствовали + %,d отклонено%s",
                "Rows:     %,d read = %,d works + %,d absent + %,d rejected%s", t.get("rows_read"), t.get("works"),
                t.get("absent"), t.get("rejected"), unusedRows(r)));
        out.println(text.of("Сессии:   %s; шкалы: %s", "Sessions: %s; scales used: %s", String.join(", ", r.sessions),
                String.join(", ", r.scalesUsed)));
        Map<String, Long> reasons = new TreeMap<>();
        r.files.forEach(f -> f.rejectedByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum)));
        if (!reasons.isEmpty()) {
            out.println(text.of("Отклонённые строки по причинам (подробно в %s):", "Rejected rows by reason (details in %s):",
                    OutputLayout.REJECTS_CSV));
            reasons.forEach((k, v) -> out.printf("  %-24s %,d%n", k, v));
        }
        r.files.stream().filter(f -> f.problem != null).forEach(f -> out.println(text.of("Не использовано: %s%s — %s",
                "Not used: %s%s — %s", f.file, f.sheet == null ? "" : " [" + f.sheet + "]",
                text.english() ? f.messageEn : f.messageRu)));
        // A side file with hundreds of bad lines would push the rest off the screen: a few per kind, all in run.json.
        Map<String, Integer> shown = new TreeMap<>();
        for (RunReport.Note n : r.notes) {
            if (shown.merge(n.code, 1, Integer::sum) <= NOTES_PER_KIND) {
                out.println(text.of("Замечание: %s%s", "Note: %s%s", n.path == null ? "" : n.path + " — ",
                        text.english() ? n.messageEn : n.messageRu));
            }
        }
        shown.forEach((code, n) -> {
            if (n > NOTES_PER_KIND) {
                out.println(text.of("  … и ещё %d замечаний %s (все в %s)", "  … and %d more %s notes (all in %s)",
                        n - NOTES_PER_KIND, code, OutputLayout.RUN_JSON));
            }
        });
        if (outputDir == null) {
            out.println(text.of("Код завершения %d: в файлах не нашлось ни одной пригодной работы; прежние результаты (если были)"
                            + " не тронуты.", "Exit code %d: no input yielded a usable work; the previous output (if any) is left"
                            + " unchanged.", ExitCodes.NOTHING_USABLE));
            return;
        }
        out.println(text.of("Результаты в %s:", "Outputs in %s:", outputDir));
        out.println("  " + OutputLayout.RESULTS + "/, " + OutputLayout.TASK_SCORES + "/, " + OutputLayout.PARTICIPATION
                + "/, " + OutputLayout.REJECTS + "/  " + text.of("(Parquet, по сессиям)", "(Parquet, partitioned by session)"));
        if (r.stageMillis.containsKey("indicators")) {
            out.println("  indicators/official/, indicators/school/, indicators/class/, indicators/region/, indicators/weak_spots/, "
                    + "indicators/model/  " + text.of("(Parquet; столбцы в docs/indicators-schema.md)",
                    "(Parquet; columns in docs/indicators-schema.md)"));
        }
        if (r.stageMillis.containsKey("flags")) {
            out.println("  flags/official/, flags/cells/, flags/schools/, flags/comparison/  " + text.of(
                    "(Parquet; признаки необъективности, столбцы в docs/flags.md)",
                    "(Parquet; signs of non-objectivity, columns in docs/flags.md)"));
            out.println("  " + OutputLayout.OFFICIAL_XLSX + "  " + text.of("(официальный список ФИОКО в том виде, как его получают муниципалитеты)",
                    "(the official FIOKO list as districts receive it)"));
            out.println("  " + ReportWriter.DIR + "/" + ReportWriter.INDEX + ", " + ReportWriter.DIR + "/schools/, " + ReportWriter.DIR
                    + "/" + ReportWriter.XLSX + "  " + text.of("(список школ с причинами и графиками; открывается в браузере без сети)",
                    "(the ranked list with reasons and charts; opens offline in a browser)"));
            out.println("  " + ReportWriter.DIR + "/" + MethodologyWorkbooks.DIR + "/  " + text.of(
                    "(книги Excel для методистов: по каждой школе и муниципалитету)",
                    "(Excel workbooks for methodologists: one per school and per municipality)"));
            out.println(text.of("Признаки: %,d из %,d ячеек школ (из них завышение текущих отметок: %,d)",
                    "Flags:    %,d of %,d school cells show signs (%,d of inflated journal marks)",
                    t.get("flagged_cells"), t.get("flag_cells"), t.get("flagged_cells_journal")));
            out.println(text.of("Школы:    и официальные маркеры, и наши признаки %,d; только официальные %,d; только наши %,d",
                    "Schools:  official markers and ours %,d; official markers only %,d; ours only %,d",
                    t.get("schools_both"), t.get("schools_official_only"), t.get("schools_ours_only")));
        }
        out.println("  " + OutputLayout.REJECTS_CSV + "  " + text.of("(отклонённые строки, открывается в Excel)",
                "(quarantined rows, opens in Excel)"));
        out.println("  " + OutputLayout.RUN_JSON + "  " + text.of("(счёт по файлам, шкалы, замечания, время)",
                "(per-file counts, scales, notes, timings)"));
        r.stageMillis.forEach((k, v) -> out.printf("  %s %-12s %.1f s%n", text.of("время", "time"), k, v / 1000.0));
        if (r.filesWithProblems() > 0) {
            out.println(text.of("Код завершения %d: результаты записаны, но %d файлов или таблиц не использованы (см. «Не использовано»"
                            + " выше и %s).", "Exit code %d: outputs written, but %d input files or tables could not be used (see"
                            + " «Not used» above and %s).", ExitCodes.SOME_FILES_UNUSABLE, r.filesWithProblems(),
                    OutputLayout.RUN_JSON));
        } else {
            out.println(text.of("Код завершения %d: всё прочитано и записано.", "Exit code %d: everything was read and written.",
                    ExitCodes.OK));
        }
    }

    private String unusedRows(RunReport r) {
        long unused = r.files.stream().filter(f -> f.problem != null).mapToLong(f -> f.rowsRead).sum();
        return unused == 0 ? "" : text.of(" (+ %,d строк в неиспользованных таблицах)", " (+ %,d rows in tables not used)", unused);
    }
}
