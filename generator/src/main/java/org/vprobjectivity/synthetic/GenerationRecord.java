package org.vprobjectivity.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generator run wrote, per file and in total, written as {@code generator-record.json}. The ingest
 * of the folder must find: works = {@code works}, absent = {@code absent}, rejects by reason =
 * {@code badRows} (a duplicate counts both copies).
 *
 * @param files per file, sorted by path
 */
public record GenerationRecord(long seed, GeneratorConfig config, String regionName, int schools, int municipalities,
                               long manipulatedSchools, long strongSchools, int groundTruthRows, List<FileRecord> files,
                               Totals totals) {

    public static final String FILE_NAME = "generator-record.json";

    public GenerationRecord {
        files = List.copyOf(files);
    }

    /**
     * One written file.
     *
     * @param path     relative to the output folder, with {@code /} separators
     * @param dataRows rows that are neither header, header-block nor group rows: works + absent + bad rows
     * @param badRows  injected bad rows by {@code RejectReason} name
     */
    public record FileRecord(String path, OutputFormat format, String subject, int grade, int dataRows, int works,
                             int absent, Map<String, Integer> badRows) {

        public FileRecord {
            badRows = new TreeMap<>(badRows);
        }

        public int badRowTotal() {
            return badRows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public record Totals(int files, long dataRows, long works, long absent, Map<String, Integer> badRows,
                         int badRowTotal) {

        public Totals {
            badRows = new TreeMap<>(badRows);
        }

        static Totals of(List<FileRecord> files) {
            long data = 0;
            long works = 0;
            long absent = 0;
            Map<String, Integer> bad = new TreeMap<>();
            for (FileRecord f : files) {
                data += f.dataRows();
                works += f.works();
                absent += f.absent();
                f.badRows().forEach((k, v) -> bad.merge(k, v, Integer::sum));
            }
            int badTotal = bad.values().stream().mapToInt(Integer::intValue).sum();
            return new Totals(files.size(), data, works, absent, bad, badTotal);
        }
    }

    /** The files of one format. */
    public List<FileRecord> files(OutputFormat format) {
        return files.stream().filter(f -> f.format() == format).toList();
    }

    public static GenerationRecord read(Path fileOrDir) {
        Path file = fileOrDir.toFile().isDirectory() ? fileOrDir.resolve(FILE_NAME) : fileOrDir;
        try {
            return mapper().readValue(file.toFile(), GenerationRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path file) throws IOException {
        mapper().writeValue(file.toFile(), this);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }
}
