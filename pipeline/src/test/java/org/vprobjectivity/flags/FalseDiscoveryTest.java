package org.vprobjectivity.flags;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.stats.BenjaminiHochberg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FalseDiscoveryTest {

    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType).add("p", DataTypes.DoubleType);

    private final SparkSession spark = SparkTestSession.get();

    private Map<String, Row> qValues(List<Row> rows) {
        Dataset<Row> out = FalseDiscovery.qValues(spark.createDataFrame(rows, SCHEMA), "p", "q");
        Map<String, Row> byId = new HashMap<>();
        for (Row r : out.collectAsList()) {
            assertThat(byId.put(r.getAs("id"), r)).as("row %s once", (Object) r.getAs("id")).isNull();
        }
        return byId;
    }

    /**
     * Eight rows, one null, so m = 7. Ranked ascending, m·p_(j)/j:
     * <pre>
     * rank j  id  p      7·p/j            q = min over ranks ≥ j
     *   1     h   0.001  0.007            0.007
     *   2     a   0.01   0.035            0.035
     *   3     d   0.03   0.07             0.056
     *   4     b   0.04   0.07             0.056   (tie with c: the later rank's 0.056 wins)
     *   5     c   0.04   0.056            0.056
     *   6     e   0.20   0.2333…          0.2333… = 7/30
     *   7     f   0.50   0.5              0.5
     *   –     g   null   –                null
     * </pre>
     */
    @Test
    void handWorkedExampleWithTiesAndANull() {
        List<Row> rows = List.of(RowFactory.create("a", 0.01), RowFactory.create("b", 0.04), RowFactory.create("c", 0.04),
                RowFactory.create("d", 0.03), RowFactory.create("e", 0.20), RowFactory.create("f", 0.50),
                RowFactory.create("g", null), RowFactory.create("h", 0.001));
        Map<String, Row> q = qValues(rows);
        assertThat(q).hasSize(8);
        Map<String, Double> expected = Map.of("h", 0.007, "a", 0.035, "d", 0.056, "b", 0.056, "c", 0.056,
                "e", 7.0 / 30, "f", 0.5);
        expected.forEach((id, value) -> assertThat(q.get(id).<Double>getAs("q")).as(id).isCloseTo(value, within(1e-12)));
        assertThat(q.get("g").<Double>getAs("q")).isNull();
        assertThat(q.get("g").<Double>getAs("p")).isNull();
    }

    @Test
    void agreesWithTheArrayImplementationOnRandomPValues() {
        Random random = new Random(20250417L);
        int n = 200;
        double[] p = new double[n];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v;
            if (i % 37 == 0) {
                v = Double.NaN; // a few untested cells
            } else if (i % 5 == 0) {
                v = Math.round(random.nextDouble() * 20) / 20.0; // coarse values: ties, some 0 and 1
            } else {
                v = Math.pow(random.nextDouble(), 3); // skewed towards 0, as a mix of signals would be
            }
            p[i] = v;
            rows.add(RowFactory.create("r" + i, Double.isNaN(v) ? null : v));
        }
        double[] expected = BenjaminiHochberg.qValues(p);
        Map<String, Row> q = qValues(rows);
        assertThat(q).hasSize(n);
        for (int i = 0; i < n; i++) {
            Double got = q.get("r" + i).getAs("q");
            if (Double.isNaN(expected[i])) {
                assertThat(got).as("r%d", i).isNull();
            } else {
                assertThat(got).as("r%d", i).isCloseTo(expected[i], within(1e-12));
            }
        }
    }

    @Test
    void allNullColumnGivesAllNullQ() {
        Map<String, Row> q = qValues(List.of(RowFactory.create("a", null), RowFactory.create("b", null)));
        assertThat(q).hasSize(2);
        assertThat(q.values()).allSatisfy(r -> assertThat(r.<Double>getAs("q")).isNull());
    }
}
