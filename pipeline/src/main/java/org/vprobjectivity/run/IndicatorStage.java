package org.vprobjectivity.run;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.indicators.CohortComparison;
import org.vprobjectivity.indicators.CohortMarker;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.indicators.ExamMarker;
import org.vprobjectivity.indicators.ExternalReference;
import org.vprobjectivity.indicators.ObservedReference;
import org.vprobjectivity.ingest.SideFileProblem;
import org.vprobjectivity.ingest.ExamFile;
import org.vprobjectivity.ingest.ObservedFile;
import org.vprobjectivity.ingest.SchoolIdMap;
import org.vprobjectivity.indicators.IndicatorConfig;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.indicators.ModelSigns;
import org.vprobjectivity.indicators.OfficialMarkers;
import org.vprobjectivity.indicators.RegionBunching;
import org.vprobjectivity.indicators.ReferenceCells;
import org.vprobjectivity.indicators.RegionFigures;
import org.vprobjectivity.indicators.ScaleColumns;
import org.vprobjectivity.indicators.TeacherMapping;
import org.vprobjectivity.indicators.TestVersions;
import org.vprobjectivity.indicators.WeakSpots;
import org.vprobjectivity.ingest.IngestTables;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.io.RunReport;
import org.vprobjectivity.model.MarkScales;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

/**
 * Indicators over the ingested tables in the staging folder: official markers; school, class and (with
 * a teacher mapping) teacher tables; weak spots; region figures.
 */
final class IndicatorStage {

    /** Where the school cells wait, inside the staging folder, for the exam and observation columns (then removed). */
    static final String SCHOOL_WITHOUT_OUTSIDE = "indicators/work-school-without-outside";

    /** Where every level's cells wait, inside the staging folder, for their levels' tables (then removed). */
    static final String CELLS = "indicators/work-cells";

    private static final String NO_COHORT =
            "no cohort for the official marker 3: it needs a school's grade g one year and g + 1 the next";

    private IndicatorStage() {
    }

    /**
     * @param schoolIds the {@code --id-map} as the run read it (once, before ingest), or null without the option
     * @param sessions  the sessions of this run's works ({@link IngestStage#run})
     */
    static void run(SparkSession spark, MarkScales scales, RunOptions args, SchoolIdMap schoolIds, IndicatorConfig config,
                    String staging, List<String> sessions, RunReport report, Progress progress) throws Exception {
        long t0 = System.currentTimeMillis();
        Dataset<Row> results = ScaleColumns.join(spark.read().parquet(staging + "/" + OutputLayout.RESULTS), spark, scales);
        Dataset<Row> participation = spark.read().parquet(staging + "/" + OutputLayout.PARTICIPATION);
        Dataset<Row> teachers = teachers(spark, args.teachers(), args.includeNames(), report, progress);
        Dataset<Row> catalog = IngestTables.taskCatalog(spark, scales);
        Dataset<Row> regionBunching = RegionBunching.compute(spark, results).cache();
        Dataset<Row> external = external(spark, args.reference(), report, progress);

        Map<String, String> idMap = schoolIds == null ? Map.of() : schoolIds.entries();
        ExamFile exam = exam(args.exam(), idMap, report, progress);
        Dataset<Row> cohorts = writeCohorts(spark, scales, results, sessions, args, staging, report, progress);
        ObservedFile observed = observed(args.observed(), idMap, report, progress);
        // The tables below read only the ingested ones, except the school, class and teacher tables, which read the
        // pupil model's table and the cells' pass: they run side by side (ParallelQueries says why), each writing what
        // it wrote alone, the model and the cells' pass first, so that the level tables wait on queries already running.
        CompletableFuture<Void> modelWritten = new CompletableFuture<>();
        List<ParallelQueries.Query> queries = new ArrayList<>();
        queries.add(() -> completing(modelWritten, () -> {
            long tModel = System.currentTimeMillis();
            write(ModelSigns.compute(results, scales), staging, OutputLayout.INDICATORS_MODEL);
            report.stageMillis.put("model", System.currentTimeMillis() - tModel);
            progress.say("fitted the pupil model per reference (%.1f s)", (System.currentTimeMillis() - tModel) / 1000.0);
        }));
        queries.add(() -> {
            Dataset<Row> official = OfficialMarkers.withCohorts(OfficialMarkers.compute(results), cohorts);
            write(exam == null ? official : ExamMarker.attach(spark, official, ExamMarker.compute(exam.entries())), staging,
                    OutputLayout.INDICATORS_OFFICIAL);
        });
        // The weak spots sum each work's task scores (its scores array), per teacher too where teachers are mapped.
        Dataset<Row> works = teachers == null ? results : TeacherMapping.attach(results, teachers);
        queries.add(() -> write(WeakSpots.compute(works, scales, config), staging, OutputLayout.INDICATORS_WEAK_SPOTS));
        // Every level's cells in one pass per reference (ReferenceCells), written once; each level's table is then that
        // table's rows of the level with the pupil model's signs joined.
        CompletableFuture<Void> cellsWritten = new CompletableFuture<>();
        List<ReferenceCells.Level> levels = teachers == null ? List.of(ReferenceCells.Level.SCHOOL, ReferenceCells.Level.CLASS)
                : List.of(ReferenceCells.Level.SCHOOL, ReferenceCells.Level.CLASS, ReferenceCells.Level.TEACHER);
        queries.add(1, () -> completing(cellsWritten, () -> write(ReferenceCells.compute(works,
                teachers == null ? participation : TeacherMapping.attach(participation, teachers), catalog,
                regionBunching, levels, config.reference()), staging, CELLS)));
        queries.add(() -> {
            Dataset<Row> schools = cells(spark, staging, cellsWritten, ReferenceCells.Level.SCHOOL);
            Dataset<Row> model = modelTable(spark, staging, modelWritten);
            writeSchoolCells(spark, finish(withModel(schools, model, ModelSigns.SCHOOL_LEVEL, Keys.SCHOOL), config, external),
                    exam, observed, config, staging);
        });
        queries.add(() -> {
            Dataset<Row> classes = cells(spark, staging, cellsWritten, ReferenceCells.Level.CLASS);
            Dataset<Row> model = modelTable(spark, staging, modelWritten);
            write(finish(withModel(classes, model, ModelSigns.CLASS_LEVEL, Keys.CLASS), config, external), staging,
                    OutputLayout.INDICATORS_CLASS);
        });
        if (teachers != null) {
            queries.add(() -> {
                Dataset<Row> byTeacher = cells(spark, staging, cellsWritten, ReferenceCells.Level.TEACHER);
                // teacher_name: the mapping's names with --include-names, else null (toDataset leaves them out)
                write(TeacherMapping.withNames(finish(byTeacher, config, external), teachers), staging,
                        OutputLayout.INDICATORS_TEACHER);
            });
        }
        queries.add(() -> write(RegionFigures.compute(results, regionBunching), staging, OutputLayout.INDICATORS_REGION));
        ParallelQueries.run(queries, ParallelQueries.AT_ONCE);
        ParquetTables.delete(spark, staging + "/" + CELLS);
        regionBunching.unpersist();
        report.stageMillis.put("indicators", System.currentTimeMillis() - t0);
        progress.say("wrote indicators: official, school, class%s, weak_spots, region", teachers == null ? "" : ", teacher");
    }

    /**
     * The official marker 3 over every session at hand: this run's plus the earlier ones already in the output folder
     * and in the {@code --history} folder ({@link EarlierSessions}; the output's other sessions are carried over, so
     * the output accumulates sessions), with the comparability guard and the standardised path beside it
     * ({@link CohortComparison}), and the test versions of this run's works ({@link TestVersions}). Only cohorts whose
     * later session this run wrote are written: the other sessions' partitions are carried over as they were.
     *
     * @param results  this run's {@code results} with the scale columns
     * @param sessions the sessions of {@code results}
     * @return the table written, or null when no cohort could be formed
     */
    private static Dataset<Row> writeCohorts(SparkSession spark, MarkScales scales, Dataset<Row> results,
                                             List<String> sessions, RunOptions args, String staging, RunReport report,
                                             Progress progress) {
        Column[] columns = {col("session"), col("region"), col("school_id"), col("municipality_code"), col("municipality"),
                col("subject"), col("grade"), col("primary_score"), col("max_score"), col("scale_key"), col("scores")};
        Dataset<Row> all = results.select(columns);
        EarlierSessions earlierSessions = new EarlierSessions(spark, args.output(), args.history());
        Dataset<Row> earlier = earlierSessions.read(OutputLayout.RESULTS, sessions,
                t -> ScaleColumns.join(t, spark, scales).select(columns));
        if (earlier != null) {
            all = all.unionByName(earlier);
        }
        all = all.withColumn(TestVersions.WORK_TASKS, size(col("scores"))).drop("scores").cache(); // TestVersions input
        try {
            Dataset<Row> versions = TestVersions.withTaskMaxima(TestVersions.compute(all), spark, scales).cache();
            write(versions.filter(col("session").isin(sessions.toArray())), staging, OutputLayout.INDICATORS_TEST_VERSIONS);
            OverTimeNotes.missingScales(versions.filter(col(TestVersions.MAX_SCORE).isNull()).collectAsList(),
                    earlierSessions, report, progress);
            Set<String> every = new HashSet<>(sessions);
            every.addAll(earlierSessions.sessions());
            if (!CohortMarker.canPair(every)) {
                versions.unpersist();
                progress.say(NO_COHORT);
                return null;
            }
            Dataset<Row> cohorts = CohortComparison.compute(CohortMarker.compute(all), all, versions)
                    .filter(col("session").isin(sessions.toArray())).cache();
            try {
                long n = cohorts.count();
                if (n == 0) {
                    // No table rather than an empty one: an empty partitioned write leaves nothing a reader can open.
                    progress.say(NO_COHORT);
                    return null;
                }
                write(cohorts, staging, OutputLayout.INDICATORS_COHORT);
                long marked = cohorts.filter(col(CohortMarker.FALL).or(col(CohortMarker.RISE))).count();
                progress.say("wrote indicators/cohort (official marker 3): %d cohorts, %d with a sharp change", n, marked);
                Dataset<Row> written = spark.read().parquet(staging + "/" + OutputLayout.INDICATORS_COHORT);
                OverTimeNotes.versionChanges(written, report, progress);
                return written;
            } finally {
                cohorts.unpersist();
                versions.unpersist();
            }
        } finally {
            all.unpersist();
        }
    }

    /**
     * The exam file ({@code --exam}), its school ids mapped with {@code --id-map}; null without the option. Bad rows are
     * notes (file, row, column, value), the good rows are used.
     */
    private static ExamFile exam(Path file, Map<String, String> idMap, RunReport report, Progress progress) {
        if (file == null) {
            return null;
        }
        ExamFile exam = ExamFile.read(file);
        exam.problems().forEach(p -> sideFileNote(report, progress, "EXAM_ROW_REJECTED", "--exam", file, p));
        report.totals.put("exam_rows", (long) exam.entries().size());
        report.totals.put("exam_problems", (long) exam.problems().size());
        progress.say("--exam %s: %d rows used, %d left out", file, exam.entries().size(), exam.problems().size());
        return ExamFile.mapped(exam, idMap);
    }

    /** The observed schools ({@code --observed}), ids mapped with {@code --id-map}; null without the option. */
    private static ObservedFile observed(Path file, Map<String, String> idMap, RunReport report, Progress progress) {
        if (file == null) {
            return null;
        }
        ObservedFile observed = ObservedFile.read(file);
        observed.problems().forEach(p -> sideFileNote(report, progress, "OBSERVED_LINE_REJECTED", "--observed", file, p));
        report.totals.put("observed_lines", (long) observed.entries().size());
        report.totals.put("observed_problems", (long) observed.problems().size());
        return ObservedFile.mapped(observed, idMap);
    }

    /** The class→teacher mapping, or null without {@code --teachers}; its bad lines are reported, not fatal. */
    private static Dataset<Row> teachers(SparkSession spark, Path file, boolean includeNames, RunReport report, Progress progress) {
        if (file == null) {
            return null;
        }
        TeacherMapping mapping = TeacherMapping.read(file);
        mapping.problems().forEach(p -> sideFileNote(report, progress, "TEACHERS_LINE_REJECTED", "--teachers", file, p));
        report.totals.put("teacher_mapping_lines", (long) mapping.entries().size());
        report.totals.put("teacher_mapping_problems", (long) mapping.problems().size());
        return mapping.toDataset(spark, includeNames);
    }

    /**
     * A side file's rejected line: a note in the summary and run.json (a user reads those, not stderr scrolled away),
     * and a progress line.
     */
    /** A side-file line left out ({@link SideFileProblem}): a note naming the option, the file, the line and why. */
    static void sideFileNote(RunReport report, Progress progress, String code, String option, Path file, SideFileProblem p) {
        sideFileNote(report, progress, code, option, file, p.line(), p.describeRu(), p.describeEn());
    }

    static void sideFileNote(RunReport report, Progress progress, String code, String option, Path file, int line,
                             String messageRu, String messageEn) {
        report.notes.add(new RunReport.Note(code, file.toString(), option + ", строка " + line + ": " + messageRu,
                option + ", line " + line + ": " + messageEn));
        progress.say("%s %s, line %d: %s", option, file, line, messageEn);
    }

    /** Runs a query that another waits on, completing {@code done} with its outcome. */
    private static void completing(CompletableFuture<Void> done, ParallelQueries.Query query) throws Exception {
        try {
            query.run();
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
            throw e;
        }
    }

    /** The pupil model's table once its query has written it (the query's failure if it failed). */
    private static Dataset<Row> modelTable(SparkSession spark, String staging, CompletableFuture<Void> written)
            throws Exception {
        return written(spark, staging, OutputLayout.INDICATORS_MODEL, written, "the pupil model's table");
    }

    /** One level's cells once the pass over the references has written them ({@link ReferenceCells}). */
    private static Dataset<Row> cells(SparkSession spark, String staging, CompletableFuture<Void> written,
                                      ReferenceCells.Level level) throws Exception {
        return ReferenceCells.level(written(spark, staging, CELLS, written, "the cells' table"), level);
    }

    private static Dataset<Row> written(SparkSession spark, String staging, String table, CompletableFuture<Void> written,
                                        String what) throws Exception {
        try {
            written.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " was not written", e.getCause());
        }
        return spark.read().parquet(staging + "/" + table);
    }

    /**
     * The school cells, with the exam's and the observers' columns where those files were given. The cells are then
     * written once and read back before the outside comparisons join them to themselves: a lazy plan would compute
     * every indicator family again for each side of each join.
     */
    private static void writeSchoolCells(SparkSession spark, Dataset<Row> schoolCells, ExamFile exam, ObservedFile observed,
                                         IndicatorConfig config, String staging) {
        if (exam == null && observed == null) {
            write(schoolCells, staging, OutputLayout.INDICATORS_SCHOOL);
            return;
        }
        write(schoolCells, staging, SCHOOL_WITHOUT_OUTSIDE);
        Dataset<Row> cells = spark.read().parquet(staging + "/" + SCHOOL_WITHOUT_OUTSIDE);
        if (exam != null) {
            cells = ExamConfirmation.attach(cells, ExamConfirmation.standings(spark, exam.entries()), config);
        }
        if (observed != null) {
            cells = ObservedReference.attach(cells, ObservedReference.entries(spark, observed.entries()), config);
        }
        write(cells, staging, OutputLayout.INDICATORS_SCHOOL);
        ParquetTables.delete(spark, staging + "/" + SCHOOL_WITHOUT_OUTSIDE);
    }

    private static void write(Dataset<Row> table, String staging, String name) {
        ParquetTables.write(table, staging + "/" + name);
    }

    /** The user's external reference shares, or null without {@code --reference}; bad lines are reported. */
    private static Dataset<Row> external(SparkSession spark, Path file, RunReport report, Progress progress) {
        if (file == null) {
            return null;
        }
        ExternalReference reference = ExternalReference.read(file);
        reference.problems().forEach(p -> sideFileNote(report, progress, "REFERENCE_LINE_REJECTED", "--reference", file, p));
        report.totals.put("reference_lines", (long) reference.entries().size());
        report.totals.put("reference_problems", (long) reference.problems().size());
        return reference.toDataset(spark);
    }

    /** The pupil model's signs of the level joined in (null where the model has no row for a cell). */
    private static Dataset<Row> withModel(Dataset<Row> cells, Dataset<Row> model, String level, String[] keys) {
        return Keys.join(cells, ModelSigns.level(model, level, keys), keys, "left");
    }

    /** Cells as computed, plus small_cell and (with an external reference) the ext_* comparison columns. */
    private static Dataset<Row> finish(Dataset<Row> cells, IndicatorConfig config, Dataset<Row> external) {
        Dataset<Row> marked = cells.withColumn("small_cell", col("works").lt(config.minCellWorks));
        return external == null ? marked : ExternalReference.compare(marked, external);
    }
}
