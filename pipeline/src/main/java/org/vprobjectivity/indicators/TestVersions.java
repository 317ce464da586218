package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring_index;

/**
 * The test version each work was written in ({@code indicators/test-versions}, issue 19, the comparability guard): per
 * session × subject × grade the mark scale the ingest used ({@code scale_key}, e.g. {@code MA-4-2021}: the entry in
 * force from 2021), its maximum primary score and its number of tasks (the longest score vector of the session's
 * works) and, from the scale, its task list ({@link #TASK_MAXIMA}, {@link #withTaskMaxima}). A comparison over time of raw percentages is fair only when the works compared keep their version: a new
 * version changes what a percentage of the maximum means. The comparisons that read this table: the jump of a cell
 * ({@code jump_comparable}, flags/cells) and the cohort ({@code comparable}, indicators/cohort).
 */
public final class TestVersions {

    /** The version id: the scale entry's key (subject-grade-from_year). */
    public static final String VERSION = "version";
    /** The year the version came into force (the scale entry's {@code from_year}, the key's last part). */
    public static final String VERSION_YEAR = "version_year";
    public static final String MAX_SCORE = "max_score";
    public static final String TASKS = "tasks";
    public static final String WORKS = "works";
    /** The version's task list: each task's maximum score, in task order (from the mark scale). */
    public static final String TASK_MAXIMA = "task_maxima";
    /** The input column with the number of task scores of a work (size of {@code scores}). */
    public static final String WORK_TASKS = "work_tasks";

    private TestVersions() {
    }

    /** The columns {@link #compute} needs, from {@code results} joined with {@link ScaleColumns}. */
    public static Column[] inputColumns() {
        return new Column[] {col("session"), col("subject"), col("grade"), col("scale_key"), col("max_score"),
                size(col("scores")).as(WORK_TASKS)};
    }

    /**
     * @param works rows with {@link #inputColumns()}: one per work, of every session at hand
     * @return one row per session × subject × grade (a session's works of one subject and grade share their scale)
     */
    public static Dataset<Row> compute(Dataset<Row> works) {
        return works.filter(col("scale_key").isNotNull()).groupBy("session", "subject", "grade")
                .agg(first(col("scale_key"), true).as(VERSION), max(col("max_score")).as(MAX_SCORE),
                        max(col(WORK_TASKS)).as(TASKS), count(lit(1)).as(WORKS))
                .withColumn(VERSION_YEAR, substring_index(col(VERSION), "-", -1).cast("int"))
                .select(col("session"), col("subject"), col("grade"), col(VERSION), col(VERSION_YEAR), col(MAX_SCORE),
                        col(TASKS), col(WORKS));
    }

    /**
     * The versions with their task list from the scales ({@link #TASK_MAXIMA}, null for a version the scales do not
     * know): what changed between two versions, not only that the version did.
     */
    public static Dataset<Row> withTaskMaxima(Dataset<Row> versions, SparkSession spark, MarkScales scales) {
        List<Row> rows = new ArrayList<>();
        for (MarkScale s : scales.entries()) {
            rows.add(RowFactory.create(s.key(), s.tasks().stream().map(t -> t.max()).toList().toArray(new Integer[0])));
        }
        StructType schema = new StructType().add("__version", DataTypes.StringType)
                .add(TASK_MAXIMA, DataTypes.createArrayType(DataTypes.IntegerType));
        Dataset<Row> lists = spark.createDataFrame(rows, schema);
        return versions.join(lists, versions.col(VERSION).equalTo(lists.col("__version")), "left").drop("__version");
    }
}
