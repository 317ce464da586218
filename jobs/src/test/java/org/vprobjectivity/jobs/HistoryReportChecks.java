package org.vprobjectivity.jobs;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.flags.ListOverlap;
import org.vprobjectivity.flags.Persistence;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.report.HtmlReport;
import org.vprobjectivity.report.ReportWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the report of an output holding two sessions must show about them ({@link SessionsOverTimeTest}): the lists'
 * overlap recounted from {@code flags/schools}, the persistence column, the region's objectivity index beside our
 * flagged schools, and a twice-flagged school's works over both sessions; with one session, no history yet.
 */
final class HistoryReportChecks {

    private HistoryReportChecks() {
    }

    /** After the first session only: a school page says there is no history, the index has no overlap. */
    static void oneSession(String out) throws IOException {
        Path report = Path.of(out, ReportWriter.DIR);
        assertThat(Files.readString(report.resolve(ReportWriter.INDEX))).doesNotContain("id=\"overlap\"").contains("id=\"municipal\"");
        try (var pages = Files.list(report.resolve("schools"))) {
            Path page = pages.findFirst().orElseThrow();
            assertThat(Files.readString(page)).contains("id=\"no-history\"").doesNotContain("chart trend");
        }
    }

    static void twoSessions(SparkSession spark, String out, String first, String second) throws IOException {
        List<Row> schools = spark.read().parquet(out + "/" + OutputLayout.FLAGS_SCHOOLS).collectAsList();
        Map<String, Row> earlier = new HashMap<>();
        Map<String, Row> later = new HashMap<>();
        schools.forEach(r -> (first.equals(r.getAs("session")) ? earlier : later).put(r.getAs("school_id"), r));
        // flags/list_overlap, recounted school by school
        long[] expected = new long[ListOverlap.COUNTS.size()];
        Set<String> all = new HashSet<>(earlier.keySet());
        all.addAll(later.keySet());
        for (String id : all) {
            Row p = earlier.get(id);
            Row n = later.get(id);
            boolean po = p != null && p.<Boolean>getAs("flagged");
            boolean pf = p != null && p.<Long>getAs("official_markers") > 0;
            boolean no = n != null && n.<Boolean>getAs("flagged");
            boolean nf = n != null && n.<Long>getAs("official_markers") > 0;
            boolean[] counted = {p != null, n != null, p != null && n != null, po && no, po && !no, no && !po, pf && nf, pf && !nf,
                    nf && !pf, no && nf};
            for (int i = 0; i < counted.length; i++) {
                expected[i] += counted[i] ? 1 : 0;
            }
        }
        List<Row> overlap = spark.read().parquet(out + "/" + OutputLayout.FLAGS_LIST_OVERLAP).collectAsList();
        assertThat(overlap).hasSize(1);
        Row o = overlap.get(0);
        assertThat(o.<String>getAs("session")).isEqualTo(second);
        assertThat(o.<String>getAs(ListOverlap.PREVIOUS_SESSION)).isEqualTo(first);
        for (int i = 0; i < expected.length; i++) {
            assertThat(o.<Long>getAs(ListOverlap.COUNTS.get(i))).as(ListOverlap.COUNTS.get(i)).isEqualTo(expected[i]);
        }
        assertThat(expected[3]).as("schools on our list in both sessions").isPositive();
        System.out.printf("list overlap %s → %s: ours both %d, earlier only %d, later only %d; official both %d, earlier only %d,"
                        + " later only %d; both lists now %d%n", first, second, expected[3], expected[4], expected[5], expected[6],
                expected[7], expected[8], expected[9]);

        Path report = Path.of(out, ReportWriter.DIR);
        String index = Files.readString(report.resolve(ReportWriter.INDEX));
        List<String> overlapRow = rows(table(index, "overlap")).get(0);
        assertThat(overlapRow.subList(2, overlapRow.size())).containsExactly(expected[2] + "", expected[3] + "", expected[4] + "",
                expected[5] + "", expected[6] + "", expected[7] + "", expected[8] + "", expected[9] + "");
        // The list: the latest session first; each flagged school's «ours / official» sessions in a row as flags/schools has them.
        List<Row> flaggedNow = later.values().stream().filter(r -> r.<Boolean>getAs("flagged"))
                .sorted(java.util.Comparator.comparing(r -> r.<Integer>getAs("rank"))).toList();
        List<String> inRow = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"num in-row\"[^>]*>([^<]*)</td>").matcher(table(index, "schools"));
        while (m.find()) {
            inRow.add(m.group(1));
        }
        assertThat(inRow.subList(0, flaggedNow.size())).containsExactlyElementsOf(flaggedNow.stream()
                .map(r -> r.getAs(Persistence.SESSIONS_FLAGGED_IN_ROW) + " / " + r.getAs(Persistence.OFFICIAL_SESSIONS_IN_ROW)).toList());
        assertThat(inRow).contains("2 / " + flaggedNow.get(0).getAs(Persistence.OFFICIAL_SESSIONS_IN_ROW));
        // The region's line per session: the official index of flags/official, our flagged schools of flags/schools.
        List<List<String>> municipal = rows(table(index, "municipal"));
        for (String session : List.of(first, second)) {
            List<Row> list = spark.read().parquet(out + "/" + OutputLayout.FLAGS_OFFICIAL)
                    .filter(org.apache.spark.sql.functions.col("session").equalTo(session)).collectAsList();
            long marked = list.stream().filter(r -> r.<Boolean>getAs("any_marker")).count();
            long flagged = (first.equals(session) ? earlier : later).values().stream().filter(r -> r.<Boolean>getAs("flagged")).count();
            String words = "весна " + session.substring(0, 4);
            assertThat(municipal).contains(List.of("Регион в целом", words, String.valueOf(list.size()), String.valueOf(marked),
                    String.format(Locale.ROOT, "%.1f", 100 - 100.0 * marked / list.size()).replace('.', ','), String.valueOf(flagged)));
        }
        // A school flagged in both sessions: its page draws each work over both sessions, the twice-flagged work ringed twice.
        Row twice = flaggedNow.get(0);
        assertThat(twice.<Integer>getAs(Persistence.SESSIONS_FLAGGED_IN_ROW)).isEqualTo(2);
        String id = twice.getAs("school_id");
        String page = Files.readString(report.resolve("schools/" + HtmlReport.fileName(id) + ".html"));
        String history = page.substring(page.indexOf("<section id=\"history\">"));
        List<Row> cells = spark.read().parquet(out + "/" + OutputLayout.FLAGS_CELLS)
                .filter(org.apache.spark.sql.functions.col("school_id").equalTo(id)).collectAsList();
        long works = cells.stream().map(r -> r.getAs("subject") + "|" + r.getAs("grade")).distinct().count();
        assertThat(history.split("<svg class=\"chart trend\"", -1).length - 1).isEqualTo((int) works);
        assertThat(history).contains(">весна " + first.substring(0, 4) + "</text>").contains(">весна " + second.substring(0, 4) + "</text>");
        Set<String> flaggedTwice = new HashSet<>();
        Map<String, Integer> flaggedWorks = new HashMap<>();
        cells.stream().filter(r -> r.<Boolean>getAs("flagged")).forEach(r ->
                flaggedWorks.merge(r.getAs("subject") + "|" + r.getAs("grade"), 1, Integer::sum));
        flaggedWorks.forEach((w, n) -> {
            if (n == 2) {
                flaggedTwice.add(w);
            }
        });
        assertThat(history.split("class=\"flagged\"", -1).length - 1).isEqualTo(flaggedWorks.values().stream().mapToInt(i -> i).sum());
        // each row of the works' tables: the cell's mean score in % of the maximum, as flags/cells has it
        for (Row c : cells) {
            assertThat(history).contains("<td class=\"num\">" + String.format(Locale.ROOT, "%.1f", c.<Double>getAs("mean_score_pct"))
                    .replace('.', ',') + " (");
        }
        System.out.printf("school %s: %d works over two sessions, %d flagged in both%n", id, works, flaggedTwice.size());
    }

    private static String table(String html, String id) {
        int start = html.indexOf("<table id=\"" + id + "\">");
        assertThat(start).as(id).isNotNegative();
        return html.substring(start, html.indexOf("</table>", start));
    }

    private static List<List<String>> rows(String table) {
        List<List<String>> out = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>").matcher(table.substring(table.indexOf("<tbody>")));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", ""));
            }
            out.add(cells);
        }
        return out;
    }
}
