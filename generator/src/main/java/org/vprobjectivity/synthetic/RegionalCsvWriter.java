package org.vprobjectivity.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regional participant export as it often reaches analysts: saved from Excel as a {@code ;}-separated
 * CSV in Windows-1251. Same columns and values as {@link RegionalXlsxWriter}.
 */
final class RegionalCsvWriter implements ShapeWriter {

    static final Charset CP1251 = Charset.forName("windows-1251");
    private final WriteContext ctx;
    private final Map<String, Writer> writers = new LinkedHashMap<>();
    private final Map<String, FileTally> tallies = new LinkedHashMap<>();

    RegionalCsvWriter(WriteContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void write(SchoolBatch school) throws IOException {
        for (SittingRows s : school.sittings()) {
            String path = RegionalLayout.csvName(s.model(), ctx.session.year());
            Writer w = writers.get(path);
            if (w == null) {
                tallies.put(path, ctx.open(path, OutputFormat.REGIONAL_CSV_CP1251, s.model()));
                // Fail loudly on a character cp1251 cannot hold instead of writing '?'.
                w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(ctx.resolve(path)),
                        CP1251.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)));
                w.write(CsvText.line(RegionalLayout.header(s.model().scale()), ';'));
                writers.put(path, w);
            }
            FileTally tally = tallies.get(path);
            for (OutputRow row : s.rows()) {
                w.write(CsvText.line(RegionalLayout.row(school.plan(), s.model(), row, school.style()), ';'));
                tally.count(row);
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Writer w : writers.values()) {
            w.close();
        }
        writers.clear();
    }
}
