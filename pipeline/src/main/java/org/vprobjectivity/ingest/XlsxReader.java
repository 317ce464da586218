package org.vprobjectivity.ingest;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.DateUtil;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * Reads every worksheet of an xlsx, streaming each sheet's XML (StAX) against the workbook's shared strings and number
 * formats: the sheet is never held as a document or a String, only its rows as text (issue 18: an analyst's script read
 * the real 26,667-row export in 3 s, POI's streaming reader with its object model took several times that).
 *
 * <p>What a cell gives, as the exports' readers need it (the same text Apache POI gives for the cell):
 * <ul>
 *   <li>a string (shared, inline, or a formula's cached string) its text; a rich string its runs, phonetic runs left out;</li>
 *   <li>a number its plain decimal text ({@code 5}, {@code 0.25}); under a date format, the date as {@code dd.MM.yyyy}
 *       (UTC, 1900 or 1904 date system as the workbook says);</li>
 *   <li>a formula its cached value; a boolean {@code true}/{@code false}; an error {@code #ERROR}; a cell without a value
 *       null.</li>
 * </ul>
 * Row numbers are the sheet's own (1-based), so a rejected row is named as Excel shows it. A row's cells are its
 * {@code <c>} elements in order, each at its column (missing columns before it are null).
 */
public final class XlsxReader {

    private XlsxReader() {
    }

    public static List<RawSheet> read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    /** @param xlsx the whole file (the caller already holds it: read once from Hadoop or out of a zip archive) */
    public static List<RawSheet> read(byte[] xlsx) throws IOException {
        try (ZipFile zip = open(xlsx)) {
            XlsxWorkbook book = XlsxWorkbook.read(zip);
            List<RawSheet> sheets = new ArrayList<>();
            for (XlsxWorkbook.SheetPart sheet : book.sheets()) {
                ZipArchiveEntry entry = XlsxWorkbook.entry(zip, sheet.path());
                if (entry == null) {
                    throw new IOException("sheet «" + sheet.name() + "» has no part " + sheet.path());
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    sheets.add(new RawSheet(sheet.name(), rows(in, book)));
                }
            }
            return sheets;
        } catch (XMLStreamException e) {
            throw new IOException("broken sheet XML: " + e.getMessage(), e);
        }
    }

    private static ZipFile open(byte[] xlsx) throws IOException {
        try {
            return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
        } catch (IOException e) {
            // An xlsx is a zip package; a file cut short in transfer has no central directory at its end.
            throw new IOException("not a complete zip package (cut short in transfer, or not an xlsx at all)", e);
        }
    }

    private static List<RawRow> rows(InputStream in, XlsxWorkbook book) throws XMLStreamException {
        XMLStreamReader x = XlsxWorkbook.xml(in);
        List<RawRow> rows = new ArrayList<>();
        int lastRow = 0;
        try {
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && "row".equals(x.getLocalName())) {
                    String r = x.getAttributeValue(null, "r");
                    int number = r != null ? Integer.parseInt(r.trim()) : lastRow + 1;
                    rows.add(new RawRow(number, cells(x, book)));
                    lastRow = number;
                }
            }
        } finally {
            x.close();
        }
        return rows;
    }

    /** The cells of the row whose start the reader is on; returns at the row's end. */
    private static List<String> cells(XMLStreamReader x, XlsxWorkbook book) throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(x.getLocalName())) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(x.getLocalName())) {
                String ref = x.getAttributeValue(null, "r");
                String type = x.getAttributeValue(null, "t");
                String style = x.getAttributeValue(null, "s");
                int column = ref != null ? column(ref) : cells.size();
                String text = text(x, type, style == null ? 0 : Integer.parseInt(style.trim()), book);
                while (cells.size() < column) {
                    cells.add(null);
                }
                cells.add(text);
            }
        }
        return cells;
    }

    /** Reads the cell whose start the reader is on to its end and gives its text. */
    private static String text(XMLStreamReader x, String type, int style, XlsxWorkbook book) throws XMLStreamException {
        String value = null;
        StringBuilder inline = null;
        int depth = 1;
        boolean inPhonetic = false;
        while (depth > 0) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = x.getLocalName();
                if ("v".equals(name)) {
                    value = x.getElementText();
                    depth--;
                } else if ("rPh".equals(name)) {
                    inPhonetic = true;
                } else if ("t".equals(name)) {
                    String t = x.getElementText();
                    depth--;
                    if (!inPhonetic) {
                        inline = inline == null ? new StringBuilder(t) : inline.append(t);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if ("rPh".equals(x.getLocalName())) {
                    inPhonetic = false;
                }
            }
        }
        if (type == null || type.equals("n")) {
            return value == null || value.isEmpty() ? null : number(value, style, book);
        }
        return switch (type) {
            case "s" -> value == null || value.isEmpty() ? null : book.sharedString(Integer.parseInt(value.trim()));
            case "inlineStr" -> inline == null ? value : inline.toString();
            case "str" -> value == null ? "" : value;
            case "b" -> value == null || value.isEmpty() ? null : Boolean.toString("1".equals(value.trim()) || "true".equalsIgnoreCase(value.trim()));
            case "e" -> "#ERROR";
            default -> value; // "d": an ISO 8601 date as written
        };
    }

    private static String number(String raw, int style, XlsxWorkbook book) {
        double d = Double.parseDouble(raw.trim());
        if (book.isDateStyle(style) && DateUtil.isValidExcelDate(d)) {
            SimpleDateFormat f = new SimpleDateFormat("dd.MM.yyyy");
            TimeZone utc = TimeZone.getTimeZone("UTC");
            f.setTimeZone(utc);
            return f.format(DateUtil.getJavaDate(d, book.date1904(), utc));
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** 0-based column of a cell reference: {@code A1} → 0, {@code AB12} → 27. */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return column - 1;
    }
}
