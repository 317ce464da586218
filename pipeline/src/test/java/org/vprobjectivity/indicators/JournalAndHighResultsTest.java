package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.stats.BetaBinomial;
import org.vprobjectivity.stats.WeightedKappa;

import java.util.Map;
import java.util.stream.Collectors;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JournalAndHighResultsTest {

    private final SparkSession spark = SparkTestSession.get();

    /**
     * School A (4 works): (v,j) = (5,4) (5,4) (4,4) (3,4): raised 2, confirmed 1, lowered 1; v − j = 1,1,0,−1:
     * mean 0.25, s = √(2.75/3), se = s/2. School B (3 works, one without journal): (3,3) (2,3) (4,null).
     */
    private Dataset<Row> fixture() {
        return new ResultsFixture()
                .work("A", "А", 18, 5, 4).work("A", "А", 19, 5, 4).work("A", "А", 12, 4, 4).work("A", "А", 8, 3, 4)
                .work("B", "А", 8, 3, 3).work("B", "А", 3, 2, 3).work("B", "Б", 12, 4, null)
                .toDataset(spark).withColumn("max_score", lit(20));
    }

    @Test
    void journalComparisonCountsSharesKappaAndDifference() {
        Map<String, Row> rows = JournalComparison.compute(fixture(), Keys.SCHOOL).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        Row a = rows.get("A");
        assertThat(a.<Long>getAs("raised")).isEqualTo(2);
        assertThat(a.<Long>getAs("confirmed")).isEqualTo(1);
        assertThat(a.<Long>getAs("lowered")).isEqualTo(1);
        assertThat(a.<Double>getAs("raised_share")).isCloseTo(0.5, within(1e-12));
        assertThat(a.<Double>getAs("mean_diff")).isCloseTo(0.25, within(1e-12));
        assertThat(a.<Double>getAs("mean_diff_se")).isCloseTo(Math.sqrt(2.75 / 3) / 2, within(1e-12));
        assertThat(a.<Double>getAs("kappa_w")).isCloseTo(
                WeightedKappa.quadratic(new int[]{4, 4, 4, 4}, new int[]{5, 5, 4, 3}, 2, 5), within(1e-12));
        Row b = rows.get("B");
        assertThat(b.<Long>getAs("works_without_journal")).isEqualTo(1);
        assertThat(b.<Long>getAs("n_journal")).isEqualTo(2);
        assertThat(b.<Long>getAs("lowered")).isEqualTo(1);

        // Reference share of raised = (2 + 0) / (4 + 2); p-value = beta-binomial mid-p tail under the fitted (α, β).
        BetaBinomial.Fit fit = BetaBinomial.fitMoments(new int[]{2, 0}, new int[]{4, 2});
        assertThat(a.<Double>getAs("raised_ref")).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(a.<Double>getAs("raised_p")).isCloseTo(BetaBinomial.upperTail(2, 4, fit.alpha(), fit.beta())
                - 0.5 * BetaBinomial.pmf(2, 4, fit.alpha(), fit.beta()), within(1e-12));
    }

    @Test
    void highResultsSharesQualityAndPercentile() {
        Map<String, Row> rows = HighResults.compute(fixture(), Keys.SCHOOL).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        Row a = rows.get("A");
        assertThat(a.<Long>getAs("quality")).isEqualTo(3);
        assertThat(a.<Double>getAs("quality_share")).isCloseTo(0.75, within(1e-12));
        assertThat(a.<Double>getAs("share_3")).isCloseTo(0.25, within(1e-12));
        assertThat(a.<Double>getAs("mean_score_pct")).isCloseTo((18 + 19 + 12 + 8) * 100.0 / 4 / 20, within(1e-12));
        assertThat(a.<Double>getAs("quality_percentile")).isCloseTo(100.0, within(1e-12));
        assertThat(rows.get("B").<Double>getAs("quality_percentile")).isCloseTo(0.0, within(1e-12));
        double shrunk = a.<Double>getAs("quality_shrunk");
        assertThat(shrunk).isBetween(a.<Double>getAs("quality_ref"), 0.75);
    }

    /**
     * Municipal reference: A and B in m1, C and D in m2. Raised counts: A 2 of 4, B 0 of 2, C 1 of 2 ((4,3) (3,3)),
     * D 2 of 2 ((5,4) (4,3)). With the municipality, A's reference share is (2 + 0)/(4 + 2) and C's (1 + 2)/(2 + 2),
     * each p-value from its own municipality's fit; with the region, both see (2 + 0 + 1 + 2)/10.
     */
    @Test
    void municipalReferenceFitsEachMunicipalityOnItsOwn() {
        Dataset<Row> results = new ResultsFixture()
                .work("A", "А", 18, 5, 4).work("A", "А", 19, 5, 4).work("A", "А", 12, 4, 4).work("A", "А", 8, 3, 4)
                .work("B", "А", 8, 3, 3).work("B", "А", 3, 2, 3)
                .work("C", "А", 12, 4, 3).work("C", "А", 8, 3, 3)
                .work("D", "А", 16, 5, 4).work("D", "А", 12, 4, 3)
                .toDataset(spark).withColumn("max_score", lit(20))
                .withColumn("municipality_code", org.apache.spark.sql.functions.when(
                        org.apache.spark.sql.functions.col("school_id").isin("C", "D"), "m2").otherwise("m1"));
        Map<String, Row> municipal = JournalComparison.compute(ReferenceLevel.MUNICIPALITY.tag(results), Keys.SCHOOL)
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        assertThat(municipal.get("A").<String>getAs(ReferenceLevel.UNIT)).isEqualTo("m1");
        assertThat(municipal.get("A").<Double>getAs("raised_ref")).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(municipal.get("C").<Double>getAs("raised_ref")).isCloseTo(3.0 / 4, within(1e-12));
        BetaBinomial.Fit m2 = BetaBinomial.fitMoments(new int[]{1, 2}, new int[]{2, 2});
        double expected = Double.isNaN(m2.alpha()) ? Double.NaN : ClusteredShareTest.midP(1, 2, m2.alpha(), m2.beta());
        Double cP = municipal.get("C").getAs("raised_p");
        if (Double.isNaN(expected)) {
            assertThat(cP).isNull();
        } else {
            assertThat(cP).isCloseTo(expected, within(1e-12));
        }
        Map<String, Row> regional = JournalComparison.compute(results, Keys.SCHOOL).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        assertThat(regional.get("A").<String>getAs(ReferenceLevel.UNIT)).isEqualTo("region");
        assertThat(regional.get("A").<Double>getAs("raised_ref")).isCloseTo(5.0 / 10, within(1e-12));
        assertThat(regional.get("C").<Double>getAs("raised_ref")).isCloseTo(5.0 / 10, within(1e-12));
        assertThat(ReferenceLevel.parse(" Municipality ")).isEqualTo(ReferenceLevel.MUNICIPALITY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReferenceLevel.parse("district"))
                .hasMessageContaining("reference_level");
    }

    /** The journal shift recomputed from the cells' own mean differences with the random-effects fit. */
    @Test
    void journalShiftIsTheRandomEffectsDeviationOfTheMeanDifference() {
        Dataset<Row> results = new ResultsFixture()
                .work("A", "А", 18, 5, 4).work("A", "А", 19, 5, 4).work("A", "А", 12, 4, 4).work("A", "А", 8, 3, 4)
                .work("B", "А", 8, 3, 3).work("B", "А", 3, 2, 3).work("B", "А", 12, 4, 4)
                .work("C", "А", 12, 4, 5).work("C", "А", 8, 3, 4).work("C", "А", 15, 5, 5)
                .work("D", "А", 15, 5, 4) // one journal mark: no variance of its own (collect_list drops the null)
                .toDataset(spark).withColumn("max_score", lit(20));
        Map<String, Row> rows = JournalComparison.compute(results, Keys.SCHOOL).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        // v − j: A 1, 1, 0, −1; B 0, −1, 0; C −1, −1, 0; D 1.
        double[][] diffs = {{1, 1, 0, -1}, {0, -1, 0}, {-1, -1, 0}, {1}};
        double[] means = new double[4];
        double[] vars = new double[4];
        long[] n = new long[4];
        for (int i = 0; i < 4; i++) {
            n[i] = diffs[i].length;
            means[i] = java.util.Arrays.stream(diffs[i]).average().orElseThrow();
            double m = means[i];
            vars[i] = n[i] < 2 ? Double.NaN : java.util.Arrays.stream(diffs[i]).map(x -> (x - m) * (x - m)).sum() / (n[i] - 1);
        }
        org.vprobjectivity.stats.RandomEffects.Fit f =
                org.vprobjectivity.stats.RandomEffects.fit(means, vars, n);
        String[] ids = {"A", "B", "C", "D"};
        for (int i = 0; i < 4; i++) {
            Row r = rows.get(ids[i]);
            double z = f.z(means[i], n[i]);
            assertThat(r.<Double>getAs("shift_ref")).isCloseTo(f.mean(), within(1e-12));
            assertThat(r.<Double>getAs("shift_z")).isCloseTo(z, within(1e-12));
            double up = 1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z);
            assertThat(r.<Double>getAs("shift_up_p")).isCloseTo(up, within(1e-12));
            assertThat(r.<Double>getAs("shift_down_p")).isCloseTo(1 - up, within(1e-12));
        }
        assertThat(rows.get("A").<Double>getAs("shift_z")).isGreaterThan(rows.get("C").<Double>getAs("shift_z"));
    }

    /**
     * The score residual by hand: μ_j and σ_j (sample SD) of the primary score per journal mark over the region, each
     * pupil's (s − μ_j)/σ_j and s − μ_j averaged per school, then the same random-effects deviation as the shift.
     */
    @Test
    void scoreResidualIsTheScoreAgainstWhatTheJournalMarkPredicts() {
        // {school, score, journal}; the VPR mark does not enter the residual.
        int[][] works = {{0, 18, 4}, {0, 19, 4}, {0, 12, 3}, {0, 9, 3}, {1, 8, 4}, {1, 10, 4}, {1, 6, 3},
                {2, 14, 4}, {2, 5, 3}, {2, 7, 3}, {2, 11, 5}, {3, 16, 5}, {3, 20, 5}, {3, 12, 4}};
        String[] ids = {"A", "B", "C", "D"};
        ResultsFixture fixture = new ResultsFixture();
        for (int[] w : works) {
            fixture.work(ids[w[0]], "А", w[1], 3, w[2]);
        }
        Map<String, Row> rows = JournalComparison.compute(fixture.toDataset(spark).withColumn("max_score", lit(20)), Keys.SCHOOL)
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        Map<Integer, double[]> byMark = new java.util.HashMap<>();
        for (int j = 3; j <= 5; j++) {
            int mark = j;
            double[] s = java.util.Arrays.stream(works).filter(w -> w[2] == mark).mapToDouble(w -> w[1]).toArray();
            double mu = java.util.Arrays.stream(s).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(s).map(x -> (x - mu) * (x - mu)).sum() / (s.length - 1));
            byMark.put(j, new double[]{mu, sd});
        }
        double[] means = new double[4];
        double[] vars = new double[4];
        long[] n = new long[4];
        for (int i = 0; i < 4; i++) {
            int school = i;
            double[] r = java.util.Arrays.stream(works).filter(w -> w[0] == school)
                    .mapToDouble(w -> (w[1] - byMark.get(w[2])[0]) / byMark.get(w[2])[1]).toArray();
            double[] points = java.util.Arrays.stream(works).filter(w -> w[0] == school)
                    .mapToDouble(w -> w[1] - byMark.get(w[2])[0]).toArray();
            n[i] = r.length;
            means[i] = java.util.Arrays.stream(r).average().orElseThrow();
            double m = means[i];
            vars[i] = java.util.Arrays.stream(r).map(x -> (x - m) * (x - m)).sum() / (n[i] - 1);
            Row row = rows.get(ids[i]);
            assertThat(row.<Double>getAs("score_resid")).isCloseTo(means[i], within(1e-12));
            assertThat(row.<Double>getAs("score_above_journal"))
                    .isCloseTo(java.util.Arrays.stream(points).average().orElseThrow(), within(1e-12));
            assertThat(row.<Long>getAs("n_resid")).isEqualTo(n[i]);
        }
        org.vprobjectivity.stats.RandomEffects.Fit f =
                org.vprobjectivity.stats.RandomEffects.fit(means, vars, n);
        for (int i = 0; i < 4; i++) {
            Row row = rows.get(ids[i]);
            double z = f.z(means[i], n[i]);
            assertThat(row.<Double>getAs("resid_ref")).isCloseTo(f.mean(), within(1e-12));
            assertThat(row.<Double>getAs("resid_z")).isCloseTo(z, within(1e-12));
            double up = 1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z);
            assertThat(row.<Double>getAs("resid_up_p")).isCloseTo(up, within(1e-12));
            assertThat(row.<Double>getAs("resid_down_p")).isCloseTo(1 - up, within(1e-12));
        }
        // A's scores lie above what its journal marks predict, B's below.
        assertThat(rows.get("A").<Double>getAs("resid_z")).isGreaterThan(0).isGreaterThan(rows.get("B").<Double>getAs("resid_z"));
    }
}
