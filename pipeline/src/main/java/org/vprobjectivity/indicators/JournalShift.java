package org.vprobjectivity.indicators;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.stats.RandomEffects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.udf;

/**
 * How far a cell's mean difference VPR mark − journal mark ({@code mean_diff}) lies from its reference's, allowing
 * for the honest spread between cells (docs/design.md §1): a random-effects fit per reference ({@link RandomEffects},
 * DerSimonian &amp; Laird 1986) gives μ, τ² and the pooled within-cell variance; {@code shift_z = (d − μ)/sqrt(τ² +
 * σ²_w/n)}, {@code shift_up_p = 1 − Φ(z)} (VPR above the school's own marks: inflated VPR) and
 * {@code shift_down_p = Φ(z)} (VPR below them: inflated journal marks). Every changed mark moves the mean, where the
 * raised/lowered counts see only marks that cross from one side to the other, so the shift sees a journal mark raised
 * from 3 to 4 for a pupil whose VPR mark was 5. {@code shift_ref} = μ.
 */
public final class JournalShift {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final UserDefinedFunction Z = udf((UDF5<Double, Long, Double, Double, Double, Double>) (d, n, mu, tau2, within) -> {
        if (d == null || n == null || mu == null || tau2 == null || within == null) {
            return null;
        }
        double z = new RandomEffects.Fit(mu, tau2, within, 0).z(d, n);
        return Double.isNaN(z) ? null : z;
    }, DataTypes.DoubleType);
    private static final UserDefinedFunction UPPER = udf((UDF2<Double, Boolean, Double>) (z, upper) ->
            z == null ? null : upper ? 1 - NORMAL.cumulativeProbability(z) : NORMAL.cumulativeProbability(z), DataTypes.DoubleType);

    private JournalShift() {
    }

    /** @param journalCells {@link JournalComparison} output (mean_diff, diff_variance, n_journal, reference keys) */
    public static Dataset<Row> compute(Dataset<Row> journalCells) {
        return compute(journalCells, "mean_diff", "diff_variance", "n_journal", "shift");
    }

    /**
     * Adds {@code <prefix>_ref} (μ), {@code <prefix>_z}, {@code <prefix>_up_p} and {@code <prefix>_down_p}.
     *
     * @param mean     the cell's mean of the per-pupil quantity
     * @param variance its sample variance within the cell
     * @param n        the number of pupils averaged (a long)
     */
    public static Dataset<Row> compute(Dataset<Row> cells, String mean, String variance, String n, String prefix) {
        String[] ref = ReferenceLevel.KEYS;
        // One list of structs, not three lists: collect_list drops nulls, and a cell of one work has no variance.
        Dataset<Row> lists = cells.filter(col(n).gt(0)).groupBy(Keys.cols(ref)).agg(
                collect_list(org.apache.spark.sql.functions.struct(col(mean), col(variance),
                        col(n).cast("long"))).as("__cells"));
        List<StructField> fields = new ArrayList<>(Arrays.asList(lists.select(Keys.cols(ref)).schema().fields()));
        fields.add(DataTypes.createStructField(prefix + "_ref", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("__tau2", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("__within", DataTypes.DoubleType, true));
        int keys = ref.length;
        MapFunction<Row, Row> fit = r -> {
            List<Row> members = r.getList(keys);
            double[] d = new double[members.size()];
            double[] v = new double[members.size()];
            long[] counts = new long[members.size()];
            for (int i = 0; i < d.length; i++) {
                Row c = members.get(i);
                d[i] = c.isNullAt(0) ? Double.NaN : c.getDouble(0);
                v[i] = c.isNullAt(1) ? Double.NaN : c.getDouble(1);
                counts[i] = c.getLong(2);
            }
            RandomEffects.Fit f = RandomEffects.fit(d, v, counts);
            Object[] out = new Object[keys + 3];
            for (int i = 0; i < keys; i++) {
                out[i] = r.get(i);
            }
            out[keys] = Double.isNaN(f.mean()) ? null : f.mean();
            out[keys + 1] = Double.isNaN(f.tau2()) ? null : f.tau2();
            out[keys + 2] = Double.isNaN(f.withinVariance()) ? null : f.withinVariance();
            return RowFactory.create(out);
        };
        Dataset<Row> fits = lists.map(fit, Encoders.row(DataTypes.createStructType(fields)));
        String z = prefix + "_z";
        return Keys.join(cells, fits, ref, "left")
                .withColumn(z, Z.apply(col(mean), col(n).cast("long"), col(prefix + "_ref"), col("__tau2"), col("__within")))
                .withColumn(prefix + "_up_p", UPPER.apply(col(z), org.apache.spark.sql.functions.lit(true)))
                .withColumn(prefix + "_down_p", UPPER.apply(col(z), org.apache.spark.sql.functions.lit(false)))
                .drop("__tau2", "__within");
    }
}
