package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.covar_samp;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The official FIOKO markers, reproduced exactly. Source: FIOKO, «Методика расчета показателя "Уровень
 * объективности оценки образовательных результатов в субъекте Российской Федерации"», appendix
 * «Математический алгоритм маркировки образовательных организаций» (see docs/design.md, section 0).
 * <ul>
 * <li>Marker 1, «Завышенные значения среднего балла»: region 95% interval x̄ ± 1.96·s/√n over all its
 * participants of the work; school interval likewise over its own m participants; marked when the
 * school's lower bound is above the region's upper bound. s is the sample SD (n − 1).</li>
 * <li>Marker 2, «Несоответствие результатов и школьных отметок»: Spearman's r_s between journal mark
 * and primary score over the school's participants that have a journal mark; marked when r_s &lt; 0.
 * Spearman with ties = Pearson correlation of average ranks.</li>
 * <li>Marker 3 (cohort change, {@link CohortMarker}) needs two sessions: {@link #withCohorts} sets it on the later
 * work of the cohort (grade g + 1 of year Y + 1, the work the change shows in); null where no cohort could be
 * formed.</li>
 * </ul>
 * The official list covers Russian and mathematics in grades 4 and 5 ({@code official_work}); the
 * markers are computed for every work so analysts can look further.
 */
public final class OfficialMarkers {

    /** z for a two-sided 95% interval, as the FIOKO method states it (1.96, not the exact quantile). */
    public static final double Z95 = 1.96;

    private OfficialMarkers() {
    }

    /** @param results the {@code results} table; one output row per school × work */
    public static Dataset<Row> compute(Dataset<Row> results) {
        Dataset<Row> region = results.groupBy(Keys.cols(Keys.WORK))
                .agg(count(lit(1)).as("region_n"), avg("primary_score").as("region_mean"),
                        stddev_samp("primary_score").as("region_sd"))
                .withColumn("region_ci_lower", col("region_mean").minus(halfWidth("region_sd", "region_n")))
                .withColumn("region_ci_upper", col("region_mean").plus(halfWidth("region_sd", "region_n")));
        Dataset<Row> school = results.groupBy(Keys.cols(Keys.SCHOOL))
                .agg(Aggregates.anyValue("municipality_code").as("municipality_code"), Aggregates.anyValue("municipality").as("municipality"),
                        Aggregates.anyValue("school_name").as("school_name"),
                        count(lit(1)).as("school_n"), avg("primary_score").as("school_mean"),
                        stddev_samp("primary_score").as("school_sd"))
                .withColumn("school_ci_lower", col("school_mean").minus(halfWidth("school_sd", "school_n")))
                .withColumn("school_ci_upper", col("school_mean").plus(halfWidth("school_sd", "school_n")));
        Dataset<Row> spearman = spearmanJournalVsScore(results);

        Column inflated = col("school_ci_lower").gt(col("region_ci_upper"));
        Column mismatch = col("spearman_journal_score").isNotNull().and(col("spearman_sign_numerator").lt(0));
        return Keys.join(Keys.join(school, region, Keys.WORK, "left"), spearman, Keys.SCHOOL, "left")
                .withColumn("marker_inflated_mean", when(inflated, true).otherwise(false))
                .withColumn("marker_mismatch", when(mismatch, true).otherwise(false))
                .withColumn("marker_cohort_change", lit(null).cast("boolean"))
                .withColumn("official_work", col("subject").isin("RU", "MA").and(col("grade").isin(4, 5)))
                .withColumn("markers", col("marker_inflated_mean").cast("int").plus(col("marker_mismatch").cast("int")));
    }

    /**
     * r_s per school over works with a journal mark: Pearson correlation of average ranks (ties share
     * their mean rank). The marker needs only the sign of r_s, decided on doubled (integer) ranks centred on
     * their mean n+1: Σ(x−(n+1))·(y−(n+1)), so a school whose r_s is exactly 0 is never marked by rounding.
     * The centred products are at most n² and are summed as doubles: the old n·Σxy − Σx·Σy in longs overflowed
     * (an ANSI error that stopped the run) at about 100,000 works in one school; in doubles the sum is exact up to
     * about 200,000 works (|Σ| ≤ n³ < 2^53) and never overflows beyond.
     */
    static Dataset<Row> spearmanJournalVsScore(Dataset<Row> results) {
        Dataset<Row> withJournal = results.filter(col("journal_mark").isNotNull());
        Column[] cell = Keys.cols(Keys.SCHOOL);
        Column doubledMeanRank = count(lit(1)).over(Window.partitionBy(cell)).plus(1);
        Dataset<Row> ranked = withJournal
                .withColumn("rank_journal", doubledAverageRank(cell, "journal_mark"))
                .withColumn("rank_score", doubledAverageRank(cell, "primary_score"))
                .withColumn("doubled_mean_rank", doubledMeanRank);
        Column n = count(lit(1));
        Column numerator = sum(col("rank_journal").minus(col("doubled_mean_rank"))
                .multiply(col("rank_score").minus(col("doubled_mean_rank"))).cast("double"));
        return ranked.groupBy(cell).agg(n.as("n_with_journal"),
                        // cov/(sd·sd) rather than corr(): under ANSI mode corr() throws on a constant column; this yields null.
                        try_divide(covar_samp("rank_journal", "rank_score"),
                                stddev_samp("rank_journal").multiply(stddev_samp("rank_score"))).as("spearman_journal_score"),
                        numerator.as("spearman_sign_numerator"));
    }

    /** Twice the average rank of {@code value} within the cell, an integer: 2·(min rank) + ties − 1. */
    private static Column doubledAverageRank(Column[] cell, String value) {
        WindowSpec ordered = Window.partitionBy(cell).orderBy(col(value));
        Column[] cellAndValue = new Column[cell.length + 1];
        System.arraycopy(cell, 0, cellAndValue, 0, cell.length);
        cellAndValue[cell.length] = col(value);
        WindowSpec ties = Window.partitionBy(cellAndValue);
        return rank().over(ordered).cast("long").multiply(2).plus(count(lit(1)).over(ties)).minus(1);
    }

    private static Column halfWidth(String sd, String n) {
        return try_divide(lit(Z95).multiply(col(sd)), sqrt(col(n)));
    }

    /**
     * Marker 3 from {@code indicators/cohort} on the later work of each cohort: {@code marker_cohort_change} =
     * sharp fall or sharp rise (null where the school has no cohort for the work), counted in {@code markers}.
     *
     * @param cohorts {@link CohortMarker#compute} rows, or null when none could be formed
     */
    public static Dataset<Row> withCohorts(Dataset<Row> official, Dataset<Row> cohorts) {
        if (cohorts == null) {
            return official;
        }
        Dataset<Row> marker = cohorts.select(col("session"), col("region"), col("school_id"), col("subject"),
                col(CohortMarker.GRADE_TO).as("grade"),
                col(CohortMarker.FALL).or(col(CohortMarker.RISE)).as("__cohort_change"));
        return Keys.join(official.drop("marker_cohort_change"), marker, Keys.SCHOOL, "left")
                .withColumnRenamed("__cohort_change", "marker_cohort_change")
                .withColumn("markers", col("markers").plus(coalesce(col("marker_cohort_change"), lit(false)).cast("int")));
    }

    static scala.collection.immutable.Seq<String> scala(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(names)).toList();
    }
}
