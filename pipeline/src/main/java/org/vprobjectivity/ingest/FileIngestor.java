package org.vprobjectivity.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.vprobjectivity.model.MarkScales;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one input unit end to end: opens it (through Hadoop's file systems, so cluster paths work),
 * splits it into tables, finds each table's header and interprets its rows. Never throws for bad
 * content: an unreadable file becomes a report.
 */
public final class FileIngestor {

    private final HeaderDetector detector;
    private final SheetInterpreter interpreter;
    private final IngestOptions options;
    private final Configuration hadoop;

    public FileIngestor(HeaderMapping mapping, MarkScales scales, IngestOptions options) {
        this(mapping, scales, options, new Configuration());
    }

    /** @param hadoop the Hadoop settings files are opened with (on an executor: the driver's, as Spark ships them) */
    public FileIngestor(HeaderMapping mapping, MarkScales scales, IngestOptions options, Configuration hadoop) {
        this.detector = new HeaderDetector(mapping);
        this.interpreter = new SheetInterpreter(mapping, scales);
        this.options = options;
        this.hadoop = hadoop;
    }

    /** Records and per-table reports of one unit. */
    public record Result(List<IngestRecord> records, List<TableReport> reports) {
    }

    public Result ingest(InputUnit unit) {
        String name = unit.displayName();
        if (unit.problem() != null) {
            return new Result(List.of(), List.of(TableReport.failed(name, null, 0, unit.problem(), unit.detail())));
        }
        List<RawSheet> sheets;
        try {
            byte[] bytes = readBytes(unit, hadoop);
            sheets = unit.fileName().toLowerCase().endsWith(".xlsx")
                    ? XlsxReader.read(bytes)
                    : List.of(DelimitedReader.read(bytes, options.encoding()));
        } catch (Exception | OutOfMemoryError e) {
            // People read this: what is wrong with the file, not which Java exception said so.
            String why = e instanceof OutOfMemoryError ? "too large to read (an archive bomb or a huge sheet?)"
                    : (unit.fileName().toLowerCase().endsWith(".xlsx") ? "damaged or not an xlsx" : "damaged or not a text table")
                    + ": " + Text.describe(e);
            return new Result(List.of(), List.of(TableReport.failed(name, null, 0, FileProblem.UNREADABLE, why)));
        }
        ContextHints fromName = ContextHints.fromText(unit.fileName());
        List<IngestRecord> records = new ArrayList<>();
        List<TableReport> reports = new ArrayList<>();
        for (RawSheet sheet : sheets) {
            Optional<TableLayout> layout = detector.detect(sheet);
            if (layout.isEmpty()) {
                continue;
            }
            SheetInterpreter.Outcome outcome = interpreter.interpret(name, sheet, layout.get(), fromName, options.hints());
            records.addAll(outcome.records());
            reports.add(outcome.report());
        }
        if (reports.isEmpty()) {
            int rows = sheets.stream().mapToInt(s -> (int) s.rows().stream().filter(r -> !r.isEmpty()).count()).sum();
            reports.add(TableReport.failed(name, null, rows, FileProblem.NO_RESULT_TABLE,
                    "no sheet has a header row with task columns and a participant or score column"));
        }
        return new Result(records, reports);
    }

    private static byte[] readBytes(InputUnit unit, Configuration hadoop) throws IOException {
        Path path = new Path(unit.path());
        FileSystem fs = path.getFileSystem(hadoop);
        try (InputStream in = fs.open(path)) {
            if (unit.zipEntry() == null) {
                return in.readAllBytes();
            }
            return ZipEntries.read(in, unit.zipEntry())
                    .orElseThrow(() -> new IOException("entry " + unit.zipEntry() + " not found in " + unit.path()));
        }
    }
}
