package org.vprobjectivity.ingest;

/**
 * A "code | name" cell as FIS OKO forms print them ("edu223017 | МБОУ ...", "reg22_m001 | Алейский
 * муниципальный район"). A cell without the bar is a code when it looks like one, else a name.
 */
public record CodeNamePair(String code, String name) {

    public static CodeNamePair parse(String cell) {
        if (Text.isBlank(cell)) {
            return new CodeNamePair(null, null);
        }
        String t = cell.trim();
        int bar = t.indexOf('|');
        if (bar >= 0) {
            String code = t.substring(0, bar).trim();
            String name = t.substring(bar + 1).trim();
            return new CodeNamePair(code.isEmpty() ? null : code, name.isEmpty() ? null : name);
        }
        return looksLikeCode(t) ? new CodeNamePair(t, null) : new CodeNamePair(null, t);
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_.\\-]+");

    /** Logins and codes are one token of Latin letters, digits and _ . - (sch220206, reg22_m001, 22). */
    public static boolean looksLikeCode(String t) {
        return CODE.matcher(t).matches();
    }
}
