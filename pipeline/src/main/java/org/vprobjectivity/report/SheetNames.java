package org.vprobjectivity.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Sheet names Excel accepts, unique within one workbook. Excel refuses a name over 31 characters, one with any of
 * {@code [ ] : * ? / \}, one starting or ending with an apostrophe, and two names that differ only in case; a
 * workbook with such a name opens with a repair prompt or not at all, so every name goes through here.
 */
final class SheetNames {

    static final int MAX = 31;
    private static final String FORBIDDEN = "[\\[\\]:*?/\\\\]";

    /** Names already given, in upper case: Excel compares sheet names without case. */
    private final Set<String> used = new HashSet<>();

    /**
     * The wanted name made valid (forbidden characters as spaces, cut to 31 characters) and unique ({@code " (2)"},
     * {@code " (3)"} … replacing its end where needed).
     */
    String add(String wanted) {
        String base = valid(wanted);
        String name = base;
        for (int n = 2; used.contains(name.toUpperCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = valid(base.substring(0, Math.min(base.length(), MAX - suffix.length())).strip() + suffix);
        }
        used.add(name.toUpperCase(Locale.ROOT));
        return name;
    }

    static String valid(String wanted) {
        String s = (wanted == null ? "" : wanted).replaceAll(FORBIDDEN, " ").replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^'+|'+$", "").strip();
        if (s.length() > MAX) {
            s = s.substring(0, MAX).strip();
        }
        return s.isEmpty() ? "-" : s;
    }
}
