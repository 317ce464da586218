package org.vprobjectivity.synthetic;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regional participant export as xlsx, one workbook per subject and grade for all municipalities of this
 * shape. Streams rows (SXSSF, inline strings), so a region of a million works needs little memory.
 */
final class RegionalXlsxWriter implements ShapeWriter {

    private final WriteContext ctx;
    private final Map<String, Open> open = new LinkedHashMap<>();

    private static final class Open {
        final SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, false);
        final Sheet sheet = wb.createSheet("Sheet");
        final String path;
        final FileTally tally;
        int next;

        Open(String path, FileTally tally) {
            this.path = path;
            this.tally = tally;
        }
    }

    RegionalXlsxWriter(WriteContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void write(SchoolBatch school) throws IOException {
        for (SittingRows s : school.sittings()) {
            Open f = fileFor(s.model());
            for (OutputRow row : s.rows()) {
                put(f.sheet.createRow(f.next++), RegionalLayout.row(school.plan(), s.model(), row, school.style()));
                f.tally.count(row);
            }
        }
    }

    private Open fileFor(WorkModel m) throws IOException {
        String path = RegionalLayout.xlsxName(m, ctx.session.year());
        Open f = open.get(path);
        if (f == null) {
            f = new Open(path, ctx.open(path, OutputFormat.REGIONAL_XLSX, m));
            Xlsx.stamp(f.wb.getXSSFWorkbook(), ctx.session);
            put(f.sheet.createRow(f.next++), RegionalLayout.header(m.scale()));
            open.put(path, f);
        }
        return f;
    }

    private static void put(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            Xlsx.text(row, c, values.get(c)); // every cell a string, as in the real export
        }
    }

    @Override
    public void close() throws IOException {
        for (Open f : open.values()) {
            try (OutputStream out = Files.newOutputStream(ctx.resolve(f.path))) {
                f.wb.write(out);
            } finally {
                f.wb.close();
            }
        }
        open.clear();
    }
}
