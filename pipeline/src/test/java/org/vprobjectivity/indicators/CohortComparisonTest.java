package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The test versions, the cohort's comparability guard, its standardised path and the gain-then-reversal, by hand. */
class CohortComparisonTest {

    private final SparkSession spark = SparkTestSession.get();

    private static Row work(String session, String school, String subject, int grade, int score, String version) {
        return RowFactory.create(session, "22", school, "m1", "Район", subject, grade, score, 100, version,
                List.of(score / 2, score - score / 2));
    }

    private static Dataset<Row> compute(Dataset<Row> works) {
        return CohortWorks.cohorts(works);
    }

    @Test
    void standingVersionsAndAReversalWorkedByHand() {
        // S (maximum 100, one work each): grade 4 in 2023 A 40, B 50, C 60 (mean 50, SD 10: z −1, 0, 1); grade 5 in
        // 2024 A 70, B 50, C 60 (mean 60: z 1, −1, 0); grade 6 in 2025 A 40, B 60, C 50 (mean 50: z −1, 1, 0).
        // Cohort 5 → 6: A z_from 1, z_to −1, z_change −2, z_first −1: reversal_score = 1 − (−1 − 1)/2 = 2, the middle
        // year above both: a reversal. B: −1 − (0 + 1)/2 = −1.5; C: 0 − (1 + 0)/2 = −0.5. Grade 6's work is a version
        // in force from 2025: the cohort 2024 → 2025 is not comparable; grade 5's (2021) was in force in 2023.
        List<Row> rows = new ArrayList<>();
        int[][] s = {{40, 70, 40}, {50, 50, 60}, {60, 60, 50}};
        String[] schools = {"A", "B", "C"};
        for (int i = 0; i < 3; i++) {
            rows.add(work("2023-spring", schools[i], "MA", 4, s[i][0], "MA-4-2021"));
            rows.add(work("2024-spring", schools[i], "MA", 5, s[i][1], "MA-5-2021"));
            rows.add(work("2025-spring", schools[i], "MA", 6, s[i][2], "MA-6-2025"));
        }
        Dataset<Row> works = spark.createDataFrame(rows, CohortWorks.SCHEMA);
        List<Row> versions = TestVersions.compute(works.select(TestVersions.inputColumns())).orderBy("session").collectAsList();
        assertThat(versions).extracting(r -> r.getAs(TestVersions.VERSION) + "/" + r.getAs(TestVersions.VERSION_YEAR) + "/"
                + r.getAs(TestVersions.TASKS) + "/" + r.getAs(TestVersions.MAX_SCORE) + "/" + r.getAs(TestVersions.WORKS))
                .containsExactly("MA-4-2021/2021/2/100/3", "MA-5-2021/2021/2/100/3", "MA-6-2025/2025/2/100/3");
        List<Row> all = compute(works).collectAsList();
        Map<String, Row> late = all.stream().filter(r -> r.getAs("session").equals("2025-spring"))
                .collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        Row a = late.get("A");
        assertThat(a.<Double>getAs(CohortComparison.Z_FROM)).isCloseTo(1.0, within(1e-12));
        assertThat(a.<Double>getAs(CohortComparison.Z_TO)).isCloseTo(-1.0, within(1e-12));
        assertThat(a.<Double>getAs(CohortComparison.Z_CHANGE)).isCloseTo(-2.0, within(1e-12));
        assertThat(a.<Double>getAs(CohortComparison.Z_FIRST)).isCloseTo(-1.0, within(1e-12));
        assertThat(a.<Double>getAs(CohortComparison.REVERSAL_SCORE)).isCloseTo(2.0, within(1e-12));
        assertThat(a.<Boolean>getAs(CohortComparison.REVERSAL)).isTrue();
        assertThat(late.get("B").<Double>getAs(CohortComparison.REVERSAL_SCORE)).isCloseTo(-1.5, within(1e-12));
        assertThat(late.get("C").<Double>getAs(CohortComparison.REVERSAL_SCORE)).isCloseTo(-0.5, within(1e-12));
        assertThat(late.get("B").<Boolean>getAs(CohortComparison.REVERSAL)).isFalse();
        for (Row r : late.values()) {
            assertThat(r.<String>getAs(CohortComparison.VERSION_TO)).isEqualTo("MA-6-2025");
            assertThat(r.<Boolean>getAs(CohortComparison.COMPARABLE)).isFalse();
            assertThat(r.<Double>getAs(CohortComparison.REVERSAL_P)).isNull(); // 3 cohorts cannot estimate a null
            // the official marker's own columns are unchanged beside them
            assertThat(r.<Double>getAs(CohortMarker.K)).isCloseTo(r.<Double>getAs(CohortMarker.S_FROM)
                    / r.<Double>getAs(CohortMarker.S_TO), within(1e-12));
        }
        List<Row> early = all.stream().filter(r -> r.getAs("session").equals("2024-spring")).toList();
        assertThat(early).hasSize(3).allSatisfy(r -> {
            assertThat(r.<Boolean>getAs(CohortComparison.COMPARABLE)).isTrue();
            assertThat(r.<Double>getAs(CohortComparison.Z_FIRST)).isNull(); // no grade 3 in 2022
            assertThat(r.<Boolean>getAs(CohortComparison.REVERSAL)).isNull();
        });
    }

    @Test
    void reversalPIsCalibratedOnHonestCohorts() {
        // 100 schools × 4 subjects over three years, honest: a school level (SD 8 p.p.) and a cohort level (SD 5) that
        // persist, and a yearly noise (SD 4); 10 works each. The share of reversal_p below 0.05 must stay within 2–8%.
        Random r = new Random(23);
        List<Row> rows = new ArrayList<>();
        String[] subjects = {"MA", "RU", "BI", "HI"};
        for (String subject : subjects) {
            for (int i = 0; i < 100; i++) {
                double level = 50 + 8 * r.nextGaussian() + 5 * r.nextGaussian();
                for (int y = 0; y < 3; y++) {
                    int score = (int) Math.round(Math.max(0, Math.min(100, level + 4 * r.nextGaussian())));
                    for (int w = 0; w < 10; w++) {
                        rows.add(work((2023 + y) + "-spring", "S" + i, subject, 4 + y, score, subject + "-" + (4 + y) + "-2021"));
                    }
                }
            }
        }
        List<Row> late = compute(spark.createDataFrame(rows, CohortWorks.SCHEMA)).filter(col("session").equalTo("2025-spring"))
                .collectAsList();
        assertThat(late).hasSize(400).allSatisfy(x -> assertThat(x.<Double>getAs(CohortComparison.REVERSAL_P)).isNotNull());
        double below = late.stream().filter(x -> x.<Double>getAs(CohortComparison.REVERSAL_P) < 0.05).count() / 400.0;
        System.out.printf("reversal_p on 400 honest three-year cohorts: %.3f below 0.05%n", below);
        assertThat(below).isBetween(0.02, 0.08);
    }
}
