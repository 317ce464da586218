package org.vprobjectivity.jobs;

import org.vprobjectivity.run.ExitCodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.vprobjectivity.ingest.FileProblem;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.model.Session;
import org.vprobjectivity.synthetic.DeliberatelyBadFiles;
import org.vprobjectivity.synthetic.GenerationRecord;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.GroundTruth;
import org.vprobjectivity.synthetic.HonestExams;
import org.vprobjectivity.synthetic.HonestScores;
import org.vprobjectivity.synthetic.ManipulationKind;
import org.vprobjectivity.synthetic.MultiSessionRegion;
import org.vprobjectivity.synthetic.OutputFormat;
import org.vprobjectivity.synthetic.SyntheticRegion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A synthetic region in the real export shapes: inputs under {@code DIR/region}, the ground truth and
 * the generator's record under {@code DIR/truth} (kept apart so the truth is never read as an input).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a synthetic region (real export shapes) with its ground truth.")
public class GenerateCommand implements Callable<Integer> {

    public static final String REGION_DIR = "region";
    public static final String TRUTH_DIR = "truth";
    public static final String BAD_FILES_JSON = "bad-files.json";
    public static final String EXAM_FILE = "exam.csv";

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder to write region/ and truth/ into.")
    Path output;

    @Option(names = "--schools", defaultValue = "40", description = "Number of schools (default: ${DEFAULT-VALUE}).")
    int schools;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--manipulated-share", defaultValue = "0.2", paramLabel = "F",
            description = "Share of schools with an injected manipulation (default: ${DEFAULT-VALUE}).")
    double manipulatedShare;

    @Option(names = "--strong-share", defaultValue = "0", paramLabel = "F",
            description = "Share of strong honest schools (lyceums, gymnasiums) (default: ${DEFAULT-VALUE}).")
    double strongShare;

    @Option(names = "--strength", defaultValue = "1.0", paramLabel = "F",
            description = "Intensity of every manipulation kind, > 0: probabilities p become min(1, p*F), shares of a class"
                    + " min(0.9, share*F); 1 = the literature's strengths (default: ${DEFAULT-VALUE}). A region without"
                    + " manipulation is --manipulated-share 0.")
    double strength;

    @Option(names = "--class-leniency-sd", defaultValue = "0.42", paramLabel = "SD",
            description = "SD, in ability units, of each class's own journal leniency, 0..0.55; 0 = all teachers grade alike"
                    + " (default: ${DEFAULT-VALUE}, as in real regional exports).")
    double classLeniencySd;

    @Option(names = "--session", defaultValue = "2025-spring", description = "Session (default: ${DEFAULT-VALUE}).")
    String session;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            description = "File shapes to write (default: all): ${COMPLETION-CANDIDATES}.")
    List<OutputFormat> formats;

    @Option(names = "--kinds", split = ",", paramLabel = "KIND",
            description = "Manipulation kinds to inject (default: all): ${COMPLETION-CANDIDATES}.")
    List<ManipulationKind> kinds;

    @Option(names = "--bad-rows", description = "Inject a few rows that each break one ingest rule.")
    boolean badRows;

    @Option(names = "--sessions", defaultValue = "1", paramLabel = "N",
            description = "Consecutive spring sessions of the same schools, from --session on (default: ${DEFAULT-VALUE}):"
                    + " cohorts move up a grade, school effects persist, manipulation starts, stops or persists. With N > 1"
                    + " each session is written to region/<session>/ and truth/<session>/, and truth/ground-truth.csv"
                    + " holds every session's truth.")
    int sessions;

    @Option(names = "--exam", description = "Also write DIR/exam.csv: every school's ОГЭ results in Russian and mathematics the"
            + " year after the last session, simulated honestly from the school's latent ability (for run --exam).")
    boolean exam;

    @Option(names = "--bad-files", description = "Add files that break whole-file rules (no scale, unreadable, wrong maximum).")
    boolean badFiles;

    @Override
    public Integer call() throws Exception {
        GeneratorConfig.Builder b = GeneratorConfig.builder().schools(schools).seed(seed)
                .manipulatedShare(manipulatedShare).strongShare(strongShare).session(session).badRows(badRows)
                .strength(strength).classLeniencySd(classLeniencySd);
        if (formats != null) {
            b.formats(formats);
        }
        if (kinds != null) {
            b.kinds(kinds);
        }
        GeneratorConfig cfg;
        try {
            cfg = b.build();
        } catch (IllegalArgumentException e) {
            // A bad value (strength 0, a share above 1) is a usage error, not an internal one.
            System.err.println("generate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (sessions < 1) {
            System.err.println("generate: --sessions must be at least 1, got " + sessions);
            return ExitCodes.USAGE;
        }
        Path region = output.resolve(REGION_DIR);
        Path truth = output.resolve(TRUTH_DIR);
        long t0 = System.currentTimeMillis();
        GenerationRecord record;
        if (sessions == 1) {
            record = SyntheticRegion.write(region, cfg);
            moveTruth(region, truth, cfg);
        } else {
            List<GenerationRecord> records = MultiSessionRegion.write(region, cfg, sessions, MarkScales.bundled());
            List<String> names = MultiSessionRegion.sessions(cfg, sessions);
            for (int k = 0; k < sessions; k++) {
                moveTruth(region.resolve(names.get(k)), truth.resolve(names.get(k)),
                        cfg.toBuilder().session(names.get(k)).build());
            }
            Files.move(region.resolve(GroundTruth.FILE_NAME), truth.resolve(GroundTruth.FILE_NAME),
                    StandardCopyOption.REPLACE_EXISTING);
            record = records.get(records.size() - 1);
            System.out.printf("Sessions:     %s (schools manipulating: %s)%n", String.join(", ", names),
                    String.join(", ", records.stream().map(r -> Long.toString(r.manipulatedSchools())).toList()));
        }
        if (exam) {
            int year = Session.parse(MultiSessionRegion.sessions(cfg, sessions).get(sessions - 1)).year() + 1;
            HonestExams.write(output.resolve(EXAM_FILE), cfg, year);
            System.out.println("Exam results: " + output.resolve(EXAM_FILE) + " (ОГЭ " + year + ")");
        }
        System.out.printf("Generated %d schools, %d files, %,d works, %,d absent in %.1f s%n", record.schools(),
                record.totals().files(), record.totals().works(), record.totals().absent(), (System.currentTimeMillis() - t0) / 1000.0);
        System.out.println("Inputs:       " + region);
        System.out.println("Ground truth: " + truth);
        return ExitCodes.OK;
    }

    /** The truth files out of a session's input folder (so they are never read as inputs), and the bad files. */
    private void moveTruth(Path region, Path truth, GeneratorConfig cfg) throws java.io.IOException {
        Files.createDirectories(truth);
        for (String name : List.of(GroundTruth.FILE_NAME, HonestScores.FILE_NAME, GenerationRecord.FILE_NAME)) {
            Files.move(region.resolve(name), truth.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        if (badFiles) {
            Map<String, FileProblem> bad = DeliberatelyBadFiles.write(region.resolve("bad"), cfg.parsedSession().year());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(truth.resolve(BAD_FILES_JSON).toFile(), bad);
        }
    }
}
