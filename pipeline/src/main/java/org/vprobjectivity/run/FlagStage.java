package org.vprobjectivity.run;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.flags.CellFlags;
import org.vprobjectivity.flags.Comparison;
import org.vprobjectivity.flags.FlagConfig;
import org.vprobjectivity.flags.HistoryJump;
import org.vprobjectivity.flags.ListOverlap;
import org.vprobjectivity.flags.OfficialList;
import org.vprobjectivity.flags.Persistence;
import org.vprobjectivity.flags.SchoolFlags;
import org.vprobjectivity.flags.SchoolTypes;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.indicators.TeacherMapping;
import org.vprobjectivity.indicators.TestVersions;
import org.vprobjectivity.report.OfficialListXlsx;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.recheck.RecheckEvidence;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.io.RunReport;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Flags over the indicator tables in the staging folder: cells, schools, teachers (with a mapping) and the
 * comparison with the official list. Each table is written and read back before the next uses it, so the scoring
 * plan runs once.
 */
final class FlagStage {

    /** Spark SQL setting: infer filters from constraints (see the teacher roll-up below). */
    static final String CONSTRAINT_PROPAGATION = "spark.sql.constraintPropagation.enabled";

    /** Where the cells wait, inside the staging folder, for their history (removed before the output is swapped in). */
    static final String CELLS_WITHOUT_HISTORY = "flags/work-cells-without-history";

    private FlagStage() {
    }

    /**
     * The signs of every session at hand, this run's and the earlier ones kept in the output folder or given with
     * {@code --history} ({@link EarlierSessions}), as the runs of
     * consecutive sessions per cell and per school ({@link Persistence}). Earlier sessions are read as their own runs
     * wrote them (their flags are not recomputed); this run's sessions replace theirs.
     */
    record History(Persistence.Runs cells, Persistence.Runs schools, Dataset<Row> jumps, List<String> jumpSessions,
                   Dataset<Row> versions) {

        /** The cells with their jump against their own previous session ({@link HistoryJump}), where it can be had. */
        Dataset<Row> withJumps(Dataset<Row> cells) {
            return jumps == null ? cells : HistoryJump.attach(cells, jumps, jumpSessions, versions);
        }

        /**
         * @param current         the sessions of this run's cells
         * @param earlierSessions the output's and the {@code --history} folder's sessions
         * @param versions        the test versions of every session at hand ({@link TestVersions}), or null
         */
        static History of(Dataset<Row> scored, Dataset<Row> official, List<String> current,
                          EarlierSessions earlierSessions, Dataset<Row> versions) {
            Dataset<Row> ours = Persistence.cells(scored);
            Dataset<Row> theirs = Persistence.officialCells(official);
            Dataset<Row> jumps = HistoryJump.available(scored) ? HistoryJump.history(scored) : null;
            List<String> jumpSessions = current;
            Dataset<Row> earlier = earlierSessions.read(OutputLayout.FLAGS_CELLS, current, t -> t);
            List<String> ourSessions = earlierSessions.withFoundIn(OutputLayout.FLAGS_CELLS, current);
            if (earlier != null) {
                ours = ours.unionByName(Persistence.cells(earlier));
                if (jumps != null && HistoryJump.available(earlier)) {
                    jumps = jumps.unionByName(HistoryJump.history(earlier));
                    jumpSessions = ourSessions;
                }
            }
            Dataset<Row> earlierOfficial = earlierSessions.read(OutputLayout.INDICATORS_OFFICIAL, current,
                    Persistence::officialCells);
            List<String> officialSessions = earlierSessions.withFoundIn(OutputLayout.INDICATORS_OFFICIAL, current);
            if (earlierOfficial != null) {
                theirs = theirs.unionByName(earlierOfficial);
            }
            return new History(Persistence.Runs.of(ours, ourSessions, theirs, officialSessions, Persistence.CELL),
                    Persistence.Runs.of(Persistence.schools(ours), ourSessions, Persistence.schools(theirs),
                            officialSessions, Persistence.SCHOOL), jumps, jumpSessions, versions);
        }
    }

    /** The test versions of this run's sessions (staging) and of the earlier ones that have the table; null if none. */
    private static Dataset<Row> versions(SparkSession spark, String staging, List<String> current,
                                         EarlierSessions earlierSessions) {
        if (!exists(spark, staging + "/" + OutputLayout.INDICATORS_TEST_VERSIONS)) {
            return null;
        }
        Dataset<Row> now = read(spark, staging, OutputLayout.INDICATORS_TEST_VERSIONS);
        Dataset<Row> before = earlierSessions.read(OutputLayout.INDICATORS_TEST_VERSIONS, current, t -> t);
        return before == null ? now : now.unionByName(before, true);
    }

    /** @param sessions the sessions of this run's works ({@link IngestStage#run}), so of every table this stage reads */
    static void run(SparkSession spark, RunOptions args, FlagConfig config, String staging, List<String> sessions,
                    RunReport report, Progress progress) {
        long t0 = System.currentTimeMillis();
        Dataset<Row> official = read(spark, staging, OutputLayout.INDICATORS_OFFICIAL);
        writeOfficialList(spark, official, staging, report);
        // A re-check read back into this output earlier is evidence for its cells (recheck/ is kept by every run).
        Dataset<Row> recheck = RecheckEvidence.read(spark, args.output());
        if (recheck != null) {
            progress.say("re-check results found: used as evidence for the flags");
        }
        // The cells are written once without their history, read back, and written again with it: the persistence
        // counts need this session's flags, and the scoring plan should run once.
        ParquetTables.write(CellFlags.compute(RecheckEvidence.join(read(spark, staging, OutputLayout.INDICATORS_SCHOOL), recheck),
                read(spark, staging, OutputLayout.INDICATORS_CLASS), Keys.SCHOOL, config, args.lang()),
                staging + "/" + CELLS_WITHOUT_HISTORY);
        Dataset<Row> scored = read(spark, staging, CELLS_WITHOUT_HISTORY);
        EarlierSessions earlierSessions = new EarlierSessions(spark, args.output(), args.history());
        History history = History.of(scored, official, sessions, earlierSessions,
                versions(spark, staging, sessions, earlierSessions));
        ParquetTables.write(history.withJumps(history.cells().attach(scored, Persistence.CELL)),
                staging + "/" + OutputLayout.FLAGS_CELLS);
        Dataset<Row> cells = read(spark, staging, OutputLayout.FLAGS_CELLS);
        ParquetTables.write(SchoolFlags.compute(cells, official, schoolTypes(spark, args.schoolTypes(), report, progress),
                history.schools(), config, args.lang()), staging + "/" + OutputLayout.FLAGS_SCHOOLS);
        ParquetTables.delete(spark, staging + "/" + CELLS_WITHOUT_HISTORY);
        Dataset<Row> schools = read(spark, staging, OutputLayout.FLAGS_SCHOOLS);
        writeListOverlap(schools, sessions, earlierSessions, staging, progress);
        ParquetTables.write(Comparison.compute(schools, cells, official, args.lang()), staging + "/" + OutputLayout.FLAGS_COMPARISON);
        if (exists(spark, staging + "/" + OutputLayout.INDICATORS_TEACHER)) {
            Dataset<Row> teacherCells = CellFlags.compute(read(spark, staging, OutputLayout.INDICATORS_TEACHER), Keys.TEACHER,
                    config, args.lang());
            // Planning this roll-up with Catalyst's constraint propagation ran for over ten minutes (the many CASE WHENs
            // of the reasons, inferred over each other) before a single task started: a run with --teachers never
            // finished. The constraints only add redundant filters; the result is the same without them.
            String propagation = spark.conf().get(CONSTRAINT_PROPAGATION, "true");
            spark.conf().set(CONSTRAINT_PROPAGATION, "false");
            try {
                // the names (null unless the run was given --include-names) from the teacher indicator table
                ParquetTables.write(TeacherMapping.withNames(SchoolFlags.rollUp(teacherCells,
                                new String[] {"session", "region", TeacherMapping.TEACHER_ID}, config, args.lang()),
                        read(spark, staging, OutputLayout.INDICATORS_TEACHER)),
                        staging + "/" + OutputLayout.FLAGS_TEACHERS);
            } finally {
                spark.conf().set(CONSTRAINT_PROPAGATION, propagation);
            }
        }
        summarise(read(spark, staging, OutputLayout.FLAGS_COMPARISON), cells, report);
        report.stageMillis.put("flags", System.currentTimeMillis() - t0);
        progress.say("wrote flags: cells, schools, comparison%s", exists(spark, staging + "/" + OutputLayout.FLAGS_TEACHERS)
                ? ", teachers" : "");
    }

    /** The official view: {@code flags/official}, its index, and {@code official-markers.xlsx} as districts get it. */
    private static void writeOfficialList(SparkSession spark, Dataset<Row> official, String staging, RunReport report) {
        ParquetTables.write(OfficialList.compute(official), staging + "/" + OutputLayout.FLAGS_OFFICIAL);
        Dataset<Row> list = read(spark, staging, OutputLayout.FLAGS_OFFICIAL);
        List<Row> index = OfficialList.index(list).collectAsList();
        ParquetTables.write(OfficialList.municipalIndex(list), staging + "/" + OutputLayout.FLAGS_OFFICIAL_INDEX);
        try {
            OfficialListXlsx.write(list, index, staging + "/" + OutputLayout.OFFICIAL_XLSX, spark.sparkContext().hadoopConfiguration());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + OutputLayout.OFFICIAL_XLSX + ": " + e.getMessage(), e);
        }
        for (Row r : index) {
            report.totals.put("official_schools_with_works", r.<Long>getAs("schools_with_works"));
            report.totals.put("official_schools_marked", r.<Long>getAs("schools_with_markers"));
        }
    }

    /**
     * {@code flags/list_overlap} ({@link ListOverlap}): this run's schools with the earlier sessions' (the output's, then
     * {@code --history}'s).
     * Only the pairs whose later session this run wrote; the others' partitions are carried over as they were. No table
     * with a single session (an empty partitioned write leaves nothing a reader can open).
     */
    private static void writeListOverlap(Dataset<Row> schools, List<String> current, EarlierSessions earlierSessions,
                                         String staging, Progress progress) {
        String[] columns = {"session", "region", "school_id", "flagged", "official_markers"};
        Dataset<Row> all = schools.selectExpr(columns);
        Dataset<Row> earlier = earlierSessions.read(OutputLayout.FLAGS_SCHOOLS, current, d -> d.selectExpr(columns));
        if (earlier != null) {
            all = all.unionByName(earlier);
        }
        List<String> present = earlierSessions.withFoundIn(OutputLayout.FLAGS_SCHOOLS, current);
        if (!ListOverlap.hasPairs(present, current)) {
            return;
        }
        ParquetTables.write(ListOverlap.compute(all, present).filter(col("session").isin(current.toArray())),
                staging + "/" + OutputLayout.FLAGS_LIST_OVERLAP);
        progress.say("wrote flags/list_overlap: our list and the official one against the previous session");
    }

    /** The user's school types, or null without {@code --school-types}; bad lines are reported, not fatal. */
    private static Dataset<Row> schoolTypes(SparkSession spark, java.nio.file.Path file, RunReport report, Progress progress) {
        if (file == null) {
            return null;
        }
        SchoolTypes types = SchoolTypes.read(file);
        types.problems().forEach(p -> IndicatorStage.sideFileNote(report, progress, "SCHOOL_TYPES_LINE_REJECTED", "--school-types",
                file, p));
        report.totals.put("school_types_lines", (long) types.types().size());
        return types.toDataset(spark);
    }

    /** Counts for run.json and the summary: cells and schools flagged, and the four comparison categories. */
    private static void summarise(Dataset<Row> comparison, Dataset<Row> cells, RunReport report) {
        List<String> categories = List.of(Comparison.BOTH, Comparison.OFFICIAL_ONLY, Comparison.OURS_ONLY, Comparison.NEITHER);
        // One query: the cells' counts beside the schools' per category (two one-row aggregates side by side).
        Column[] perCategory = categories.stream().map(c -> count(when(col("category").equalTo(c), lit(1))).as("schools_" + c))
                .toArray(Column[]::new);
        Dataset<Row> byCategory = comparison.agg(perCategory[0], java.util.Arrays.copyOfRange(perCategory, 1, perCategory.length));
        Row counts = cells.agg(count(lit(1)), count(when(col("flagged"), lit(1))),
                count(when(col("flagged_journal"), lit(1)))).crossJoin(byCategory).first();
        report.totals.put("flag_cells", counts.getLong(0));
        report.totals.put("flagged_cells", counts.getLong(1));
        report.totals.put("flagged_cells_journal", counts.getLong(2));
        for (int i = 0; i < categories.size(); i++) {
            report.totals.put("schools_" + categories.get(i), counts.getLong(3 + i));
        }
    }

    private static Dataset<Row> read(SparkSession spark, String staging, String table) {
        return spark.read().parquet(staging + "/" + table);
    }

    private static boolean exists(SparkSession spark, String path) {
        try {
            return ParquetTables.exists(spark, path);
        } catch (java.io.UncheckedIOException e) {
            return false; // an optional table that cannot be asked about is treated as absent
        }
    }
}
