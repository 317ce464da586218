package org.vprobjectivity.synthetic;

import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.model.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same region over several consecutive spring sessions ({@code generate --sessions N}): session k is written to
 * {@code DIR/<session>/} as a one-session region is written to {@code DIR} (inputs, its ground truth, honest scores and
 * record), and {@code DIR/ground-truth.csv} holds every session's ground truth (the session column says which).
 *
 * <p>The first session is exactly what {@link SyntheticRegion} writes for the config. In each later one the schools
 * stay (names, municipalities, file shapes, school effects), their classes move up a grade with mostly the same
 * pupils ({@link Cohorts}), the lowest grade is a new cohort, and manipulation starts, stops or persists
 * ({@link SessionHistory}). Schools are simulated one at a time through all sessions, so memory holds one school.
 */
public final class MultiSessionRegion {

    private MultiSessionRegion() {
    }

    /** The sessions written: the config's session and the springs of the years after it. */
    public static List<String> sessions(GeneratorConfig cfg, int count) {
        Session first = cfg.parsedSession();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(k == 0 ? first.toString() : new Session(first.year() + k, "spring").toString());
        }
        return out;
    }

    /** @return one record per session, in order */
    public static List<GenerationRecord> write(Path outputDir, GeneratorConfig cfg, int count, MarkScales scales)
            throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("sessions must be at least 1, got " + count);
        }
        Files.createDirectories(outputDir);
        List<String> sessions = sessions(cfg, count);
        RegionLayout layout = new RegionLayout(cfg);
        SessionHistory history = new SessionHistory(cfg, layout);
        List<SchoolSimulator> simulators = new ArrayList<>();
        List<SessionFiles> files = new ArrayList<>();
        long[] manipulated = new long[count];
        try (GroundTruth.Writer truth = new GroundTruth.Writer(outputDir.resolve(GroundTruth.FILE_NAME))) {
            try {
                for (String session : sessions) {
                    GeneratorConfig c = cfg.toBuilder().session(session).build();
                    simulators.add(new SchoolSimulator(c, SyntheticRegion.models(c, scales)));
                    files.add(new SessionFiles(outputDir.resolve(session), c));
                }
                for (int i = 0; i < layout.schoolCount(); i++) {
                    SchoolPlan plan = layout.school(i);
                    SimulatedSchool school = simulators.get(0).simulate(plan);
                    for (int k = 0; k < count; k++) {
                        if (k > 0) {
                            ManipulationKind kind = history.next(plan, school.plan().manipulation(), k);
                            GroundTruthRow sameWork = kind != null && kind == school.plan().manipulation()
                                    ? firstManipulation(school) : null;
                            school = simulators.get(k).next(school, plan.withManipulation(kind), k, sameWork);
                        }
                        manipulated[k] += school.plan().manipulation() == null ? 0 : 1;
                        files.get(k).add(school);
                        for (GroundTruthRow row : school.truth()) {
                            truth.write(row);
                        }
                    }
                }
                List<GenerationRecord> records = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    records.add(files.get(k).finish(layout, manipulated[k]));
                }
                return records;
            } finally {
                for (SessionFiles f : files) {
                    f.close();
                }
            }
        }
    }

    private static GroundTruthRow firstManipulation(SimulatedSchool school) {
        return school.truth().stream().filter(GroundTruthRow::isManipulation).findFirst().orElse(null);
    }
}
