package org.vprobjectivity.flags;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.indicators.TestVersions;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The jump's p-values and comparability on a hand-worked history. */
class HistoryJumpTest {

    private static final StructType CELLS = new StructType().add("session", DataTypes.StringType)
            .add("region", DataTypes.StringType).add("school_id", DataTypes.StringType).add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType).add("works", DataTypes.LongType).add("mean_score_pct", DataTypes.DoubleType)
            .add("quality_share", DataTypes.DoubleType).add("score_sd", DataTypes.DoubleType)
            .add("score_mean", DataTypes.DoubleType);
    private static final StructType VERSIONS = new StructType().add("session", DataTypes.StringType)
            .add("subject", DataTypes.StringType).add("grade", DataTypes.IntegerType).add(TestVersions.VERSION, DataTypes.StringType);

    private static final List<String> SESSIONS = List.of("2024-spring", "2025-spring");

    private final SparkSession spark = SparkTestSession.get();

    private static Row cell(String session, String school, double mean, double quality, double scoreMean) {
        // score_sd 4 points with the given mean score: the SD in % of the maximum is 4 · mean% / mean = 20 in every cell
        return RowFactory.create(session, "22", school, "MA", 4, 10L, mean, quality, 4.0, scoreMean);
    }

    @Test
    void jumpsTestedAgainstTheirSamplingVarianceAndTheSchoolsSpread() {
        // 2024: A 50, B 60, C 70 (% of max), quality 0.5 each; 2025: A 50, B 60, C 85, quality 0.5, 0.5, 0.8; 10 works.
        // The region's change: 65 − 60 = 5 p.p. and 0.6 − 0.5 = 0.1. Jumps: A −5, B −5, C 10; quality −0.1, −0.1, 0.2.
        // σ² pooled = 20² in both sessions: v = 400/10 + 400/10 = 80. w = 1/80 each, d̄ = 0, Q = 150/80 = 1.875 < 2:
        // τ² = 0, μ = 0; z_C = 10/√80 = 1.118034, p = 0.131776; z_A = −0.559017, p = 0.711925 (3 cells: theoretical
        // null). Quality: v = 0.6·0.4/10 + 0.5·0.5/10 = 0.049, Q = 0.06/0.049 < 2, τ² = 0: z_C = 0.2/√0.049 = 0.903508,
        // p = 0.183128. D has no row in 2024: no jump. MA 4 changed its version between the sessions: not comparable.
        Dataset<Row> history = spark.createDataFrame(List.of(
                cell("2024-spring", "A", 50, 0.5, 10), cell("2024-spring", "B", 60, 0.5, 12),
                cell("2024-spring", "C", 70, 0.5, 14), cell("2025-spring", "A", 50, 0.5, 10),
                cell("2025-spring", "B", 60, 0.5, 12), cell("2025-spring", "C", 85, 0.8, 17)), CELLS);
        Dataset<Row> table = history.filter("session = '2025-spring'").unionByName(spark.createDataFrame(
                List.of(cell("2025-spring", "D", 40, 0.2, 8)), CELLS));
        Dataset<Row> versions = spark.createDataFrame(List.of(RowFactory.create("2024-spring", "MA", 4, "MA-4-2021"),
                RowFactory.create("2025-spring", "MA", 4, "MA-4-2023")), VERSIONS);
        Map<String, Row> out = HistoryJump.attach(table, HistoryJump.history(history), SESSIONS, versions).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        Row c = out.get("C");
        assertThat(c.<Double>getAs(HistoryJump.MEAN_JUMP_PCT)).isCloseTo(10.0, within(1e-9));
        assertThat(c.<Double>getAs(HistoryJump.REGION_MEAN_CHANGE)).isCloseTo(5.0, within(1e-9));
        assertThat(c.<Double>getAs(HistoryJump.MEAN_JUMP_Z)).isCloseTo(1.118034, within(1e-6));
        assertThat(c.<Double>getAs(HistoryJump.MEAN_JUMP_P)).isCloseTo(0.131776, within(1e-6));
        assertThat(c.<Double>getAs(HistoryJump.QUALITY_JUMP_Z)).isCloseTo(0.903508, within(1e-6));
        assertThat(c.<Double>getAs(HistoryJump.QUALITY_JUMP_P)).isCloseTo(0.183128, within(1e-6));
        assertThat(out.get("A").<Double>getAs(HistoryJump.MEAN_JUMP_P)).isCloseTo(0.711925, within(1e-6));
        assertThat(c.<Boolean>getAs(HistoryJump.COMPARABLE)).isFalse();
        Row d = out.get("D");
        assertThat(d.<Double>getAs(HistoryJump.MEAN_JUMP_PCT)).isNull();
        assertThat(d.<Double>getAs(HistoryJump.MEAN_JUMP_P)).isNull();
        // an earlier output without score_sd/score_mean: the jump stays, without a p-value
        Dataset<Row> old = history.drop("score_sd", "score_mean");
        Row noP = HistoryJump.attach(table, HistoryJump.history(old), SESSIONS, null).filter("school_id = 'C'").first();
        assertThat(noP.<Double>getAs(HistoryJump.MEAN_JUMP_PCT)).isCloseTo(10.0, within(1e-9));
        assertThat(noP.<Double>getAs(HistoryJump.MEAN_JUMP_P)).isNull();
        assertThat(noP.<Double>getAs(HistoryJump.QUALITY_JUMP_P)).isCloseTo(0.183128, within(1e-6));
        assertThat(noP.<Boolean>getAs(HistoryJump.COMPARABLE)).isNull();
    }

    /** One session (a fresh output): the jump columns are there, with the types the fits give, and null. */
    @Test
    void aSingleSessionGetsNullJumpsOfTheSameTypes() {
        Dataset<Row> history = spark.createDataFrame(List.of(cell("2024-spring", "A", 50, 0.5, 10),
                cell("2025-spring", "A", 55, 0.6, 11), cell("2025-spring", "B", 60, 0.5, 12)), CELLS);
        Dataset<Row> table = history.filter("session = '2025-spring'");
        Dataset<Row> versions = spark.createDataFrame(List.of(RowFactory.create("2025-spring", "MA", 4, "MA-4-2023")), VERSIONS);
        Dataset<Row> fitted = HistoryJump.attach(table, HistoryJump.history(history), SESSIONS, versions);
        Dataset<Row> alone = HistoryJump.attach(table, HistoryJump.history(table), List.of("2025-spring"), versions);
        assertThat(alone.columns()).containsExactly(fitted.columns());
        for (String c : alone.columns()) {
            assertThat(alone.schema().apply(c).dataType()).as(c).isEqualTo(fitted.schema().apply(c).dataType());
        }
        assertThat(fitted.filter("school_id = 'A'").first().<Double>getAs(HistoryJump.MEAN_JUMP_PCT)).isNotNull();
        for (Row r : alone.collectAsList()) {
            assertThat(r.<String>getAs(HistoryJump.PREVIOUS_SESSION)).isNull();
            assertThat(r.<Double>getAs(HistoryJump.MEAN_JUMP_PCT)).isNull();
            assertThat(r.<Double>getAs(HistoryJump.QUALITY_JUMP_P)).isNull();
            assertThat(r.<Boolean>getAs(HistoryJump.COMPARABLE)).isNull();
        }
    }
}
