package org.vprobjectivity.synthetic;

import org.vprobjectivity.ingest.RejectReason;
import org.vprobjectivity.model.MarkScales;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Simulates a region's VPR session and writes it as real input files in several FIS OKO shapes, plus
 * {@code ground-truth.csv} (what was injected where) and {@code generator-record.json} (what each file
 * holds, so an ingest run can be checked against it).
 *
 * <p>Schools are simulated and written one at a time from their own random streams, so memory does not
 * grow with the region (a million works is fine) and the output depends only on the config and the scales.
 */
public final class SyntheticRegion {

    private SyntheticRegion() {
    }

    /** Writes the region with the bundled mark scales. */
    public static GenerationRecord write(Path outputDir, GeneratorConfig cfg) throws IOException {
        return write(outputDir, cfg, MarkScales.bundled());
    }

    public static GenerationRecord write(Path outputDir, GeneratorConfig cfg, MarkScales scales) throws IOException {
        Files.createDirectories(outputDir);
        List<WorkModel> models = models(cfg, scales);
        RegionLayout layout = new RegionLayout(cfg);
        SchoolSimulator simulator = new SchoolSimulator(cfg, models);
        WriteContext ctx = new WriteContext(outputDir, cfg);
        Map<OutputFormat, ShapeWriter> writers = writersFor(ctx, cfg);
        int truthRows;
        try (GroundTruth.Writer truth = new GroundTruth.Writer(outputDir.resolve(GroundTruth.FILE_NAME));
             HonestScores.Writer honest = new HonestScores.Writer(outputDir.resolve(HonestScores.FILE_NAME))) {
            for (int i = 0; i < layout.schoolCount(); i++) {
                SchoolPlan plan = layout.school(i);
                SimulatedSchool school = simulator.simulate(plan);
                for (GroundTruthRow row : school.truth()) {
                    truth.write(row);
                }
                honest.write(cfg.session(), school);
                writers.get(plan.format()).write(batch(cfg, ctx, school));
            }
            truthRows = truth.rows();
        } finally {
            closeAll(writers);
        }
        List<GenerationRecord.FileRecord> files = ctx.tallies().stream().map(FileTally::toRecord)
                .sorted(Comparator.comparing(GenerationRecord.FileRecord::path)).toList();
        GenerationRecord record = new GenerationRecord(cfg.seed(), cfg, ctx.regionName, layout.schoolCount(),
                layout.municipalityCount(), layout.manipulatedCount(), layout.strongCount(), truthRows, files,
                GenerationRecord.Totals.of(files));
        record.write(outputDir.resolve(GenerationRecord.FILE_NAME));
        return record;
    }

    /** The works the config asks for, subject by subject, grade by grade (the order of the files and sittings). */
    static List<WorkModel> models(GeneratorConfig cfg, MarkScales scales) {
        List<WorkModel> models = new ArrayList<>();
        for (String subject : cfg.subjects()) {
            for (int grade : cfg.grades()) {
                models.add(WorkModel.of(scales, subject, grade, cfg.parsedSession().year(), cfg.seed(),
                        cfg.classLeniencySd()));
            }
        }
        return models;
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

    /**
     * {@code SyntheticRegion OUTPUT_DIR [SCHOOLS [SEED]] [--bad-rows] [--share=0.2] [--strong=0.1] [--strength=1.5]
     * [--session=2025-spring] [--formats=CANONICAL_CSV,F1_REPORT_XLSX] [--kinds=COPIED_WORKS,...]}
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: SyntheticRegion OUTPUT_DIR [SCHOOLS [SEED]] [--bad-rows] [--share=F] "
                    + "[--strong=F] [--strength=F] [--session=2025-spring] [--formats=A,B] [--kinds=K1,K2]");
            System.exit(2);
        }
        GeneratorConfig.Builder b = GeneratorConfig.builder();
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--bad-rows")) {
                b.badRows(true);
            } else if (a.startsWith("--share=")) {
                b.manipulatedShare(Double.parseDouble(a.substring(8)));
            } else if (a.startsWith("--strong=")) {
                b.strongShare(Double.parseDouble(a.substring(9)));
            } else if (a.startsWith("--strength=")) {
                b.strength(Double.parseDouble(a.substring(11)));
            } else if (a.startsWith("--session=")) {
                b.session(a.substring(10));
            } else if (a.startsWith("--formats=")) {
                b.formats(Arrays.stream(a.substring(10).split(",")).map(OutputFormat::valueOf).toList());
            } else if (a.startsWith("--kinds=")) {
                b.kinds(Arrays.stream(a.substring(8).split(",")).map(ManipulationKind::valueOf).toList());
            } else {
                positional.add(a);
            }
        }
        if (positional.size() > 1) {
            b.schools(Integer.parseInt(positional.get(1)));
        }
        if (positional.size() > 2) {
            b.seed(Long.parseLong(positional.get(2)));
        }
        long start = System.nanoTime();
        GenerationRecord rec = write(Path.of(positional.get(0)), b.build());
        System.out.printf("%d schools, %d files, %d works, %d absent, %d bad rows in %.1f s%n", rec.schools(),
                rec.totals().files(), rec.totals().works(), rec.totals().absent(), rec.totals().badRowTotal(),
                (System.nanoTime() - start) / 1e9);
    }
}
