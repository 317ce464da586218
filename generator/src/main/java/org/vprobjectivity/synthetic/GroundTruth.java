package org.vprobjectivity.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The injected truth of a simulated region, read from {@code ground-truth.csv} (UTF-8, {@code ;}), for
 * tests and for measuring recall and precision of the indicators per kind.
 */
public final class GroundTruth {

    public static final String FILE_NAME = "ground-truth.csv";

    private final List<GroundTruthRow> rows;

    public GroundTruth(List<GroundTruthRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Reads a ground-truth file, or the one inside a generator output folder. */
    public static GroundTruth read(Path fileOrDir) {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(FILE_NAME) : fileOrDir;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(GroundTruthRow.HEADER)) {
                throw new IllegalArgumentException(file + ": not a ground-truth file (header " + GroundTruthRow.HEADER + ")");
            }
            List<GroundTruthRow> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(GroundTruthRow.parse(line));
                }
            }
            return new GroundTruth(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<GroundTruthRow> rows() {
        return rows;
    }

    /** Rows of manipulated classes (one per school × subject × grade × class). */
    public List<GroundTruthRow> manipulations() {
        return rows.stream().filter(GroundTruthRow::isManipulation).toList();
    }

    public List<GroundTruthRow> manipulations(ManipulationKind kind) {
        return rows.stream().filter(r -> r.kind() == kind).toList();
    }

    /** School ids of the strong honest schools. */
    public Set<String> strongSchools() {
        return rows.stream().filter(GroundTruthRow::strongSchool).map(GroundTruthRow::schoolId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** School id → its injected kind (one kind per manipulated school). */
    public Map<String, ManipulationKind> manipulatedSchools() {
        Map<String, ManipulationKind> out = new TreeMap<>();
        manipulations().forEach(r -> out.put(r.schoolId(), r.kind()));
        return out;
    }

    /** The kind injected into the cell (school, subject, grade), or null when it is clean. */
    public ManipulationKind kindOf(String schoolId, String subject, int grade) {
        return manipulations().stream()
                .filter(r -> r.schoolId().equals(schoolId) && r.subject().equals(subject) && r.grade() == grade)
                .map(GroundTruthRow::kind).findFirst().orElse(null);
    }

    /** Streams rows to the file as schools are simulated. */
    static final class Writer implements AutoCloseable {
        private final BufferedWriter out;
        private int rows;

        Writer(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(GroundTruthRow.HEADER);
            out.write('\n');
        }

        void write(GroundTruthRow row) throws IOException {
            out.write(row.toLine());
            out.write('\n');
            rows++;
        }

        int rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
