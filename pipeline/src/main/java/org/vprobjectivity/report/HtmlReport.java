package org.vprobjectivity.report;

import org.vprobjectivity.flags.ReasonText;
import org.vprobjectivity.report.ReportData.CellView;
import org.vprobjectivity.report.ReportData.SchoolEntry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.vprobjectivity.report.Svg.escape;

/**
 * The district head's pages: {@code index.html}, the ranked list of schools with signs (municipality filter, sort by
 * any column, print layout), and {@code schools/<school_id>.html} per listed school, where each flagged work shows
 * its reasons and the three charts that make them visible (scores against the region with the mark cuts, marks
 * against the journal, tasks against the region). Pages are self-contained: inline CSS, a few lines of inline
 * script for sort and filter (the list reads and prints without it), inline SVG charts ({@link Svg}). The index ends
 * with the re-check and the decision matrix ({@link RecheckHtml}).
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font-family:"PT Sans","Segoe UI",Arial,sans-serif;margin:24px;color:#111;max-width:1200px}
            h1{font-size:22px;margin:0 0 6px}h2{font-size:18px;margin:24px 0 8px}
            .note{color:#444;font-size:13px;margin:6px 0}
            .facts{display:flex;gap:24px;flex-wrap:wrap;margin:12px 0}.facts div{font-size:14px}.facts b{font-size:18px}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
            th{background:#f0f0f0;cursor:pointer;user-select:none}th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
            td.num{text-align:right;white-space:nowrap}ul.reasons{margin:0;padding-left:16px}
            .chart{width:100%;max-width:640px;height:auto;margin:6px 0;display:block}
            .work{page-break-inside:avoid;border-top:2px solid #1f4e9c;margin-top:18px;padding-top:6px}
            @media print{.noprint{display:none}body{margin:8mm}th{cursor:default}a{color:#111;text-decoration:none}}
            """;

    private static final String SCRIPT = """
            (function(){
              var table=document.getElementById('schools');if(!table)return;
              var body=table.tBodies[0];
              Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
                th.addEventListener('click',function(){
                  var asc=!th.classList.contains('sorted-asc');
                  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.classList.remove('sorted-asc','sorted-desc');});
                  th.classList.add(asc?'sorted-asc':'sorted-desc');
                  var rows=Array.prototype.slice.call(body.rows);
                  rows.sort(function(a,b){
                    var x=a.cells[i].getAttribute('data-sort')||a.cells[i].textContent;
                    var y=b.cells[i].getAttribute('data-sort')||b.cells[i].textContent;
                    var nx=parseFloat(x),ny=parseFloat(y);
                    var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,'ru');
                    return asc?c:-c;});
                  rows.forEach(function(r){body.appendChild(r);});
                });
              });
              var select=document.getElementById('municipality');
              select.addEventListener('change',function(){
                Array.prototype.forEach.call(document.querySelectorAll('tr[data-municipality]'),function(r){
                  r.style.display=(select.value===''||r.getAttribute('data-municipality')===select.value)?'':'none';});
              });
            })();
            """;

    private HtmlReport() {
    }

    /** {@code index.html}: the facts of the run and the ranked list of the schools with signs. */
    public static String index(ReportData data, ReportText t) {
        List<SchoolEntry> flagged = data.flaggedSchools();
        StringBuilder b = head(t.get("title"), t);
        b.append("<h1>").append(escape(t.get("title"))).append("</h1>");
        b.append("<p class=\"note\">").append(escape(t.get("disclaimer"))).append("</p>");
        // With several sessions in the list (the report command over an output of several) the figures are the latest
        // session's and the list goes session by session; a run's report lists the run's session.
        List<String> listed = org.vprobjectivity.flags.Persistence.inTimeOrder(
                data.schools().stream().map(SchoolEntry::session).distinct().toList());
        boolean several = listed.size() > 1;
        List<SchoolEntry> current = several ? data.schools().stream().filter(s -> listed.get(listed.size() - 1).equals(s.session()))
                .toList() : data.schools();
        TreeSet<String> sessions = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        current.forEach(s -> {
            sessions.add(t.session(s.session()));
            regions.add(t.region(s.region()));
        });
        long official = current.stream().filter(s -> s.officialMarkers() > 0).count();
        long both = current.stream().filter(s -> s.flagged() && s.officialMarkers() > 0).count();
        b.append("<div class=\"facts\">")
                .append(fact(t.get("session"), String.join(", ", sessions)))
                .append(fact(t.get("region"), String.join(", ", regions)))
                .append(fact(t.get("schools"), String.valueOf(current.size())))
                .append(fact(t.get("flagged"), String.valueOf(current.stream().filter(SchoolEntry::flagged).count())))
                .append(fact(t.get("official"), String.valueOf(official)))
                .append(fact(t.get("both"), String.valueOf(both)))
                .append("</div>");
        if (several) {
            b.append("<p class=\"note\" id=\"several-sessions\">").append(escape(t.get("sessions.several").replace("{s}",
                    String.join(", ", listed.stream().map(t::session).toList())))).append("</p>");
        }
        List<SchoolEntry> officialOnly = data.officialOnlySchools();
        if (flagged.isEmpty()) {
            b.append("<p id=\"no-schools\">").append(escape(t.get("none"))).append("</p>");
            officialOnly(b, officialOnly, t);
            history(b, data.history(), t);
            teachers(b, data.teachers(), t);
            recheckAndDecisions(b, data, t);
            return b.append("</body></html>").toString();
        }
        b.append("<p class=\"noprint\"><label>").append(escape(t.get("filter"))).append(" <select id=\"municipality\">")
                .append("<option value=\"\">").append(escape(t.get("filter.all"))).append("</option>");
        TreeSet<String> municipalities = new TreeSet<>(flagged.stream().map(s -> nz(s.municipality())).toList());
        officialOnly.forEach(s -> municipalities.add(nz(s.municipality())));
        municipalities.forEach(m -> b.append("<option>").append(escape(m)).append("</option>"));
        b.append("</select></label> ").append(escape(t.get("sort.hint"))).append("</p>");
        b.append("<table id=\"schools\"><thead><tr>");
        List<String> headings = new java.util.ArrayList<>(List.of("col.rank", "col.municipality", "col.school", "col.works",
                "col.reasons", "col.risk", "col.in.row", "col.official"));
        if (several) {
            headings.add(1, "session");
        }
        for (String h : headings) {
            b.append("<th>").append(escape(t.get(h))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        int place = 0;
        String session = null;
        for (SchoolEntry s : flagged) {
            // the place within the row's session: the list goes session by session
            place = s.session().equals(session) ? place + 1 : 1;
            session = s.session();
            b.append("<tr data-municipality=\"").append(escape(nz(s.municipality()))).append("\">")
                    .append("<td class=\"num\" data-sort=\"").append(place).append("\">").append(place).append("</td>")
                    .append(several ? "<td class=\"session\">" + escape(t.session(s.session())) + "</td>" : "")
                    .append("<td>").append(escape(nz(s.municipality()))).append("</td>")
                    .append("<td><a href=\"schools/").append(escape(fileName(s.schoolId()))).append(".html\">")
                    .append(escape(schoolLabel(s))).append("</a>")
                    .append(s.schoolType() == null ? "" : " <i>(" + escape(s.schoolType()) + ")</i>").append("</td>")
                    .append("<td>").append(escape(nz(s.flaggedWorks()))).append("</td>")
                    .append("<td>").append(reasons(s.reasons() == null ? null : s.reasons().stream().map(PlainReasons::plain).toList()))
                    .append("</td>")
                    .append("<td class=\"num\" data-sort=\"").append(String.format(Locale.ROOT, "%.4f", s.risk())).append("\">")
                    .append(escape(t.decimal(s.risk(), 1))).append("</td>")
                    .append("<td class=\"num in-row\" data-sort=\"").append(s.sessionsFlaggedInRow() * 100 + s.officialSessionsInRow())
                    .append("\">").append(s.sessionsFlaggedInRow()).append(" / ").append(s.officialSessionsInRow()).append("</td>")
                    .append("<td class=\"num\" data-sort=\"").append(s.officialMarkers()).append("\">")
                    .append(s.officialMarkers() == 0 ? "—" : s.officialMarkers() + " (" + escape(nz(t.officialWorks(s.officialWorks()))) + ")")
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        b.append("<p class=\"note\">").append(escape(t.get("risk.note"))).append("</p>");
        b.append("<p class=\"note\">").append(escape(t.get("in.row.note"))).append("</p>");
        officialOnly(b, officialOnly, t);
        history(b, data.history(), t);
        teachers(b, data.teachers(), t);
        recheckAndDecisions(b, data, t);
        b.append("<script>").append(SCRIPT).append("</script>");
        return b.append("</body></html>").toString();
    }

    /** The objectivity index per municipality beside our list, and the lists' overlap between sessions. */
    private static void history(StringBuilder b, HistoryView h, ReportText t) {
        HistoryHtml.municipalities(b, h, t);
        HistoryHtml.overlap(b, h, t);
    }

    /** The re-check (what was re-checked, what changed, confirmed and cleared signs) and the decision matrix. */
    private static void recheckAndDecisions(StringBuilder b, ReportData data, ReportText t) {
        RecheckHtml.index(b, data.recheck(), data.schoolNames(), t);
        RecheckHtml.decisions(b, data.decisions(), t);
    }

    /** {@code schools/<id>.html}: the school's flagged works, each with its reasons and charts. */
    public static String school(SchoolEntry s, List<CellView> cells, ReportText t) {
        return school(s, cells, null, t);
    }

    /**
     * {@code schools/<id>.html} with the school's re-check rows ({@code recheck}: null where no re-check was read, so the
     * page has no re-check section; the index says how to produce one).
     */
    public static String school(SchoolEntry s, List<CellView> cells, List<RecheckView.SchoolRow> recheck, ReportText t) {
        return school(s, cells, recheck, HistoryView.NONE, t);
    }

    /**
     * {@code schools/<id>.html} with the school's works over the sessions the output holds ({@code history}; one line
     * saying there is no history yet where it holds one session).
     */
    public static String school(SchoolEntry s, List<CellView> cells, List<RecheckView.SchoolRow> recheck, HistoryView history,
                                ReportText t) {
        ReasonText work = new ReasonText(t.langCode());
        StringBuilder b = head(schoolLabel(s), t);
        b.append("<p class=\"noprint\"><a href=\"../index.html\">").append(escape(t.get("back"))).append("</a></p>");
        b.append("<h1>").append(escape(schoolLabel(s))).append("</h1>");
        b.append("<p class=\"note\">").append(escape(nz(s.municipality()))).append(" · ").append(escape(t.get("col.login")))
                .append(" ").append(escape(s.schoolId()))
                .append(s.schoolType() == null ? "" : " · " + escape(s.schoolType()))
                .append(" · ").append(escape(t.get("col.risk"))).append(" ").append(escape(t.decimal(s.risk(), 1)))
                .append(" · ").append(escape(t.get("official.marked"))).append(": ")
                .append(s.officialMarkers() == 0 ? "—" : s.officialMarkers() + " (" + escape(nz(t.officialWorks(s.officialWorks()))) + ")")
                .append("</p>");
        b.append("<p class=\"note\">").append(escape(t.get("disclaimer"))).append("</p>");
        // with several sessions a work may be flagged in more than one: the session says which
        boolean sessions = cells.stream().map(CellView::session).distinct().count() > 1;
        for (CellView c : cells) {
            String title = work.work(c.subject(), c.grade()) + (sessions ? ", " + t.session(c.session()) : "");
            b.append("<section class=\"work\"><h2>").append(escape(title)).append("</h2>");
            b.append("<p class=\"works\">").append(escape(t.get("school.works"))).append(": ").append(c.works()).append("</p>");
            if (c.smallCell()) {
                b.append("<p class=\"note small-cell\">").append(escape(t.get("school.small.cell"))).append("</p>");
            }
            classes(b, c, t);
            b.append("<h3>").append(escape(t.get("school.reasons"))).append("</h3>").append(reasons(c.reasons()));
            b.append(Svg.histogram(t.get("chart.histogram") + ": " + title, c.histogram(), c.regionHistogram(), c.cuts(),
                    c.maxScore(), t));
            if (!Double.isNaN(c.journalSchool()[0])) {
                b.append(Svg.journalBars(t.get("chart.journal") + ": " + title, c.journalSchool(), c.journalRegion(), t));
            }
            if (!c.tasks().isEmpty()) {
                b.append(Svg.taskProfile(t.get("chart.tasks") + ": " + title, c.tasks(), c.taskSchool(), c.taskRegion(), t));
            }
            b.append("</section>");
        }
        HistoryHtml.school(b, history, s.schoolId(), t);
        if (recheck != null) {
            RecheckHtml.school(b, recheck, t);
        }
        return b.append("</body></html>").toString();
    }

    /**
     * The schools only the official markers mark, each with why we do not flag it ({@code flags/comparison}
     * explanation): with the list above, the whole official list on one page. Rows carry {@code data-municipality} so
     * the municipality filter applies to them too.
     */
    private static void officialOnly(StringBuilder b, List<SchoolEntry> schools, ReportText t) {
        b.append("<h2 id=\"official-only-title\">").append(escape(t.get("official.only.title"))).append("</h2>");
        if (schools.isEmpty()) {
            b.append("<p id=\"no-official-only\">").append(escape(t.get("official.only.none"))).append("</p>");
            return;
        }
        b.append("<p class=\"note\">").append(escape(t.get("official.only.note"))).append("</p>");
        b.append("<table id=\"official-only\"><thead><tr>");
        for (String h : List.of("col.municipality", "col.school", "col.official.works", "col.why")) {
            b.append("<th>").append(escape(t.get(h))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (SchoolEntry s : schools) {
            b.append("<tr data-municipality=\"").append(escape(nz(s.municipality()))).append("\">")
                    .append("<td>").append(escape(nz(s.municipality()))).append("</td>")
                    .append("<td>").append(escape(schoolLabel(s)))
                    .append(schoolLabel(s).equals(s.schoolId()) ? "" : " <span class=\"note\">" + escape(s.schoolId()) + "</span>")
                    .append("</td>")
                    .append("<td>").append(escape(nz(t.officialWorks(s.officialWorks())))).append("</td>")
                    .append("<td title=\"").append(escape(nz(s.explanation()))).append("\">")
                    .append(reasons(s.explanation() == null ? List.of()
                            : java.util.Arrays.stream(s.explanation().split("; ")).map(PlainReasons::plain).toList()))
                    .append("</td>")
                    .append("</tr>");
        }
        b.append("</tbody></table>");
    }

    /**
     * Teachers with signs, for targeted methodological help («адресная методическая помощь»); only with a teacher
     * mapping; by pseudonymous id, with the name where the run was given {@code --include-names} ({@link TeacherLabel}).
     */
    private static void teachers(StringBuilder b, List<ReportData.TeacherEntry> teachers, ReportText t) {
        if (teachers.isEmpty()) {
            return;
        }
        boolean named = teachers.stream().anyMatch(e -> e.teacherName() != null && !e.teacherName().isBlank());
        b.append("<h2 id=\"teachers-title\">").append(escape(t.get("teachers.title"))).append("</h2>")
                .append("<p class=\"note\">").append(escape(t.get(named ? "teachers.note.names" : "teachers.note"))).append("</p>")
                .append("<table id=\"teachers\"><thead><tr>");
        for (String h : List.of("col.municipality", named ? "col.teacher.name" : "col.teacher", "col.works", "col.reasons", "col.risk")) {
            b.append("<th>").append(escape(t.get(h))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (ReportData.TeacherEntry e : teachers) {
            b.append("<tr data-municipality=\"").append(escape(nz(e.municipality()))).append("\">")
                    .append("<td>").append(escape(nz(e.municipality()))).append("</td>")
                    .append("<td>").append(escape(TeacherLabel.of(e.teacherId(), e.teacherName()))).append("</td>")
                    .append("<td>").append(escape(nz(e.flaggedWorks()))).append("</td>")
                    .append("<td>").append(reasons(e.reasons() == null ? null : e.reasons().stream().map(PlainReasons::plain).toList()))
                    .append("</td><td class=\"num\">").append(escape(t.decimal(e.risk(), 1))).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    /** The cell's classes with their works; those too small for share-based signs said so. */
    private static void classes(StringBuilder b, CellView c, ReportText t) {
        if (c.classes().isEmpty()) {
            return;
        }
        List<String> all = new java.util.ArrayList<>();
        List<String> small = new java.util.ArrayList<>();
        for (ReportData.ClassSize k : c.classes()) {
            String label = (k.label() == null ? t.get("school.class.unknown") : k.label()) + ": " + k.works();
            all.add(label);
            if (k.small()) {
                small.add(label);
            }
        }
        b.append("<p class=\"classes\">").append(escape(t.get("school.classes"))).append(" (")
                .append(escape(t.get("school.works").toLowerCase(Locale.ROOT))).append("): ").append(escape(String.join(", ", all)))
                .append("</p>");
        if (!small.isEmpty()) {
            b.append("<p class=\"note small-classes\">").append(escape(t.get("school.small.classes"))).append(": ")
                    .append(escape(String.join(", ", small))).append("</p>");
        }
    }

    /** A school id as a file name: letters, digits, '-' and '_' kept, anything else '_'. */
    public static String fileName(String schoolId) {
        return schoolId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static StringBuilder head(String title, ReportText t) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"").append(t.langCode()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(escape(title))
                .append("</title><style>").append(CSS).append("</style></head><body>");
    }

    private static String fact(String name, String value) {
        return "<div>" + escape(name) + "<br><b>" + escape(value) + "</b></div>";
    }

    private static String reasons(List<String> reasons) {
        StringBuilder b = new StringBuilder("<ul class=\"reasons\">");
        for (String r : reasons == null ? List.<String>of() : reasons) {
            b.append("<li>").append(escape(r)).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    static String schoolLabel(SchoolEntry s) {
        return s.schoolName() == null || s.schoolName().isBlank() ? s.schoolId() : s.schoolName();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The pages by file name under {@code report/}; {@link ReportWriter} writes them. */
    static Map<String, String> pages(ReportData data, ReportText t) {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put(ReportWriter.INDEX, index(data, t));
        // the latest session first (ReportData): a school's page heads with the latest session it was flagged in
        for (SchoolEntry s : data.flaggedSchools()) {
            pages.putIfAbsent("schools/" + fileName(s.schoolId()) + ".html",
                    school(s, data.cellsBySchool().getOrDefault(s.schoolId(), List.of()),
                            data.recheck().loaded() ? data.recheck().of(s.session(), s.schoolId()) : null, data.history(), t));
        }
        return pages;
    }
}
