package org.vprobjectivity.ingest;

import java.util.Locale;

/** Text folding shared by header matching and value recognition, so both sides compare alike. */
public final class Text {

    /** Latin letters that look like Cyrillic ones in Russian spreadsheets (K/К, X/Х, A/А ...). */
    private static final String LATIN = "aceopxykmhtb";
    private static final String CYRILLIC = "асеорхукмнтв";

    // Compiled once: these run for every cell ingest reads (String.matches and replaceAll compile their pattern on each
    // call, a few per cent of a region's reading time in a flight recording).
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" {2,}");
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("[+-]?\\d{1,9}");
    private static final java.util.regex.Pattern INTEGER_POINT_ZERO = java.util.regex.Pattern.compile("[+-]?\\d{1,9}\\.0+");

    private Text() {
    }

    /** Trim, lower-case, ё→е, non-breaking spaces → spaces, runs of spaces collapsed. */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace('\u00A0', ' ').replace('\t', ' ').replace('\r', ' ').replace('\n', ' ')
                .toLowerCase(Locale.ROOT).replace('ё', 'е').trim();
        return t.contains("  ") ? SPACES.matcher(t).replaceAll(" ") : t;
    }

    /**
     * {@link #normalize} plus Latin look-alikes mapped to Cyrillic: "1K2" and "1К2", "X" and "Х" become equal.
     * Applied to both a header and the synonyms it is compared with, so Latin headers still match Latin synonyms.
     */
    public static String fold(String s) {
        String n = normalize(s);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            int k = LATIN.indexOf(c);
            b.append(k >= 0 ? CYRILLIC.charAt(k) : c);
        }
        return b.toString();
    }

    /**
     * The longest text value ingest accepts in a cell it uses. Real school names are under 300 characters;
     * an xlsx cell holds at most 32,767, and the report and workbooks write these values into cells, so a
     * longer value would fail the run at its very end. A row with a longer value is quarantined instead
     * ({@link RejectReason#TEXT_TOO_LONG}).
     */
    public static final int MAX_VALUE_CHARS = 1000;

    /** How much of an over-long or unusable value rejects and reports quote. */
    public static final int QUOTE_CHARS = 200;

    /**
     * Text cut to {@code max} characters with a note of what was cut ("…[+31800]"), for values that are
     * quoted in rejects and reports, so a quoted value never exceeds a spreadsheet cell either.
     */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "…[+" + (s.length() - max) + "]";
    }

    /** An exception's message for a person: its text, never the Java class name. */
    public static String describe(Throwable e) {
        String m = e.getMessage();
        // Libraries wrap causes as "java.util.zip.ZipException: invalid ...": keep what they say, drop whose class said it.
        String t = m == null ? "" : JAVA_NAME.matcher(m).replaceAll("").trim();
        return t.isEmpty() ? "no detail" : t;
    }

    /** A qualified or simple Java exception or error class name, with the colon that follows it. */
    private static final java.util.regex.Pattern JAVA_NAME =
            java.util.regex.Pattern.compile("(?:\\b[a-z_][\\w$]*\\.)*\\b[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

    public static boolean isBlank(String s) {
        return s == null || s.isBlank() || s.trim().equals("\u00A0");
    }

    /** Values read as integers: "5", "5.0" (a numeric Excel cell), " 5 ". Null when not an integer. */
    public static Integer parseInteger(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().replace(',', '.');
        if (INTEGER.matcher(t).matches()) {
            return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        }
        if (INTEGER_POINT_ZERO.matcher(t).matches()) {
            return Integer.parseInt(t.substring(t.startsWith("+") ? 1 : 0, t.indexOf('.')));
        }
        return null;
    }
}
