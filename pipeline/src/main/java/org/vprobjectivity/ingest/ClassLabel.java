package org.vprobjectivity.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A class as written in exports: a letter ({@code а}, {@code 4 "А"}, {@code 4А} → {@code А}), an
 * ordinal ({@code 1}), or unknown ({@code нет}, empty). {@code grade} is set when the text carries one.
 */
public record ClassLabel(String label, Integer grade) {

    private static final Pattern GRADE_AND_LETTER =
            Pattern.compile("^(\\d{1,2})\\s*[-\"«'“]*\\s*([а-яa-z])\\s*[\"»'”]*$");
    private static final Pattern LETTER = Pattern.compile("^[\"«'“]*\\s*([а-яa-z])\\s*[\"»'”]*$");
    private static final String LATIN = "abcehkmoptxy";
    private static final String CYRILLIC = "авсенкмортху";

    public static ClassLabel parse(String raw, HeaderMapping mapping) {
        if (mapping.isUnknownClass(raw)) {
            return new ClassLabel(null, null);
        }
        String t = Text.normalize(raw);
        Matcher m = GRADE_AND_LETTER.matcher(t);
        if (m.matches()) {
            return new ClassLabel(letter(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = LETTER.matcher(t);
        if (m.matches()) {
            return new ClassLabel(letter(m.group(1)), null);
        }
        return new ClassLabel(raw.trim().toUpperCase(Locale.ROOT), null);
    }

    private static String letter(String s) {
        char c = s.charAt(0);
        int k = LATIN.indexOf(c);
        return String.valueOf(k >= 0 ? CYRILLIC.charAt(k) : c).toUpperCase(Locale.ROOT);
    }
}
