package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

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

    private static final String[] TASK = {"session", "region", "subject", "grade", "task_index", "mark_group"};
    private static final String[] OUTPUT = {"session", "region", "subject", "grade", "group_level", "group_id",
            "municipality_code", "school_id", "class", "teacher_id", "teacher_name", "mark_group", "task_index", "task",
            "level", "skill", "task_max", "works", "solve_rate", "solve_rate_municipality", "solve_rate_region",
            "gap_to_region", "achieved", "weak", "small_group", "weak_rank"};

    private WeakSpots() {
    }

    /**
     * @param taskScores the {@code task_scores} table (work × task), optionally with {@code teacher_id} and
     *                   {@code teacher_name} attached by {@link TeacherMapping#attach}
     */
    public static Dataset<Row> compute(Dataset<Row> taskScores, IndicatorConfig cfg) {
        List<String> columns = Arrays.asList(taskScores.columns());
        boolean teachers = columns.contains("teacher_id");
        Column teacherName = columns.contains("teacher_name") ? col("teacher_name") : lit(null).cast(DataTypes.StringType);
        Dataset<Row> scored = taskScores
                .filter(col("task_max").gt(0))
                .withColumn("share", try_divide(coalesce(col("score"), lit(0)).cast(DataTypes.DoubleType), col("task_max")))
                .withColumn("teacher_name", teacherName);
        if (!teachers) {
            scored = scored.withColumn("teacher_id", lit(null).cast(DataTypes.StringType));
        }
        // Work × task rows are many (15 per work); every group level is a sum over classes, so they are summed
        // once per class, task and VPR mark (a hash aggregation: all descriptive columns are keys) and the
        // levels are built from those sums. The query reuses this one shuffle for all levels.
        Dataset<Row> base = scored
                .groupBy(Keys.cols("session", "region", "subject", "grade", "task_index", "mark", "municipality_code",
                        "school_id", "class", "teacher_id", "teacher_name", "task", "task_max", "level", "skill"))
                .agg(count(lit(1)).as("__n"), sum("share").as("__share_sum"))
                .withColumn("mark_group", explode(array(lit(ALL_MARKS),
                        when(col("mark").isin(3, 4, 5), col("mark").cast(DataTypes.StringType)))))
                .filter(col("mark_group").isNotNull());

        Column none = lit(null).cast(DataTypes.StringType);
        String[] schoolKeys = {"school_id"};
        String[] classKeys = {"school_id", "class"};
        String[] teacherKeys = {"teacher_id"};
        Dataset<Row> region = level(base, REGION, new String[0], col("region"), none, none, none, none, none);
        Dataset<Row> municipality = level(base, MUNICIPALITY, new String[]{"municipality_code"}, col("municipality_code"),
                col("municipality_code"), none, none, none, none);
        Dataset<Row> school = level(base, SCHOOL, schoolKeys, col("school_id"),
                single("municipality_code", schoolKeys), col("school_id"), none, none, none);
        Dataset<Row> cls = level(base, CLASS, classKeys, concat_ws("/", col("school_id"), coalesce(col("class"), lit("?"))),
                single("municipality_code", classKeys), col("school_id"), col("class"), none, none);
        Dataset<Row> all = region.unionByName(municipality).unionByName(school).unionByName(cls);
        if (teachers) {
            all = all.unionByName(level(base.filter(col("teacher_id").isNotNull()), TEACHER, teacherKeys, col("teacher_id"),
                    single("municipality_code", teacherKeys), single("school_id", teacherKeys), none, col("teacher_id"),
                    max(col("__teacher_name_max")).over(groupWindow(teacherKeys))));
        }

        Dataset<Row> municipalityRate = municipality.filter(col("municipality_code").isNotNull())
                .select(col("session"), col("region"), col("municipality_code"), col("subject"), col("grade"),
                        col("task_index"), col("mark_group"), col("solve_rate").as("solve_rate_municipality"));
        Dataset<Row> regionRate = region.select(col("session"), col("region"), col("subject"), col("grade"),
                col("task_index"), col("mark_group"), col("solve_rate").as("solve_rate_region"));
        String[] municipalityKeys = {"session", "region", "municipality_code", "subject", "grade", "task_index", "mark_group"};
        all = Keys.join(all, municipalityRate, municipalityKeys, "left");
        all = Keys.join(all, regionRate, TASK, "left");

        Column level = upper(trim(col("level")));
        Column rate = col("solve_rate");
        Column gap = col("gap_to_region");
        Dataset<Row> flagged = all
                .withColumn("gap_to_region", rate.minus(col("solve_rate_region")))
                .withColumn("achieved", when(level.equalTo("Б"), rate.geq(cfg.basicAchieved - EPS))
                        .when(level.isin("П", "В"), rate.geq(cfg.advancedAchieved - EPS)))
                .withColumn("weak", rate.lt(cfg.weakSolveRate - EPS).or(gap.lt(-cfg.weakUnderRegion - EPS)))
                .withColumn("small_group", col("works").lt(cfg.weakMinGroupWorks))
                .withColumn("__rankable", coalesce(col("weak"), lit(false)).and(col("small_group").unary_$bang()));
        Column[] partition = Keys.cols("session", "region", "group_level", "group_id", "subject", "grade", "mark_group",
                "__rankable");
        return flagged
                .withColumn("weak_rank", when(col("__rankable"), row_number().over(Window.partitionBy(partition)
                        .orderBy(round(gap, HighResults.TIE_DIGITS).asc_nulls_last(),
                                round(rate, HighResults.TIE_DIGITS).asc_nulls_last(), col("task_index").asc()))))
                .select(Keys.cols(OUTPUT));
    }

    /**
     * One group level: per task and mark group, works and mean share, with the task's scale attributes. The
     * descriptive columns (municipality, school, class, teacher) are expressions over the aggregated rows; those
     * that are not keys are taken over all the group's rows ({@link #single}), so they do not change with the
     * mark group.
     */
    private static Dataset<Row> level(Dataset<Row> base, String name, String[] groupKeys, Column groupId,
                                      Column municipalityCode, Column schoolId, Column cls, Column teacherId,
                                      Column teacherName) {
        List<String> keys = new ArrayList<>(Arrays.asList(TASK));
        keys.addAll(Arrays.asList(groupKeys));
        return base.groupBy(Keys.cols(keys.toArray(String[]::new))).agg(
                        sum("__n").as("works"),
                        try_divide(sum("__share_sum"), sum("__n")).as("solve_rate"),
                        Aggregates.largest("task").as("task"),
                        max("task_max").as("task_max"),
                        Aggregates.largest("level").as("level"),
                        Aggregates.largest("skill").as("skill"),
                        Aggregates.smallest("municipality_code").as("__municipality_code_min"),
                        Aggregates.largest("municipality_code").as("__municipality_code_max"),
                        Aggregates.smallest("school_id").as("__school_id_min"),
                        Aggregates.largest("school_id").as("__school_id_max"),
                        Aggregates.largest("teacher_name").as("__teacher_name_max"))
                .select(col("session"), col("region"), col("subject"), col("grade"), col("task_index"), col("mark_group"),
                        lit(name).as("group_level"), groupId.as("group_id"),
                        municipalityCode.as("municipality_code"), schoolId.as("school_id"),
                        cls.as("class"), teacherId.as("teacher_id"),
                        teacherName.cast(DataTypes.StringType).as("teacher_name"),
                        col("task"), col("level"), col("skill"), col("task_max"), col("works"), col("solve_rate"));
    }

    /**
     * Over the aggregated rows of one group level: the column's value when the group's works have exactly one
     * (nulls aside), else null, taken over all tasks and mark groups of the group (a school's municipality, the
     * school of a teacher who teaches in one school only).
     */
    private static Column single(String column, String[] groupKeys) {
        WindowSpec group = groupWindow(groupKeys);
        Column lo = min(col("__" + column + "_min")).over(group);
        Column hi = max(col("__" + column + "_max")).over(group);
        return when(lo.equalTo(hi), hi);
    }

    /** The rows of one group of a level: same work and group keys, any task and mark group. */
    private static WindowSpec groupWindow(String[] groupKeys) {
        List<String> keys = new ArrayList<>(Arrays.asList(Keys.WORK));
        keys.addAll(Arrays.asList(groupKeys));
        return Window.partitionBy(Keys.cols(keys.toArray(String[]::new)));
    }
}
