package org.vprobjectivity.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A VPR session: a year and a season, written {@code 2025-spring} or {@code 2024-autumn}. */
public record Session(int year, String season) {

    private static final Pattern CANONICAL = Pattern.compile("(20\\d\\d)-(spring|autumn)");

    public static Session parse(String text) {
        Matcher m = CANONICAL.matcher(text == null ? "" : text.trim().toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("session must look like 2025-spring or 2024-autumn, got: " + text);
        }
        return new Session(Integer.parseInt(m.group(1)), m.group(2));
    }

    /** Canonical form, or a year-only value ("2021") read as that year's main (spring) session. */
    public static Optional<Session> tryParse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase();
        Matcher m = CANONICAL.matcher(t);
        if (m.matches()) {
            return Optional.of(new Session(Integer.parseInt(m.group(1)), m.group(2)));
        }
        if (t.matches("20\\d\\d(\\.0)?")) {
            return Optional.of(new Session(Integer.parseInt(t.substring(0, 4)), "spring"));
        }
        return Optional.empty();
    }

    /** Sessions run in spring (March–May); a date from August on belongs to the autumn session. */
    public static Session ofDate(int year, int month) {
        return new Session(year, month >= 8 ? "autumn" : "spring");
    }

    /** Position in time, for ordering sessions: the year, then spring before autumn of that year. */
    public int timeOrder() {
        return year * 2 + ("autumn".equals(season) ? 1 : 0);
    }

    @Override
    public String toString() {
        return year + "-" + season;
    }
}
