package org.vprobjectivity.flags;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.indicators.TestVersions;
import org.vprobjectivity.model.fit.EmpiricalNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * A cell's jump against its own previous session (issue 19, item 5). Per school × subject × grade, against the session
 * just before it among those at hand (the same order as {@link Persistence}), beyond the region's own change:
 * {@code mean_jump_pct = (S_t − S_prev) − (R_t − R_prev)}, S the cell's mean primary score in % of the maximum
 * ({@code mean_score_pct}), R the region's mean over its works of the same subject and grade (the cells' means weighted
 * by their works); {@code quality_jump} the same for the share of «4» and «5» ({@code quality_share}). Null where the
 * cell has no row in the previous session. Grade g of this year and of last year are different cohorts: this is the
 * school's own history in the work, not a cohort's (that is the official marker 3, {@code indicators/cohort}).
 *
 * <p>Each jump has a calibrated one-sided p of a rise ({@code mean_jump_p}, {@code quality_jump_p}; {@link JumpFit}:
 * DerSimonian–Laird random effects per reference, then the reference's empirical null, Efron 2004). The sampling
 * variance of a jump is that of a difference of two independent means: for the mean score
 * {@code v = σ²_t/n_t + σ²_prev/n_prev}, σ² the reference's pooled within-cell variance of scores in % of the maximum
 * ({@code Σ(n−1)s²/Σ(n−1)} over its cells, s = {@code score_sd} in %), so a cell whose manipulation compressed its own
 * spread does not shrink its own variance; for the quality share the binomial {@code v = p_t(1−p_t)/n_t +
 * p_prev(1−p_prev)/n_prev} at the region's pooled shares p. The region's change has a sampling variance of order 1/N
 * (all its works) and is left out. {@code jump_comparable}: both sessions' works had the same test version
 * ({@link TestVersions}); across a version change the jump is still shown and tested (the region's change absorbs a
 * shift of difficulty, not a change of shape), but a reader is told.
 */
public final class HistoryJump {

    public static final String PREVIOUS_SESSION = "previous_session";
    public static final String MEAN_JUMP_PCT = "mean_jump_pct";
    public static final String QUALITY_JUMP = "quality_jump";
    /** The calibrated z of {@link #MEAN_JUMP_PCT}, (z − centre)/scale of the reference's empirical null. */
    public static final String MEAN_JUMP_Z = "mean_jump_z";
    /** One-sided p of a rise of the mean score, 1 − Φ({@link #MEAN_JUMP_Z}). */
    public static final String MEAN_JUMP_P = "mean_jump_p";
    public static final String QUALITY_JUMP_Z = "quality_jump_z";
    /** One-sided p of a rise of the quality share, 1 − Φ({@link #QUALITY_JUMP_Z}). */
    public static final String QUALITY_JUMP_P = "quality_jump_p";
    /** The region's change of the mean score in the same work, percentage points (for the reason text). */
    public static final String REGION_MEAN_CHANGE = "region_mean_change_pct";
    /** Both sessions' works had the same test version; null where a version is not known. */
    public static final String COMPARABLE = "jump_comparable";

    public static final String MEAN = "mean_score_pct";
    public static final String QUALITY = "quality_share";
    public static final String WORKS = "works";
    /** The history's within-cell SD of scores in % of the maximum (score_sd · mean_score_pct / score_mean). */
    static final String SD_PCT = "score_sd_pct";
    private static final String[] WORK = {"region", "subject", "grade"};
    private static final String INDEX = "__jump_index";

    private static final UserDefinedFunction CALIBRATED_Z = udf((UDF6<Double, Double, Double, Double, Double, Double, Double>)
            (d, v, mu, tau2, centre, scale) -> {
                if (d == null || v == null || mu == null || tau2 == null || centre == null || scale == null) {
                    return null;
                }
                double z = new JumpFit(mu, tau2, new EmpiricalNull(centre, scale, 0)).z(d, v);
                return Double.isNaN(z) ? null : (z - centre) / scale;
            }, DataTypes.DoubleType);
    private static final UserDefinedFunction UPPER = udf((org.apache.spark.sql.api.java.UDF1<Double, Double>) z ->
            z == null ? null : org.vprobjectivity.model.fit.Normal.upper(z), DataTypes.DoubleType);

    private HistoryJump() {
    }

    /** The columns the history needs from a cell table; a table without them has no jump. */
    public static boolean available(Dataset<Row> cells) {
        List<String> have = Arrays.asList(cells.columns());
        return have.containsAll(List.of(MEAN, QUALITY, WORKS));
    }

    /**
     * The history rows of a cell table (this run's or an earlier one's). A table without {@code score_sd} and
     * {@code score_mean} (an output written before the p-values) has jumps without a p-value.
     */
    public static Dataset<Row> history(Dataset<Row> cells) {
        List<String> have = Arrays.asList(cells.columns());
        Column sd = have.contains("score_sd") && have.contains("score_mean")
                ? when(col("score_mean").gt(0), col("score_sd").multiply(col(MEAN)).divide(col("score_mean")))
                : lit(null);
        Column[] kept = Keys.cols(Persistence.withSession(Persistence.CELL, WORKS, MEAN, QUALITY));
        Column[] columns = Arrays.copyOf(kept, kept.length + 1);
        columns[kept.length] = sd.cast("double").as(SD_PCT);
        return cells.select(columns);
    }

    /**
     * Joins the jump columns onto {@code table} (this run's cells) from the history of every session at hand.
     *
     * @param sessions the sessions {@code history} has rows of, each once (known to the caller; see
     *                 {@link Persistence#inRow})
     * @param versions {@link TestVersions} of every session at hand, or null: then {@code jump_comparable} is null
     */
    public static Dataset<Row> attach(Dataset<Row> table, Dataset<Row> history, Collection<String> sessions,
                                      Dataset<Row> versions) {
        Column index = Persistence.sessionIndex(sessions);
        Dataset<Row> h = history.withColumn(INDEX, index);
        Column df = col(WORKS).minus(1);
        Column hasSd = col(SD_PCT).isNotNull().and(col(WORKS).geq(2));
        Dataset<Row> region = h.filter(col(MEAN).isNotNull()).groupBy(Keys.cols(Persistence.withSession(WORK))).agg(
                sum(col(MEAN).multiply(col(WORKS))).divide(sum(col(WORKS))).as("__r_mean"),
                sum(col(QUALITY).multiply(col(WORKS))).divide(sum(col(WORKS))).as("__r_quality"),
                sum(when(hasSd, col(SD_PCT).multiply(col(SD_PCT)).multiply(df))).divide(sum(when(hasSd, df))).as("__r_var"));
        Dataset<Row> withRegion = Keys.join(h, region, Persistence.withSession(WORK), "left");
        Dataset<Row> previous = withRegion.select(col("session").as(PREVIOUS_SESSION), col("region"), col("school_id"),
                col("subject"), col("grade"), col(INDEX).plus(1).as(INDEX), col(MEAN).as("__p_mean"),
                col(QUALITY).as("__p_quality"), col("__r_mean").as("__pr_mean"), col("__r_quality").as("__pr_quality"),
                col(WORKS).as("__p_works"), col("__r_var").as("__pr_var"));
        List<String> on = new ArrayList<>(Arrays.asList(Persistence.CELL));
        on.add(INDEX);
        Column n = col(WORKS).cast("double");
        Column np = col("__p_works").cast("double");
        Dataset<Row> jumps = Keys.join(withRegion, previous, on.toArray(String[]::new), "inner")
                .withColumn(REGION_MEAN_CHANGE, col("__r_mean").minus(col("__pr_mean")))
                .withColumn(MEAN_JUMP_PCT, col(MEAN).minus(col("__p_mean")).minus(col(REGION_MEAN_CHANGE)))
                .withColumn(QUALITY_JUMP, col(QUALITY).minus(col("__p_quality"))
                        .minus(col("__r_quality").minus(col("__pr_quality"))))
                .withColumn("__v_mean", col("__r_var").divide(n).plus(col("__pr_var").divide(np)))
                .withColumn("__v_quality", col("__r_quality").multiply(lit(1).minus(col("__r_quality"))).divide(n)
                        .plus(col("__pr_quality").multiply(lit(1).minus(col("__pr_quality"))).divide(np)))
                .withColumn("__works_min", least(n, np));
        jumps = calibrate(jumps, MEAN_JUMP_PCT, "__v_mean", MEAN_JUMP_Z, MEAN_JUMP_P);
        jumps = calibrate(jumps, QUALITY_JUMP, "__v_quality", QUALITY_JUMP_Z, QUALITY_JUMP_P);
        jumps = withComparable(jumps, versions);
        jumps = jumps.select(Keys.cols(Persistence.withSession(Persistence.CELL, PREVIOUS_SESSION, MEAN_JUMP_PCT,
                QUALITY_JUMP, MEAN_JUMP_Z, MEAN_JUMP_P, QUALITY_JUMP_Z, QUALITY_JUMP_P, REGION_MEAN_CHANGE, COMPARABLE)));
        if (sessions.size() < 2) {
            // One session (a fresh output): no cell has a previous one, so every jump column is null, as the left join
            // would leave it. Added as nulls of the plan's types, without running the fits and their shuffles.
            List<Column> columns = new ArrayList<>(List.of(col("*")));
            List<String> keys = Arrays.asList(Persistence.withSession(Persistence.CELL));
            for (org.apache.spark.sql.types.StructField f : jumps.schema().fields()) {
                if (!keys.contains(f.name())) {
                    columns.add(lit(null).cast(f.dataType()).as(f.name()));
                }
            }
            return table.select(columns.toArray(Column[]::new));
        }
        return Keys.join(table, jumps, Persistence.withSession(Persistence.CELL), "left");
    }

    /** Fits {@link JumpFit} per reference (session × region × subject × grade) and adds the calibrated z and p. */
    private static Dataset<Row> calibrate(Dataset<Row> jumps, String d, String v, String zColumn, String pColumn) {
        String[] ref = Persistence.withSession(WORK);
        Dataset<Row> lists = jumps.groupBy(Keys.cols(ref)).agg(collect_list(struct(col(d), col(v), col("__works_min")))
                .as("__cells"));
        List<StructField> fields = new ArrayList<>(Arrays.asList(lists.select(Keys.cols(ref)).schema().fields()));
        for (String f : List.of("__mu", "__tau2", "__centre", "__scale")) {
            fields.add(DataTypes.createStructField(f, DataTypes.DoubleType, true));
        }
        int keys = ref.length;
        MapFunction<Row, Row> fit = r -> {
            List<Row> members = r.getList(keys);
            double[] dd = new double[members.size()];
            double[] vv = new double[members.size()];
            double[] works = new double[members.size()];
            for (int i = 0; i < dd.length; i++) {
                Row c = members.get(i);
                dd[i] = c.isNullAt(0) ? Double.NaN : c.getDouble(0);
                vv[i] = c.isNullAt(1) ? Double.NaN : c.getDouble(1);
                works[i] = c.isNullAt(2) ? 0 : c.getDouble(2);
            }
            JumpFit f = JumpFit.fit(dd, vv, works);
            Object[] out = new Object[keys + 4];
            for (int i = 0; i < keys; i++) {
                out[i] = r.get(i);
            }
            if (!Double.isNaN(f.mean())) {
                out[keys] = f.mean();
                out[keys + 1] = f.tau2();
                out[keys + 2] = f.calibration().center();
                out[keys + 3] = f.calibration().scale();
            }
            return RowFactory.create(out);
        };
        Dataset<Row> fits = lists.map(fit, Encoders.row(DataTypes.createStructType(fields)));
        return Keys.join(jumps, fits, ref, "left")
                .withColumn(zColumn, CALIBRATED_Z.apply(col(d), col(v), col("__mu"), col("__tau2"), col("__centre"),
                        col("__scale")))
                .withColumn(pColumn, UPPER.apply(col(zColumn)))
                .drop("__mu", "__tau2", "__centre", "__scale");
    }

    /** {@link #COMPARABLE}: the test versions of the cell's work in both sessions agree (null where one is unknown). */
    private static Dataset<Row> withComparable(Dataset<Row> jumps, Dataset<Row> versions) {
        if (versions == null) {
            return jumps.withColumn(COMPARABLE, lit(null).cast("boolean"));
        }
        Dataset<Row> now = versions.select(col("session"), col("subject"), col("grade"),
                col(TestVersions.VERSION).as("__v_now"));
        Dataset<Row> before = versions.select(col("session").as(PREVIOUS_SESSION), col("subject"), col("grade"),
                col(TestVersions.VERSION).as("__v_before"));
        return jumps.join(now, new String[] {"session", "subject", "grade"}, "left")
                .join(before, new String[] {PREVIOUS_SESSION, "subject", "grade"}, "left")
                .withColumn(COMPARABLE, col("__v_now").equalTo(col("__v_before")));
    }
}
