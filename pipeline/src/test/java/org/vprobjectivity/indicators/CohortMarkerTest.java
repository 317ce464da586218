package org.vprobjectivity.indicators;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The official marker 3 against a hand-worked example. */
class CohortMarkerTest {

    private static final StructType SCHEMA = new StructType()
            .add("session", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("school_id", DataTypes.StringType).add("municipality_code", DataTypes.StringType)
            .add("municipality", DataTypes.StringType).add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType).add("primary_score", DataTypes.IntegerType)
            .add("max_score", DataTypes.IntegerType);

    private final SparkSession spark = SparkTestSession.get();
    private final List<Row> rows = new ArrayList<>();

    private void work(String session, String school, int grade, int score, int max) {
        rows.add(RowFactory.create(session, "22", school, "m1", "Район", "MA", grade, score, max));
    }

    /** Grade 4 in 2024 (maximum 20) against grade 5 in 2025 (maximum 40): S in percent of each work's maximum. */
    private void cohort(String school, int percentFrom, int percentTo) {
        work("2024-spring", school, 4, percentFrom / 5, 20);
        work("2025-spring", school, 5, percentTo * 2 / 5, 40);
    }

    @Test
    void aCohortNeedsTwoSessionsACalendarYearApart() {
        assertThat(CohortMarker.canPair(List.of("2025-spring"))).isFalse();
        assertThat(CohortMarker.canPair(List.of("2024-autumn", "2024-spring"))).isFalse();
        assertThat(CohortMarker.canPair(List.of("2023-spring", "2025-spring"))).isFalse();
        assertThat(CohortMarker.canPair(List.of("2025-spring", "2024-autumn"))).isTrue();
        assertThat(CohortMarker.canPair(List.of())).isFalse();
    }

    @Test
    void sharpFallAndRiseAgainstTheQuartilesOfAllSchools() {
        // K per school: A 50/50 = 1.0, B 45/50 = 0.9, C 55/50 = 1.1, D 1.0, E 1.0, F 1.0, G 90/30 = 3.0, H 10/50 = 0.2,
        // I 50/45 = 1.111. Sorted: 0.2, 0.9, 1.0, 1.0, 1.0, 1.0, 1.1, 1.111, 3.0 (n = 9). Type 7: Q25 at (n − 1)·0.25 = 2
        // → 1.0; Q75 at 6 → 1.1; IQR 0.1. Fall: K > 1.1 + 0.3 = 1.4 → G. Rise: K < 1.0 − 0.3 = 0.7 → H.
        cohort("A", 50, 50);
        cohort("B", 45, 50);
        cohort("C", 55, 50);
        cohort("D", 50, 50);
        cohort("E", 50, 50);
        cohort("F", 50, 50);
        cohort("G", 90, 30);
        cohort("H", 10, 50);
        cohort("I", 50, 45);
        work("2024-spring", "J", 4, 10, 20);   // no grade 5 a year later: no cohort
        work("2023-spring", "K", 4, 10, 20);   // grade 5 two years later: no cohort
        work("2025-spring", "K", 5, 20, 40);
        work("2024-spring", "A", 4, 10, 20);   // a second work of A in 2024: S = mean of 10 and 10, unchanged
        work("2025-autumn", "A", 5, 4, 40);    // the autumn session of 2025 is not paired with a spring one
        Map<String, Row> out = CohortMarker.compute(spark.createDataFrame(rows, SCHEMA)).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        assertThat(out.keySet()).containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F", "G", "H", "I");
        Row a = out.get("A");
        assertThat(a.<Double>getAs(CohortMarker.S_FROM)).isCloseTo(50.0, within(1e-12));
        assertThat(a.<Double>getAs(CohortMarker.S_TO)).isCloseTo(50.0, within(1e-12));
        assertThat(a.<String>getAs(CohortMarker.SESSION_TO)).isEqualTo("2025-spring");
        assertThat(a.<String>getAs("session")).isEqualTo("2025-spring");
        assertThat(a.<Long>getAs(CohortMarker.N_FROM)).isEqualTo(2L);
        assertThat(out.get("I").<Double>getAs(CohortMarker.K)).isCloseTo(50.0 / 45, within(1e-12));
        for (Row r : out.values()) {
            assertThat(r.<Double>getAs(CohortMarker.Q25)).isCloseTo(1.0, within(1e-12));
            assertThat(r.<Double>getAs(CohortMarker.Q75)).isCloseTo(1.1, within(1e-12));
            assertThat(r.<Long>getAs(CohortMarker.SCHOOLS_COMPARED)).isEqualTo(9L);
            String id = r.getAs("school_id");
            assertThat(r.<Boolean>getAs(CohortMarker.FALL)).as(id).isEqualTo(id.equals("G"));
            assertThat(r.<Boolean>getAs(CohortMarker.RISE)).as(id).isEqualTo(id.equals("H"));
        }
    }
}
