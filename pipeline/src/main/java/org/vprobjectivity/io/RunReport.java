package org.vprobjectivity.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The run's own record ({@code run.json}): inputs, per-file counts, scales, configuration, version, timings. */
public final class RunReport {

    /** Counts for one table of one input file. */
    public static final class FileCounts {
        public String file;
        public String sheet;
        public String status = "ok";
        public String problem;
        public String messageRu;
        public String messageEn;
        public String session;
        public String subject;
        public Integer grade;
        public String scale;
        public long rowsRead;
        public long works;
        public long absent;
        public long rejected;
        public Map<String, Long> rejectedByReason = new TreeMap<>();
    }

    /**
     * Something the user should know that is not a row or a table of an input: a side file's problem, a stale lock
     * taken over, a killed run's leftovers cleaned. In the summary and in run.json, not only on stderr.
     */
    public static final class Note {
        public String code;
        /** The file or folder it is about, when there is one. */
        public String path;
        public String messageRu;
        public String messageEn;

        public Note() {
        }

        public Note(String code, String path, String messageRu, String messageEn) {
            this.code = code;
            this.path = path;
            this.messageRu = messageRu;
            this.messageEn = messageEn;
        }
    }

    public String version;
    public String startedAt;
    public List<String> inputs = new ArrayList<>();
    public Map<String, Object> options = new LinkedHashMap<>();
    public List<String> sessions = new ArrayList<>();
    public List<String> scalesUsed = new ArrayList<>();
    public List<FileCounts> files = new ArrayList<>();
    public Map<String, Long> totals = new LinkedHashMap<>();
    public Map<String, Long> stageMillis = new LinkedHashMap<>();
    public List<Note> notes = new ArrayList<>();

    public long filesWithProblems() {
        return files.stream().filter(f -> f.problem != null).count();
    }

    public void write(String file, Configuration conf) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(conf);
        try (OutputStream out = fs.create(path, true)) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, this);
        }
    }

    public static RunReport read(java.nio.file.Path file) throws IOException {
        return new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(file.toFile(), RunReport.class);
    }
}
