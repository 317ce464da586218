package org.vprobjectivity.recheck;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.zip_with;

/**
 * The re-check's tables from the works read back ({@link FormReader}) and the plan:
 * <ul>
 *   <li>{@code recheck/works}: per work the school's and the commission's task scores, {@code task_diffs}
 *   (school − commission per task), {@code point_diff} (school − commission, positive = the school gave more), the
 *   mark before and after, {@code mark_changed};</li>
 *   <li>{@code recheck/schools} (school × subject × grade × stratum): works re-checked, the share whose mark changed,
 *   the mean and SD of the point difference, works lowered and raised, the share judged objectively marked (mark
 *   unchanged), exact agreement of task scores, and the discrepancy against the control group of the same session,
 *   subject and grade ({@link Agreement#discrepancyMidP}; a control school against the other control works, which
 *   is the test's null check); {@code discrepancy_confirmed}: p &lt; {@value #CONFIRM_P} and at least
 *   {@value #CONFIRM_POINTS} point more per work than the commission gave;</li>
 *   <li>{@code recheck/tasks} (task × subject × grade × stratum): exact agreement, mean difference and the
 *   quadratic-weighted kappa ({@link Agreement#weightedKappa}): where commissions and schools disagree most;</li>
 *   <li>{@code recheck/rejects}: every quarantined cell, row or file.</li>
 * </ul>
 */
public final class RecheckResults {

    public static final double CONFIRM_P = 0.05;
    public static final double CONFIRM_POINTS = 1.0;

    /** What one reading gave. */
    public record Summary(int formsRead, long worksRead, int problems, long schoolsConfirmed, long schoolsCleared) {
    }

    private RecheckResults() {
    }

    public static Summary write(SparkSession spark, String outputDir, MarkScales scales, FormReader.Reading reading) {
        Dataset<Row> plan = spark.read().parquet(outputDir + "/" + RecheckTables.PLAN);
        List<Row> expertRows = new ArrayList<>();
        for (FormReader.ExpertWork w : reading.works()) {
            expertRows.add(RowFactory.create(w.workId(), Arrays.asList(w.scores()), w.file(), w.row()));
        }
        Dataset<Row> experts = spark.createDataFrame(expertRows, RecheckTables.EXPERT_SCHEMA);
        Dataset<Row> works = works(plan.join(experts, new String[] {RecheckTables.WORK_ID}, "inner"));
        works.write().mode("overwrite").parquet(outputDir + "/" + RecheckTables.WORKS);
        Dataset<Row> written = spark.read().parquet(outputDir + "/" + RecheckTables.WORKS);
        Dataset<Row> schools = schools(written);
        schools.write().mode("overwrite").parquet(outputDir + "/" + RecheckTables.SCHOOLS);
        tasks(written, scales).write().mode("overwrite").parquet(outputDir + "/" + RecheckTables.TASKS);
        List<Row> rejectRows = new ArrayList<>();
        for (FormReader.Problem p : reading.problems()) {
            rejectRows.add(RowFactory.create(p.file(), p.sheet(), p.row(), p.column(), p.value(), p.reason()));
        }
        spark.createDataFrame(rejectRows, RecheckTables.REJECTS_SCHEMA).coalesce(1).write().mode("overwrite")
                .parquet(outputDir + "/" + RecheckTables.REJECTS);
        Dataset<Row> targeted = spark.read().parquet(outputDir + "/" + RecheckTables.SCHOOLS)
                .filter(col(RecheckTables.STRATUM).equalTo(RecheckTables.TARGETED));
        long confirmed = targeted.filter(col(RecheckTables.CONFIRMED)).count();
        long cleared = targeted.filter(col(RecheckTables.MARK_CHANGED_SHARE).equalTo(0)).count();
        return new Summary(reading.formsRead(), written.count(), reading.problems().size(), confirmed, cleared);
    }

    /** The mark of a score by the work's cuts (as the scale's {@code markFor}). */
    static Column mark(Column score) {
        return when(score.geq(col("cut5")), 5).when(score.geq(col("cut4")), 4).when(score.geq(col("cut3")), 3).otherwise(2);
    }

    static Dataset<Row> works(Dataset<Row> joined) {
        Column expertScore = aggregate(col(RecheckTables.EXPERT_SCORES), lit(0), (acc, x) -> acc.plus(coalesce(x, lit(0))));
        Column diffs = zip_with(col(RecheckTables.ORIGINAL_SCORES), col(RecheckTables.EXPERT_SCORES),
                (a, b) -> coalesce(a, lit(0)).minus(coalesce(b, lit(0))));
        return joined.withColumn(RecheckTables.EXPERT_SCORE, expertScore)
                .withColumn(RecheckTables.EXPERT_MARK, mark(col(RecheckTables.EXPERT_SCORE)))
                .withColumn(RecheckTables.TASK_DIFFS, diffs)
                .withColumn(RecheckTables.POINT_DIFF, col(RecheckTables.ORIGINAL_SCORE).minus(col(RecheckTables.EXPERT_SCORE)))
                .withColumn(RecheckTables.MARK_CHANGED, col(RecheckTables.ORIGINAL_MARK).notEqual(col(RecheckTables.EXPERT_MARK)))
                .withColumn(RecheckTables.TASKS_AGREEING, size(filter(col(RecheckTables.TASK_DIFFS), d -> d.equalTo(0)))
                        .divide(size(col(RecheckTables.TASK_DIFFS))));
    }

    static Dataset<Row> schools(Dataset<Row> works) {
        String[] keys = {"session", "region", "school_id", "subject", "grade", RecheckTables.STRATUM};
        Dataset<Row> perSchool = works.groupBy(Keys.cols(keys)).agg(
                first("municipality_code", true).as("municipality_code"),
                first("municipality", true).as("municipality"),
                count(lit(1)).as(RecheckTables.WORKS_RECHECKED),
                avg(col(RecheckTables.MARK_CHANGED).cast("double")).as(RecheckTables.MARK_CHANGED_SHARE),
                avg(RecheckTables.POINT_DIFF).as(RecheckTables.MEAN_POINT_DIFF),
                stddev_samp(RecheckTables.POINT_DIFF).as(RecheckTables.POINT_DIFF_SD),
                sum(when(col(RecheckTables.POINT_DIFF).gt(0), 1).otherwise(0)).as(RecheckTables.WORKS_LOWERED),
                sum(when(col(RecheckTables.POINT_DIFF).lt(0), 1).otherwise(0)).as(RecheckTables.WORKS_RAISED),
                avg(RecheckTables.TASKS_AGREEING).as(RecheckTables.EXACT_AGREEMENT));
        Dataset<Row> control = works.filter(col(RecheckTables.STRATUM).equalTo(RecheckTables.CONTROL))
                .groupBy(Keys.cols(Keys.WORK)).agg(
                        count(lit(1)).as("__control_works"),
                        sum(when(col(RecheckTables.POINT_DIFF).gt(0), 1).otherwise(0)).as("__control_lowered"),
                        sum(RecheckTables.POINT_DIFF).as("__control_diff"));
        // A control school is compared with the other control works (leave one out): the test's own null check.
        Column own = col(RecheckTables.STRATUM).equalTo(RecheckTables.CONTROL);
        Column controlWorks = col("__control_works").minus(when(own, col(RecheckTables.WORKS_RECHECKED)).otherwise(0));
        Column controlLowered = col("__control_lowered").minus(when(own, col(RecheckTables.WORKS_LOWERED)).otherwise(0));
        Column controlDiff = col("__control_diff").minus(when(own, col(RecheckTables.MEAN_POINT_DIFF)
                .multiply(col(RecheckTables.WORKS_RECHECKED))).otherwise(0));
        UserDefinedFunction midP = udf((UDF4<Long, Long, Long, Long, Double>) (k, n, c, m) -> {
            double p = Agreement.discrepancyMidP(k.intValue(), n.intValue(), c.intValue(), m.intValue());
            return Double.isNaN(p) ? null : p;
        }, DataTypes.DoubleType);
        return Keys.join(perSchool, control, Keys.WORK, "left")
                .withColumn(RecheckTables.OBJECTIVE_SHARE, lit(1.0).minus(col(RecheckTables.MARK_CHANGED_SHARE)))
                .withColumn(RecheckTables.CONTROL_WORKS, coalesce(controlWorks, lit(0L)))
                .withColumn(RecheckTables.CONTROL_LOWERED, coalesce(controlLowered, lit(0L)))
                .withColumn(RecheckTables.CONTROL_MEAN_DIFF, when(col(RecheckTables.CONTROL_WORKS).gt(0),
                        controlDiff.divide(col(RecheckTables.CONTROL_WORKS))))
                .withColumn(RecheckTables.DISCREPANCY_P, midP.apply(col(RecheckTables.WORKS_LOWERED).cast("long"),
                        col(RecheckTables.WORKS_RECHECKED), col(RecheckTables.CONTROL_LOWERED).cast("long"),
                        col(RecheckTables.CONTROL_WORKS).cast("long")))
                .withColumn(RecheckTables.CONFIRMED, coalesce(col(RecheckTables.DISCREPANCY_P).lt(CONFIRM_P)
                        .and(col(RecheckTables.MEAN_POINT_DIFF).minus(coalesce(col(RecheckTables.CONTROL_MEAN_DIFF), lit(0.0)))
                                .geq(CONFIRM_POINTS)), lit(false)))
                .drop("__control_works", "__control_lowered", "__control_diff");
    }

    static Dataset<Row> tasks(Dataset<Row> works, MarkScales scales) {
        Map<String, List<String>> names = new HashMap<>();
        Map<String, List<Integer>> maxima = new HashMap<>();
        for (MarkScale s : scales.entries()) {
            names.put(s.key(), s.tasks().stream().map(t -> t.name()).toList());
            maxima.put(s.key(), s.tasks().stream().map(t -> t.max()).toList());
        }
        UserDefinedFunction taskName = udf((UDF2<String, Integer, String>) (key, i) ->
                names.containsKey(key) && i < names.get(key).size() ? names.get(key).get(i) : null, DataTypes.StringType);
        UserDefinedFunction taskMax = udf((UDF2<String, Integer, Integer>) (key, i) ->
                maxima.containsKey(key) && i < maxima.get(key).size() ? maxima.get(key).get(i) : null, DataTypes.IntegerType);
        UserDefinedFunction kappa = udf((UDF2<Seq<Row>, Integer, Double>) (pairs, max) -> {
            List<Row> list = CollectionConverters.asJava(pairs);
            int[] a = new int[list.size()];
            int[] b = new int[list.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = list.get(i).getInt(0);
                b[i] = list.get(i).getInt(1);
            }
            double k = Agreement.weightedKappa(a, b, max == null ? 0 : max);
            return Double.isNaN(k) ? null : k;
        }, DataTypes.DoubleType);
        Dataset<Row> perTask = works.select(col("session"), col("region"), col("subject"), col("grade"), col("scale_key"),
                        col(RecheckTables.STRATUM), posexplode(zip_with(col(RecheckTables.ORIGINAL_SCORES),
                                col(RecheckTables.EXPERT_SCORES), (a, b) -> struct(coalesce(a, lit(0)).as("school"),
                                        coalesce(b, lit(0)).as("commission")))).as(new String[] {RecheckTables.TASK_INDEX, "pair"}));
        return perTask.groupBy(col("session"), col("region"), col("subject"), col("grade"), col("scale_key"),
                        col(RecheckTables.STRATUM), col(RecheckTables.TASK_INDEX))
                .agg(count(lit(1)).as("works"),
                        avg(col("pair.school").equalTo(col("pair.commission")).cast("double")).as(RecheckTables.EXACT_AGREEMENT),
                        avg(col("pair.school").minus(col("pair.commission"))).as(RecheckTables.MEAN_DIFF),
                        collect_list(col("pair")).as("__pairs"))
                .withColumn(RecheckTables.TASK, taskName.apply(col("scale_key"), col(RecheckTables.TASK_INDEX)))
                .withColumn(RecheckTables.TASK_MAX, taskMax.apply(col("scale_key"), col(RecheckTables.TASK_INDEX)))
                .withColumn(RecheckTables.WEIGHTED_KAPPA, kappa.apply(col("__pairs"), col(RecheckTables.TASK_MAX)))
                .drop("__pairs");
    }
}
