package org.vprobjectivity.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.vprobjectivity.report.ReportData.SchoolEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code report/flagged-schools.xlsx}: the district head's list as a workbook, the same rows and order as
 * {@code index.html}. Every text is a string cell, never a formula, so a school name starting with {@code = + - @}
 * stays text (no formula injection when the file is opened). A second sheet holds the decision matrix
 * ({@link DecisionMatrix}).
 */
public final class FlaggedSchoolsXlsx {

    static final List<String> COLUMNS = List.of("col.rank", "col.municipality", "col.login", "col.school", "col.type",
            "col.works", "col.reasons", "col.risk", "col.official", "session", "col.in.row.ours", "col.in.row.official");

    /** The municipal sheet's columns ({@link HistoryHtml#municipalities}). */
    static final List<String> MUNICIPAL_COLUMNS = List.of("col.municipality", "session", "col.official.schools",
            "col.marked.schools", "col.index", "col.flagged.schools");

    /** The decision matrix's columns: the school, its evidence, then one per {@link DecisionMatrix.Measure}, in order. */
    static final List<String> MATRIX_COLUMNS = List.of("col.municipality", "col.login", "col.school", "col.evidence",
            "col.official", "matrix.m.recheck", "matrix.m.observers", "matrix.m.help", "matrix.m.journal");

    private FlaggedSchoolsXlsx() {
    }

    public static void write(ReportData data, ReportText t, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(t.get("xlsx.sheet"));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(t.get(COLUMNS.get(c)));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 1;
            for (SchoolEntry s : data.flaggedSchools()) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                text(row, 1, s.municipality());
                text(row, 2, s.schoolId());
                text(row, 3, s.schoolName());
                text(row, 4, s.schoolType());
                text(row, 5, s.flaggedWorks());
                text(row, 6, String.join("\n", s.reasons() == null ? List.of() : s.reasons()));
                row.getCell(6).setCellStyle(wrap);
                row.createCell(7).setCellValue(Math.round(s.risk() * 10) / 10.0);
                row.createCell(8).setCellValue(s.officialMarkers());
                text(row, 9, t.session(s.session()));
                row.createCell(10).setCellValue(s.sessionsFlaggedInRow());
                row.createCell(11).setCellValue(s.officialSessionsInRow());
                r++;
            }
            int[] widths = {7, 28, 14, 44, 16, 30, 90, 8, 10, 14, 12, 12};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, 256 * widths[c]);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, COLUMNS.size() - 1));
            matrix(wb.createSheet(t.get("xlsx.matrix.sheet")), data.decisions(), bold, wrap, t);
            HistoryView history = data.history();
            if (!history.municipalities().isEmpty()) {
                municipalities(wb.createSheet(t.get("xlsx.municipal.sheet")), history.municipalities(), bold, t);
            }
            if (history.several() && !history.overlap().isEmpty()) {
                overlap(wb.createSheet(t.get("xlsx.overlap.sheet")), history.overlap(), bold, t);
            }
            wb.write(out);
        }
    }

    /**
     * The decision matrix as a sheet: a row per school with signs, its evidence, and a column per measure holding what
     * the measure concerns (which works, which weak spots), empty where the evidence does not call for it.
     */
    private static void matrix(Sheet sheet, List<DecisionMatrix.Decision> decisions, CellStyle bold, CellStyle wrap, ReportText t) {
        org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
        for (int c = 0; c < MATRIX_COLUMNS.size(); c++) {
            header.createCell(c).setCellValue(t.get(MATRIX_COLUMNS.get(c)));
            header.getCell(c).setCellStyle(bold);
        }
        DecisionMatrix.Measure[] measures = DecisionMatrix.Measure.values();
        int r = 1;
        for (DecisionMatrix.Decision d : decisions) {
            DecisionMatrix.Evidence e = d.evidence();
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
            text(row, 0, e.municipality());
            text(row, 1, e.schoolId());
            text(row, 2, e.schoolName());
            text(row, 3, String.join("\n", MeasureText.evidence(e, t)));
            row.getCell(3).setCellStyle(wrap);
            row.createCell(4).setCellValue(e.officialMarkers());
            for (int m = 0; m < measures.length; m++) {
                text(row, 5 + m, d.measures().contains(measures[m]) ? MeasureText.measure(measures[m], e, t) : "");
                row.getCell(5 + m).setCellStyle(wrap);
            }
        }
        int[] widths = {28, 14, 40, 50, 10, 50, 40, 60, 40};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, 256 * widths[c]);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, MATRIX_COLUMNS.size() - 1));
    }

    /**
     * Per municipality and session: schools with official works, with FIOKO markers, the objectivity index (empty where
     * no school wrote an official work), our flagged schools; then the region's line per session.
     */
    private static void municipalities(Sheet sheet, List<HistoryView.MunicipalRow> rows, CellStyle bold, ReportText t) {
        header(sheet, MUNICIPAL_COLUMNS, bold, t);
        int r = 1;
        for (HistoryView.MunicipalRow m : rows) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
            text(row, 0, m.region() ? t.get("region.total") : HistoryHtml.name(m));
            if (m.region()) {
                row.getCell(0).setCellStyle(bold);
            }
            text(row, 1, t.session(m.session()));
            row.createCell(2).setCellValue(m.schoolsWithWorks());
            row.createCell(3).setCellValue(m.schoolsWithMarkers());
            if (!Double.isNaN(m.objectivityIndex())) {
                row.createCell(4).setCellValue(Math.round(m.objectivityIndex() * 10) / 10.0);
            }
            row.createCell(5).setCellValue(m.flaggedSchools());
        }
        finish(sheet, new int[]{32, 14, 16, 16, 14, 16}, r, MUNICIPAL_COLUMNS.size());
    }

    /** The lists' overlap between consecutive sessions, per region ({@code flags/list_overlap}). */
    private static void overlap(Sheet sheet, List<HistoryView.OverlapRow> rows, CellStyle bold, ReportText t) {
        header(sheet, HistoryHtml.OVERLAP_HEADERS, bold, t);
        int r = 1;
        for (HistoryView.OverlapRow o : rows) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
            text(row, 0, HistoryHtml.sessions(o, t));
            text(row, 1, t.region(o.region()));
            for (int c = 0; c < HistoryHtml.OVERLAP_COUNTS.size(); c++) {
                row.createCell(2 + c).setCellValue(o.get(HistoryHtml.OVERLAP_COUNTS.get(c)));
            }
        }
        int[] widths = new int[HistoryHtml.OVERLAP_HEADERS.size()];
        java.util.Arrays.fill(widths, 16);
        widths[0] = 30;
        widths[1] = 24;
        finish(sheet, widths, r, widths.length);
    }

    private static void header(Sheet sheet, List<String> columns, CellStyle bold, ReportText t) {
        org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            header.createCell(c).setCellValue(t.get(columns.get(c)));
            header.getCell(c).setCellStyle(bold);
        }
    }

    private static void finish(Sheet sheet, int[] widths, int rows, int columns) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, 256 * widths[c]);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    /** A string cell: POI never parses a string value as a formula. */
    private static void text(org.apache.poi.ss.usermodel.Row row, int column, String value) {
        row.createCell(column).setCellValue(value == null ? "" : value);
    }
}
