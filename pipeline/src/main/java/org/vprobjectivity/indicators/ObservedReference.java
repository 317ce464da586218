package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.ingest.ObservedFile;
import org.vprobjectivity.stats.Percentile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * An objective reference from the schools that wrote under independent observation («ВПР с контролем
 * объективности», {@code --observed FILE}, {@link ObservedFile}). Per reference (session × region × subject × grade)
 * the observed schools' cells give the distribution of the mean primary score (% of the maximum) and of the share of
 * marks 4 and 5; every cell is placed in it: its mid-rank percentile among the observed cells
 * ({@link Percentile#rank}), the observed cells' 95th percentile (type 7, {@link Percentile#quantile}) and whether the
 * cell's mean lies above it. An observed cell is compared with the other observed cells, not with itself. With fewer
 * than {@code indicators.observed_min_schools} observed cells (itself left out) nothing is compared: the columns are
 * null. Descriptive: context for the reasons, not a p-value.
 */
public final class ObservedReference {

    public static final String OBSERVED = "observed";
    public static final String OBS_SCHOOLS = "obs_schools";
    public static final String OBS_MEAN_PCT_PERCENTILE = "obs_mean_pct_percentile";
    public static final String OBS_QUALITY_PERCENTILE = "obs_quality_percentile";
    public static final String OBS_MEAN_PCT_P95 = "obs_mean_pct_p95";
    public static final String OBS_QUALITY_P95 = "obs_quality_p95";
    public static final String OBS_ABOVE_P95 = "obs_above_p95";

    /** Every column this class adds to a cell table (null-filled where a table lacks them). */
    public static final StructType COLUMNS = new StructType()
            .add(OBSERVED, DataTypes.BooleanType).add(OBS_SCHOOLS, DataTypes.IntegerType)
            .add(OBS_MEAN_PCT_PERCENTILE, DataTypes.DoubleType).add(OBS_QUALITY_PERCENTILE, DataTypes.DoubleType)
            .add(OBS_MEAN_PCT_P95, DataTypes.DoubleType).add(OBS_QUALITY_P95, DataTypes.DoubleType)
            .add(OBS_ABOVE_P95, DataTypes.BooleanType);

    private static final StructType ENTRIES = new StructType()
            .add("__school", DataTypes.StringType, false).add("__session", DataTypes.StringType, false)
            .add("__subject", DataTypes.StringType).add("__grade", DataTypes.IntegerType);

    private ObservedReference() {
    }

    public static Dataset<Row> entries(SparkSession spark, List<ObservedFile.Entry> entries) {
        return spark.createDataFrame(entries.stream().map(e -> RowFactory.create(e.schoolId(), e.session(), e.subject(),
                e.grade())).toList(), ENTRIES);
    }

    /**
     * @param cells    an {@code indicators/school} table ({@code mean_score_pct}, {@code quality_share})
     * @param observed {@link #entries}
     */
    public static Dataset<Row> attach(Dataset<Row> cells, Dataset<Row> observed, IndicatorConfig config) {
        Dataset<Row> marked = cells.select(Keys.cols(Keys.SCHOOL))
                .join(observed, col("school_id").equalTo(col("__school")).and(col("session").equalTo(col("__session")))
                        .and(col("__subject").isNull().or(col("__subject").equalTo(col("subject"))))
                        .and(col("__grade").isNull().or(col("__grade").equalTo(col("grade")))))
                .select(Keys.cols(Keys.SCHOOL)).distinct().withColumn(OBSERVED, lit(true));
        Dataset<Row> joined = Keys.join(cells, marked, Keys.SCHOOL, "left")
                .withColumn(OBSERVED, coalesce(col(OBSERVED), lit(false)));
        StructType out = new StructType();
        for (String k : Keys.SCHOOL) {
            out = out.add(joined.schema().apply(k));
        }
        for (var f : COLUMNS.fields()) {
            if (!f.name().equals(OBSERVED)) {
                out = out.add(f);
            }
        }
        Dataset<Row> computed = joined.select("session", "region", "school_id", "subject", "grade", OBSERVED, "mean_score_pct",
                        "quality_share")
                .groupByKey((MapFunction<Row, String>) ExamConfirmation::referenceKey, Encoders.STRING())
                .flatMapGroups(new PerReference(config.observedMinSchools), Encoders.row(out));
        return Keys.join(joined, computed, Keys.SCHOOL, "left");
    }

    /** One reference: the observed cells' distributions, and every cell placed in them. */
    static final class PerReference implements FlatMapGroupsFunction<String, Row, Row> {

        private final int minSchools;

        PerReference(int minSchools) {
            this.minSchools = minSchools;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> rows) {
            List<Row> cells = new ArrayList<>();
            rows.forEachRemaining(cells::add);
            List<Integer> observed = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                Row r = cells.get(i);
                if (Boolean.TRUE.equals(r.getAs(OBSERVED)) && r.getAs("mean_score_pct") != null && r.getAs("quality_share") != null) {
                    observed.add(i);
                }
            }
            List<Row> out = new ArrayList<>(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                Row r = cells.get(i);
                int self = i;
                double[] means = observed.stream().filter(k -> k != self).mapToDouble(k -> cells.get(k).<Double>getAs("mean_score_pct")).toArray();
                double[] quality = observed.stream().filter(k -> k != self).mapToDouble(k -> cells.get(k).<Double>getAs("quality_share")).toArray();
                Double mean = r.getAs("mean_score_pct");
                Double q = r.getAs("quality_share");
                if (means.length < minSchools || mean == null) {
                    out.add(RowFactory.create(r.getAs("session"), r.getAs("region"), r.getAs("school_id"), r.getAs("subject"),
                            r.getAs("grade"), means.length, null, null, null, null, null));
                    continue;
                }
                double[] m = Percentile.sorted(means);
                double[] s = Percentile.sorted(quality);
                double p95 = Percentile.quantile(m, 0.95);
                out.add(RowFactory.create(r.getAs("session"), r.getAs("region"), r.getAs("school_id"), r.getAs("subject"),
                        r.getAs("grade"), means.length, Percentile.rank(m, mean), q == null ? null : Percentile.rank(s, q),
                        p95, Percentile.quantile(s, 0.95), mean > p95));
            }
            return out.iterator();
        }
    }
}
