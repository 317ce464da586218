package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.ingest.ExamFile;
import org.vprobjectivity.stats.Percentile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * Outside confirmation (issue 19, item 6): a school's high VPR results against its later state exam results
 * ({@code --exam FILE}, {@link ExamFile}). Per school cell (school × subject × grade) the exam row of the same school
 * and subject in a later year is matched: the exam the VPR grade leads to (ОГЭ up to grade 9, ЕГЭ after), the year
 * the same cohort sits it ({@code year + 9 − grade} for ОГЭ, {@code + 11} for ЕГЭ) when the file has it, else the
 * nearest later year. Russian and mathematics match by subject code (VPR RU ↔ exam Russian, MA ↔ mathematics), and
 * so does any other subject the file gives.
 *
 * <p>Standings ({@link ExamGap#standings}): {@code vpr_z}, the cell's mean primary score among the reference's cells
 * (session × region × subject × grade) weighted by works; {@code exam_z}, the exam mean among the file's schools of the
 * same subject, year and exam weighted by participants. {@code exam_gap_p} is the one-sided p of the exam standing
 * falling short of the line through the reference's schools ({@link ExamGap#gap}); null where fewer than
 * {@code indicators.exam_min_schools} schools of the reference have both, and for every cell without {@code --exam}.
 * {@code exam_confirms}: for a cell at or above the {@code indicators.exam_high_percentile} of its reference on the VPR,
 * true when its exam percentile is as high too, false when not; null for the other cells.
 */
public final class ExamConfirmation {

    public static final String EXAM_KIND = "exam_kind";
    public static final String EXAM_YEAR = "exam_year";
    public static final String EXAM_MEAN = "exam_mean";
    public static final String EXAM_N = "exam_n";
    public static final String EXAM_Z = "exam_z";
    public static final String EXAM_PERCENTILE = "exam_percentile";
    public static final String VPR_Z = "vpr_z";
    public static final String VPR_PERCENTILE = "vpr_percentile";
    public static final String EXAM_EXPECTED_Z = "exam_expected_z";
    public static final String EXAM_GAP_Z = "exam_gap_z";
    public static final String EXAM_GAP_P = "exam_gap_p";
    public static final String EXAM_CONFIRMS = "exam_confirms";
    public static final String EXAM_SCHOOLS = "exam_schools";

    /** Internal: the sampling variance of {@code exam_z} (from the file's SD), dropped before the table is written. */
    private static final String EXAM_Z_VAR = "__exam_z_var";

    /** Every column this class adds to a cell table, with its type: null-filled where a table lacks them. */
    public static final StructType COLUMNS = new StructType()
            .add(EXAM_KIND, DataTypes.StringType).add(EXAM_YEAR, DataTypes.IntegerType)
            .add(EXAM_MEAN, DataTypes.DoubleType).add(EXAM_N, DataTypes.LongType)
            .add(EXAM_Z, DataTypes.DoubleType).add(EXAM_PERCENTILE, DataTypes.DoubleType)
            .add(VPR_Z, DataTypes.DoubleType).add(VPR_PERCENTILE, DataTypes.DoubleType)
            .add(EXAM_EXPECTED_Z, DataTypes.DoubleType).add(EXAM_GAP_Z, DataTypes.DoubleType)
            .add(EXAM_GAP_P, DataTypes.DoubleType).add(EXAM_CONFIRMS, DataTypes.BooleanType)
            .add(EXAM_SCHOOLS, DataTypes.IntegerType);

    private static final StructType STANDINGS = new StructType()
            .add("school_id", DataTypes.StringType, false).add("subject", DataTypes.StringType, false)
            .add(EXAM_YEAR, DataTypes.IntegerType, false).add(EXAM_KIND, DataTypes.StringType, false)
            .add(EXAM_MEAN, DataTypes.DoubleType, false).add(EXAM_N, DataTypes.LongType, false)
            .add(EXAM_Z, DataTypes.DoubleType).add(EXAM_Z_VAR, DataTypes.DoubleType)
            .add(EXAM_PERCENTILE, DataTypes.DoubleType);

    private ExamConfirmation() {
    }

    /**
     * The file's schools with their standing among the file's schools of the same subject, year and exam: computed on
     * the driver, since the file holds one row per school and subject (no pupils).
     */
    public static Dataset<Row> standings(SparkSession spark, List<ExamFile.Entry> entries) {
        Map<String, List<ExamFile.Entry>> groups = new LinkedHashMap<>();
        for (ExamFile.Entry e : entries) {
            groups.computeIfAbsent(e.subject() + "|" + e.year() + "|" + e.kind(), k -> new ArrayList<>()).add(e);
        }
        List<Row> rows = new ArrayList<>();
        for (List<ExamFile.Entry> g : groups.values()) {
            double[] x = g.stream().mapToDouble(ExamFile.Entry::mean).toArray();
            double[] w = g.stream().mapToDouble(ExamFile.Entry::n).toArray();
            double[] z = ExamGap.standings(x, w);
            double s = ExamGap.spread(x, w);
            double[] sorted = Percentile.sorted(x);
            for (int i = 0; i < g.size(); i++) {
                ExamFile.Entry e = g.get(i);
                // sampling variance of the school's standing: (sd²/n)/S², where the file gives the school's SD
                Double var = e.sd() == null || Double.isNaN(z[i]) ? null : e.sd() * e.sd() / (e.n() * s * s);
                rows.add(RowFactory.create(e.schoolId(), e.subject(), e.year(), e.kind(), e.mean(), e.n(),
                        Double.isNaN(z[i]) ? null : z[i], var, Percentile.rank(sorted, x[i])));
            }
        }
        return spark.createDataFrame(rows, STANDINGS);
    }

    /**
     * @param cells     an {@code indicators/school} table ({@code works}, {@code mean_score}, {@code score_sd})
     * @param standings {@link #standings}
     */
    public static Dataset<Row> attach(Dataset<Row> cells, Dataset<Row> standings, IndicatorConfig config) {
        Column year = col("session").substr(1, 4).cast("int");
        Dataset<Row> keys = cells.select(Keys.cols(Keys.SCHOOL))
                .withColumn("__year", year)
                .withColumn("__preferred", when(col("grade").leq(9), lit(ExamFile.OGE)).otherwise(lit(ExamFile.EGE)));
        Dataset<Row> s = standings.withColumnRenamed("school_id", "__school").withColumnRenamed("subject", "__subject");
        Dataset<Row> matched = keys.join(s, col("school_id").equalTo(col("__school")).and(col("subject").equalTo(col("__subject")))
                        .and(col(EXAM_YEAR).gt(col("__year"))))
                .withColumn("__cohort_year", col("__year").plus(when(col(EXAM_KIND).equalTo(ExamFile.OGE), lit(9)).otherwise(lit(11)))
                        .minus(col("grade")))
                .withColumn("__rank", row_number().over(Window.partitionBy(Keys.cols(Keys.SCHOOL)).orderBy(
                        col(EXAM_KIND).equalTo(col("__preferred")).desc(), abs(col(EXAM_YEAR).minus(col("__cohort_year"))),
                        col(EXAM_YEAR))))
                .filter(col("__rank").equalTo(1))
                .drop("__school", "__subject", "__year", "__preferred", "__cohort_year", "__rank");
        Dataset<Row> joined = Keys.join(cells, matched, Keys.SCHOOL, "left");
        StructType out = new StructType();
        for (String k : Keys.SCHOOL) {
            out = out.add(joined.schema().apply(k));
        }
        out = out.add(VPR_Z, DataTypes.DoubleType).add(VPR_PERCENTILE, DataTypes.DoubleType)
                .add(EXAM_EXPECTED_Z, DataTypes.DoubleType).add(EXAM_GAP_Z, DataTypes.DoubleType)
                .add(EXAM_GAP_P, DataTypes.DoubleType).add(EXAM_CONFIRMS, DataTypes.BooleanType)
                .add(EXAM_SCHOOLS, DataTypes.IntegerType);
        Dataset<Row> computed = joined.select("session", "region", "school_id", "subject", "grade", "works", "mean_score",
                        "score_sd", EXAM_Z, EXAM_Z_VAR, EXAM_PERCENTILE)
                .groupByKey((MapFunction<Row, String>) ExamConfirmation::referenceKey, Encoders.STRING())
                .flatMapGroups(new PerReference(config.examMinSchools, config.examHighPercentile), Encoders.row(out));
        return Keys.join(joined, computed, Keys.SCHOOL, "left").drop(EXAM_Z_VAR);
    }

    static String referenceKey(Row r) {
        return r.getAs("session") + "\u0001" + r.getAs("region") + "\u0001" + r.getAs("subject") + "\u0001" + r.getAs("grade");
    }

    /** One reference's cells: standings, the line, and per cell its gap and whether the exam confirms. */
    static final class PerReference implements FlatMapGroupsFunction<String, Row, Row> {

        private final int minSchools;
        private final double highPercentile;

        PerReference(int minSchools, double highPercentile) {
            this.minSchools = minSchools;
            this.highPercentile = highPercentile;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> rows) {
            List<Row> cells = new ArrayList<>();
            rows.forEachRemaining(r -> {
                if (r.getAs("mean_score") != null && r.<Long>getAs("works") != null && r.<Long>getAs("works") > 0) {
                    cells.add(r);
                }
            });
            int n = cells.size();
            double[] mean = new double[n];
            double[] works = new double[n];
            double within = 0;
            double df = 0;
            for (int i = 0; i < n; i++) {
                Row r = cells.get(i);
                mean[i] = r.<Double>getAs("mean_score");
                works[i] = r.<Long>getAs("works");
                Double sd = r.getAs("score_sd");
                if (sd != null && works[i] > 1) {
                    within += (works[i] - 1) * sd * sd;
                    df += works[i] - 1;
                }
            }
            double[] vprZ = ExamGap.standings(mean, works);
            double spread = ExamGap.spread(mean, works);
            // sampling variance of a cell's standing: the pooled pupil variance within cells over n, in units of S²
            double pooled = df > 0 ? within / df : 0;
            double[] sorted = Percentile.sorted(mean);
            List<Integer> both = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(vprZ[i]) && cells.get(i).getAs(EXAM_Z) != null) {
                    both.add(i);
                }
            }
            ExamGap.Fit fit = null;
            if (both.size() >= minSchools) {
                int m = both.size();
                double[] v = new double[m];
                double[] vVar = new double[m];
                double[] e = new double[m];
                double[] eVar = new double[m];
                for (int j = 0; j < m; j++) {
                    int i = both.get(j);
                    v[j] = vprZ[i];
                    vVar[j] = pooled / (works[i] * spread * spread);
                    e[j] = cells.get(i).<Double>getAs(EXAM_Z);
                    Double ev = cells.get(i).getAs(EXAM_Z_VAR);
                    eVar[j] = ev == null ? 0 : ev;
                }
                fit = ExamGap.gap(v, vVar, e, eVar);
            }
            List<Row> out = new ArrayList<>(n);
            int j = 0;
            for (int i = 0; i < n; i++) {
                Row r = cells.get(i);
                Double expected = null;
                Double gapZ = null;
                Double p = null;
                if (j < both.size() && both.get(j) == i) {
                    if (fit != null) {
                        expected = fit.intercept() + fit.slope() * vprZ[i];
                        gapZ = nan(fit.gapZ()[j]);
                        p = nan(fit.p()[j]);
                    }
                    j++;
                }
                double vprPercentile = Percentile.rank(sorted, mean[i]);
                Double examPercentile = r.getAs(EXAM_PERCENTILE);
                Boolean confirms = vprPercentile >= highPercentile && examPercentile != null
                        ? examPercentile >= highPercentile : null;
                out.add(RowFactory.create(r.getAs("session"), r.getAs("region"), r.getAs("school_id"), r.getAs("subject"),
                        r.getAs("grade"), nan(vprZ[i]), vprPercentile, expected, gapZ, p, confirms, both.size()));
            }
            return out.iterator();
        }

        private static Double nan(double v) {
            return Double.isNaN(v) ? null : v;
        }
    }
}
