package org.vprobjectivity.run;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.vprobjectivity.indicators.CohortComparison;
import org.vprobjectivity.indicators.CohortMarker;
import org.vprobjectivity.indicators.TestVersions;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.RunReport;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

/**
 * Notes on the sessions the over-time computations read (issue 19, bad input): a session whose works have no scale in
 * this run's scales, and cohorts whose later work changed its version in between. Nothing is dropped for them: the
 * works stay in {@code results}, the cohorts in {@code indicators/cohort} (marked {@code comparable = false}); the
 * note tells the reader where a comparison is missing or must be read with care.
 */
final class OverTimeNotes {

    static final String SCALE_MISSING = "HISTORY_SCALE_MISSING";
    static final String VERSION_CHANGE = "COHORT_VERSION_CHANGE";

    private OverTimeNotes() {
    }

    /**
     * @param versions {@link TestVersions} rows without a maximum: the scale the works were ingested with is not
     *                 among this run's scales (an earlier run was given a {@code --scales} file this one was not)
     */
    static void missingScales(List<Row> versions, EarlierSessions earlier, RunReport report, Progress progress) {
        for (Row v : versions) {
            String session = v.getAs("session");
            String folder = earlier.folderOf(session);
            String path = (folder == null ? "" : folder + "/") + OutputLayout.RESULTS;
            String work = v.getAs("subject") + " " + v.<Integer>getAs("grade");
            String version = v.getAs(TestVersions.VERSION);
            report.notes.add(new RunReport.Note(SCALE_MISSING, path,
                    String.format("сессия %s, работа %s: шкала «%s», по которой работы были приняты, не найдена среди шкал"
                            + " этого запуска; %d работ сохранены, но без максимума балла они не входят в когорты"
                            + " (маркер 3) этой сессии: передайте тот же файл --scales", session, work, version,
                            v.<Long>getAs(TestVersions.WORKS)),
                    String.format("session %s, work %s: the scale «%s» the works were ingested with is not among this run's"
                            + " scales; the %d works are kept, but without a maximum score they enter no cohort (marker 3)"
                            + " of this session: pass the same --scales file", session, work, version,
                            v.<Long>getAs(TestVersions.WORKS))));
            progress.say("%s: session %s, work %s: scale %s not found", path, session, work, version);
        }
    }

    /** One note per later work whose version came into force after the earlier session's year. */
    static void versionChanges(Dataset<Row> cohorts, RunReport report, Progress progress) {
        List<Row> changed = cohorts.filter(not(col(CohortComparison.COMPARABLE)))
                .groupBy(CohortMarker.SESSION_FROM, CohortMarker.SESSION_TO, "subject", CohortMarker.GRADE_FROM,
                        CohortMarker.GRADE_TO, CohortComparison.VERSION_FROM, CohortComparison.VERSION_TO)
                .count().orderBy(CohortMarker.SESSION_TO, "subject", CohortMarker.GRADE_FROM).collectAsList();
        for (Row c : changed) {
            String subject = c.getAs("subject");
            Object[] a = {subject, c.getAs(CohortMarker.GRADE_FROM), c.getAs(CohortMarker.SESSION_FROM), subject,
                    c.getAs(CohortMarker.GRADE_TO), c.getAs(CohortMarker.SESSION_TO), c.getAs(CohortComparison.VERSION_TO),
                    c.getAs(CohortComparison.VERSION_FROM), c.getAs("count")};
            report.notes.add(new RunReport.Note(VERSION_CHANGE, OutputLayout.INDICATORS_COHORT,
                    String.format("когорты %s %s (%s) → %s %s (%s): у более поздней работы новая версия «%s» (ранняя «%s»);"
                            + " отношение K у %d школ сравнивает другие работы, чем годом раньше (comparable = false);"
                            + " сравнимо положение школы в регионе: z_change", a),
                    String.format("cohorts %s %s (%s) → %s %s (%s): the later work has a new version «%s» (the earlier"
                            + " «%s»); the ratio K of %d schools compares other works than a year before"
                            + " (comparable = false); the school's standing in the region compares: z_change", a)));
            progress.say("%s: cohorts %s %s → %s: new version %s of the later work", OutputLayout.INDICATORS_COHORT,
                    subject, c.getAs(CohortMarker.GRADE_FROM), c.getAs(CohortMarker.GRADE_TO), c.getAs(CohortComparison.VERSION_TO));
        }
    }
}
