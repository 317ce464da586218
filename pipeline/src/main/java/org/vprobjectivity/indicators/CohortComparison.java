package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.vprobjectivity.model.Session;
import org.vprobjectivity.model.fit.EmpiricalNull;
import org.vprobjectivity.model.fit.Normal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * Beside the official marker 3 ({@link CohortMarker}, unchanged): the comparability guard and the cohort's standardised
 * path (issue 19). Columns added to {@code indicators/cohort}:
 *
 * <ul>
 *   <li>{@code version_from}, {@code version_to}: the test versions of the two works ({@link TestVersions});
 *       {@code comparable}: the later work's version was already in force in the earlier session's year (its
 *       {@code from_year} ≤ that year), so the ratio K compares the same pair of works that cohorts before it wrote.
 *       False where the later work was changed in between (a new version changes what a percentage of its maximum
 *       means); null where a version is unknown;</li>
 *   <li>{@code z_from}, {@code z_to}, {@code z_change}: the school's S as a z among the schools of its reference
 *       (region × subject × grade × session; (S − mean)/SD over the schools, sample SD) in each session, and
 *       z_to − z_from: the cohort's standing in the region, whatever the two works' difficulty or version;</li>
 *   <li>gain then reversal, where the output holds three years of the cohort (grade g in Y, g + 1 in Y + 1, g + 2 in
 *       Y + 2, same school, subject and season): {@code z_first} (grade g − 1 before {@code grade_from}),
 *       {@code reversal_score = z_from − (z_first + z_to)/2} (the middle year above the mean of its neighbours; a sharp
 *       rise followed by a fall back), {@code reversal} (the middle year above both neighbours) and
 *       {@code reversal_p}, one-sided, calibrated by the empirical null of the reversal scores of the same reference
 *       (later session × subject × grade_from; median and 1.4826·MAD over the cohorts of at least 10 works in each
 *       year; Efron 2004, {@link EmpiricalNull}); null where fewer than 30 such cohorts estimate that null: the
 *       theoretical null does not hold for the score (the three z are correlated through the school's own level).</li>
 * </ul>
 */
public final class CohortComparison {

    public static final String VERSION_FROM = "version_from";
    public static final String VERSION_TO = "version_to";
    public static final String COMPARABLE = "comparable";
    public static final String Z_FROM = "z_from";
    public static final String Z_TO = "z_to";
    public static final String Z_CHANGE = "z_change";
    public static final String Z_FIRST = "z_first";
    public static final String REVERSAL_SCORE = "reversal_score";
    public static final String REVERSAL = "reversal";
    public static final String REVERSAL_P = "reversal_p";

    /** Cohorts with fewer works in one of their three years do not estimate the reversal's null. */
    static final double NULL_MIN_WORKS = 10;
    /** Fewer cohorts with three years than this in a reference: no reversal p (as {@link EmpiricalNull}). */
    static final int NULL_MIN_UNITS = 30;

    private static final UserDefinedFunction YEAR = udf((UDF1<String, Integer>) s -> Session.tryParse(s)
            .map(Session::year).orElse(null), DataTypes.IntegerType);
    private static final UserDefinedFunction SEASON = udf((UDF1<String, String>) s -> Session.tryParse(s)
            .map(Session::season).orElse(null), DataTypes.StringType);
    private static final UserDefinedFunction UPPER = udf((UDF3<Double, Double, Double, Double>) (x, centre, scale) ->
            x == null || centre == null || scale == null ? null : Normal.upper((x - centre) / scale), DataTypes.DoubleType);

    private CohortComparison() {
    }

    /**
     * @param cohorts  {@link CohortMarker#compute} output
     * @param works    the works of every session at hand: session, region, school_id, subject, grade, primary_score,
     *                 max_score
     * @param versions {@link TestVersions#compute} over every session at hand
     */
    public static Dataset<Row> compute(Dataset<Row> cohorts, Dataset<Row> works, Dataset<Row> versions) {
        Dataset<Row> z = standing(works);
        Dataset<Row> v = versions.select(col("session"), col("subject"), col("grade"), col(TestVersions.VERSION),
                col(TestVersions.VERSION_YEAR));
        Dataset<Row> out = cohorts
                .join(v.select(col("session").as(CohortMarker.SESSION_FROM), col("subject"),
                        col("grade").as(CohortMarker.GRADE_FROM), col(TestVersions.VERSION).as(VERSION_FROM)),
                        new String[] {CohortMarker.SESSION_FROM, "subject", CohortMarker.GRADE_FROM}, "left")
                .join(v.select(col("session").as(CohortMarker.SESSION_TO), col("subject"),
                        col("grade").as(CohortMarker.GRADE_TO), col(TestVersions.VERSION).as(VERSION_TO),
                        col(TestVersions.VERSION_YEAR).as("__to_year")),
                        new String[] {CohortMarker.SESSION_TO, "subject", CohortMarker.GRADE_TO}, "left")
                .withColumn(COMPARABLE, when(col(VERSION_FROM).isNull(), lit(null).cast("boolean"))
                        .otherwise(col("__to_year").leq(YEAR.apply(col(CohortMarker.SESSION_FROM)))))
                .join(z.select(col("session").as(CohortMarker.SESSION_FROM), col("region"), col("school_id"), col("subject"),
                        col("grade").as(CohortMarker.GRADE_FROM), col("__z").as(Z_FROM)),
                        new String[] {CohortMarker.SESSION_FROM, "region", "school_id", "subject", CohortMarker.GRADE_FROM}, "left")
                .join(z.select(col("session").as(CohortMarker.SESSION_TO), col("region"), col("school_id"), col("subject"),
                        col("grade").as(CohortMarker.GRADE_TO), col("__z").as(Z_TO)),
                        new String[] {CohortMarker.SESSION_TO, "region", "school_id", "subject", CohortMarker.GRADE_TO}, "left")
                .withColumn(Z_CHANGE, col(Z_TO).minus(col(Z_FROM)))
                .withColumn("__year_first", YEAR.apply(col(CohortMarker.SESSION_FROM)).minus(1))
                .withColumn("__season_first", SEASON.apply(col(CohortMarker.SESSION_FROM)))
                .withColumn("__grade_first", col(CohortMarker.GRADE_FROM).minus(1));
        Dataset<Row> first = z.select(col("region"), col("school_id"), col("subject"), col("grade").as("__grade_first"),
                col("__year").as("__year_first"), col("__season").as("__season_first"), col("__z").as(Z_FIRST),
                col("__n").as("__n_first"));
        out = out.join(first, new String[] {"region", "school_id", "subject", "__grade_first", "__year_first",
                        "__season_first"}, "left")
                .withColumn(REVERSAL_SCORE, col(Z_FROM).minus(col(Z_FIRST).plus(col(Z_TO)).divide(2)))
                .withColumn(REVERSAL, when(col(REVERSAL_SCORE).isNotNull(),
                        col(Z_FROM).gt(col(Z_FIRST)).and(col(Z_FROM).gt(col(Z_TO)))))
                .withColumn("__n_min", least(col("__n_first"), col(CohortMarker.N_FROM), col(CohortMarker.N_TO)).cast("double"));
        out = reversalP(out);
        List<String> columns = new ArrayList<>(Arrays.asList(cohorts.columns()));
        columns.addAll(List.of(VERSION_FROM, VERSION_TO, COMPARABLE, Z_FROM, Z_TO, Z_CHANGE, Z_FIRST, REVERSAL_SCORE,
                REVERSAL, REVERSAL_P));
        return out.select(Keys.cols(columns.toArray(String[]::new)));
    }

    /**
     * The school's S (mean primary score in % of the maximum) per session × region × subject × grade as a z among the
     * reference's schools, with its works, year and season.
     */
    static Dataset<Row> standing(Dataset<Row> works) {
        Dataset<Row> s = works.filter(col("primary_score").isNotNull().and(col("max_score").gt(0)))
                .groupBy("session", "region", "school_id", "subject", "grade")
                .agg(avg(col("primary_score").multiply(100.0).divide(col("max_score"))).as("__s"),
                        org.apache.spark.sql.functions.count(lit(1)).as("__n"));
        Dataset<Row> ref = s.groupBy("session", "region", "subject", "grade")
                .agg(avg("__s").as("__ref_mean"), stddev_samp("__s").as("__ref_sd"));
        return s.join(ref, new String[] {"session", "region", "subject", "grade"}, "left")
                .withColumn("__z", when(col("__ref_sd").gt(0), col("__s").minus(col("__ref_mean")).divide(col("__ref_sd"))))
                .withColumn("__year", YEAR.apply(col("session")))
                .withColumn("__season", SEASON.apply(col("session")));
    }

    /** {@link #REVERSAL_P}: the reversal scores' empirical null per reference (later session × subject × grade_from). */
    private static Dataset<Row> reversalP(Dataset<Row> cohorts) {
        String[] ref = {"session", "region", "subject", CohortMarker.GRADE_FROM};
        Dataset<Row> lists = cohorts.filter(col(REVERSAL_SCORE).isNotNull()).groupBy(Keys.cols(ref))
                .agg(collect_list(struct(col(REVERSAL_SCORE), col("__n_min"))).as("__cells"));
        List<StructField> fields = new ArrayList<>(Arrays.asList(lists.select(Keys.cols(ref)).schema().fields()));
        fields.add(DataTypes.createStructField("__centre", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("__scale", DataTypes.DoubleType, true));
        int keys = ref.length;
        MapFunction<Row, Row> fit = r -> {
            List<Row> members = r.getList(keys);
            double[] score = new double[members.size()];
            double[] works = new double[members.size()];
            for (int i = 0; i < score.length; i++) {
                score[i] = members.get(i).getDouble(0);
                works[i] = members.get(i).isNullAt(1) ? 0 : members.get(i).getDouble(1);
            }
            EmpiricalNull nul = EmpiricalNull.estimate(score, works, NULL_MIN_WORKS, 0);
            Object[] out = new Object[keys + 2];
            for (int i = 0; i < keys; i++) {
                out[i] = r.get(i);
            }
            if (nul.units() >= NULL_MIN_UNITS && nul.scale() > 0) {
                out[keys] = nul.center();
                out[keys + 1] = nul.scale();
            }
            return RowFactory.create(out);
        };
        Dataset<Row> fits = lists.map(fit, Encoders.row(DataTypes.createStructType(fields)));
        return Keys.join(cohorts, fits, ref, "left")
                .withColumn(REVERSAL_P, UPPER.apply(col(REVERSAL_SCORE), col("__centre"), col("__scale")));
    }
}
