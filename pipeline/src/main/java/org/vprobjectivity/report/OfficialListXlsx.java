package org.vprobjectivity.report;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.vprobjectivity.flags.OfficialList;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Writes the official list ({@link OfficialList}) as {@code official-markers.xlsx} in the layout districts
 * receive: sheet «Маркеры», header {@code Год | Логин | Муниципалитет | ОО | 4 РУ | 4 МА | 5 РУ | 5 МА |
 * Количество маркеров} (only the works present), one row per marked school (the official list names only
 * schools with a marker), a work cell 1 or empty; sheet «Индекс» with the region's objectivity index and sheet
 * «Индекс по муниципалитетам» with each municipality's.
 * Text is always written as string cells, never as formulas, so a name starting with {@code = + - @}
 * stays text. The list is small (one row per school): it is collected to the driver.
 */
public final class OfficialListXlsx {

    public static final String MARKERS_SHEET = "Маркеры";
    public static final String INDEX_SHEET = "Индекс";
    public static final String MUNICIPAL_INDEX_SHEET = "Индекс по муниципалитетам";
    public static final List<String> MUNICIPAL_INDEX_HEADER = List.of("Год", "Сессия", "Муниципалитет",
            "ОО, выполнявшие работы", "ОО хотя бы с одним маркером", "Индекс объективности, %");
    public static final String COUNT_TITLE = "Количество маркеров";
    public static final List<String> INDEX_HEADER = List.of("Год", "Сессия", "Регион", "ОО, выполнявшие работы",
            "ОО хотя бы с одним маркером", "Индекс объективности, %");
    public static final String INDEX_NOTE = "Индекс объективности = 100 − 100 × (ОО хотя бы с одним маркером) / "
            + "(ОО, выполнявшие хотя бы одну из работ 4 РУ, 4 МА, 5 РУ, 5 МА); методика ФИОКО «Методика расчета "
            + "показателя \"Уровень объективности оценки образовательных результатов в субъекте Российской Федерации\"».";

    private static final Map<String, String> WORK_TITLES = Map.of(
            "marker_4_ru", "4 РУ", "marker_4_ma", "4 МА", "marker_5_ru", "5 РУ", "marker_5_ma", "5 МА");

    private OfficialListXlsx() {
    }

    /** The header of sheet «Маркеры» for these work columns (as {@link OfficialList#workColumns} gives them). */
    public static List<String> header(List<String> workColumns) {
        List<String> h = new ArrayList<>(List.of("Год", "Логин", "Муниципалитет", "ОО"));
        workColumns.forEach(w -> h.add(WORK_TITLES.get(w)));
        h.add(COUNT_TITLE);
        return h;
    }

    /**
     * Collects the marked schools (a small list) and writes the workbook to {@code file}.
     *
     * @param indexRows rows of {@link OfficialList#index}, collected by the caller, who reports them too
     */
    public static void write(Dataset<Row> list, List<Row> indexRows, String file, Configuration conf) throws IOException {
        List<String> works = OfficialList.workColumns(list.columns());
        List<Row> marked = list.filter(col("any_marker")).collectAsList();
        List<Row> municipal = new ArrayList<>(OfficialList.municipalIndex(list).collectAsList());
        Collator ru = Collator.getInstance(Locale.forLanguageTag("ru"));
        // by session, then municipality in Russian collation, as the list itself
        municipal.sort(Comparator.<Row, String>comparing(r -> r.getAs("session"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.<String>getAs("municipality"), Comparator.nullsLast(ru::compare))
                .thenComparing(r -> r.<String>getAs("municipality_code"), Comparator.nullsLast(Comparator.naturalOrder())));
        Path target = new Path(file);
        FileSystem fs = target.getFileSystem(conf);
        try (OutputStream out = fs.create(target, true)) {
            write(works, marked, indexRows, municipal, out);
        }
    }

    /**
     * @param workColumns the list's work columns in order ({@link OfficialList#workColumns})
     * @param list        rows of {@link OfficialList#compute} (with their schema, as collected); unmarked ones are left out
     * @param index       rows of {@link OfficialList#index}
     * @param municipal   rows of {@link OfficialList#municipalIndex}
     */
    public static void write(List<String> workColumns, List<Row> list, List<Row> index, List<Row> municipal,
                             OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            writeMarkers(wb.createSheet(MARKERS_SHEET), bold, workColumns, list);
            writeIndex(wb, wb.createSheet(INDEX_SHEET), bold, index, INDEX_HEADER, "region");
            writeIndex(wb, wb.createSheet(MUNICIPAL_INDEX_SHEET), bold, municipal, MUNICIPAL_INDEX_HEADER, "municipality");
            wb.write(out);
        }
    }

    private static void writeMarkers(Sheet sheet, CellStyle bold, List<String> works, List<Row> list) {
        List<String> header = header(works);
        headerRow(sheet, bold, header);
        List<Row> rows = new ArrayList<>(list.stream().filter(r -> Boolean.TRUE.equals(r.getAs("any_marker"))).toList());
        rows.sort(listOrder());
        int r = 1;
        for (Row school : rows) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
            number(row, 0, school.getAs("year"));
            text(row, 1, school.getAs("school_id"));
            text(row, 2, school.getAs("municipality"));
            text(row, 3, school.getAs("school_name"));
            for (int w = 0; w < works.size(); w++) {
                Integer marked = school.getAs(works.get(w));
                // As in the official list: 1 for a marked work, empty otherwise (unmarked or not written).
                if (marked != null && marked == 1) {
                    row.createCell(4 + w).setCellValue(1);
                }
            }
            number(row, 4 + works.size(), school.getAs("markers"));
        }
        int[] widths = {8, 14, 36, 60};
        for (int c = 0; c < header.size(); c++) {
            sheet.setColumnWidth(c, 256 * (c < widths.length ? widths[c] : c == header.size() - 1 ? 22 : 8));
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.size()), 0, header.size() - 1));
    }

    private static void writeIndex(XSSFWorkbook wb, Sheet sheet, CellStyle bold, List<Row> index, List<String> header,
                                   String place) {
        headerRow(sheet, bold, header);
        CellStyle oneDecimal = wb.createCellStyle();
        oneDecimal.setDataFormat(wb.createDataFormat().getFormat("0.0"));
        int r = 1;
        for (Row session : index) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
            number(row, 0, session.getAs("year"));
            text(row, 1, session.getAs("session"));
            text(row, 2, session.getAs(place));
            number(row, 3, session.getAs("schools_with_works"));
            number(row, 4, session.getAs("schools_with_markers"));
            Number value = session.getAs("objectivity_index");
            if (value != null) {
                Cell c = row.createCell(5);
                c.setCellValue(value.doubleValue());
                c.setCellStyle(oneDecimal);
            }
        }
        text(sheet.createRow(r + 1), 0, INDEX_NOTE);
        int[] widths = {8, 14, "region".equals(place) ? 10 : 36, 24, 28, 24};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, 256 * widths[c]);
        }
    }

    /**
     * By session, then municipality (Russian collation, so «город …» sorts among «Г…» as in Excel), then
     * login: the order of the real official list (year, municipality ignoring case, login).
     */
    private static Comparator<Row> listOrder() {
        Collator ru = Collator.getInstance(Locale.forLanguageTag("ru"));
        Comparator<String> byText = Comparator.nullsLast(ru::compare);
        return Comparator.<Row, String>comparing(r -> r.getAs("session"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.<String>getAs("municipality"), byText)
                .thenComparing(r -> r.<String>getAs("school_id"), Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static void headerRow(Sheet sheet, CellStyle bold, List<String> titles) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(0);
        for (int c = 0; c < titles.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(titles.get(c));
            cell.setCellStyle(bold);
        }
    }

    /** A string cell (setCellValue(String) never makes a formula); null leaves the cell empty. */
    private static void text(org.apache.poi.ss.usermodel.Row row, int c, String value) {
        if (value != null) {
            row.createCell(c).setCellValue(value);
        }
    }

    private static void number(org.apache.poi.ss.usermodel.Row row, int c, Number value) {
        if (value != null) {
            row.createCell(c).setCellValue(value.doubleValue());
        }
    }
}
