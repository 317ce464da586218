package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.vprobjectivity.model.Session;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * The official marker 3, «Резкое изменение результатов одной параллели», exactly as the FIOKO method defines it
 * (docs/indicators-schema.md, {@code indicators/cohort}): {@code K = S(g, Y) / S(g + 1, Y + 1)}, S the school's mean primary score as a
 * percentage of the work's maximum, grade g in year Y and the same school's grade g + 1 a year later, same subject.
 * Over all schools with both values (the region; the method's «по всей выборке»): a sharp fall when
 * {@code K > Q75 + 3·IQR}, a sharp rise when {@code K < Q25 − 3·IQR}. The quartiles are exact with linear
 * interpolation between order statistics (Excel's QUARTILE.INC, Hyndman &amp; Fan type 7), what an analyst computing
 * the method in Excel gets. A session's year is the calendar year of its date (autumn 2020 is 2020); where a school
 * wrote both sessions of the later year, the one of the same season is paired.
 *
 * <p>Output {@code indicators/cohort/}, one row per school × subject × cohort, partitioned by the later session.
 */
public final class CohortMarker {

    public static final String SESSION_FROM = "session_from";
    public static final String SESSION_TO = "session_to";
    public static final String GRADE_FROM = "grade_from";
    public static final String GRADE_TO = "grade_to";
    public static final String S_FROM = "s_from";
    public static final String S_TO = "s_to";
    public static final String N_FROM = "n_from";
    public static final String N_TO = "n_to";
    public static final String K = "k";
    public static final String Q25 = "q25";
    public static final String Q75 = "q75";
    public static final String IQR = "iqr";
    public static final String SCHOOLS_COMPARED = "schools_compared";
    public static final String FALL = "marker3_fall";
    public static final String RISE = "marker3_rise";

    private static final UserDefinedFunction YEAR = udf((UDF1<String, Integer>) s -> Session.parse(s).year(),
            DataTypes.IntegerType);
    private static final UserDefinedFunction SEASON = udf((UDF1<String, String>) s -> Session.parse(s).season(),
            DataTypes.StringType);

    private CohortMarker() {
    }

    /**
     * Whether any cohort can be formed from these sessions: the marker pairs a year with the next, so without two
     * sessions a calendar year apart there is nothing to compare, and the plan of {@link #compute} need not run.
     */
    public static boolean canPair(java.util.Collection<String> sessions) {
        java.util.Set<Integer> years = new java.util.HashSet<>();
        sessions.forEach(s -> years.add(Session.parse(s).year()));
        return years.stream().anyMatch(y -> years.contains(y + 1));
    }

    /**
     * @param results {@code results} of every session available, with {@code max_score} ({@link ScaleColumns})
     */
    public static Dataset<Row> compute(Dataset<Row> results) {
        Dataset<Row> s = results.filter(col("primary_score").isNotNull().and(col("max_score").gt(0)))
                .groupBy("session", "region", "school_id", "subject", "grade")
                .agg(avg(col("primary_score").multiply(100.0).divide(col("max_score"))).as("s"), count(lit(1)).as("n"),
                        first("municipality_code", true).as("municipality_code"),
                        first("municipality", true).as("municipality"))
                .withColumn("year", YEAR.apply(col("session")))
                .withColumn("season", SEASON.apply(col("session")));
        Dataset<Row> from = s.select(col("session").as(SESSION_FROM), col("region"), col("school_id"), col("subject"),
                col("grade").as(GRADE_FROM), col("s").as(S_FROM), col("n").as(N_FROM), col("year").as("__year_from"),
                col("season").as("__season_from"));
        Dataset<Row> to = s.select(col("session").as(SESSION_TO), col("region").as("__region"),
                col("school_id").as("__school"), col("subject").as("__subject"), col("grade").as(GRADE_TO),
                col("s").as(S_TO), col("n").as(N_TO), col("year").as("__year_to"), col("season").as("__season_to"),
                col("municipality_code"), col("municipality"));
        Column pairs = col("region").equalTo(col("__region")).and(col("school_id").equalTo(col("__school")))
                .and(col("subject").equalTo(col("__subject"))).and(col(GRADE_TO).equalTo(col(GRADE_FROM).plus(1)))
                .and(col("__year_to").equalTo(col("__year_from").plus(1)));
        Dataset<Row> joined = from.join(to, pairs, "inner")
                .withColumn("__pick", row_number().over(Window.partitionBy(col(SESSION_FROM), col("region"),
                        col("school_id"), col("subject"), col(GRADE_FROM)).orderBy(
                        when(col("__season_to").equalTo(col("__season_from")), 0).otherwise(1), col(SESSION_TO))))
                .filter(col("__pick").equalTo(1).and(col(S_TO).gt(0)))
                .withColumn(K, col(S_FROM).divide(col(S_TO)));
        Column[] population = {col(SESSION_TO), col("region"), col("subject"), col(GRADE_FROM)};
        Dataset<Row> quartiles = joined.groupBy(population).agg(expr("percentile(" + K + ", 0.25)").as(Q25),
                expr("percentile(" + K + ", 0.75)").as(Q75), count(lit(1)).as(SCHOOLS_COMPARED));
        return joined.join(quartiles, new String[] {SESSION_TO, "region", "subject", GRADE_FROM}, "inner")
                .withColumn(IQR, col(Q75).minus(col(Q25)))
                .withColumn(FALL, col(K).gt(col(Q75).plus(col(IQR).multiply(3))))
                .withColumn(RISE, col(K).lt(col(Q25).minus(col(IQR).multiply(3))))
                .select(col(SESSION_TO).as("session"), col("region"), col("school_id"), col("municipality_code"),
                        col("municipality"), col("subject"), col(GRADE_FROM), col(GRADE_TO), col(SESSION_FROM),
                        col(SESSION_TO), col(S_FROM), col(S_TO), col(N_FROM), col(N_TO), col(K), col(Q25), col(Q75),
                        col(IQR), col(SCHOOLS_COMPARED), col(FALL), col(RISE));
    }
}
