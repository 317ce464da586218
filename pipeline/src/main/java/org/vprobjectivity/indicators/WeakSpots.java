package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Subject weak spots («дефициты», docs/design.md §5; for methodologists, not a flag).
 *
 * <p>Per task of a work (session, region, subject, grade, task) and group: {@code solve_rate = mean over the
 * group's works of score / task_max}, a task not attempted counting as 0 (the FIS OKO "% выполнения" of a
 * task). Groups: the region, a municipality, a school, a class (school + class letter), a teacher (when the
 * table carries {@code teacher_id}, see {@link TeacherMapping}); each for all works and within the mark groups
 * of the VPR mark 3, 4 and 5 (a work with 2 counts only in "all"). The group is compared with its
 * municipality and the region on the same task and mark group: {@code gap_to_region = solve_rate −
 * solve_rate_region}.
 *
 * <ul>
 *   <li>Weak spot (§5): {@code solve_rate < weakSolveRate} (50%) or {@code gap_to_region < −weakUnderRegion}
 *       (more than 15 points under the region).</li>
 *   <li>Achieved (FIOKO 2026 guidance for schools): basic tasks (Б) at {@code solve_rate ≥ basicAchieved}
 *       (60%), advanced and high ones (П, В) at {@code ≥ advancedAchieved} (30%); null when the scale gives no
 *       level.</li>
 *   <li>Groups under {@code weakMinGroupWorks} works are {@code small_group} («мало данных»): weak is still
 *       computed, but they are not ranked.</li>
 *   <li>{@code weak_rank}: 1, 2, ... within (session, region, group_level, group_id, subject, grade,
 *       mark_group) over the weak rows of groups that are not small, by {@code gap_to_region} ascending (then
 *       solve rate, then task order); null otherwise. This is the sorted list per school and subject.</li>
 * </ul>
 * Thresholds are compared with a tolerance of 1e-9 so that a rate equal to a threshold in exact arithmetic
 * (0.6 = 3/5, a gap of exactly −0.15) is not flipped by floating-point rounding. Rows whose task is unknown to
 * the scale ({@code task_max} null or 0) are left out: they have no solve rate.
 */
public final class WeakSpots {

    public static final String REGION = "region";
    public static final String MUNICIPALITY = "municipality";
    public static final String SCHOOL = "school";
    public static final String CLASS = "class";
    public static final String TEACHER = "teacher";
    public static final String ALL_MARKS = "all";

    /** Rounding tolerance for comparisons with the thresholds. */
    static final double EPS = 1e-9;

    /**
     * The sums per class, teacher, task and VPR mark that every level is made of: the keys, then the works counted
     * and their shares summed ({@link WeakSpotSums} makes them in this order, {@link WeakSpotGroups} reads them).
     */
    static final String[] CLASS_SUMS = {"session", "region", "subject", "grade", "task_index", "mark",
            "municipality_code", "school_id", "class", "teacher_id", "teacher_name", "task", "task_max", "level", "skill",
            "__n", "__share_sum"};
    static final String[] OUTPUT = {"session", "region", "subject", "grade", "group_level", "group_id",
            "municipality_code", "school_id", "class", "teacher_id", "teacher_name", "mark_group", "task_index", "task",
            "level", "skill", "task_max", "works", "solve_rate", "solve_rate_municipality", "solve_rate_region",
            "gap_to_region", "achieved", "weak", "small_group", "weak_rank"};

    private WeakSpots() {
    }

    /**
     * @param works  the {@code results} table (one row per work, its task scores in {@code scores}, its scale in
     *               {@code scale_key}), optionally with {@code teacher_id} and {@code teacher_name} attached by
     *               {@link TeacherMapping#attach}
     * @param scales the run's scales: the tasks, their maxima, levels and skills of each {@code scale_key}
     */
    public static Dataset<Row> compute(Dataset<Row> works, MarkScales scales, IndicatorConfig cfg) {
        List<String> columns = Arrays.asList(works.columns());
        Column none = lit(null).cast(DataTypes.StringType);
        Column[] read = new Column[WeakSpotSums.WORK_COLUMNS.length];
        for (int i = 0; i < read.length; i++) {
            String c = WeakSpotSums.WORK_COLUMNS[i];
            read[i] = columns.contains(c) || !c.startsWith("teacher_") ? col(c) : none.as(c);
        }
        // Every group level is a sum over classes: the works are summed per class, teacher, task and VPR mark in
        // each partition (WeakSpotSums, in plain Java: no row per task), each reference's partial sums are added up,
        // and they make all its levels (WeakSpotGroups).
        Dataset<Row> selected = works.select(read);
        WeakSpotSums sums = new WeakSpotSums(scales);
        Dataset<Row> partial = selected.mapPartitions((MapPartitionsFunction<Row, Row>) sums::partial,
                Encoders.row(WeakSpotSums.partialSchema(selected.schema())));
        WeakSpotGroups groups = new WeakSpotGroups(cfg);
        FlatMapGroupsFunction<Row, Row, Row> levels = (reference, rows) -> groups.rows(sums.merge(rows));
        return ReferenceGroups.of(partial, Keys.WORK).flatMapGroups(levels, Encoders.row(schema(selected.schema())));
    }

    /** The output's schema: the works' types for the columns taken from them, the task's and the computed ones declared. */
    private static StructType schema(StructType works) {
        Map<String, DataType> computed = Map.ofEntries(Map.entry("group_level", DataTypes.StringType),
                Map.entry("group_id", DataTypes.StringType), Map.entry("mark_group", DataTypes.StringType),
                Map.entry("works", DataTypes.LongType), Map.entry("solve_rate", DataTypes.DoubleType),
                Map.entry("solve_rate_municipality", DataTypes.DoubleType), Map.entry("solve_rate_region", DataTypes.DoubleType),
                Map.entry("gap_to_region", DataTypes.DoubleType), Map.entry("achieved", DataTypes.BooleanType),
                Map.entry("weak", DataTypes.BooleanType), Map.entry("small_group", DataTypes.BooleanType),
                Map.entry("weak_rank", DataTypes.IntegerType), Map.entry("task_index", DataTypes.IntegerType),
                Map.entry("task", DataTypes.StringType), Map.entry("task_max", DataTypes.IntegerType),
                Map.entry("level", DataTypes.StringType), Map.entry("skill", DataTypes.StringType));
        List<StructField> fields = new ArrayList<>();
        for (String c : OUTPUT) {
            DataType type = computed.containsKey(c) ? computed.get(c) : works.apply(c).dataType();
            fields.add(DataTypes.createStructField(c, type, true));
        }
        return DataTypes.createStructType(fields);
    }
}
