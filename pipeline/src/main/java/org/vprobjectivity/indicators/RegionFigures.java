package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The reference itself, one row per work (session, region, subject, grade): mark shares, journal-mark
 * shares, lowered/confirmed/raised shares and the mean score — the figures FIS OKO's «Статистика по
 * отметкам» and «Сравнение отметок с отметками по журналу» show for a region.
 */
public final class RegionFigures {

    private RegionFigures() {
    }

    /**
     * The figures with the region's bunching at each mark cut attached: {@code bunching} (one struct per
     * cut: window, observed and counterfactual counts, excess and missing mass, SE, z, p) and, for quick
     * reading, {@code bunching<k>_excess} and {@code bunching<k>_p} for k = 3, 4, 5.
     */
    public static Dataset<Row> compute(Dataset<Row> results, Dataset<Row> regionBunching) {
        Dataset<Row> perWork = regionBunching.groupBy(Keys.cols(Keys.WORK)).agg(
                collect_list(struct("cut", "cut_score", "window_from", "window_to", "observed", "counterfactual",
                        "excess_mass", "missing_mass", "bunching_ratio", "bunching_se", "bunching_z", "bunching_p",
                        "degree", "share_above_in_window")).as("bunching"),
                cutValue(3, "excess_mass"), cutValue(3, "bunching_p"),
                cutValue(4, "excess_mass"), cutValue(4, "bunching_p"),
                cutValue(5, "excess_mass"), cutValue(5, "bunching_p"));
        return Keys.join(compute(results), perWork, Keys.WORK, "left");
    }

    private static Column cutValue(int cut, String column) {
        String name = "bunching" + cut + (column.equals("excess_mass") ? "_excess" : "_p");
        return first(when(col("cut").equalTo(cut), col(column)), true).as(name);
    }

    public static Dataset<Row> compute(Dataset<Row> results) {
        Column hasJournal = col("journal_mark").isNotNull();
        Column diff = col("mark").minus(col("journal_mark"));
        Dataset<Row> agg = results.groupBy(Keys.cols(Keys.WORK)).agg(
                count(lit(1)).as("works"),
                count("school_id").as("works_with_school"),
                avg("primary_score").as("mean_score"),
                avg(try_divide(col("primary_score").multiply(100.0), col("max_score"))).as("mean_score_pct"),
                share(col("mark").equalTo(2), lit(true)).as("share_2"),
                share(col("mark").equalTo(3), lit(true)).as("share_3"),
                share(col("mark").equalTo(4), lit(true)).as("share_4"),
                share(col("mark").equalTo(5), lit(true)).as("share_5"),
                share(col("journal_mark").equalTo(2), hasJournal).as("journal_share_2"),
                share(col("journal_mark").equalTo(3), hasJournal).as("journal_share_3"),
                share(col("journal_mark").equalTo(4), hasJournal).as("journal_share_4"),
                share(col("journal_mark").equalTo(5), hasJournal).as("journal_share_5"),
                share(diff.lt(0), hasJournal).as("lowered_share"),
                share(diff.equalTo(0), hasJournal).as("confirmed_share"),
                share(diff.gt(0), hasJournal).as("raised_share"),
                sum(when(hasJournal, 0).otherwise(1)).as("works_without_journal"));
        return agg.withColumn("quality_share", col("share_4").plus(col("share_5"))).drop("works_with_school");
    }

    /** Share of rows meeting {@code condition} among rows meeting {@code among}. */
    private static Column share(Column condition, Column among) {
        return try_divide(sum(when(among.and(condition), 1).otherwise(0)), sum(when(among, 1).otherwise(0)));
    }
}
