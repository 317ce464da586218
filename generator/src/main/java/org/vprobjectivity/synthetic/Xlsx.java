package org.vprobjectivity.synthetic;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.vprobjectivity.model.Session;

import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;

/** Small POI helpers shared by the xlsx writers. */
final class Xlsx {

    private Xlsx() {
    }

    /** A fixed creation date (the session's), so the same seed gives the same document properties. */
    static void stamp(XSSFWorkbook wb, Session session) {
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(session.year(), "autumn".equals(session.season()) ? Calendar.OCTOBER : Calendar.APRIL, 20, 12, 0, 0);
        wb.getProperties().getCoreProperties().setCreated(Optional.of(c.getTime()));
        wb.getProperties().getCoreProperties().setCreator("vpr-objectivity synthetic");
    }

    static void text(Row row, int col, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(col).setCellValue(value);
        }
    }

    static void number(Row row, int col, double value) {
        row.createCell(col).setCellValue(value);
    }
}
