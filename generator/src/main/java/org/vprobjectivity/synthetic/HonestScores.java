package org.vprobjectivity.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of every work a manipulation changed, as the pupil earned them ({@code honest-scores.csv} beside the
 * ground truth, UTF-8, {@code ;}; task scores comma-separated, -1 = not attempted). An honest re-check of such a work
 * finds these; every other work's honest scores are the ones in the files. The simulated re-check reads them.
 */
public final class HonestScores {

    public static final String FILE_NAME = "honest-scores.csv";
    static final String HEADER = "session;school_id;subject;grade;class;participant;honest_scores";

    private final Map<String, int[]> byWork;

    private HonestScores(Map<String, int[]> byWork) {
        this.byWork = byWork;
    }

    /** The key of a work: session, school, subject, grade, class (empty when none) and participant. */
    public static String key(String session, String school, String subject, int grade, String cls, String participant) {
        return String.join("|", session, school, subject, Integer.toString(grade), cls == null ? "" : cls, participant);
    }

    /** The honest scores of a changed work (-1 = not attempted), or null when the work was not changed. */
    public int[] of(String key) {
        return byWork.get(key);
    }

    public int size() {
        return byWork.size();
    }

    /** Reads the file, or the one inside a truth folder. */
    public static HonestScores read(Path fileOrDir) {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(FILE_NAME) : fileOrDir;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new IllegalArgumentException(file + ": not an honest-scores file (header " + HEADER + ")");
            }
            Map<String, int[]> map = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(";", -1);
                int[] scores = Arrays.stream(f[6].split(",")).mapToInt(Integer::parseInt).toArray();
                map.put(key(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4], f[5]), scores);
            }
            return new HonestScores(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Writer implements AutoCloseable {
        private final BufferedWriter out;

        Writer(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.write('\n');
        }

        /** The school's works whose scores a manipulation changed. */
        void write(String session, SimulatedSchool school) throws IOException {
            for (Sitting s : school.sittings()) {
                for (SimWork w : s.works()) {
                    if (w.absent || Arrays.equals(w.scores, w.honest)) {
                        continue;
                    }
                    out.write(String.join(";", session, school.plan().login(), s.subject(), Integer.toString(s.grade()),
                            w.pupil.classLetter(), w.pupil.code(),
                            String.join(",", Arrays.stream(w.honest).mapToObj(Integer::toString).toList())));
                    out.write('\n');
                }
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
