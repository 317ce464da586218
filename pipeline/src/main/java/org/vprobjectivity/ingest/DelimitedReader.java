package org.vprobjectivity.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV/TXT exports: encoding (UTF-8 with or without BOM, else Windows-1251) and delimiter
 * ({@code ;}, tab or {@code ,}) are detected unless forced; quoting follows RFC 4180.
 */
public final class DelimitedReader {

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final char[] DELIMITERS = {';', '\t', ','};

    private DelimitedReader() {
    }

    /** @param forcedEncoding null to detect */
    public static RawSheet read(byte[] bytes, String forcedEncoding) {
        String text = decode(bytes, forcedEncoding);
        char delimiter = detectDelimiter(text);
        return new RawSheet(null, parse(text, delimiter));
    }

    static String decode(byte[] bytes, String forcedEncoding) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        if (forcedEncoding != null) {
            return new String(bytes, start, bytes.length - start, Charset.forName(forcedEncoding));
        }
        if (bom) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        return detectEncoding(bytes).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Strict UTF-8 decoding succeeds on UTF-8 text and almost never on Cyrillic Windows-1251 text. */
    public static Charset detectEncoding(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1251;
        }
    }

    /** The delimiter that splits the first lines into the most columns, consistently. */
    static char detectDelimiter(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(20).toList();
        char best = ';';
        int bestScore = 0;
        for (char d : DELIMITERS) {
            int min = Integer.MAX_VALUE;
            for (String line : lines) {
                min = Math.min(min, countOutsideQuotes(line, d));
            }
            // The header line decides when data lines are few; a delimiter missing from any line scores 0.
            int score = lines.isEmpty() ? 0 : min;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char d) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == d && !quoted) {
                n++;
            }
        }
        return n;
    }

    static List<RawRow> parse(String text, char delimiter) {
        List<RawRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new RawRow(rowStart, cells));
                cells = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new RawRow(rowStart, cells));
        }
        return rows;
    }
}
