package org.vprobjectivity.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A reason as the list shows it: the sign in plain words, without the statistics behind it. The sentences of
 * {@code flags} ({@code ReasonText}) read «work: what is seen: how much (reference), p»; the district head's list keeps
 * the work and what is seen, and the school page keeps the whole sentence with its numbers. Marks in quotes («4») are
 * words here, not statistics.
 */
final class PlainReasons {

    /** The p-value the sentences end with: «, p < 0,001», «, p = 0,012». */
    private static final Pattern P_VALUE = Pattern.compile(",\\s*p\\s*[<=>≤]\\s*[0-9.,]+\\s*$");
    /** A parenthesis with the reference's value or a test statistic: «(регион 12%)», «(χ² = 31,2)». */
    private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\([^()]*\\)");
    /** The expected value a count is set against: «при ожидаемых 2,1 …», «where 0.8 are expected …». */
    private static final Pattern EXPECTED = Pattern.compile("\\s+(при ожидаемых|при обычн|where\\s+[0-9]).*$");
    private static final Pattern QUOTED = Pattern.compile("«[^»]*»");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private PlainReasons() {
    }

    static String plain(String reason) {
        if (reason == null) {
            return null;
        }
        String s = P_VALUE.matcher(reason).replaceFirst("");
        String previous;
        do {
            previous = s;
            s = PARENTHESIS.matcher(s).replaceAll("");
        } while (!s.equals(previous));
        int colon = s.indexOf(": ");
        String work = colon < 0 ? "" : s.substring(0, colon + 2);
        String[] parts = (colon < 0 ? s : s.substring(colon + 2)).split(": ");
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!hasNumber(part)) {
                kept.add(part.trim());
            }
        }
        if (kept.isEmpty()) {
            kept.add(EXPECTED.matcher(parts[0]).replaceFirst("").trim()); // the count is what is seen: keep it, drop the rest
        }
        return work + String.join(": ", kept);
    }

    private static boolean hasNumber(String part) {
        return DIGIT.matcher(QUOTED.matcher(part).replaceAll("")).find();
    }
}
