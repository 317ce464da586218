package org.vprobjectivity.run;

import org.vprobjectivity.io.RunReport;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Sessions whose year cannot be right, reported as notes: a year after this one, before the VPR existed, or far from
 * the run's other sessions (a typo such as 2052 for 2025 in a file makes a session of its own, and its works are
 * compared with nobody). The works stay in the output: the note says which files to check.
 */
public final class SessionYears {

    /** The first VPR were written in spring 2015. */
    static final int FIRST_VPR_YEAR = 2015;
    /** Years further than this from the median of the run's sessions are reported. */
    static final int MAX_YEARS_FROM_OTHERS = 3;
    public static final String CODE = "SESSION_YEAR_UNUSUAL";
    /** Files named per unusual session in its note. */
    static final int FILES_NAMED = 3;

    private SessionYears() {
    }

    public static List<RunReport.Note> check(RunReport report, int thisYear) {
        TreeMap<String, Integer> years = new TreeMap<>();
        for (String session : report.sessions) {
            Integer year = year(session);
            if (year != null) {
                years.put(session, year);
            }
        }
        List<Integer> sorted = new ArrayList<>(years.values());
        sorted.sort(Integer::compare);
        int median = sorted.isEmpty() ? thisYear : sorted.get((sorted.size() - 1) / 2);
        List<RunReport.Note> notes = new ArrayList<>();
        years.forEach((session, year) -> {
            String files = String.join(", ", report.files.stream().filter(f -> session.equals(f.session)).map(f -> f.file)
                    .distinct().limit(FILES_NAMED).toList());
            String ru;
            String en;
            // Far from the others first: with other sessions, the likeliest cause is a typo of their year.
            if (years.size() > 1 && Math.abs(year - median) > MAX_YEARS_FROM_OTHERS) {
                ru = String.format("сессия %s: год %d далеко от остальных сессий запуска (%d)", session, year, median);
                en = String.format("session %s: the year %d is far from the run's other sessions (%d)", session, year, median);
            } else if (year > thisYear) {
                ru = String.format("сессия %s: год %d ещё не наступил", session, year);
                en = String.format("session %s: the year %d has not come yet", session, year);
            } else if (year < FIRST_VPR_YEAR) {
                ru = String.format("сессия %s: в %d году ВПР ещё не проводились", session, year);
                en = String.format("session %s: there were no VPR in %d", session, year);
            } else {
                return;
            }
            notes.add(new RunReport.Note(CODE, null, ru + "; проверьте год в файлах: " + files,
                    en + "; check the year in the files: " + files));
        });
        return notes;
    }

    static List<RunReport.Note> check(RunReport report) {
        return check(report, Year.now(ZoneOffset.UTC).getValue());
    }

    /** The year of a session such as {@code 2025-spring}, or null when it does not start with one. */
    static Integer year(String session) {
        if (session == null || session.length() < 4 || !session.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(session.substring(0, 4));
    }
}
