package org.vprobjectivity.run;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.vprobjectivity.ingest.HeaderMapping;
import org.vprobjectivity.ingest.IngestRecordSchema;
import org.vprobjectivity.ingest.IngestTables;
import org.vprobjectivity.ingest.InputUnit;
import org.vprobjectivity.ingest.SchoolIdMap;
import org.vprobjectivity.ingest.SparkIngest;
import org.vprobjectivity.io.CsvExport;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.io.RunReport;
import org.vprobjectivity.model.MarkScales;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Ingest into a staging folder: read every unit on the executors once, hold the records, derive results / task_scores
 * / participation / rejects, and fill the run report with per-file counts.
 */
public final class IngestStage {

    /** The kind of {@link #fillFileCounts}' per-table rows, beside WORK, ABSENT and REJECT counts. */
    private static final String TABLE_KIND = "TABLE";

    /** run.json / summary note: ids of the old format the {@code --id-map} does not name. */
    public static final String UNMATCHED_IDS = "ID_MAP_UNMATCHED";

    /** No input yielded a work: nothing to publish, the previous output stays. */
    static final class NothingUsableException extends RuntimeException {
        final RunReport report;

        NothingUsableException(RunReport report) {
            super("no input file yielded a usable work");
            this.report = report;
        }
    }

    /** {@code --id-map} would give different schools of one session one id: a usage error, nothing published. */
    static final class IdMapConflictException extends RuntimeException {
        final List<String> conflicts;

        IdMapConflictException(List<String> conflicts) {
            super("the id map merges schools: " + conflicts);
            this.conflicts = conflicts;
        }
    }

    private IngestStage() {
    }

    /**
     * @return the sessions this run has works of, in name order: the sessions of every table the later stages write
     *         (run.json's {@code sessions} also names those with rejected rows only). They are known here, so no later
     *         stage runs a query to find them.
     */
    static List<String> run(SparkSession spark, List<InputUnit> units, HeaderMapping mapping, MarkScales scales,
                            RunOptions args, SchoolIdMap idMap, String staging, RunReport report, Progress progress)
            throws Exception {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        long t0 = System.currentTimeMillis();
        // Held in memory (spilling to disk), not written and read back as a staging table: the files are read once, by
        // the first action (fillFileCounts), and every later step reads the held records (issue 18: one pass in ingest).
        Dataset<Row> read = SparkIngest.read(spark, units, mapping, scales, args.ingestOptions())
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> staged = read;
        if (idMap != null) {
            staged = mapIds(spark, staged, idMap, args, report, progress);
        }

        IngestTables tables = new IngestTables(staged.filter(col("record_type").notEqual(IngestRecordSchema.TABLE)));
        List<String> sessionsWithWorks = fillFileCounts(staged, tables, report);
        // The files are read by fillFileCounts' first action, so the reading is timed up to here.
        report.stageMillis.put("read_files", System.currentTimeMillis() - t0);
        SessionYears.check(report).forEach(n -> {
            report.notes.add(n);
            progress.say("%s", n.messageEn);
        });
        progress.say("read %d tables: %,d rows, %,d works, %,d absent, %,d rejected, %d with problems",
                report.files.size(), report.totals.get("rows_read"), report.totals.get("works"),
                report.totals.get("absent"), report.totals.get("rejected"), report.filesWithProblems());
        if (report.totals.get("works") == 0) {
            throw new NothingUsableException(report);
        }

        long t1 = System.currentTimeMillis();
        ParquetTables.write(tables.results(), staging + "/" + OutputLayout.RESULTS);
        ParquetTables.write(tables.taskScores(spark, scales), staging + "/" + OutputLayout.TASK_SCORES);
        ParquetTables.write(tables.participation(), staging + "/" + OutputLayout.PARTICIPATION);
        ParquetTables.write(tables.rejects(), staging + "/" + OutputLayout.REJECTS);
        CsvExport.write(tables.rejects().orderBy("source_file", "sheet", "source_row"),
                staging + "/" + OutputLayout.REJECTS_CSV, conf);
        tables.release();
        read.unpersist();
        report.stageMillis.put("write_tables", System.currentTimeMillis() - t1);
        progress.say("wrote results, task_scores, participation, rejects");
        return sessionsWithWorks;
    }

    /**
     * The records with {@code --id-map} applied, before any table is built from them; refused when two schools of one
     * session would become one; ids that look old but are not in the map are a note (count and the first few).
     */
    private static Dataset<Row> mapIds(SparkSession spark, Dataset<Row> staged, SchoolIdMap idMap, RunOptions args,
                                       RunReport report, Progress progress) {
        List<String> conflicts = idMap.conflicts(spark, staged);
        if (!conflicts.isEmpty()) {
            throw new IdMapConflictException(conflicts);
        }
        List<String> unmatched = idMap.unmatched(staged);
        if (!unmatched.isEmpty()) {
            String first = String.join(", ", unmatched.subList(0, Math.min(SchoolIdMap.LISTED, unmatched.size())))
                    + (unmatched.size() > SchoolIdMap.LISTED ? ", …" : "");
            report.notes.add(new RunReport.Note(UNMATCHED_IDS, args.idMap().toString(),
                    "--id-map: не сопоставлены " + unmatched.size() + " логинов школ старого вида, их идентификаторы оставлены как есть: "
                            + first,
                    "--id-map: " + unmatched.size() + " old-style school ids not in the map keep their ids: " + first));
            progress.say("--id-map %s: %d old-style school ids not in the map: %s", args.idMap(), unmatched.size(), first);
        }
        report.totals.put("id_map_lines", (long) idMap.entries().size());
        return idMap.apply(spark, staged);
    }

    /**
     * Per table of each file: rows read and problem (from TABLE rows), works/absent/rejected by reason.
     *
     * @return the sessions with works, in name order
     */
    private static List<String> fillFileCounts(Dataset<Row> staged, IngestTables tables, RunReport report) {
        // One query (issue 18: fewer actions) returns both the per-table rows (TABLE records: rows read, problem; only
        // the per-table columns, no participant column reaches the driver) and the counts per table, kind, reason and
        // session of the works, absent pupils and rejects; a row's "kind" says which it is.
        String[] tableColumns = {"rows_read", "problem_code", "message_ru", "message_en", "subject", "grade", "scale_key"};
        List<Column> tableSelect = new ArrayList<>(List.of(col("source_file"), col("sheet"), lit(TABLE_KIND).as("kind"),
                lit(null).cast("string").as("reason_code"), col("session"), lit(null).cast("long").as("count")));
        for (String c : tableColumns) {
            tableSelect.add(col(c));
        }
        Dataset<Row> tableRows = staged.filter(col("record_type").equalTo(IngestRecordSchema.TABLE))
                .select(tableSelect.toArray(new Column[0]));
        Dataset<Row> kinds = tables.results().select(col("source_file"), col("sheet"), lit("WORK").as("kind"), lit(null).cast("string").as("reason_code"), col("session"))
                .unionByName(tables.absent().select(col("source_file"), col("sheet"), lit("ABSENT").as("kind"), lit(null).cast("string").as("reason_code"), col("session")))
                .unionByName(tables.rejects().select(col("source_file"), col("sheet"), lit("REJECT").as("kind"), col("reason_code"), col("session")));
        Dataset<Row> counts = kinds.groupBy("source_file", "sheet", "kind", "reason_code", "session").count();
        for (String c : tableColumns) {
            counts = counts.withColumn(c, lit(null).cast(tableRows.schema().apply(c).dataType()));
        }
        List<Row> rows = new ArrayList<>(tableRows.unionByName(counts).collectAsList());
        // the tables first, in file and sheet order with nulls first as Spark's orderBy gave them (report.files keeps
        // that order), then the counts
        Comparator<String> names = Comparator.nullsFirst(Comparator.naturalOrder());
        rows.sort(Comparator.<Row, Boolean>comparing(r -> !TABLE_KIND.equals(r.getAs("kind")))
                .thenComparing(r -> r.<String>getAs("source_file"), names)
                .thenComparing(r -> r.<String>getAs("sheet"), names));
        Map<String, RunReport.FileCounts> byTable = new LinkedHashMap<>();
        TreeSet<String> sessions = new TreeSet<>();
        TreeSet<String> withWorks = new TreeSet<>();
        for (Row t : rows) {
            String kind = t.getAs("kind");
            if (TABLE_KIND.equals(kind)) {
                RunReport.FileCounts f = new RunReport.FileCounts();
                f.file = t.getAs("source_file");
                f.sheet = t.getAs("sheet");
                f.rowsRead = t.<Integer>getAs("rows_read");
                f.problem = t.getAs("problem_code");
                f.status = f.problem == null ? "ok" : "error";
                f.messageRu = t.getAs("message_ru");
                f.messageEn = t.getAs("message_en");
                f.session = t.getAs("session");
                f.subject = t.getAs("subject");
                f.grade = t.getAs("grade");
                f.scale = t.getAs("scale_key");
                byTable.put(f.file + "\u0000" + f.sheet, f);
                continue;
            }
            RunReport.FileCounts f = byTable.get(t.<String>getAs("source_file") + "\u0000" + t.<String>getAs("sheet"));
            long n = t.<Long>getAs("count");
            String session = t.getAs("session");
            if (!"ABSENT".equals(kind) && session != null) {
                sessions.add(session);
            }
            if ("WORK".equals(kind) && session != null) {
                withWorks.add(session);
            }
            switch (kind) {
                case "WORK" -> f.works += n;
                case "ABSENT" -> f.absent += n;
                default -> {
                    f.rejected += n;
                    f.rejectedByReason.merge(t.getAs("reason_code"), n, Long::sum);
                }
            }
        }
        report.files.addAll(byTable.values());
        report.totals.put("tables", (long) byTable.size());
        report.totals.put("rows_read", sum(report, f -> f.rowsRead));
        report.totals.put("works", sum(report, f -> f.works));
        report.totals.put("absent", sum(report, f -> f.absent));
        report.totals.put("rejected", sum(report, f -> f.rejected));
        report.totals.put("tables_with_problems", report.filesWithProblems());
        report.sessions.addAll(sessions);
        TreeSet<String> scalesUsed = new TreeSet<>();
        report.files.stream().filter(f -> f.problem == null && f.scale != null).forEach(f -> scalesUsed.add(f.scale));
        report.scalesUsed.addAll(scalesUsed);
        return List.copyOf(withWorks);
    }

    private static long sum(RunReport report, java.util.function.ToLongFunction<RunReport.FileCounts> f) {
        return report.files.stream().mapToLong(f).sum();
    }
}
