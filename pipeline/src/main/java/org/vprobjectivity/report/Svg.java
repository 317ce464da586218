package org.vprobjectivity.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's charts as inline SVG. Inline SVG needs no script and no library, so a page works offline, opens from
 * a file or an e-mail attachment, prints sharp on paper, and shows its charts even where scripts are blocked — what a
 * district head printing the list for a meeting needs (a Plotly page would carry 3.5 MB of script per page and draw
 * nothing without it). Every chart has a title, a legend and axis labels; colours are the same in every chart: the
 * school dark blue, the region grey.
 */
final class Svg {

    static final String SCHOOL_COLOUR = "#1f4e9c";
    static final String REGION_COLOUR = "#9a9a9a";
    static final String CUT_COLOUR = "#c0392b";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 44;
    private static final int BOTTOM = 44;

    private Svg() {
    }

    /**
     * Primary-score histogram: the school's share of works per score as bars, the region's as a line, the mark cuts as
     * vertical lines labelled with the mark they start.
     *
     * @param cuts mark → minimal score (3, 4, 5); missing marks are not drawn
     */
    static String histogram(String title, Map<Integer, Long> school, Map<Integer, Long> region, Map<Integer, Integer> cuts,
                            int maxScore, ReportText text) {
        double schoolTotal = total(school);
        double regionTotal = total(region);
        double top = 0;
        for (int s = 0; s <= maxScore; s++) {
            top = Math.max(top, share(school, s, schoolTotal));
            top = Math.max(top, share(region, s, regionTotal));
        }
        top = niceCeiling(top);
        StringBuilder b = open(title, "histogram");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double step = plotW / (maxScore + 1);
        yAxis(b, top, true);
        for (int s = 0; s <= maxScore; s++) {
            double h = top == 0 ? 0 : share(school, s, schoolTotal) / top * plotH;
            b.append(rect(LEFT + s * step + 1, TOP + plotH - h, Math.max(1, step - 2), h, SCHOOL_COLOUR,
                    text.scoreTooltip(s, school.getOrDefault(s, 0L), share(school, s, schoolTotal))));
        }
        StringBuilder line = new StringBuilder();
        for (int s = 0; s <= maxScore; s++) {
            double y = TOP + plotH - (top == 0 ? 0 : share(region, s, regionTotal) / top * plotH);
            line.append(s == 0 ? "M" : "L").append(f(LEFT + (s + 0.5) * step)).append(',').append(f(y));
        }
        b.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"").append(REGION_COLOUR)
                .append("\" stroke-width=\"2\"/>");
        for (Map.Entry<Integer, Integer> cut : new TreeMap<>(cuts).entrySet()) {
            double x = LEFT + cut.getValue() * step;
            b.append("<line class=\"cut\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(f(TOP + plotH)).append("\" stroke=\"").append(CUT_COLOUR)
                    .append("\" stroke-dasharray=\"4 3\"/>");
            b.append(label(x + 3, TOP + 10, "«" + cut.getKey() + "»", "start", CUT_COLOUR));
        }
        for (int s = 0; s <= maxScore; s += Math.max(1, (maxScore + 1) / 12)) {
            b.append(label(LEFT + (s + 0.5) * step, HEIGHT - BOTTOM + 14, String.valueOf(s), "middle", "#333"));
        }
        b.append(label(LEFT + plotW / 2, HEIGHT - 6, text.get("axis.score"), "middle", "#333"));
        legend(b, text.get("legend.school"), text.get("legend.region"));
        return b.append("</svg>").toString();
    }

    /** Lowered / confirmed / raised shares against the journal: the school's bar beside the region's per category. */
    static String journalBars(String title, double[] school, double[] region, ReportText text) {
        List<String> categories = List.of(text.get("journal.lowered"), text.get("journal.confirmed"), text.get("journal.raised"));
        StringBuilder b = open(title, "journal");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        yAxis(b, 1.0, true);
        double group = plotW / categories.size();
        double bar = group / 3;
        for (int i = 0; i < categories.size(); i++) {
            double x = LEFT + i * group + bar / 2;
            double hs = clamp(school[i]) * plotH;
            double hr = clamp(region[i]) * plotH;
            b.append(rect(x, TOP + plotH - hs, bar - 2, hs, SCHOOL_COLOUR, categories.get(i) + ": " + text.percent(school[i])));
            b.append(rect(x + bar, TOP + plotH - hr, bar - 2, hr, REGION_COLOUR, categories.get(i) + ": " + text.percent(region[i])));
            b.append(label(x + bar - 1, TOP + plotH - Math.max(hs, hr) - 4, text.percent(school[i]) + " / " + text.percent(region[i]),
                    "middle", "#333"));
            b.append(label(LEFT + (i + 0.5) * group, HEIGHT - BOTTOM + 16, categories.get(i), "middle", "#333"));
        }
        legend(b, text.get("legend.school"), text.get("legend.region"));
        return b.append("</svg>").toString();
    }

    /** Solve rate per task: the school's and the region's as two lines over the tasks in the work's order. */
    static String taskProfile(String title, List<String> tasks, double[] school, double[] region, ReportText text) {
        StringBuilder b = open(title, "tasks");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        yAxis(b, 1.0, true);
        double step = tasks.isEmpty() ? plotW : plotW / tasks.size();
        b.append(polyline(school, step, plotH, SCHOOL_COLOUR)).append(polyline(region, step, plotH, REGION_COLOUR));
        for (int i = 0; i < tasks.size(); i++) {
            double x = LEFT + (i + 0.5) * step;
            if (!Double.isNaN(school[i])) {
                b.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(TOP + plotH - clamp(school[i]) * plotH))
                        .append("\" r=\"3\" fill=\"").append(SCHOOL_COLOUR).append("\"><title>")
                        .append(escape(text.get("axis.task") + " " + tasks.get(i) + ": " + text.percent(school[i]) + " / "
                                + text.percent(region[i])))
                        .append("</title></circle>");
            }
            b.append(label(x, HEIGHT - BOTTOM + 14, tasks.get(i), "middle", "#333"));
        }
        b.append(label(LEFT + plotW / 2, HEIGHT - 6, text.get("axis.task"), "middle", "#333"));
        legend(b, text.get("legend.school"), text.get("legend.region"));
        return b.append("</svg>").toString();
    }

    /**
     * A work of a school over the sessions: its mean score in % of the maximum and its share of «4»–«5» (solid and dashed,
     * dark blue) against the region's (grey), one point per session (NaN: not written, the line breaks); under each
     * session, whether our flag marked the cell (the point ringed in red, «признаки») and the FIOKO markers.
     *
     * @param sessions labels of the sessions in time order
     * @param flagged  our flag per session
     * @param official the FIOKO markers per session in words, null or empty where none
     */
    static String trend(String title, List<String> sessions, double[] mean, double[] regionMean, double[] quality,
                        double[] regionQuality, boolean[] flagged, String[] official, ReportText text) {
        StringBuilder b = open(title, "trend");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        yAxis(b, 1.0, true);
        double step = sessions.isEmpty() ? plotW : plotW / sessions.size();
        b.append(polyline(regionMean, step, plotH, REGION_COLOUR)).append(polyline(mean, step, plotH, SCHOOL_COLOUR));
        b.append(polyline(regionQuality, step, plotH, REGION_COLOUR).replace("/>", " stroke-dasharray=\"6 4\"/>"));
        b.append(polyline(quality, step, plotH, SCHOOL_COLOUR).replace("/>", " stroke-dasharray=\"6 4\"/>"));
        for (int i = 0; i < sessions.size(); i++) {
            double x = LEFT + (i + 0.5) * step;
            for (double[] series : new double[][]{mean, quality}) {
                if (!Double.isNaN(series[i])) {
                    b.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(TOP + plotH - clamp(series[i]) * plotH))
                            .append("\" r=\"3\" fill=\"").append(SCHOOL_COLOUR).append("\"><title>")
                            .append(escape(sessions.get(i) + ": " + text.percent(series[i]) + " / "
                                    + text.percent(series == mean ? regionMean[i] : regionQuality[i])))
                            .append("</title></circle>");
                }
            }
            if (flagged[i] && !Double.isNaN(mean[i])) {
                b.append("<circle class=\"flagged\" cx=\"").append(f(x)).append("\" cy=\"")
                        .append(f(TOP + plotH - clamp(mean[i]) * plotH)).append("\" r=\"7\" fill=\"none\" stroke=\"")
                        .append(CUT_COLOUR).append("\" stroke-width=\"2\"/>");
            }
            b.append(label(x, HEIGHT - BOTTOM + 14, sessions.get(i), "middle", "#333"));
            List<String> notes = new java.util.ArrayList<>();
            if (flagged[i]) {
                notes.add(text.get("trend.flagged"));
            }
            if (official[i] != null && !official[i].isEmpty()) {
                notes.add(text.get("trend.official") + ": " + official[i]);
            }
            if (!notes.isEmpty()) {
                b.append(label(x, HEIGHT - BOTTOM + 30, String.join(" · ", notes), "middle", CUT_COLOUR)
                        .replace("<text ", "<text class=\"trend-note\" "));
            }
        }
        int x = LEFT;
        String[][] entries = {{"legend.mean.school", SCHOOL_COLOUR, ""}, {"legend.mean.region", REGION_COLOUR, ""},
                {"legend.quality.school", SCHOOL_COLOUR, "6 4"}, {"legend.quality.region", REGION_COLOUR, "6 4"}};
        for (String[] e : entries) {
            b.append("<line x1=\"").append(x).append("\" x2=\"").append(x + 18).append("\" y1=\"27\" y2=\"27\" stroke=\"")
                    .append(e[1]).append("\" stroke-width=\"2\"").append(e[2].isEmpty() ? "" : " stroke-dasharray=\"" + e[2] + "\"")
                    .append("/>").append(label(x + 22, 31, text.get(e[0]), "start", "#333"));
            x += 140;
        }
        return b.append("</svg>").toString();
    }

    private static String polyline(double[] values, double step, double plotH, String colour) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                pen = false;
                continue;
            }
            d.append(pen ? "L" : "M").append(f(LEFT + (i + 0.5) * step)).append(',')
                    .append(f(TOP + plotH - clamp(values[i]) * plotH));
            pen = true;
        }
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>";
    }

    private static StringBuilder open(String title, String kind) {
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart ").append(kind).append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\"><title>").append(escape(title)).append("</title>");
        b.append(label(LEFT, 16, title, "start", "#111").replace("<text ", "<text font-weight=\"bold\" "));
        return b;
    }

    private static void yAxis(StringBuilder b, double top, boolean percent) {
        double plotH = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#e3e3e3\"/>");
            b.append(label(LEFT - 4, y + 4, percent ? Math.round(100 * v) + "%" : f(v), "end", "#555"));
        }
    }

    private static void legend(StringBuilder b, String school, String region) {
        // Under the title, so a long title never runs into it.
        int x = LEFT;
        b.append(rect(x, 22, 12, 10, SCHOOL_COLOUR, null)).append(label(x + 16, 31, school, "start", "#333"));
        b.append(rect(x + 120, 22, 12, 10, REGION_COLOUR, null)).append(label(x + 136, 31, region, "start", "#333"));
    }

    private static String rect(double x, double y, double w, double h, String colour, String tooltip) {
        String r = "<rect x=\"" + f(x) + "\" y=\"" + f(y) + "\" width=\"" + f(w) + "\" height=\"" + f(h) + "\" fill=\"" + colour + "\"";
        return tooltip == null ? r + "/>" : r + "><title>" + escape(tooltip) + "</title></rect>";
    }

    private static String label(double x, double y, String text, String anchor, String colour) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" font-size=\"11\" text-anchor=\"" + anchor + "\" fill=\"" + colour + "\">"
                + escape(text) + "</text>";
    }

    private static double total(Map<Integer, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double share(Map<Integer, Long> counts, int score, double total) {
        return total == 0 ? 0 : counts.getOrDefault(score, 0L) / total;
    }

    /** Axis tops whose quarters are whole percents, so the four gridlines read 5%, 10%, 15%, 20% and never 22%. */
    private static final double[] TOPS = {0.04, 0.08, 0.12, 0.2, 0.4, 0.6, 0.8, 1.0};

    /** The smallest of {@link #TOPS} at or above v. */
    static double niceCeiling(double v) {
        for (double top : TOPS) {
            if (v <= top + 1e-12) {
                return top;
            }
        }
        return 1.0;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
