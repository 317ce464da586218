package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percent_rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Anomalously high results (docs/design.md §2): shares of marks 2..5, «качество» = share of 4 and 5,
 * mean primary score as % of the work's maximum; the quality count tested against the reference by the
 * clustered beta-binomial tail with its empirical-Bayes shrunk share ({@link ClusteredShareTest}); and
 * the cell's percentile among the work's cells (percent rank of the quality share and of the mean %).
 * High results alone are not a flag: they count only with an independent sign (flags stage).
 */
public final class HighResults {

    /**
     * Decimal places kept when a computed mean or share is ranked: values equal in exact arithmetic tie, whichever
     * order Spark summed them in.
     */
    static final int TIE_DIGITS = 9;

    private HighResults() {
    }

    /** @param results the {@code results} table with {@code max_score} joined (see {@link ScaleColumns}) */
    public static Dataset<Row> compute(Dataset<Row> results, String[] cell) {
        Dataset<Row> counts = ReferenceLevel.ensureTagged(results).groupBy(Keys.cols(cell)).agg(
                ReferenceLevel.unitOfCell(),
                count(lit(1)).as("n"),
                markCount(2), markCount(3), markCount(4), markCount(5),
                avg(try_divide(col("primary_score").multiply(100.0), col("max_score"))).as("mean_score_pct"),
                avg("primary_score").as("mean_score"));
        Dataset<Row> shares = counts
                .withColumn("quality", col("marks_4").plus(col("marks_5")))
                .withColumn("share_2", try_divide(col("marks_2"), col("n")))
                .withColumn("share_3", try_divide(col("marks_3"), col("n")))
                .withColumn("share_4", try_divide(col("marks_4"), col("n")))
                .withColumn("share_5", try_divide(col("marks_5"), col("n")))
                .withColumn("quality_share", try_divide(col("quality"), col("n")));
        Dataset<Row> tested = ClusteredShareTest.upperTail(shares, ReferenceLevel.KEYS, "quality", "n", "quality");
        Column[] work = Keys.cols(Keys.WORK);
        return tested
                .withColumn("quality_percentile", percent_rank().over(Window.partitionBy(work).orderBy("quality_share")).multiply(100))
                // Rounded: a mean is a sum whose last bits depend on the order Spark adds it in, and two cells with
                // the same mean must tie whatever the partitioning (the cluster check compares runs).
                .withColumn("mean_pct_percentile", percent_rank().over(Window.partitionBy(work)
                        .orderBy(round(col("mean_score_pct"), TIE_DIGITS))).multiply(100));
    }

    private static Column markCount(int mark) {
        return sum(when(col("mark").equalTo(mark), 1).otherwise(0)).as("marks_" + mark);
    }
}
