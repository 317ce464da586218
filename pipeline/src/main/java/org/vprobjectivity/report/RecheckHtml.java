package org.vprobjectivity.report;

import org.vprobjectivity.flags.ReasonText;
import org.vprobjectivity.report.DecisionMatrix.Decision;
import org.vprobjectivity.report.RecheckView.SchoolRow;

import java.util.List;
import java.util.Map;

import static org.vprobjectivity.report.Svg.escape;

/**
 * The report's re-check and decision sections: on the index what was re-checked (schools and works, targeted against
 * control), what changed (marks changed, mean point difference against the control group), which signs the re-check
 * confirmed or cleared, and the decision matrix; on a school page that school's re-check rows. Without a re-check the
 * index says so in one line and how to produce one.
 */
final class RecheckHtml {

    private RecheckHtml() {
    }

    /** The index's re-check section. */
    static void index(StringBuilder b, RecheckView v, Map<String, String> names, ReportText t) {
        b.append("<h2 id=\"recheck-title\">").append(escape(t.get("recheck.title"))).append("</h2>");
        if (!v.loaded()) {
            long planned = v.plannedBySchool().values().stream().mapToLong(RecheckView.PlannedWorks::works).sum();
            String line = v.planned() ? t.get("recheck.planned.only").replace("{n}", String.valueOf(planned)) : t.get("recheck.none");
            b.append("<p id=\"no-recheck\">").append(escape(line)).append("</p>");
            return;
        }
        b.append("<p class=\"note\">").append(escape(t.get("recheck.note"))).append("</p>");
        b.append("<div class=\"facts\" id=\"recheck-facts\">")
                .append(fact(t.get("recheck.schools.targeted"), v.schoolCount(true)))
                .append(fact(t.get("recheck.works.targeted"), v.works(true)))
                .append(fact(t.get("recheck.schools.control"), v.schoolCount(false)))
                .append(fact(t.get("recheck.works.control"), v.works(false)))
                .append("</div>");
        b.append("<table id=\"recheck-groups\"><thead><tr>");
        for (String h : List.of("col.group", "col.schools.n", "col.works.n", "col.mark.changed", "col.point.diff")) {
            b.append("<th>").append(escape(t.get(h))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (boolean targeted : new boolean[]{true, false}) {
            b.append("<tr><td>").append(escape(t.get(targeted ? "group.targeted" : "group.control"))).append("</td>")
                    .append(num(String.valueOf(v.schoolCount(targeted)))).append(num(String.valueOf(v.works(targeted))))
                    .append(num(t.percent(v.markChangedShare(targeted)))).append(num(signed(v.meanPointDiff(targeted), t)))
                    .append("</tr>");
        }
        b.append("</tbody></table>");
        double diff = v.meanPointDiff(true) - v.meanPointDiff(false);
        b.append("<p id=\"recheck-diff\">").append(escape(t.get("recheck.diff").replace("{t}", signed(v.meanPointDiff(true), t))
                .replace("{c}", signed(v.meanPointDiff(false), t)).replace("{d}", signed(diff, t)))).append("</p>");
        List<SchoolRow> confirmed = v.schools().stream().filter(r -> r.targeted() && r.confirmed()).toList();
        List<SchoolRow> cleared = v.schools().stream().filter(SchoolRow::cleared).toList();
        outcomes(b, "recheck-confirmed", confirmed, "recheck.confirmed", names, t);
        outcomes(b, "recheck-cleared", cleared, "recheck.cleared", names, t);
    }

    /** A school page's re-check rows (both groups: an unflagged work of a flagged school may be a control work). */
    static void school(StringBuilder b, List<SchoolRow> rows, ReportText t) {
        b.append("<section class=\"work\" id=\"recheck\"><h2>").append(escape(t.get("recheck.title"))).append("</h2>");
        if (rows.isEmpty()) {
            b.append("<p class=\"note\" id=\"no-recheck\">").append(escape(t.get("school.recheck.none"))).append("</p></section>");
            return;
        }
        ReasonText work = new ReasonText(t.langCode());
        b.append("<table class=\"recheck\"><thead><tr>");
        for (String h : List.of("col.work", "col.group", "col.works.rechecked", "col.mark.changed", "col.point.diff",
                "col.control.diff", "col.outcome")) {
            b.append("<th>").append(escape(t.get(h))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (SchoolRow r : rows) {
            b.append("<tr><td>").append(escape(work.work(r.subject(), r.grade()))).append("</td>")
                    .append("<td>").append(escape(RecheckSummaryXlsx.group(r.stratum(), t))).append("</td>")
                    .append(num(String.valueOf(r.works())))
                    .append(num(r.marksChanged() + " " + t.get("of") + " " + r.works()))
                    .append(num(signed(r.meanPointDiff(), t))).append(num(signed(r.controlMeanDiff(), t)))
                    .append("<td>").append(escape(outcome(r, t))).append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    /** The decision matrix: a school's signs and the measures that fit them. */
    static void decisions(StringBuilder b, List<Decision> decisions, ReportText t) {
        b.append("<h2 id=\"matrix-title\">").append(escape(t.get("matrix.title"))).append("</h2>");
        if (decisions.isEmpty()) {
            b.append("<p id=\"no-matrix\">").append(escape(t.get("matrix.none"))).append("</p>");
            return;
        }
        b.append("<p class=\"note\">").append(escape(t.get("matrix.note"))).append("</p>");
        b.append("<table id=\"matrix\"><thead><tr>");
        for (String h : List.of("col.municipality", "col.school", "col.evidence", "col.measures")) {
            b.append("<th>").append(escape(t.get(h))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (Decision d : decisions) {
            DecisionMatrix.Evidence e = d.evidence();
            String name = e.schoolName() == null || e.schoolName().isBlank() ? e.schoolId() : e.schoolName();
            b.append("<tr data-municipality=\"").append(escape(nz(e.municipality()))).append("\"><td>")
                    .append(escape(nz(e.municipality()))).append("</td><td>").append(escape(name))
                    .append(name.equals(e.schoolId()) ? "" : " <span class=\"note\">" + escape(e.schoolId()) + "</span>")
                    .append("</td><td>").append(list(MeasureText.evidence(e, t))).append("</td><td>")
                    .append(list(MeasureText.measures(d, t))).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    static String outcome(SchoolRow r, ReportText t) {
        if (!r.targeted()) {
            return t.get("outcome.control");
        }
        return t.get(r.confirmed() ? "outcome.confirmed" : r.cleared() ? "outcome.cleared" : "outcome.open");
    }

    private static void outcomes(StringBuilder b, String id, List<SchoolRow> rows, String key, Map<String, String> names, ReportText t) {
        b.append("<h3>").append(escape(t.get(key + ".title"))).append("</h3>");
        if (rows.isEmpty()) {
            b.append("<p id=\"").append(id).append("-none\">").append(escape(t.get(key + ".none"))).append("</p>");
            return;
        }
        b.append("<p class=\"note\">").append(escape(t.get(key + ".note"))).append("</p>");
        ReasonText work = new ReasonText(t.langCode());
        b.append("<table id=\"").append(id).append("\"><thead><tr>");
        for (String h : List.of("col.municipality", "col.school", "col.work", "col.mark.changed", "col.point.diff", "col.control.diff")) {
            b.append("<th>").append(escape(t.get(h))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (SchoolRow r : rows) {
            String name = names.getOrDefault(r.session() + "|" + r.schoolId(), r.schoolId());
            b.append("<tr><td>").append(escape(nz(r.municipality()))).append("</td><td>").append(escape(name))
                    .append(name.equals(r.schoolId()) ? "" : " <span class=\"note\">" + escape(r.schoolId()) + "</span>")
                    .append("</td><td>").append(escape(work.work(r.subject(), r.grade()))).append("</td>")
                    .append(num(r.marksChanged() + " " + t.get("of") + " " + r.works()))
                    .append(num(signed(r.meanPointDiff(), t))).append(num(signed(r.controlMeanDiff(), t))).append("</tr>");
        }
        b.append("</tbody></table>");
    }

    /** «+2,1» / «−0,3» / «0,0»: the sign says who gave more (plus: the school). */
    static String signed(double v, ReportText t) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double r = Math.round(v * 10) / 10.0;
        String s = t.decimal(Math.abs(r), 1);
        return r > 0 ? "+" + s : r < 0 ? "−" + s : s;
    }

    private static String fact(String name, long value) {
        return "<div>" + escape(name) + "<br><b>" + value + "</b></div>";
    }

    private static String num(String value) {
        return "<td class=\"num\">" + escape(value) + "</td>";
    }

    private static String list(List<String> items) {
        StringBuilder b = new StringBuilder("<ul class=\"reasons\">");
        items.forEach(i -> b.append("<li>").append(escape(i)).append("</li>"));
        return b.append("</ul>").toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
