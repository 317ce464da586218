package org.vprobjectivity.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a workbook of plain tables straight into its xlsx package (ECMA-376 Part 1: the worksheet, workbook, styles
 * and content-type parts), sheet by sheet and row by row: what the methodologists' workbooks need (text, numbers in
 * four formats, a bold header, column widths, a frozen header row, an auto-filter) and nothing else. POI's streaming
 * workbook wrote each sheet to a temporary file and built its styles and workbook with XML beans, a fifth of the report
 * stage at 300 k works (docs/performance.md); here each row goes to the zip as it is written.
 *
 * <p>Use: {@link #sheet}, then {@link Sheet#row} for each row in order, then {@link Sheet#end}; the next sheet after
 * that; {@link #close} writes the workbook part and closes the stream.
 */
final class XlsxTables implements Closeable {

    /** The cell formats of {@code styles.xml}, by their index in {@code cellXfs}. */
    enum Style {
        /** General. */
        PLAIN,
        /** Bold (headers). */
        BOLD,
        /** A share shown as a percent with one decimal, {@code 0.0%}. */
        SHARE,
        /** An integer, {@code 0}. */
        COUNT,
        /** Two decimals, {@code 0.00}. */
        NUMBER
    }

    /** Excel's limit on a cell's text (longer text is cut there, as Excel itself would refuse it). */
    static final int MAX_CELL_TEXT = 32_767;

    private final ZipOutputStream zip;
    private final Writer xml;
    private final List<String> names = new ArrayList<>();
    private final List<String> filters = new ArrayList<>();
    private Sheet open;

    XlsxTables(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    }

    /**
     * Starts the next sheet.
     *
     * @param name         a valid, unique sheet name ({@link SheetNames})
     * @param widths       column widths in characters, from the first column; may be shorter than the table
     * @param freezeHeader whether the first row stays in view when scrolling
     */
    Sheet sheet(String name, double[] widths, boolean freezeHeader) throws IOException {
        if (open != null) {
            throw new IllegalStateException("sheet «" + open.name + "» is not ended");
        }
        names.add(name);
        filters.add(null);
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + names.size() + ".xml"));
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        if (freezeHeader) {
            xml.write("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""
                    + " state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView></sheetViews>");
        } else {
            xml.write("<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>");
        }
        if (widths.length > 0) {
            xml.write("<cols>");
            for (int c = 0; c < widths.length; c++) {
                xml.write("<col min=\"" + (c + 1) + "\" max=\"" + (c + 1) + "\" width=\"" + widths[c] + "\" customWidth=\"1\"/>");
            }
            xml.write("</cols>");
        }
        xml.write("<sheetData>");
        open = new Sheet(name);
        return open;
    }

    @Override
    public void close() throws IOException {
        if (open != null) {
            open.end(false);
        }
        part("xl/workbook.xml", workbook());
        part("xl/_rels/workbook.xml.rels", workbookRelationships());
        part("xl/styles.xml", STYLES);
        part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                + " Target=\"xl/workbook.xml\"/></Relationships>");
        part("[Content_Types].xml", contentTypes());
        xml.flush();
        zip.close();
    }

    /** One sheet being written: rows in order, then {@link #end}. */
    final class Sheet {
        private final String name;
        private int rows;
        private int widest;

        private Sheet(String name) {
            this.name = name;
        }

        /**
         * The next row: {@code values[c]} in column c, a {@link String} (text), a {@link Number} or null (no cell);
         * {@code styles[c]} its format (null: {@link Style#PLAIN}).
         */
        void row(Object[] values, Style[] styles) throws IOException {
            int r = ++rows;
            xml.write("<row r=\"" + r + "\">");
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v == null) {
                    continue;
                }
                widest = Math.max(widest, c + 1);
                Style style = styles == null || styles[c] == null ? Style.PLAIN : styles[c];
                String s = style == Style.PLAIN ? "" : " s=\"" + style.ordinal() + "\"";
                String ref = column(c) + r;
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    if (Double.isFinite(d)) {
                        xml.write("<c r=\"" + ref + "\"" + s + "><v>" + number(d) + "</v></c>");
                    }
                } else {
                    String text = v.toString();
                    if (text.length() > MAX_CELL_TEXT) {
                        text = text.substring(0, MAX_CELL_TEXT);
                    }
                    xml.write("<c r=\"" + ref + "\"" + s + " t=\"inlineStr\"><is><t xml:space=\"preserve\">");
                    escape(text);
                    xml.write("</t></is></c>");
                }
            }
            xml.write("</row>");
        }

        /** Ends the sheet; with {@code autoFilter}, a filter over the header and every row written. */
        void end(boolean autoFilter) throws IOException {
            xml.write("</sheetData>");
            if (autoFilter && widest > 0) {
                String range = "A1:" + column(widest - 1) + Math.max(1, rows);
                xml.write("<autoFilter ref=\"" + range + "\"/>");
                filters.set(filters.size() - 1, range);
            }
            xml.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
            xml.write("</worksheet>");
            xml.flush();
            zip.closeEntry();
            open = null;
        }
    }

    /** Column letters of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
    static String column(int c) {
        StringBuilder s = new StringBuilder();
        for (int n = c + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    /**
     * A double as Excel stores it: integers without a decimal point, others (and −0, kept as the value it is) in Java's
     * shortest round-trip form.
     */
    static String number(double d) {
        boolean negativeZero = d == 0 && Double.doubleToRawLongBits(d) != 0;
        if (d == Math.rint(d) && Math.abs(d) < 1e15 && !negativeZero) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** XML text with the five entities escaped; characters XML 1.0 cannot hold become '?' (as POI writes them). */
    private void escape(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> xml.write("&amp;");
                case '<' -> xml.write("&lt;");
                case '>' -> xml.write("&gt;");
                case '"' -> xml.write("&quot;");
                default -> {
                    boolean control = ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r';
                    xml.write(control || ch == 0xFFFE || ch == 0xFFFF ? '?' : ch);
                }
            }
        }
    }

    private String attribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void part(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        xml.write(content);
        xml.flush();
        zip.closeEntry();
    }

    private String workbook() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<bookViews><workbookView/></bookViews><sheets>");
        for (int i = 0; i < names.size(); i++) {
            s.append("<sheet name=\"").append(attribute(names.get(i))).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        s.append("</sheets>");
        StringBuilder defined = new StringBuilder();
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i) != null) {
                // Excel keeps an auto-filter's range as this hidden name too; without it some versions drop the filter.
                String[] ends = filters.get(i).split(":");
                defined.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"").append(i).append("\" hidden=\"1\">'")
                        .append(attribute(names.get(i).replace("'", "''"))).append("'!$")
                        .append(ends[0].replaceAll("(\\D+)(\\d+)", "$1\\$$2")).append(":$")
                        .append(ends[1].replaceAll("(\\D+)(\\d+)", "$1\\$$2")).append("</definedName>");
            }
        }
        if (defined.length() > 0) {
            s.append("<definedNames>").append(defined).append("</definedNames>");
        }
        return s.append("</workbook>").toString();
    }

    private String workbookRelationships() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < names.size(); i++) {
            s.append("<Relationship Id=\"rId").append(i + 1)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(i + 1).append(".xml\"/>");
        }
        s.append("<Relationship Id=\"rId").append(names.size() + 1)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        return s.append("</Relationships>").toString();
    }

    private String contentTypes() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 0; i < names.size(); i++) {
            s.append("<Override PartName=\"/xl/worksheets/sheet").append(i + 1)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return s.append("</Types>").toString();
    }

    /** Fonts: 0 regular, 1 bold; formats 164 {@code 0.0%}, built-in 1 {@code 0} and 2 {@code 0.00}; xfs in {@link Style} order. */
    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"5\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";
}
