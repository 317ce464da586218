package org.vprobjectivity.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's own CSV (shape 3): UTF-8 with BOM, comma-separated, RFC 4180 quoting, English headers,
 * task columns positional ({@code task_K} = the scale's K-th task), {@code X} = not attempted.
 */
final class CanonicalCsvWriter implements ShapeWriter {

    static final String ABSENT = "absent";
    private final WriteContext ctx;
    private final Map<String, Writer> writers = new LinkedHashMap<>();
    private final Map<String, FileTally> tallies = new LinkedHashMap<>();

    CanonicalCsvWriter(WriteContext ctx) {
        this.ctx = ctx;
    }

    static String fileName(WorkModel m) {
        return "canonical_" + m.subject() + m.grade() + ".csv";
    }

    static List<String> header(int tasks) {
        List<String> h = new ArrayList<>(List.of("session", "region", "municipality_code", "municipality", "school_id",
                "school_name", "subject", "grade", "class", "participant", "variant", "sex", "journal_mark",
                "primary_score", "mark"));
        for (int i = 1; i <= tasks; i++) {
            h.add("task_" + i);
        }
        return h;
    }

    @Override
    public void write(SchoolBatch school) throws IOException {
        for (SittingRows s : school.sittings()) {
            String path = fileName(s.model());
            Writer w = writers.get(path);
            if (w == null) {
                tallies.put(path, ctx.open(path, OutputFormat.CANONICAL_CSV, s.model()));
                w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(ctx.resolve(path)), StandardCharsets.UTF_8));
                w.write('\uFEFF');
                w.write(CsvText.line(header(s.model().scale().taskCount()), ','));
                writers.put(path, w);
            }
            FileTally tally = tallies.get(path);
            for (OutputRow o : s.rows()) {
                w.write(CsvText.line(values(school.plan(), s.model(), o), ','));
                tally.count(o);
            }
        }
    }

    private List<String> values(SchoolPlan p, WorkModel m, OutputRow o) {
        List<String> v = new ArrayList<>(List.of(ctx.cfg.session(), ctx.cfg.regionCode(), p.municipality().code(),
                p.municipality().name(), p.login(), p.name(), m.subject(), Integer.toString(m.grade()), o.classLetter(),
                o.participant()));
        if (o.absent()) {
            v.add(ABSENT);
            for (int i = 0; i < 4 + m.scale().taskCount(); i++) {
                v.add("");
            }
            return v;
        }
        v.add(Integer.toString(o.variant()));
        v.add(String.valueOf(o.sex()));
        v.add(o.journal() == null ? "" : o.journal().toString());
        v.add(Integer.toString(o.primaryScore()));
        v.add(Integer.toString(o.mark()));
        for (int s : o.scores()) {
            v.add(s < 0 ? "X" : Integer.toString(s));
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        for (Writer w : writers.values()) {
            w.close();
        }
        writers.clear();
    }
}
