package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.stats.Bunching;
import org.vprobjectivity.stats.BunchingPoisson;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;

/**
 * The region's own bunching at each mark cut (docs/design.md §3): real regions bunch as a whole (Altai 2021, mathematics
 * grade 4: 302 works at 5 points, 1,069 at the cut of 6), so a school compared only with its region misses that. One
 * row per work ({@link Keys#WORK}) × cut k ∈ {3, 4, 5} with the cut score {@code c = cut_k} of the work's scale.
 *
 * <p>Formula: the work's primary-score histogram {@code n_x}, x = 0..max (all its works with a score in the scale's
 * range), a smooth counterfactual {@code n̂_x} fitted without the window {@code [c−2, c+1]} and without the windows of
 * the other two cuts (Chetty, Friedman, Olsen &amp; Pistaferri 2011, QJE 126(2); Kleven 2016; Dee, Dobbie, Jacob &amp;
 * Rockoff 2019, AEJ: Applied 11(3)); excess mass {@code B = Σ_{x=c}^{c+1} (n_x − n̂_x)} (works), missing mass
 * {@code M = Σ_{x=c−2}^{c−1} (n̂_x − n_x)}, ratio {@code b = B / mean n̂ over the window}, its SE, {@code z = B/SE} and
 * the one-sided p-value {@code P(Z ≥ z)}.
 *
 * <p>The counterfactual of the main columns is the log-linear (Poisson) quartic of {@link BunchingPoisson}, not the
 * count polynomial of the kernel's {@link Bunching}: on a 21-point scale with three 4-point windows left out, the count
 * polynomial cannot follow the steep left flank where the cut for mark 3 lies (it misses the real region's jump from
 * 302 to 1,069 works at every window width, degree and local range tried) and reports false bunching at the cut for mark 5 on skewed smooth
 * histograms; see {@link BunchingPoisson} for the measurements. The kernel's figures are kept beside it for comparison
 * ({@code count_fit_*}).
 *
 * <p>Besides: {@code share_above_in_window = Σ_{x=c}^{c+1} n_x / Σ_{x=c−2}^{c+1} n_x}, the region's observed share
 * of its window works at or just above the cut. It is the expected share for the region's cells in
 * {@link Distribution}: a cell is then compared with a region that already bunches, and its excess is the excess
 * beyond the region's.
 *
 * <p>Assumptions. A work has one mark scale (the scale is fixed by subject, grade and year, and the session fixes the
 * year); works without a scale ({@code max_score} or a cut null) or without a primary score are left out, and so are
 * scores outside 0..max_score (the ingest rejects them). The histogram is an aggregate (at most max + 1 counts per
 * work), so it is collected to the driver; no participant row is.
 */
public final class RegionBunching {

    /** The marks whose cuts are examined, in the order of the output rows. */
    static final int[] MARKS = {3, 4, 5};

    private RegionBunching() {
    }

    /** {@link #compute(SparkSession, Dataset, Bunching.Options)} with the default window [c−2, c+1] and quartics. */
    public static Dataset<Row> compute(SparkSession spark, Dataset<Row> resultsWithScale) {
        return compute(spark, resultsWithScale, Bunching.Options.defaults());
    }

    /**
     * @param resultsWithScale {@code results} with {@code max_score, cut3, cut4, cut5} joined ({@link ScaleColumns})
     * @return one row per work × cut; columns: the {@link Keys#WORK} keys, {@code scale_key}, {@code max_score},
     *         {@code works}, {@code cut}, {@code cut_score}, {@code window_from}, {@code window_to}, {@code observed},
     *         {@code counterfactual}, {@code excess_mass}, {@code missing_mass}, {@code bunching_ratio},
     *         {@code bunching_se}, {@code bunching_z}, {@code bunching_p}, {@code degree}, {@code fit_points},
     *         {@code window_works}, {@code above_works}, {@code share_above_in_window}, and the kernel's count-polynomial
     *         {@code count_fit_excess_mass}, {@code count_fit_se}, {@code count_fit_p}, {@code count_fit_degree};
     *         undefined numbers are null
     */
    public static Dataset<Row> compute(SparkSession spark, Dataset<Row> resultsWithScale, Bunching.Options options) {
        String[] work = Keys.WORK;
        String[] groups = new String[work.length + 6];
        System.arraycopy(work, 0, groups, 0, work.length);
        String[] scale = {"scale_key", "max_score", "cut3", "cut4", "cut5", "primary_score"};
        System.arraycopy(scale, 0, groups, work.length, scale.length);
        Dataset<Row> counts = resultsWithScale
                .filter(col("primary_score").isNotNull().and(col("max_score").isNotNull())
                        .and(col("cut3").isNotNull()).and(col("cut4").isNotNull()).and(col("cut5").isNotNull())
                        .and(col("primary_score").geq(0)).and(col("primary_score").leq(col("max_score"))))
                .groupBy(Keys.cols(groups)).count();
        List<Row> aggregate = counts.collectAsList(); // ≤ max + 1 rows per work: an aggregate, not participants

        // Histograms per (work, scale), in a stable order.
        Map<List<Object>, long[]> histograms = new LinkedHashMap<>();
        Map<List<Object>, Row> firstRow = new LinkedHashMap<>();
        int w = work.length;
        aggregate.sort((a, b) -> keyOf(a, w + 1).toString().compareTo(keyOf(b, w + 1).toString()));
        for (Row r : aggregate) {
            List<Object> key = keyOf(r, w + 1); // work keys + scale_key
            int max = r.getInt(w + 1);
            long[] h = histograms.computeIfAbsent(key, k -> new long[max + 1]);
            h[r.getInt(w + 5)] += r.getLong(w + 6);
            firstRow.putIfAbsent(key, r);
        }

        List<Row> out = new ArrayList<>();
        for (Map.Entry<List<Object>, long[]> e : histograms.entrySet()) {
            Row r = firstRow.get(e.getKey());
            long[] h = e.getValue();
            long total = Arrays.stream(h).sum();
            int[] cuts = {r.getInt(w + 2), r.getInt(w + 3), r.getInt(w + 4)};
            for (int i = 0; i < MARKS.length; i++) {
                int c = cuts[i];
                Bunching.Result b = BunchingPoisson.estimate(h, c, cuts, options);
                Bunching.Result kernel = Bunching.estimate(h, c, cuts, options);
                long window = 0;
                long above = 0;
                List<Long> observed = new ArrayList<>();
                for (int x = b.windowFrom(); x <= b.windowTo(); x++) {
                    long n = x >= 0 && x < h.length ? h[x] : 0;
                    observed.add(n);
                    window += n;
                    if (x >= c) {
                        above += n;
                    }
                }
                List<Double> counterfactual = new ArrayList<>();
                for (double v : b.counterfactual()) {
                    counterfactual.add(orNull(v));
                }
                Object[] values = new Object[w + 24];
                for (int k = 0; k < w; k++) {
                    values[k] = r.get(k);
                }
                int j = w;
                values[j++] = r.get(w);          // scale_key
                values[j++] = r.getInt(w + 1);   // max_score
                values[j++] = total;
                values[j++] = MARKS[i];
                values[j++] = c;
                values[j++] = b.windowFrom();
                values[j++] = b.windowTo();
                values[j++] = CollectionConverters.asScala(observed).toSeq();
                values[j++] = CollectionConverters.asScala(counterfactual).toSeq();
                values[j++] = orNull(b.excessMass());
                values[j++] = orNull(b.missingMass());
                values[j++] = orNull(b.ratio());
                values[j++] = orNull(b.standardError());
                values[j++] = orNull(b.z());
                values[j++] = orNull(b.pValue());
                values[j++] = b.degree();
                values[j++] = b.fitPoints();
                values[j++] = window;
                values[j++] = above;
                values[j++] = window == 0 ? null : (double) above / window;
                values[j++] = orNull(kernel.excessMass());
                values[j++] = orNull(kernel.standardError());
                values[j++] = orNull(kernel.pValue());
                values[j] = kernel.degree();
                out.add(RowFactory.create(values));
            }
        }
        return spark.createDataFrame(out, schema(resultsWithScale.schema()));
    }

    /** The output schema: the work keys typed as in the input, then the figures. */
    static StructType schema(StructType input) {
        List<StructField> fields = new ArrayList<>();
        for (String k : Keys.WORK) {
            fields.add(DataTypes.createStructField(k, input.apply(k).dataType(), true));
        }
        fields.add(DataTypes.createStructField("scale_key", input.apply("scale_key").dataType(), true));
        fields.add(DataTypes.createStructField("max_score", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("works", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("cut", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("cut_score", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("window_from", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("window_to", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("observed", DataTypes.createArrayType(DataTypes.LongType, false), false));
        fields.add(DataTypes.createStructField("counterfactual", DataTypes.createArrayType(DataTypes.DoubleType, true), false));
        for (String d : new String[] {"excess_mass", "missing_mass", "bunching_ratio", "bunching_se", "bunching_z", "bunching_p"}) {
            fields.add(DataTypes.createStructField(d, DataTypes.DoubleType, true));
        }
        fields.add(DataTypes.createStructField("degree", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("fit_points", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("window_works", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("above_works", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("share_above_in_window", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("count_fit_excess_mass", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("count_fit_se", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("count_fit_p", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("count_fit_degree", DataTypes.IntegerType, false));
        return DataTypes.createStructType(fields);
    }

    private static List<Object> keyOf(Row r, int length) {
        List<Object> key = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            key.add(r.get(i));
        }
        return key;
    }

    static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
