package org.vprobjectivity.synthetic;

import org.vprobjectivity.ingest.RejectReason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The files of one session of a region, written school by school as they are simulated: the inputs in every shape,
 * {@code ground-truth.csv}, {@code honest-scores.csv}, and at the end {@code generator-record.json}. A one-session
 * region has one ({@link SyntheticRegion}); a region over several sessions one per session ({@link MultiSessionRegion}).
 */
final class SessionFiles implements AutoCloseable {

    private final Path outputDir;
    private final GeneratorConfig cfg;
    private final WriteContext ctx;
    private final Map<OutputFormat, ShapeWriter> writers;
    private final GroundTruth.Writer truth;
    private final HonestScores.Writer honest;
    private boolean closed;

    SessionFiles(Path outputDir, GeneratorConfig cfg) throws IOException {
        Files.createDirectories(outputDir);
        this.outputDir = outputDir;
        this.cfg = cfg;
        this.ctx = new WriteContext(outputDir, cfg);
        this.writers = writersFor(ctx, cfg);
        this.truth = new GroundTruth.Writer(outputDir.resolve(GroundTruth.FILE_NAME));
        this.honest = new HonestScores.Writer(outputDir.resolve(HonestScores.FILE_NAME));
    }

    void add(SimulatedSchool school) throws IOException {
        for (GroundTruthRow row : school.truth()) {
            truth.write(row);
        }
        honest.write(cfg.session(), school);
        writers.get(school.plan().format()).write(batch(cfg, ctx, school));
    }

    /** Closes the files and writes the record. */
    GenerationRecord finish(RegionLayout layout, long manipulated) throws IOException {
        int truthRows = truth.rows();
        close();
        List<GenerationRecord.FileRecord> files = ctx.tallies().stream().map(FileTally::toRecord)
                .sorted(Comparator.comparing(GenerationRecord.FileRecord::path)).toList();
        GenerationRecord record = new GenerationRecord(cfg.seed(), cfg, ctx.regionName, layout.schoolCount(),
                layout.municipalityCount(), manipulated, layout.strongCount(), truthRows, files,
                GenerationRecord.Totals.of(files));
        record.write(outputDir.resolve(GenerationRecord.FILE_NAME));
        return record;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (truth; honest) {
            closeAll(writers);
        }
    }

    private static Map<OutputFormat, ShapeWriter> writersFor(WriteContext ctx, GeneratorConfig cfg) {
        Map<OutputFormat, ShapeWriter> writers = new EnumMap<>(OutputFormat.class);
        for (OutputFormat f : cfg.formats()) {
            writers.put(f, switch (f) {
                case REGIONAL_XLSX -> new RegionalXlsxWriter(ctx);
                case REGIONAL_CSV_CP1251 -> new RegionalCsvWriter(ctx);
                case SCHOOL_FORMS_XLSX -> new SchoolFormsWriter(ctx);
                case F1_REPORT_XLSX -> new F1ReportWriter(ctx);
                case CANONICAL_CSV -> new CanonicalCsvWriter(ctx);
            });
        }
        return writers;
    }

    /** Turns a simulated school into rows, with bad rows where the config asks for them. */
    private static SchoolBatch batch(GeneratorConfig cfg, WriteContext ctx, SimulatedSchool school) {
        SchoolPlan plan = school.plan();
        List<List<RejectReason>> forced = forcedBadRows(cfg, plan, school.sittings().size());
        List<SittingRows> out = new ArrayList<>();
        for (int j = 0; j < school.sittings().size(); j++) {
            Sitting s = school.sittings().get(j);
            List<OutputRow> rows = new ArrayList<>();
            for (SimWork w : s.works()) {
                rows.add(OutputRow.of(w, s.model().scale()));
            }
            if (cfg.badRows()) {
                Random r = SeededRandom.of(cfg.seed(), SeededRandom.BAD_ROWS, plan.index(), j);
                rows = BadRowInjector.inject(rows, s.model(), plan.format(), forced.get(j), r);
            }
            out.add(new SittingRows(s.model(), rows));
        }
        Style style = new Style(cfg.seed(), plan.index());
        boolean formulas = plan.firstOfFormat() && plan.format() == OutputFormat.SCHOOL_FORMS_XLSX;
        return new SchoolBatch(plan, out, style, style.uploadDate(ctx.session), formulas);
    }

    /**
     * The first school of each format carries a fixed quota of bad rows, spread over its sittings and
     * cycling through the reasons its shape can hold, so every run with bad rows has at least six and
     * every reason shows up somewhere.
     */
    private static List<List<RejectReason>> forcedBadRows(GeneratorConfig cfg, SchoolPlan plan, int sittings) {
        List<List<RejectReason>> forced = new ArrayList<>();
        for (int j = 0; j < sittings; j++) {
            forced.add(new ArrayList<>());
        }
        if (!cfg.badRows() || !plan.firstOfFormat()) {
            return forced;
        }
        List<RejectReason> allowed = BadRowInjector.reasonsFor(plan.format());
        int offset = plan.format() == OutputFormat.F1_REPORT_XLSX ? 0 : plan.format().ordinal() * 2;
        int count = BadRowInjector.forcedPerFormat(cfg.formats().size());
        for (int q = 0; q < count; q++) {
            forced.get(q % sittings).add(allowed.get((offset + q) % allowed.size()));
        }
        return forced;
    }

    private static void closeAll(Map<OutputFormat, ShapeWriter> writers) throws IOException {
        IOException first = null;
        for (ShapeWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
