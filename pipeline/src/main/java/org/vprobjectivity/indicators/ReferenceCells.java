package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.stats.WeightedKappa;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.table.OutputTables;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The cells of every level (school, class, teacher) of each reference in one pass (issue 18, the reference engine):
 * the works and the participation rows of a reference (session × region × subject × grade) are grouped once, and every
 * family of {@link CellIndicators} (the journal comparison with its residuals and tests, high results, participation,
 * task patterns, score distribution) is computed for every level in plain Java over the group's rows. The output is
 * one table, each row tagged with its {@link #LEVEL}; {@link #level} gives one level's table, with the columns and the
 * values {@link CellIndicators#compute} gives for it (the families' classes document each figure; this class only
 * computes them differently).
 *
 * <p>Why: {@link CellIndicators} joins five families, each grouping the works again by the cell and its reference,
 * about 25 stages per level and three levels per run (14–17 s per level at 300 k works on 2 cores). Here one exchange
 * brings a reference's rows together and each level costs a walk over them; the task patterns' reference (vector
 * counts, step order, per-total Guttman distribution) is built once for the school and class levels, which read the
 * same works.
 *
 * <p>Memory: a reference's works are held in one task, as {@link TaskPatterns} already did (a region's works of one
 * subject and grade: tens of thousands of short rows).
 *
 * <p>Order: a reference's works are sorted (school, class, teacher, scores, ...) before anything is summed, so the
 * figures do not depend on how Spark partitioned the rows. Sums therefore run in another order than Spark's
 * aggregations did: the figures agree with {@link CellIndicators} to rounding (ReferenceCellsTest compares them).
 */
public final class ReferenceCells {

    /** The column naming a row's level in {@link #compute}'s output ({@link Level#name()}). */
    public static final String LEVEL = "cell_level";

    /** A level of cells: its keys ({@link Keys}). */
    public enum Level {
        SCHOOL(Keys.SCHOOL), CLASS(Keys.CLASS), TEACHER(Keys.TEACHER);

        private final String[] keys;

        Level(String[] keys) {
            this.keys = keys;
        }

        /** The level's key columns, as in its table. */
        public String[] keys() {
            return keys.clone();
        }
    }

    /** The indicator columns after a cell's keys, as every level's table declares them. */
    static final StructType INDICATORS = StructType.fromDDL(OutputTables.INDICATOR_COLUMNS);

    /** The keys of every level after {@link #LEVEL}: the work's, then school_id, class and teacher_id. */
    private static final String[] CELL_KEYS = {"school_id", "class", "teacher_id"};

    // The projection of results the pass reads, in this order.
    private static final String[] WORK_COLUMNS = {"municipality_code", "municipality", "school_id", "class", "teacher_id",
            ReferenceLevel.UNIT, "mark", "journal_mark", "primary_score", "max_score", "scale_key", "scores"};
    // The projection of participation the pass reads, in this order.
    private static final String[] LISTED_COLUMNS = {"school_id", "class", "teacher_id", ReferenceLevel.UNIT, "listed",
            "absent"};

    private static final ReferenceTests.Test RAISED = ClusteredShareTest.of("raised", "n_journal", "raised");
    private static final ReferenceTests.Test LOWERED = ClusteredShareTest.of("lowered", "n_journal", "lowered");
    private static final ReferenceTests.Test SHIFT = JournalShift.of("mean_diff", "diff_variance", "n_journal", "shift");
    private static final ReferenceTests.Test QUALITY = ClusteredShareTest.of("quality", "n", "quality");
    private static final ReferenceTests.Test ABSENT = ClusteredShareTest.of("absent", "listed", "absent");

    private ReferenceCells() {
    }

    /** The output's schema: {@link #LEVEL}, the work's keys, school_id, class, teacher_id, then {@link #INDICATORS}. */
    static StructType schema(StructType results) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(LEVEL, DataTypes.StringType, false));
        for (String k : Keys.WORK) {
            fields.add(DataTypes.createStructField(k, results.apply(k).dataType(), true));
        }
        for (String k : CELL_KEYS) {
            fields.add(DataTypes.createStructField(k, DataTypes.StringType, true));
        }
        fields.addAll(Arrays.asList(INDICATORS.fields()));
        return DataTypes.createStructType(fields);
    }

    /**
     * @param results        {@code results} with the scale columns ({@link ScaleColumns}); with a {@code teacher_id}
     *                       column ({@link TeacherMapping#attach}) where {@code levels} holds {@link Level#TEACHER}
     * @param participation  the {@code participation} table, with {@code teacher_id} likewise
     * @param taskCatalog    {@code IngestTables.taskCatalog}: the scales' tasks with maxima and levels
     * @param regionBunching {@link RegionBunching#compute} of the same results (read on the driver: a few rows per work)
     * @param levels         the levels to compute
     * @param reference      what the share tests are fitted over ({@link ReferenceLevel})
     * @return one row per cell of each level, tagged with {@link #LEVEL}; {@link #level} selects a level's table
     */
    public static Dataset<Row> compute(Dataset<Row> results, Dataset<Row> participation, Dataset<Row> taskCatalog,
                                       Dataset<Row> regionBunching, List<Level> levels, ReferenceLevel reference) {
        Map<String, int[]> maxByScale = new HashMap<>();
        Map<String, String[]> levelByScale = new HashMap<>();
        TaskPatterns.readCatalog(taskCatalog, maxByScale, levelByScale);
        Pass pass = new Pass(levels.toArray(Level[]::new), maxByScale, levelByScale, cuts(regionBunching),
                schema(results.schema()));
        Dataset<Row> works = project(reference.tag(results), WORK_COLUMNS);
        Dataset<Row> listed = project(reference.tag(participation), LISTED_COLUMNS);
        CoGroupFunction<Row, Row, Row, Row> perReference = pass::cells;
        return ReferenceGroups.of(works, Keys.WORK).cogroup(ReferenceGroups.of(listed, Keys.WORK), perReference,
                Encoders.row(pass.schema));
    }

    /** One level's cells from {@link #compute}'s output: the level's keys, then the indicator columns. */
    public static Dataset<Row> level(Dataset<Row> cells, Level level) {
        List<Column> columns = new ArrayList<>(Arrays.asList(Keys.cols(level.keys)));
        for (String c : INDICATORS.fieldNames()) {
            columns.add(col(c));
        }
        return cells.filter(col(LEVEL).equalTo(level.name())).select(columns.toArray(Column[]::new));
    }

    /** The work keys, then {@code columns} (teacher_id null where the rows have no teacher mapping). */
    private static Dataset<Row> project(Dataset<Row> rows, String[] columns) {
        List<String> present = Arrays.asList(rows.columns());
        List<Column> selected = new ArrayList<>(Arrays.asList(Keys.cols(Keys.WORK)));
        for (String c : columns) {
            selected.add(present.contains(c) ? col(c) : lit(null).cast(DataTypes.StringType).as(c));
        }
        return rows.select(selected.toArray(Column[]::new));
    }

    /** The region's bunching cuts per work, as {@link Distribution} joins them (the largest value where several). */
    private static Map<List<Object>, Distribution.Cut[]> cuts(Dataset<Row> regionBunching) {
        List<Column> read = new ArrayList<>(Arrays.asList(Keys.cols(Keys.WORK)));
        for (String c : new String[]{"cut", "cut_score", "window_from", "window_to", "share_above_in_window"}) {
            read.add(col(c));
        }
        Map<List<Object>, Object[][]> largest = new HashMap<>();
        int w = Keys.WORK.length;
        for (Row r : regionBunching.select(read.toArray(Column[]::new)).collectAsList()) {
            List<Object> work = new ArrayList<>();
            for (int i = 0; i < w; i++) {
                work.add(r.get(i));
            }
            int mark = Arrays.binarySearch(RegionBunching.MARKS, r.getInt(w));
            if (mark < 0) {
                continue;
            }
            Object[] best = largest.computeIfAbsent(work, k -> new Object[RegionBunching.MARKS.length][4])[mark];
            for (int j = 0; j < best.length; j++) {
                Object v = r.get(w + 1 + j);
                @SuppressWarnings("unchecked")
                Comparable<Object> value = (Comparable<Object>) v;
                if (v != null && (best[j] == null || value.compareTo(best[j]) > 0)) {
                    best[j] = v;
                }
            }
        }
        Map<List<Object>, Distribution.Cut[]> out = new HashMap<>();
        largest.forEach((work, perMark) -> {
            Distribution.Cut[] cuts = new Distribution.Cut[perMark.length];
            for (int i = 0; i < perMark.length; i++) {
                Object[] v = perMark[i];
                cuts[i] = v[0] == null || v[1] == null || v[2] == null ? null
                        : new Distribution.Cut((Integer) v[0], (Integer) v[1], (Integer) v[2], (Double) v[3]);
            }
            out.put(work, cuts);
        });
        return out;
    }

    /** A work as the pass reads it. */
    private record Work(String municipalityCode, String municipality, String school, String classLabel, String teacher,
                        String unit, Integer mark, Integer journal, Integer score, Integer max, String scale,
                        List<?> scores, int[] vector) {
    }

    /** A participation row (one class's listed and absent pupils). */
    private record Listed(String school, String classLabel, String teacher, String unit, Integer listed, Integer absent) {
    }

    /** Count, sum and Welford's running mean and squared deviations of a column over a cell's rows. */
    private static final class Moments {
        long n;
        double sum;
        double mean;
        double m2;

        void add(double x) {
            n++;
            sum += x;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
        }

        /** avg: null without values. */
        Double average() {
            return n == 0 ? null : sum / n;
        }

        /** var_samp: null with fewer than two values. */
        Double variance() {
            return n < 2 ? null : m2 / (n - 1);
        }

        /** stddev_samp: null with fewer than two values. */
        Double sd() {
            return n < 2 ? null : Math.sqrt(m2 / (n - 1));
        }
    }

    /** What a cell's rows add up to before the reference's fits. */
    private static final class Cell {
        final List<Object> key;
        String municipalityCode;
        String municipality;
        String unit;
        long works;
        long nJournal;
        long lowered;
        long confirmed;
        long raised;
        final long[] marks = new long[6];
        final Moments diff = new Moments();
        final Moments resid = new Moments();
        final Moments points = new Moments();
        final Moments pct = new Moments();
        final Moments score = new Moments();
        final List<Integer> journalMarks = new ArrayList<>();
        final List<Integer> vprMarks = new ArrayList<>();
        final List<Integer> scored = new ArrayList<>();
        Integer max;
        final Map<String, List<int[]>> vectors = new LinkedHashMap<>();
        /** Whether the task patterns are set (from the first scale the cell has works of). */
        boolean patterned;
        Object[] row;
        Double diffVariance;

        Cell(List<Object> key) {
            this.key = key;
        }
    }

    /** A cell of the participation table: its listed and absent pupils. */
    private static final class ListedCell {
        String unit;
        Long listed;
        Long absent;
        Double[] tested;
    }

    /** The pass over one reference's rows (serialised to the executors with the catalog and the cuts). */
    private static final class Pass implements Serializable {
        private final Level[] levels;
        private final Map<String, int[]> maxByScale;
        private final Map<String, String[]> levelByScale;
        private final Map<List<Object>, Distribution.Cut[]> cutsByWork;
        private final StructType schema;
        private final Map<String, Integer> at = new HashMap<>();
        private final int tasksAt;
        private final int scoreMeanAt;
        private final int sdExpectedAt;

        Pass(Level[] levels, Map<String, int[]> maxByScale, Map<String, String[]> levelByScale,
             Map<List<Object>, Distribution.Cut[]> cutsByWork, StructType schema) {
            this.levels = levels;
            this.maxByScale = maxByScale;
            this.levelByScale = levelByScale;
            this.cutsByWork = cutsByWork;
            this.schema = schema;
            String[] names = schema.fieldNames();
            for (int i = 0; i < names.length; i++) {
                at.put(names[i], i);
            }
            tasksAt = at.get("tasks");
            scoreMeanAt = at.get("score_mean");
            sdExpectedAt = at.get("sd_expected");
        }

        Iterator<Row> cells(Row reference, Iterator<Row> workRows, Iterator<Row> listedRows) {
            List<Work> works = new ArrayList<>();
            workRows.forEachRemaining(r -> works.add(work(r)));
            if (works.isEmpty()) {
                return java.util.Collections.emptyIterator();
            }
            works.sort(WORK_ORDER);
            List<Listed> listed = new ArrayList<>();
            listedRows.forEachRemaining(r -> listed.add(listed(r)));
            List<Work> mapped = works.stream().filter(w -> w.teacher() != null).toList();
            List<Listed> listedMapped = listed.stream().filter(l -> l.teacher() != null).toList();
            Map<String, TaskPatternReference> patterns = new HashMap<>(); // school and class levels read the same works
            List<Row> out = new ArrayList<>();
            for (Level level : levels) {
                boolean teacher = level == Level.TEACHER;
                Map<String, TaskPatternReference> shared = teacher ? new HashMap<>() : patterns;
                for (Object[] row : level(level, reference, teacher ? mapped : works, teacher ? listedMapped : listed,
                        shared)) {
                    out.add(RowFactory.create(row));
                }
            }
            return out.iterator();
        }

        private Work work(Row r) {
            int w = Keys.WORK.length;
            String scale = r.getString(w + 10);
            List<?> scores = TaskPatterns.asList(r.get(w + 11));
            int[] max = scale == null ? null : maxByScale.get(scale);
            return new Work(r.getString(w), r.getString(w + 1), r.getString(w + 2), r.getString(w + 3),
                    r.getString(w + 4), r.getString(w + 5), integer(r, w + 6), integer(r, w + 7), integer(r, w + 8),
                    integer(r, w + 9), scale, scores, max == null ? null : TaskPatternCell.vector(scores, max));
        }

        private static Listed listed(Row r) {
            int w = Keys.WORK.length;
            return new Listed(r.getString(w), r.getString(w + 1), r.getString(w + 2), r.getString(w + 3), integer(r, w + 4),
                    integer(r, w + 5));
        }

        private static Integer integer(Row r, int i) {
            return r.isNullAt(i) ? null : ((Number) r.get(i)).intValue();
        }

        /** One level's cells of the reference, as output rows. */
        private List<Object[]> level(Level level, Row reference, List<Work> works, List<Listed> listed,
                                     Map<String, TaskPatternReference> patterns) {
            Map<List<Object>, Moments> byJournalMark = new HashMap<>();
            for (Work w : works) {
                if (w.journal() != null && w.score() != null) {
                    byJournalMark.computeIfAbsent(Arrays.asList(w.unit(), w.journal()), k -> new Moments()).add(w.score());
                }
            }
            Map<List<Object>, Cell> byKey = new LinkedHashMap<>();
            for (Work w : works) {
                Cell c = byKey.computeIfAbsent(key(level, w.school(), w.classLabel(), w.teacher()), Cell::new);
                add(c, w, byJournalMark);
            }
            List<Cell> cells = new ArrayList<>(byKey.values());
            for (Cell c : cells) {
                c.row = baseRow(level, reference, c);
            }
            // The reference's tests are fitted per unit (the region, or the municipality: ReferenceLevel).
            for (List<Cell> unit : byUnit(cells)) {
                test(unit, RAISED, LOWERED, SHIFT, ScoreResidual.TEST, QUALITY);
            }
            percentiles(cells);
            participation(level, listed, byKey);
            taskPatterns(works, cells, patterns);
            distribution(reference, works, cells);
            return cells.stream().map(c -> c.row).toList();
        }

        private static List<Object> key(Level level, String school, String classLabel, String teacher) {
            return switch (level) {
                case SCHOOL -> Arrays.asList(school);
                case CLASS -> Arrays.asList(school, classLabel);
                case TEACHER -> Arrays.asList(teacher);
            };
        }

        /** A work's part of its cell's sums ({@link JournalComparison}, {@link ScoreResidual}, {@link HighResults}). */
        private static void add(Cell c, Work w, Map<List<Object>, Moments> byJournalMark) {
            c.works++;
            c.municipalityCode = smallest(c.municipalityCode, w.municipalityCode());
            c.municipality = smallest(c.municipality, w.municipality());
            c.unit = smallest(c.unit, w.unit());
            if (w.journal() != null) {
                c.nJournal++;
                c.journalMarks.add(w.journal());
                if (w.mark() != null) {
                    c.vprMarks.add(w.mark());
                    int d = w.mark() - w.journal();
                    c.lowered += d < 0 ? 1 : 0;
                    c.confirmed += d == 0 ? 1 : 0;
                    c.raised += d > 0 ? 1 : 0;
                    c.diff.add(d);
                }
                Moments expected = byJournalMark.get(Arrays.asList(w.unit(), w.journal()));
                Double sigma = expected == null ? null : expected.sd();
                if (w.score() != null && sigma != null && sigma > 0) {
                    double mu = expected.average();
                    c.resid.add((w.score() - mu) / sigma);
                    c.points.add(w.score() - mu);
                }
            }
            if (w.mark() != null && w.mark() >= 2 && w.mark() <= 5) {
                c.marks[w.mark()]++;
            }
            if (w.score() != null) {
                c.score.add(w.score());
                if (w.max() != null && w.max() != 0) {
                    c.pct.add(w.score() * 100.0 / w.max());
                }
                c.scored.add(w.score());
                if (c.max == null) {
                    c.max = w.max();
                }
            }
            if (w.vector() != null) {
                c.vectors.computeIfAbsent(w.scale(), k -> new ArrayList<>()).add(w.vector());
            }
        }

        private Object[] baseRow(Level level, Row reference, Cell c) {
            Object[] row = new Object[schema.size()];
            row[0] = level.name();
            for (int i = 0; i < Keys.WORK.length; i++) {
                row[1 + i] = reference.get(i);
            }
            switch (level) {
                case SCHOOL -> set(row, "school_id", c.key.get(0));
                case CLASS -> {
                    set(row, "school_id", c.key.get(0));
                    set(row, "class", c.key.get(1));
                }
                case TEACHER -> set(row, "teacher_id", c.key.get(0));
            }
            set(row, "municipality_code", c.municipalityCode);
            set(row, "municipality", c.municipality);
            set(row, ReferenceLevel.UNIT, c.unit);
            // The journal family (JournalComparison, ScoreResidual).
            set(row, "works", c.works);
            set(row, "n_journal", c.nJournal);
            set(row, "lowered", c.lowered);
            set(row, "confirmed", c.confirmed);
            set(row, "raised", c.raised);
            set(row, "mean_diff", c.diff.average());
            set(row, "score_resid", c.resid.average());
            set(row, "n_resid", c.resid.n);
            set(row, "score_above_journal", c.points.average());
            set(row, "works_without_journal", c.works - c.nJournal);
            set(row, "lowered_share", share(c.lowered, c.nJournal));
            set(row, "confirmed_share", share(c.confirmed, c.nJournal));
            set(row, "raised_share", share(c.raised, c.nJournal));
            Double sd = c.diff.sd();
            set(row, "mean_diff_se", sd == null || c.nJournal == 0 ? null : sd / Math.sqrt(c.nJournal));
            double kappa = WeightedKappa.quadratic(ints(c.journalMarks), ints(c.vprMarks), 2, 5);
            set(row, "kappa_w", Double.isNaN(kappa) ? null : kappa);
            c.diffVariance = sd == null ? null : sd * sd;
            // High results (HighResults).
            set(row, "n", c.works);
            long quality = c.marks[4] + c.marks[5];
            for (int m = 2; m <= 5; m++) {
                set(row, "marks_" + m, c.marks[m]);
                set(row, "share_" + m, share(c.marks[m], c.works));
            }
            set(row, "mean_score_pct", c.pct.average());
            set(row, "mean_score", c.score.average());
            set(row, "quality", quality);
            set(row, "quality_share", share(quality, c.works));
            return row;
        }

        /** The cells grouped by their reference unit, in the order the units first appear. */
        private static List<List<Cell>> byUnit(List<Cell> cells) {
            Map<String, List<Cell>> units = new LinkedHashMap<>();
            for (Cell c : cells) {
                units.computeIfAbsent(c.unit, k -> new ArrayList<>()).add(c);
            }
            return new ArrayList<>(units.values());
        }

        /** The tests fitted over one unit's cells, their columns set in each cell's row. */
        private void test(List<Cell> unit, ReferenceTests.Test... tests) {
            for (ReferenceTests.Test t : tests) {
                String[] reads = t.reads();
                Number[][] input = new Number[unit.size()][reads.length];
                for (int i = 0; i < unit.size(); i++) {
                    for (int j = 0; j < reads.length; j++) {
                        input[i][j] = read(unit.get(i), reads[j]);
                    }
                }
                Double[][] scored = t.score(input);
                String[] adds = t.adds();
                for (int i = 0; i < unit.size(); i++) {
                    for (int j = 0; j < adds.length; j++) {
                        set(unit.get(i).row, adds[j], scored[i][j]);
                    }
                }
            }
        }

        /** A column a test reads: the cell's row, or the within-cell variances only the tests read. */
        private Number read(Cell c, String column) {
            if (column.equals("diff_variance")) {
                return c.diffVariance;
            }
            if (column.equals(ScoreResidual.RESIDUAL_VARIANCE)) {
                return c.resid.variance();
            }
            return (Number) c.row[at.get(column)];
        }

        /** quality_percentile and mean_pct_percentile among the level's cells of the work ({@link HighResults}). */
        private void percentiles(List<Cell> cells) {
            Double[] quality = new Double[cells.size()];
            Double[] pct = new Double[cells.size()];
            for (int i = 0; i < cells.size(); i++) {
                Object[] row = cells.get(i).row;
                quality[i] = (Double) row[at.get("quality_share")];
                Double mean = (Double) row[at.get("mean_score_pct")];
                pct[i] = mean == null ? null : rounded(mean);
            }
            double[] q = percentRank(quality);
            double[] m = percentRank(pct);
            for (int i = 0; i < cells.size(); i++) {
                set(cells.get(i).row, "quality_percentile", q[i] * 100);
                set(cells.get(i).row, "mean_pct_percentile", m[i] * 100);
            }
        }

        /** The participation family ({@link ParticipationIndicator}): its cells, tests, and the columns of ours. */
        private void participation(Level level, List<Listed> listed, Map<List<Object>, Cell> cells) {
            Map<List<Object>, ListedCell> byKey = new LinkedHashMap<>();
            for (Listed l : listed) {
                ListedCell c = byKey.computeIfAbsent(key(level, l.school(), l.classLabel(), l.teacher()),
                        k -> new ListedCell());
                c.unit = smallest(c.unit, l.unit());
                if (l.listed() != null) {
                    c.listed = (c.listed == null ? 0 : c.listed) + l.listed();
                }
                if (l.absent() != null) {
                    c.absent = (c.absent == null ? 0 : c.absent) + l.absent();
                }
            }
            Map<String, List<ListedCell>> units = new LinkedHashMap<>();
            byKey.values().forEach(c -> units.computeIfAbsent(c.unit, k -> new ArrayList<>()).add(c));
            for (List<ListedCell> unit : units.values()) {
                Number[][] input = new Number[unit.size()][];
                for (int i = 0; i < unit.size(); i++) {
                    input[i] = new Number[]{unit.get(i).absent, unit.get(i).listed};
                }
                Double[][] scored = ABSENT.score(input);
                for (int i = 0; i < unit.size(); i++) {
                    unit.get(i).tested = scored[i];
                }
            }
            String[] adds = ABSENT.adds();
            cells.forEach((key, cell) -> {
                ListedCell c = byKey.get(key);
                if (c == null) {
                    return;
                }
                set(cell.row, "listed", c.listed);
                set(cell.row, "absent", c.absent);
                set(cell.row, "absent_share", c.absent == null || c.listed == null ? null : share(c.absent, c.listed));
                for (int j = 0; j < adds.length; j++) {
                    set(cell.row, adds[j], c.tested[j]);
                }
            });
        }

        /**
         * The task patterns ({@link TaskPatterns}) per scale of the level's works: a cell's figures from the first
         * scale it has works of (the ingest gives a work one scale).
         */
        private void taskPatterns(List<Work> works, List<Cell> cells, Map<String, TaskPatternReference> patterns) {
            Map<String, List<Cell>> byScale = new LinkedHashMap<>();
            for (Cell c : cells) {
                c.vectors.keySet().forEach(scale -> byScale.computeIfAbsent(scale, k -> new ArrayList<>()).add(c));
            }
            byScale.forEach((scale, ofScale) -> {
                TaskPatternReference ref = patterns.computeIfAbsent(scale, s -> reference(works, s));
                List<Object[]> figures = TaskPatterns.figures(ref, ofScale.stream().map(c -> c.vectors.get(scale)).toList());
                for (int i = 0; i < ofScale.size(); i++) {
                    Cell c = ofScale.get(i);
                    if (!c.patterned) {
                        c.patterned = true;
                        Object[] f = figures.get(i);
                        System.arraycopy(f, 1, c.row, tasksAt, f.length - 1); // works is the journal family's
                    }
                }
            });
        }

        private TaskPatternReference reference(List<Work> works, String scale) {
            List<int[]> vectors = new ArrayList<>();
            List<Object> schools = new ArrayList<>();
            for (Work w : works) {
                if (scale.equals(w.scale()) && w.vector() != null) {
                    vectors.add(w.vector());
                    schools.add(w.school());
                }
            }
            return new TaskPatternReference(maxByScale.get(scale), levelByScale.get(scale), vectors, schools);
        }

        /** The score distribution ({@link Distribution}) of the cells with a primary score, against the level's works. */
        private void distribution(Row reference, List<Work> works, List<Cell> cells) {
            Map<Integer, Long> histogram = new HashMap<>();
            for (Work w : works) {
                if (w.score() != null) {
                    histogram.merge(w.score(), 1L, Long::sum);
                }
            }
            List<Object> work = new ArrayList<>();
            for (int i = 0; i < Keys.WORK.length; i++) {
                work.add(reference.get(i));
            }
            Distribution.Cut[] cuts = cutsByWork.getOrDefault(work, new Distribution.Cut[RegionBunching.MARKS.length]);
            List<Cell> scored = cells.stream().filter(c -> !c.scored.isEmpty()).toList();
            List<List<Object>> figures = new ArrayList<>(scored.size());
            for (Cell c : scored) {
                List<Object> f = Distribution.cellFigures(ints(c.scored), c.max, cuts, histogram);
                figures.add(f);
                for (int j = 1; j < f.size(); j++) { // n is the journal family's works
                    c.row[scoreMeanAt + j - 1] = f.get(j);
                }
            }
            Object[][] spread = Distribution.workFigures(figures);
            for (int i = 0; i < scored.size(); i++) {
                System.arraycopy(spread[i], 0, scored.get(i).row, sdExpectedAt, Distribution.WORK_FIGURES);
            }
        }

        private void set(Object[] row, String column, Object value) {
            row[at.get(column)] = value;
        }
    }

    /** The works of a reference in one order whatever the partitioning: by school, class, teacher, scores, .... */
    private static final Comparator<Work> WORK_ORDER = Comparator
            .comparing(Work::school, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Work::classLabel, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Work::teacher, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Work::scores, Comparator.nullsFirst(ReferenceCells::compareScores))
            .thenComparing(Work::score, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(Work::mark, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(Work::journal, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(Work::municipalityCode, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Work::municipality, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private static int compareScores(List<?> a, List<?> b) {
        Comparator<Object> element = Comparator.nullsFirst(Comparator.comparingInt(o -> ((Number) o).intValue()));
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = element.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** The smaller non-null of two strings ({@link Aggregates#anyValue}: the smallest non-null value). */
    private static String smallest(String a, String b) {
        return a == null ? b : b == null ? a : (b.compareTo(a) < 0 ? b : a);
    }

    /** k / n as Spark's try_divide gives it: null when n is 0. */
    private static Double share(long k, long n) {
        return n == 0 ? null : (double) k / n;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Spark's {@code round(x, 9)} ({@link HighResults#TIE_DIGITS}, half up on the decimal form of the double), which
     * the mean's percentile ranks by.
     */
    static double rounded(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(Double.toString(x)).setScale(HighResults.TIE_DIGITS, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Spark's {@code percent_rank()} over values in ascending order, nulls first and tied with each other:
     * {@code (rank − 1)/(N − 1)}, rank counting the values strictly before, 0 for a single value.
     */
    static double[] percentRank(Double[] values) {
        int[] rank = Ranks.of(values).min();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values.length == 1 ? 0.0 : (rank[i] - 1) / (double) (values.length - 1);
        }
        return out;
    }
}
