package org.vprobjectivity.synthetic;

import org.vprobjectivity.model.MarkScales;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        RegionLayout layout = new RegionLayout(cfg);
        SchoolSimulator simulator = new SchoolSimulator(cfg, models(cfg, scales));
        try (SessionFiles files = new SessionFiles(outputDir, cfg)) {
            for (int i = 0; i < layout.schoolCount(); i++) {
                files.add(simulator.simulate(layout.school(i)));
            }
            return files.finish(layout, layout.manipulatedCount());
        }
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
