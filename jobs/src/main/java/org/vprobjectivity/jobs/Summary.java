package org.vprobjectivity.jobs;

import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.RunReport;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** The one-screen summary printed at the end of a run. */
final class Summary {

    private final PrintStream out;
    private final boolean english;

    Summary(PrintStream out, String lang) {
        this.out = out;
        this.english = "en".equalsIgnoreCase(lang);
    }

    void print(RunReport r, String outputDir) {
        Map<String, Long> t = r.totals;
        out.println("== vpr-objectivity " + r.version + " ==");
        out.printf("Inputs:   %d files, %d result tables (%d could not be used)%n", r.inputs.size(), t.get("tables"),
                t.get("tables_with_problems"));
        out.printf("Rows:     %,d read = %,d works + %,d absent + %,d rejected%s%n", t.get("rows_read"), t.get("works"),
                t.get("absent"), t.get("rejected"), unusedRows(r));
        out.printf("Sessions: %s; scales used: %s%n", String.join(", ", r.sessions), String.join(", ", r.scalesUsed));
        Map<String, Long> reasons = new TreeMap<>();
        r.files.forEach(f -> f.rejectedByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum)));
        if (!reasons.isEmpty()) {
            out.println("Rejected rows by reason (details in rejects.csv):");
            reasons.forEach((k, v) -> out.printf("  %-24s %,d%n", k, v));
        }
        r.files.stream().filter(f -> f.problem != null).forEach(f -> out.printf("Not used: %s%s — %s%n", f.file,
                f.sheet == null ? "" : " [" + f.sheet + "]", english ? f.messageEn : f.messageRu));
        r.notes.forEach(n -> out.printf("%s %s%s%n", english ? "Note:" : "Замечание:", n.path == null ? "" : n.path + " — ",
                english ? n.messageEn : n.messageRu));
        if (outputDir == null) {
            out.println("Nothing usable was read: the previous output (if any) is left unchanged.");
            return;
        }
        out.println("Outputs in " + outputDir + ":");
        out.println("  " + OutputLayout.RESULTS + "/, " + OutputLayout.TASK_SCORES + "/, " + OutputLayout.PARTICIPATION
                + "/, " + OutputLayout.REJECTS + "/  (Parquet, partitioned by session)");
        if (r.stageMillis.containsKey("indicators")) {
            out.println("  indicators/official/, indicators/school/, indicators/class/, indicators/region/  (Parquet; columns in docs/indicators-schema.md)");
        }
        if (r.stageMillis.containsKey("flags")) {
            out.println("  flags/official/, flags/cells/, flags/schools/, flags/comparison/  (Parquet; signs of non-objectivity,"
                    + " columns in docs/flags.md)");
            out.println("  " + OutputLayout.OFFICIAL_XLSX + "  (the official FIOKO list as districts receive it)");
            out.println("  report/index.html, report/schools/, report/flagged-schools.xlsx  (the ranked list with reasons and"
                    + " charts; opens offline in a browser)");
            out.printf("Flags:    %,d of %,d school cells show signs (%,d of inflated journal marks)%n",
                    t.get("flagged_cells"), t.get("flag_cells"), t.get("flagged_cells_journal"));
            out.printf("Schools:  official markers and ours %,d; official markers only %,d; ours only %,d%n",
                    t.get("schools_both"), t.get("schools_official_only"), t.get("schools_ours_only"));
        }
        out.println("  " + OutputLayout.REJECTS_CSV + "  (quarantined rows, opens in Excel)");
        out.println("  " + OutputLayout.RUN_JSON + "  (per-file counts, scales, timings)");
        r.stageMillis.forEach((k, v) -> out.printf("  time %-12s %.1f s%n", k, v / 1000.0));
    }

    private static String unusedRows(RunReport r) {
        long unused = r.files.stream().filter(f -> f.problem != null).mapToLong(f -> f.rowsRead).sum();
        return unused == 0 ? "" : String.format(" (+ %,d rows in tables not used)", unused);
    }
}
