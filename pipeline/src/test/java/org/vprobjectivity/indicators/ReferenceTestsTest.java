package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.stats.BetaBinomial;
import org.vprobjectivity.stats.RandomEffects;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one-pass reference tests: each reference is fitted over its own cells only (a null key is a reference of its
 * own), the columns come after the cell's in the order of the tests, and each value equals the statistic computed by
 * hand from the same cells with {@link BetaBinomial} and {@link RandomEffects}.
 */
class ReferenceTestsTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void everyReferenceIsFittedOverItsOwnCellsInOnePass() {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("unit", DataTypes.StringType, true),
                DataTypes.createStructField("cell", DataTypes.StringType, false),
                DataTypes.createStructField("k", DataTypes.LongType, false),
                DataTypes.createStructField("n", DataTypes.LongType, false),
                DataTypes.createStructField("d", DataTypes.DoubleType, true),
                DataTypes.createStructField("v", DataTypes.DoubleType, true)));
        // reference "a": three cells with different shares; the null reference: two cells; "b": one cell with n = 0
        List<Row> rows = List.of(
                RowFactory.create("a", "a1", 2L, 20L, 0.1, 0.5),
                RowFactory.create("a", "a2", 9L, 20L, 0.6, 0.7),
                RowFactory.create("a", "a3", 4L, 10L, -0.2, null),
                RowFactory.create(null, "x1", 1L, 5L, 0.0, 1.0),
                RowFactory.create(null, "x2", 4L, 5L, 1.0, 1.2),
                RowFactory.create("b", "b1", 0L, 0L, null, null));
        Dataset<Row> cells = spark.createDataFrame(rows, schema);

        Dataset<Row> tested = ReferenceTests.apply(cells, new String[]{"unit"}, List.of(
                ClusteredShareTest.of("k", "n", "share"), JournalShift.of("d", "v", "n", "shift")));

        assertThat(tested.columns()).containsExactly("unit", "cell", "k", "n", "d", "v",
                "share_ref", "share_rho", "share_p", "share_shrunk", "shift_ref", "shift_z", "shift_up_p", "shift_down_p");
        Map<String, Row> byCell = new HashMap<>();
        tested.collectAsList().forEach(r -> byCell.put(r.getString(1), r));
        assertThat(byCell).hasSize(6);

        BetaBinomial.Fit a = BetaBinomial.fitMoments(new int[]{2, 9, 4}, new int[]{20, 20, 10});
        Row a2 = byCell.get("a2");
        assertThat(a2.getDouble(6)).isCloseTo(15.0 / 50, within(1e-12));
        assertThat(a2.getDouble(8)).isCloseTo(ClusteredShareTest.midP(9, 20, a.alpha(), a.beta()), within(1e-12));
        assertThat(a2.getDouble(9)).isCloseTo((9 + a.alpha()) / (20 + a.alpha() + a.beta()), within(1e-12));
        BetaBinomial.Fit x = BetaBinomial.fitMoments(new int[]{1, 4}, new int[]{5, 5});
        assertThat(byCell.get("x2").getDouble(6)).isCloseTo(5.0 / 10, within(1e-12));
        if (!Double.isNaN(x.alpha())) {
            assertThat(byCell.get("x2").getDouble(8)).isCloseTo(ClusteredShareTest.midP(4, 5, x.alpha(), x.beta()), within(1e-12));
        }

        RandomEffects.Fit shift = RandomEffects.fit(new double[]{0.1, 0.6, -0.2}, new double[]{0.5, 0.7, Double.NaN},
                new long[]{20, 20, 10});
        assertThat(a2.getDouble(10)).isCloseTo(shift.mean(), within(1e-12));
        double z = shift.z(0.6, 20);
        assertThat(a2.getDouble(11)).isCloseTo(z, within(1e-12));
        assertThat(a2.getDouble(12) + a2.getDouble(13)).isCloseTo(1.0, within(1e-12));
        assertThat(a2.getDouble(12)).isLessThan(0.5);

        // a reference whose only cell has no trials: no fit, so every test column is null
        Row b1 = byCell.get("b1");
        assertThat(Arrays.asList(6, 7, 8, 9, 10, 11, 12, 13)).allMatch(b1::isNullAt);
    }
}
