package org.vprobjectivity.synthetic;

import java.util.List;

/** RFC 4180 lines: a field with the separator, a quote or a line break is quoted, quotes doubled. */
final class CsvText {

    static final String EOL = "\r\n";

    private CsvText() {
    }

    static String line(List<String> fields, char separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(quote(fields.get(i), separator));
        }
        return sb.append(EOL).toString();
    }

    static String quote(String field, char separator) {
        String f = field == null ? "" : field;
        if (f.indexOf(separator) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
            return "\"" + f.replace("\"", "\"\"") + "\"";
        }
        return f;
    }
}
