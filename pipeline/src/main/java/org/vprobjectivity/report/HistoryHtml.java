package org.vprobjectivity.report;

import org.vprobjectivity.flags.ListOverlap;
import org.vprobjectivity.flags.ReasonText;
import org.vprobjectivity.report.HistoryView.MunicipalRow;
import org.vprobjectivity.report.HistoryView.OverlapRow;
import org.vprobjectivity.report.HistoryView.TrendPoint;
import org.vprobjectivity.report.HistoryView.WorkTrend;

import java.util.List;
import java.util.stream.Collectors;

import static org.vprobjectivity.report.Svg.escape;

/**
 * The report's sessions over time ({@link HistoryView}): on a school page each work's results over the sessions (a
 * chart and its numbers); on the index the objectivity index per municipality beside our flagged schools, and how the
 * lists carried over between consecutive sessions. With a single session a school page says in one line that there is
 * no history yet, and the index has no overlap table.
 */
final class HistoryHtml {

    private HistoryHtml() {
    }

    /** A school page's history: per work a chart over every session of the output and the numbers behind it. */
    static void school(StringBuilder b, HistoryView h, String schoolId, ReportText t) {
        b.append("<section id=\"history\"><h2>").append(escape(t.get("history.title"))).append("</h2>");
        List<WorkTrend> works = h.trends().getOrDefault(schoolId, List.of());
        if (!h.several() || works.isEmpty()) {
            b.append("<p id=\"no-history\" class=\"note\">").append(escape(t.get("history.none"))).append("</p></section>");
            return;
        }
        b.append("<p class=\"note\">").append(escape(t.get("history.note"))).append("</p>");
        ReasonText words = new ReasonText(t.langCode());
        List<String> labels = h.sessions().stream().map(t::session).toList();
        for (WorkTrend w : works) {
            int n = h.sessions().size();
            double[] mean = nan(n);
            double[] regionMean = nan(n);
            double[] quality = nan(n);
            double[] regionQuality = nan(n);
            boolean[] flagged = new boolean[n];
            String[] official = new String[n];
            for (TrendPoint p : w.points()) {
                int i = h.sessions().indexOf(p.session());
                mean[i] = p.meanPct() / 100;
                regionMean[i] = p.regionMeanPct() / 100;
                quality[i] = p.quality();
                regionQuality[i] = p.regionQuality();
                flagged[i] = p.flagged();
                official[i] = p.officialMarkers() == null || p.officialMarkers().isEmpty() ? null
                        : p.officialMarkers().stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
            String title = words.work(w.subject(), w.grade());
            b.append("<div class=\"work-history\"><h3>").append(escape(title)).append("</h3>");
            b.append(Svg.trend(t.get("history.title") + ": " + title, labels, mean, regionMean, quality, regionQuality, flagged,
                    official, t));
            b.append("<table class=\"trend\"><thead><tr>");
            for (String c : List.of("session", "school.works", "col.mean.pct", "col.quality.share", "col.our.signs", "col.official")) {
                b.append("<th>").append(escape(t.get(c))).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (TrendPoint p : w.points()) {
                b.append("<tr><td>").append(escape(t.session(p.session()))).append("</td>")
                        .append("<td class=\"num\">").append(p.works()).append("</td>")
                        .append("<td class=\"num\">").append(escape(t.decimal(p.meanPct(), 1))).append(" (")
                        .append(escape(t.decimal(p.regionMeanPct(), 1))).append(")</td>")
                        .append("<td class=\"num\">").append(escape(t.percent(p.quality()))).append(" (")
                        .append(escape(t.percent(p.regionQuality()))).append(")</td>")
                        .append("<td>").append(escape(t.get(p.flagged() ? "yes" : "no"))).append("</td>")
                        .append("<td>").append(escape(markers(p.officialMarkers(), t))).append("</td></tr>");
            }
            b.append("</tbody></table></div>");
        }
        b.append("</section>");
    }

    /** The index's table per municipality and session, then the region's line per session. */
    static void municipalities(StringBuilder b, HistoryView h, ReportText t) {
        if (h.municipalities().isEmpty()) {
            return;
        }
        b.append("<h2 id=\"municipal-title\">").append(escape(t.get("municipal.title"))).append("</h2>")
                .append("<p class=\"note\">").append(escape(t.get("municipal.note"))).append("</p>")
                .append("<table id=\"municipal\"><thead><tr>");
        for (String c : List.of("col.municipality", "session", "col.official.schools", "col.marked.schools", "col.index",
                "col.flagged.schools")) {
            b.append("<th>").append(escape(t.get(c))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (MunicipalRow m : h.municipalities()) {
            b.append(m.region() ? "<tr class=\"region-total\">" : "<tr data-municipality=\"" + escape(nz(m.municipality())) + "\">")
                    .append("<td>").append(m.region() ? "<b>" + escape(t.get("region.total")) + "</b>" : escape(name(m)))
                    .append("</td><td>").append(escape(t.session(m.session()))).append("</td>")
                    .append("<td class=\"num\">").append(m.schoolsWithWorks()).append("</td>")
                    .append("<td class=\"num\">").append(m.schoolsWithMarkers()).append("</td>")
                    .append("<td class=\"num\">").append(escape(index(m.objectivityIndex(), t))).append("</td>")
                    .append("<td class=\"num\">").append(m.flaggedSchools()).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    /** The index's overlap of the lists between consecutive sessions; nothing with a single session. */
    static void overlap(StringBuilder b, HistoryView h, ReportText t) {
        if (!h.several() || h.overlap().isEmpty()) {
            return;
        }
        b.append("<h2 id=\"overlap-title\">").append(escape(t.get("overlap.title"))).append("</h2>")
                .append("<p class=\"note\">").append(escape(t.get("overlap.note"))).append("</p>")
                .append("<table id=\"overlap\"><thead><tr>");
        for (String c : OVERLAP_HEADERS) {
            b.append("<th>").append(escape(t.get(c))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (OverlapRow o : h.overlap()) {
            b.append("<tr><td>").append(escape(sessions(o, t))).append("</td><td>").append(escape(t.region(o.region()))).append("</td>");
            for (String c : OVERLAP_COUNTS) {
                b.append("<td class=\"num\">").append(o.get(c)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }

    /** The overlap table's headings, then the counts in the same order (the workbook's sheet uses both). */
    static final List<String> OVERLAP_HEADERS = List.of("col.sessions", "region", "col.schools.in.both", "col.ours.both",
            "col.ours.previous", "col.ours.now", "col.official.both", "col.official.previous", "col.official.now", "col.both.lists");
    static final List<String> OVERLAP_COUNTS = List.of(ListOverlap.SCHOOLS_IN_BOTH, ListOverlap.OURS_BOTH,
            ListOverlap.OURS_PREVIOUS_ONLY, ListOverlap.OURS_NOW_ONLY, ListOverlap.OFFICIAL_BOTH, ListOverlap.OFFICIAL_PREVIOUS_ONLY,
            ListOverlap.OFFICIAL_NOW_ONLY, ListOverlap.BOTH_LISTS_NOW);

    /** «весна 2024 → весна 2025». */
    static String sessions(OverlapRow o, ReportText t) {
        return t.session(o.previousSession()) + " → " + t.session(o.session());
    }

    /** The municipality's name, else its code. */
    static String name(MunicipalRow m) {
        return m.municipality() != null ? m.municipality() : nz(m.municipalityCode());
    }

    /** «87,5»; «—» where no school wrote an official work. */
    static String index(double v, ReportText t) {
        return Double.isNaN(v) ? "—" : t.decimal(v, 1);
    }

    /** «маркеры 1, 3», «нет», or that the work is not an official one. */
    static String markers(List<Integer> markers, ReportText t) {
        if (markers == null) {
            return t.get("official.not.work");
        }
        return markers.isEmpty() ? t.get("markers.none")
                : t.get("markers.list").replace("{m}", markers.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
