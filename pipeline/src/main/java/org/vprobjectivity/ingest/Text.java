package org.vprobjectivity.ingest;

import java.util.Locale;

/** Text folding shared by header matching and value recognition, so both sides compare alike. */
public final class Text {

    /** Latin letters that look like Cyrillic ones in Russian spreadsheets (K/К, X/Х, A/А ...). */
    private static final String LATIN = "aceopxykmhtb";
    private static final String CYRILLIC = "асеорхукмнтв";

    private Text() {
    }

    /** Trim, lower-case, ё→е, non-breaking spaces → spaces, runs of spaces collapsed. */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace('\u00A0', ' ').replace('\t', ' ').replace('\r', ' ').replace('\n', ' ')
                .toLowerCase(Locale.ROOT).replace('ё', 'е').trim();
        return t.replaceAll(" {2,}", " ");
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

    /** An exception's message for a person: its text, never the Java class name. */
    public static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "no detail" : m;
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank() || s.trim().equals("\u00A0");
    }

    /** Values read as integers: "5", "5.0" (a numeric Excel cell), " 5 ". Null when not an integer. */
    public static Integer parseInteger(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().replace(',', '.');
        if (t.matches("[+-]?\\d{1,9}")) {
            return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        }
        if (t.matches("[+-]?\\d{1,9}\\.0+")) {
            return Integer.parseInt(t.substring(t.startsWith("+") ? 1 : 0, t.indexOf('.')));
        }
        return null;
    }
}
