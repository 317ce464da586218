package org.vprobjectivity.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.flags.Bilingual;
import org.vprobjectivity.indicators.Distribution;
import org.vprobjectivity.flags.Persistence;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.indicators.TeacherMapping;
import org.vprobjectivity.indicators.WeakSpots;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * What the report shows, read from a run's output folder: the schools' rows of {@code flags/schools} with their
 * {@code flags/comparison} category, and for each flagged cell the numbers its drill-down draws (score histogram of
 * the cell and of the region, journal shares, task solve rates), and the sessions over time ({@link HistoryView}). The
 * list is ordered the latest session first, each session by rank. Only aggregates reach the driver: one row per
 * school, per flagged cell, per score value and per task; never a participant's row.
 */
public record ReportData(List<SchoolEntry> schools, Map<String, List<CellView>> cellsBySchool, List<TeacherEntry> teachers,
                         RecheckView recheck, List<DecisionMatrix.Decision> decisions, HistoryView history) {

    /** Without a teacher mapping ({@code --teachers}): no teacher list. */
    public ReportData(List<SchoolEntry> schools, Map<String, List<CellView>> cellsBySchool) {
        this(schools, cellsBySchool, List.of());
    }

    /** Without a re-check and without the decision matrix. */
    public ReportData(List<SchoolEntry> schools, Map<String, List<CellView>> cellsBySchool, List<TeacherEntry> teachers) {
        this(schools, cellsBySchool, teachers, RecheckView.NONE, List.of());
    }

    /** Without the sessions over time (an output whose tables have no history). */
    public ReportData(List<SchoolEntry> schools, Map<String, List<CellView>> cellsBySchool, List<TeacherEntry> teachers,
                      RecheckView recheck, List<DecisionMatrix.Decision> decisions) {
        this(schools, cellsBySchool, teachers, recheck, decisions, HistoryView.NONE);
    }

    /**
     * A teacher with signs ({@code flags/teachers}, flagged), for targeted methodological help: the pseudonymous id of
     * the {@code --teachers} mapping, and the name only where the run was given {@code --include-names} (null otherwise:
     * the table's {@code teacher_name} is null then).
     */
    public record TeacherEntry(String session, String teacherId, String teacherName, String municipality, String flaggedWorks,
                               double risk, List<String> reasons) {
    }

    /**
     * A school's line in the list; {@code sessionsFlaggedInRow} and {@code officialSessionsInRow}: consecutive sessions up to
     * this one with our flag and with a FIOKO marker ({@code flags/schools}, {@code flags.Persistence}).
     */
    public record SchoolEntry(String session, String region, String schoolId, String schoolName, String municipality, String schoolType,
                              int rank, double risk, boolean flagged, String flaggedWorks, List<String> reasons,
                              long officialMarkers, String officialWorks, String category, String explanation,
                              int sessionsFlaggedInRow, int officialSessionsInRow) {

        /** Without the persistence columns (an output written before them): this session alone. */
        public SchoolEntry(String session, String region, String schoolId, String schoolName, String municipality, String schoolType,
                           int rank, double risk, boolean flagged, String flaggedWorks, List<String> reasons,
                           long officialMarkers, String officialWorks, String category, String explanation) {
            this(session, region, schoolId, schoolName, municipality, schoolType, rank, risk, flagged, flaggedWorks, reasons,
                    officialMarkers, officialWorks, category, explanation, flagged ? 1 : 0, officialMarkers > 0 ? 1 : 0);
        }
    }

    /** One flagged cell (session × school × subject × grade) as its drill-down draws it. */
    public record CellView(String session, String schoolId, String subject, int grade, List<String> reasons,
                           double[] journalSchool, double[] journalRegion, Map<Integer, Integer> cuts, int maxScore,
                           Map<Integer, Long> histogram, Map<Integer, Long> regionHistogram, List<String> tasks,
                           double[] taskSchool, double[] taskRegion, long works, boolean smallCell, List<ClassSize> classes) {
    }

    /**
     * A class of a flagged cell with its number of works; {@code small}: under {@code indicators.min_cell_works}, so
     * share-based signs (raised, lowered, quality, absent) are not tested for it (the page says so).
     */
    public record ClassSize(String label, long works, boolean small) {
    }

    private static final String[] CELL = {"session", "school_id", "subject", "grade"};
    private static final String[] WORK = {"session", "subject", "grade"};

    public static ReportData load(SparkSession spark, String outputDir) {
        return load(spark, outputDir, outputDir, "ru", new MeasureConfig());
    }

    /**
     * @param recheckDir the folder whose {@code recheck/} the report shows: a run writes its report into a staging folder
     *                   while {@code recheck/} stays in the output until the swap carries it over; so do the earlier
     *                   sessions' tables, which the sessions over time read from there ({@link HistoryView})
     * @param measures   the decision matrix's rule ({@code measures} of {@code --config})
     */
    public static ReportData load(SparkSession spark, String outputDir, String recheckDir, String lang, MeasureConfig measures) {
        // The words in the report's language, whatever the run's (Bilingual); an older output has the run's only.
        Dataset<Row> schools = Bilingual.inLanguage(spark.read().parquet(outputDir + "/" + OutputLayout.FLAGS_SCHOOLS), lang,
                Bilingual.REASONS, Bilingual.FLAGGED_WORKS);
        Dataset<Row> comparison = Bilingual.inLanguage(spark.read().parquet(outputDir + "/" + OutputLayout.FLAGS_COMPARISON), lang,
                Bilingual.EXPLANATION).select("session", "school_id", "category", Bilingual.EXPLANATION);
        List<SchoolEntry> entries = new ArrayList<>();
        boolean persistence = Arrays.asList(schools.columns()).contains(Persistence.SESSIONS_FLAGGED_IN_ROW);
        for (Row r : Keys.join(schools, comparison, new String[]{"session", "school_id"}, "left").collectAsList()) {
            boolean flagged = Boolean.TRUE.equals(r.getAs("flagged"));
            long markers = r.<Long>getAs("official_markers") == null ? 0 : r.<Long>getAs("official_markers");
            entries.add(new SchoolEntry(r.getAs("session"), r.getAs("region"), r.getAs("school_id"), r.getAs("school_name"), r.getAs("municipality"),
                    r.getAs("school_type"), r.<Integer>getAs("rank"), orNaN(r.getAs("risk_score")),
                    flagged, r.getAs("flagged_works"), r.getList(r.fieldIndex("reasons")),
                    markers, r.getAs("official_works"),
                    r.getAs("category"), r.getAs("explanation"),
                    persistence ? orZero(r.getAs(Persistence.SESSIONS_FLAGGED_IN_ROW)) : flagged ? 1 : 0,
                    persistence ? orZero(r.getAs(Persistence.OFFICIAL_SESSIONS_IN_ROW)) : markers > 0 ? 1 : 0));
        }
        // the latest session first (the list the district head acts on), each session in rank order
        Map<String, Integer> time = new HashMap<>();
        List<String> ordered = Persistence.inTimeOrder(entries.stream().map(SchoolEntry::session).distinct().toList());
        for (int i = 0; i < ordered.size(); i++) {
            time.put(ordered.get(i), i);
        }
        entries.sort(java.util.Comparator.comparing((SchoolEntry e) -> -time.get(e.session())).thenComparingInt(SchoolEntry::rank));
        Dataset<Row> flagged = Bilingual.inLanguage(spark.read().parquet(outputDir + "/" + OutputLayout.FLAGS_CELLS), lang,
                Bilingual.REASONS).filter(col("flagged"));
        Dataset<Row> keys = flagged.select("session", "school_id", "subject", "grade");
        // Works per primary score of each flagged cell and of its work: from the cells' stored histograms
        // (indicators/school.score_histogram), or, for an output written before they were stored, from results.
        Dataset<Row> scores = scoreCounts(spark, outputDir);
        Map<String, Map<Integer, Long>> histograms = new HashMap<>();
        Map<String, Map<Integer, Long>> regional = new HashMap<>();
        histograms(scores, keys, histograms, regional);
        Map<String, List<Row>> tasks = tasks(spark, outputDir, keys);
        Map<String, List<ClassSize>> classes = classes(spark, outputDir, keys);
        Map<String, List<CellView>> cells = new LinkedHashMap<>();
        for (Row r : flagged.orderBy(col("school_id"), col("subject"), col("grade")).collectAsList()) {
            String key = key(r.getAs("session"), r.getAs("school_id"), r.getAs("subject"), r.<Integer>getAs("grade"));
            String work = key(r.getAs("session"), null, r.getAs("subject"), r.<Integer>getAs("grade"));
            Map<Integer, Long> regionHist = regional.getOrDefault(work, Map.of());
            Map<Integer, Integer> cuts = new TreeMap<>();
            for (int m = 3; m <= 5; m++) {
                Integer cut = has(r, "bunch" + m + "_cut") ? r.getAs("bunch" + m + "_cut") : null;
                if (cut != null) {
                    cuts.put(m, cut);
                }
            }
            int maxScore = Math.max(regionHist.keySet().stream().mapToInt(Integer::intValue).max().orElse(0),
                    cuts.values().stream().mapToInt(Integer::intValue).max().orElse(0));
            List<Row> taskRows = tasks.getOrDefault(key, List.of());
            double[] taskSchool = taskRows.stream().mapToDouble(t -> orNaN(t.getAs("solve_rate"))).toArray();
            double[] taskRegion = taskRows.stream().mapToDouble(t -> orNaN(t.getAs("solve_rate_region"))).toArray();
            cells.computeIfAbsent(r.getAs("school_id"), k -> new ArrayList<>()).add(new CellView(r.getAs("session"),
                    r.getAs("school_id"), r.getAs("subject"), r.<Integer>getAs("grade"), r.getList(r.fieldIndex("reasons")),
                    journal(r, "lowered_share", "raised_share"), journal(r, "lowered_ref", "raised_ref"), cuts, maxScore,
                    histograms.getOrDefault(key, Map.of()), regionHist, taskRows.stream().map(t -> t.<String>getAs("task")).toList(),
                    taskSchool, taskRegion, r.getAs("works") instanceof Number n ? n.longValue() : 0L,
                    Boolean.TRUE.equals(r.getAs("small_cell")), classes.getOrDefault(key, List.of())));
        }
        RecheckView recheck = RecheckView.load(spark, recheckDir, lang);
        List<DecisionMatrix.Decision> decisions = DecisionMatrix.decide(DecisionEvidence.load(spark, outputDir, recheck, measures, lang), measures);
        // during a run the earlier sessions are still in the output folder, the one holding recheck/
        HistoryView history = HistoryView.load(spark, outputDir, recheckDir,
                entries.stream().filter(SchoolEntry::flagged).map(SchoolEntry::schoolId).distinct().toList());
        return new ReportData(entries, cells, teachers(spark, outputDir, lang), recheck, decisions, history);
    }

    /** School names by {@code session|school_id} (the re-check's tables carry logins only); schools without a name left out. */
    public Map<String, String> schoolNames() {
        Map<String, String> out = new HashMap<>();
        schools.stream().filter(s -> s.schoolName() != null).forEach(s -> out.put(s.session() + "|" + s.schoolId(), s.schoolName()));
        return out;
    }

    /** The schools flagged by our method, in rank order. */
    public List<SchoolEntry> flaggedSchools() {
        return schools.stream().filter(SchoolEntry::flagged).toList();
    }

    /**
     * The schools that only the official FIOKO markers mark ({@code flags/comparison} category {@code official_only}),
     * by municipality and name: the index lists them beside ours with why we do not flag them.
     */
    public List<SchoolEntry> officialOnlySchools() {
        return schools.stream().filter(s -> org.vprobjectivity.flags.Comparison.OFFICIAL_ONLY.equals(s.category()))
                .sorted(java.util.Comparator.comparing((SchoolEntry s) -> s.municipality() == null ? "" : s.municipality())
                        .thenComparing(s -> s.schoolName() == null ? s.schoolId() : s.schoolName()))
                .toList();
    }

    /**
     * Works per (session, school, subject, grade, primary score), as {@code n}: exploded from the school cells' stored
     * {@link Distribution#SCORE_HISTOGRAM} (a few rows per cell, never participant rows), or counted from
     * {@code results} where the output predates the column. Zero counts are left out, as a count over works has none.
     */
    private static Dataset<Row> scoreCounts(SparkSession spark, String outputDir) {
        Dataset<Row> cells = spark.read().parquet(outputDir + "/" + OutputLayout.INDICATORS_SCHOOL);
        if (Arrays.asList(cells.columns()).contains(Distribution.SCORE_HISTOGRAM)) {
            return cells.select(col("session"), col("school_id"), col("subject"), col("grade"),
                            posexplode(col(Distribution.SCORE_HISTOGRAM)).as(new String[] {"primary_score", "n"}))
                    .filter(col("n").gt(0));
        }
        return spark.read().parquet(outputDir + "/" + OutputLayout.RESULTS).filter(col("primary_score").isNotNull())
                .groupBy("session", "school_id", "subject", "grade", "primary_score").agg(count(lit(1)).as("n"));
    }

    /**
     * Fills the histograms of the cells {@code keys} names and of their works (the region's) from one query: the two
     * aggregations side by side, the region's rows told apart by {@code __regional}.
     */
    private static void histograms(Dataset<Row> scores, Dataset<Row> keys, Map<String, Map<Integer, Long>> perCell,
                                   Map<String, Map<Integer, Long>> perWork) {
        Dataset<Row> cells = Keys.join(scores, keys, CELL, "left_semi").groupBy("session", "school_id", "subject", "grade", "primary_score")
                .agg(sum("n").cast("long").as("n")).withColumn("__regional", lit(false));
        Dataset<Row> region = Keys.join(scores, keys.select(Keys.cols(WORK)).distinct(), WORK, "left_semi")
                .groupBy("session", "subject", "grade", "primary_score").agg(sum("n").cast("long").as("n"))
                .withColumn("school_id", lit(null).cast("string")).withColumn("__regional", lit(true));
        for (Row r : cells.unionByName(region).collectAsList()) {
            boolean regional = r.<Boolean>getAs("__regional");
            String key = key(r.getAs("session"), regional ? null : r.getAs("school_id"), r.getAs("subject"),
                    r.<Integer>getAs("grade"));
            (regional ? perWork : perCell).computeIfAbsent(key, k -> new TreeMap<>())
                    .put(r.<Integer>getAs("primary_score"), r.<Long>getAs("n"));
        }
    }

    /** Solve rates per task of the flagged cells (all marks), in the work's task order; empty without weak spots. */
    private static Map<String, List<Row>> tasks(SparkSession spark, String outputDir, Dataset<Row> keys) {
        Map<String, List<Row>> out = new HashMap<>();
        String table = outputDir + "/" + OutputLayout.INDICATORS_WEAK_SPOTS;
        if (!ParquetTables.exists(spark, table)) {
            return out; // a run without weak spots: the drill-down leaves the task chart out
        }
        Dataset<Row> weak = spark.read().parquet(table);
        Dataset<Row> school = weak.filter(col("group_level").equalTo(WeakSpots.SCHOOL).and(col("mark_group").equalTo(WeakSpots.ALL_MARKS)))
                .transform(w -> Keys.join(w, keys, CELL, "left_semi"))
                .select("session", "school_id", "subject", "grade", "task_index", "task", "solve_rate", "solve_rate_region")
                .orderBy("session", "school_id", "subject", "grade", "task_index");
        for (Row r : school.collectAsList()) {
            out.computeIfAbsent(key(r.getAs("session"), r.getAs("school_id"), r.getAs("subject"), r.<Integer>getAs("grade")),
                    k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** The flagged teachers by risk; empty without {@code --teachers}. */
    private static List<TeacherEntry> teachers(SparkSession spark, String outputDir, String lang) {
        List<TeacherEntry> out = new ArrayList<>();
        String table = outputDir + "/" + OutputLayout.FLAGS_TEACHERS;
        if (!ParquetTables.exists(spark, table)) {
            return out; // no --teachers mapping in this run
        }
        for (Row r : Bilingual.inLanguage(spark.read().parquet(table), lang, Bilingual.REASONS, Bilingual.FLAGGED_WORKS).filter(col("flagged")).orderBy(col("session"), col("risk_score").desc(),
                col("teacher_id")).collectAsList()) {
            String name = Arrays.asList(r.schema().fieldNames()).contains(TeacherMapping.TEACHER_NAME)
                    ? r.getAs(TeacherMapping.TEACHER_NAME) : null; // an output written before names were kept
            out.add(new TeacherEntry(r.getAs("session"), r.getAs(TeacherMapping.TEACHER_ID), name, r.getAs("municipality"),
                    r.getAs("flagged_works"),
                    orNaN(r.getAs("risk_score")), r.getList(r.fieldIndex("reasons"))));
        }
        return out;
    }

    /** The classes of the flagged cells with their works and whether they are too small for share-based signs. */
    private static Map<String, List<ClassSize>> classes(SparkSession spark, String outputDir, Dataset<Row> keys) {
        Map<String, List<ClassSize>> out = new HashMap<>();
        String table = outputDir + "/" + OutputLayout.INDICATORS_CLASS;
        if (!ParquetTables.exists(spark, table)) {
            return out; // hand-made outputs in tests may lack it: the page then lists no classes
        }
        Dataset<Row> classes = Keys.join(spark.read().parquet(table), keys, CELL, "left_semi")
                .select("session", "school_id", "subject", "grade", "class", "works", "small_cell")
                .orderBy("session", "school_id", "subject", "grade", "class");
        for (Row r : classes.collectAsList()) {
            out.computeIfAbsent(key(r.getAs("session"), r.getAs("school_id"), r.getAs("subject"), r.<Integer>getAs("grade")),
                    k -> new ArrayList<>()).add(new ClassSize(r.getAs("class"),
                    r.getAs("works") instanceof Number n ? n.longValue() : 0L, Boolean.TRUE.equals(r.getAs("small_cell"))));
        }
        return out;
    }

    /** Lowered, confirmed, raised: confirmed is the rest of the works with a journal mark. */
    private static double[] journal(Row r, String lowered, String raised) {
        double l = orNaN(r.getAs(lowered));
        double up = orNaN(r.getAs(raised));
        return new double[]{l, 1 - l - up, up};
    }

    private static String key(String session, String school, String subject, int grade) {
        return session + "|" + school + "|" + subject + "|" + grade;
    }

    private static boolean has(Row r, String field) {
        return java.util.Arrays.asList(r.schema().fieldNames()).contains(field);
    }

    private static int orZero(Object v) {
        return v instanceof Number n ? n.intValue() : 0;
    }

    private static double orNaN(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
