package org.vprobjectivity.ingest;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an xlsx package a sheet's cells are read against (ECMA-376 Part 1: §12.3 package parts, §18.2 workbook,
 * §18.4 shared strings, §18.8 styles): the worksheets in workbook order with their part names, the 1904 date system
 * flag, the shared strings and which cell styles carry a date format. Found through the package's relationships, so a
 * workbook written by any tool (Excel, LibreOffice, FIS OKO's exporter, POI) is read; parts are matched by the last
 * segment of their relationship type, which the transitional and the strict schemas share.
 */
final class XlsxWorkbook {

    /** A worksheet as the workbook lists it. */
    record SheetPart(String name, String path) {
    }

    private static final XMLInputFactory XML = factory();

    private final List<SheetPart> sheets;
    private final boolean date1904;
    private final List<String> sharedStrings;
    private final boolean[] dateStyles;

    private XlsxWorkbook(List<SheetPart> sheets, boolean date1904, List<String> sharedStrings, boolean[] dateStyles) {
        this.sheets = sheets;
        this.date1904 = date1904;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
    }

    List<SheetPart> sheets() {
        return sheets;
    }

    boolean date1904() {
        return date1904;
    }

    String sharedString(int index) {
        if (index < 0 || index >= sharedStrings.size()) {
            throw new IllegalArgumentException("shared string " + index + " not in the workbook's " + sharedStrings.size());
        }
        return sharedStrings.get(index);
    }

    /** Whether cell style {@code index} (a {@code cellXfs} entry) formats numbers as dates; unknown styles do not. */
    boolean isDateStyle(int index) {
        return index >= 0 && index < dateStyles.length && dateStyles[index];
    }

    static XlsxWorkbook read(ZipFile zip) throws IOException, XMLStreamException {
        String workbook = relationships(zip, "_rels/.rels", "", new HashMap<>()).getOrDefault("officeDocument", List.of("xl/workbook.xml")).get(0);
        ZipArchiveEntry book = entry(zip, workbook);
        if (book == null) {
            throw new IOException("no workbook part (" + workbook + "): not an xlsx workbook");
        }
        String dir = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
        String relsPath = dir + "_rels/" + workbook.substring(dir.length()) + ".rels";
        Map<String, String> targets = new HashMap<>();
        Map<String, List<String>> byType = relationships(zip, relsPath, dir, targets);
        List<SheetPart> sheets = new ArrayList<>();
        boolean date1904 = false;
        try (InputStream in = zip.getInputStream(book)) {
            XMLStreamReader x = xml(in);
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("workbookPr".equals(x.getLocalName())) {
                    String v = x.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                } else if ("sheet".equals(x.getLocalName())) {
                    String id = relationshipId(x);
                    String target = id == null ? null : targets.get(id);
                    if (target != null && byType.getOrDefault("worksheet", List.of()).contains(target)) {
                        sheets.add(new SheetPart(x.getAttributeValue(null, "name"), target));
                    }
                }
            }
            x.close();
        }
        ZipArchiveEntry strings = part(byType, "sharedStrings", dir + "sharedStrings.xml", zip);
        ZipArchiveEntry styles = part(byType, "styles", dir + "styles.xml", zip);
        return new XlsxWorkbook(sheets, date1904, strings == null ? List.of() : sharedStrings(zip, strings),
                styles == null ? new boolean[0] : dateStyles(zip, styles));
    }

    /** A package part by name; part names are case-insensitive (ECMA-376 Part 2 §9.1.1.1). */
    static ZipArchiveEntry entry(ZipFile zip, String name) {
        ZipArchiveEntry e = zip.getEntry(name);
        if (e != null) {
            return e;
        }
        for (ZipArchiveEntry candidate : Collections.list(zip.getEntries())) {
            if (candidate.getName().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    /** A StAX reader that resolves no DTD or external entity (a workbook is untrusted input). */
    static XMLStreamReader xml(InputStream in) throws XMLStreamException {
        return XML.createXMLStreamReader(in);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Targets of the relationships part {@code path} by the last segment of their type ({@code worksheet},
     * {@code styles}, …), resolved against {@code dir}; {@code byId} receives every target by its id.
     */
    private static Map<String, List<String>> relationships(ZipFile zip, String path, String dir, Map<String, String> byId)
            throws IOException, XMLStreamException {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        ZipArchiveEntry rels = entry(zip, path);
        if (rels == null) {
            return byType;
        }
        try (InputStream in = zip.getInputStream(rels)) {
            XMLStreamReader x = xml(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(x.getLocalName())) {
                    if ("External".equalsIgnoreCase(x.getAttributeValue(null, "TargetMode"))) {
                        continue;
                    }
                    String type = x.getAttributeValue(null, "Type");
                    String target = resolve(dir, x.getAttributeValue(null, "Target"));
                    String id = x.getAttributeValue(null, "Id");
                    if (type == null || target == null) {
                        continue;
                    }
                    byType.computeIfAbsent(type.substring(type.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(target);
                    if (id != null) {
                        byId.put(id, target);
                    }
                }
            }
            x.close();
        }
        return byType;
    }

    /** A relationship target as a part name: absolute ({@code /xl/…}) or relative to {@code dir}, {@code ..} resolved. */
    static String resolve(String dir, String target) {
        if (target == null) {
            return null;
        }
        String path = target.startsWith("/") ? target.substring(1) : dir + target;
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    /** The {@code r:id} of a {@code <sheet>}: the attribute named {@code id} in the relationships namespace. */
    private static String relationshipId(XMLStreamReader x) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if ("id".equals(x.getAttributeLocalName(i)) && x.getAttributeNamespace(i) != null) {
                return x.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The first part of a relationship type, else {@code fallback}; null when the package has not got it. */
    private static ZipArchiveEntry part(Map<String, List<String>> byType, String type, String fallback, ZipFile zip) {
        List<String> parts = byType.get(type);
        return entry(zip, parts != null && !parts.isEmpty() ? parts.get(0) : fallback);
    }

    /** Each {@code <si>}'s text: its {@code <t>}, or its runs' {@code <t>} joined; phonetic runs ({@code rPh}) left out. */
    private static List<String> sharedStrings(ZipFile zip, ZipArchiveEntry e) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader x = xml(in);
            StringBuilder item = null;
            boolean phonetic = false;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "si" -> item = new StringBuilder();
                        case "rPh" -> phonetic = true;
                        case "t" -> {
                            String t = x.getElementText();
                            if (item != null && !phonetic) {
                                item.append(t);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if ("si".equals(x.getLocalName()) && item != null) {
                        strings.add(item.toString());
                        item = null;
                    } else if ("rPh".equals(x.getLocalName())) {
                        phonetic = false;
                    }
                }
            }
            x.close();
        }
        return strings;
    }

    /**
     * For each cell style ({@code cellXfs/xf}, in order) whether its number format is a date format, as Apache POI
     * decides it ({@link DateUtil#isADateFormat(int, String)}: the built-in date formats 14–22, 45–47 and any custom
     * format with day, month or year letters outside quotes and brackets).
     */
    private static boolean[] dateStyles(ZipFile zip, ZipArchiveEntry e) throws IOException, XMLStreamException {
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> xfFormats = new ArrayList<>();
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader x = xml(in);
            boolean inCellXfs = false;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if ("numFmt".equals(name)) {
                        String id = x.getAttributeValue(null, "numFmtId");
                        if (id != null) {
                            formats.put(Integer.parseInt(id.trim()), x.getAttributeValue(null, "formatCode"));
                        }
                    } else if ("cellXfs".equals(name)) {
                        inCellXfs = true;
                    } else if (inCellXfs && "xf".equals(name)) {
                        String id = x.getAttributeValue(null, "numFmtId");
                        xfFormats.add(id == null ? 0 : Integer.parseInt(id.trim()));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(x.getLocalName())) {
                    inCellXfs = false;
                }
            }
            x.close();
        }
        boolean[] dates = new boolean[xfFormats.size()];
        for (int i = 0; i < dates.length; i++) {
            int id = xfFormats.get(i);
            String format = formats.containsKey(id) ? formats.get(id) : BuiltinFormats.getBuiltinFormat(id);
            dates[i] = format != null && DateUtil.isADateFormat(id, format);
        }
        return dates;
    }
}
