package org.vprobjectivity.indicators;

import org.vprobjectivity.ingest.SideFileProblem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.stats.Binomial;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExternalReferenceTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void readsPercentOrFractionsAndListsBadLines() {
        ExternalReference ref = ExternalReference.parse(List.of(
                "Предмет;Класс;2;3;4;5;Источник",
                "Математика;4;5,2;30,1;45,3;19,4;РФ 2025",   // percent with decimal commas, sums to 100
                "RU;5;0.1;0.4;0.35;0.15",                       // fractions
                "MA;5;10;20;30",                                // too few columns
                "История;x;10;20;30;40",                        // grade not a number
                "MA;6;10;20;30;30"));                           // sums to 90
        assertThat(ref.entries()).extracting(ExternalReference.Entry::subject).containsExactly("MA", "RU");
        ExternalReference.Entry ma = ref.entries().get(0);
        assertThat(ma.grade()).isEqualTo(4);
        assertThat(ma.shares()).containsExactly(new double[] {0.052, 0.301, 0.453, 0.194}, within(1e-12));
        assertThat(ma.label()).isEqualTo("РФ 2025");
        assertThat(ref.problems()).extracting(SideFileProblem::line).containsExactly(4, 5, 6);
        assertThat(ref.problems().get(2).messageEn()).contains("sum");
        // one delimiter per file, detected as for every side file (DelimitedReader): tab here
        assertThat(ExternalReference.parse(List.of("RU\t5\t0.1\t0.4\t0.35\t0.15")).entries()).singleElement()
                .satisfies(e -> assertThat(e.shares()).containsExactly(new double[] {0.1, 0.4, 0.35, 0.15}, within(1e-12)));
    }

    /**
     * School A: 4 works, marks 5 5 4 3 → quality 3 of 4; B: 3 works, 3 2 4 → 1 of 3. Against a national quality
     * of 0.4 with the region's ρ: with two cells the moment fit's ρ is whatever the fixture gives; the p-value is
     * the beta-binomial mid-p at that ρ, the binomial one when ρ ≤ 0.
     */
    @Test
    void comparesQualityWithTheExternalShare() {
        Dataset<Row> results = new ResultsFixture()
                .work("A", "А", 18, 5, 4).work("A", "А", 19, 5, 4).work("A", "А", 12, 4, 4).work("A", "А", 8, 3, 4)
                .work("B", "А", 8, 3, 3).work("B", "А", 3, 2, 3).work("B", "Б", 12, 4, null)
                .toDataset(spark).withColumn("max_score", lit(20));
        ExternalReference ref = ExternalReference.parse(List.of("MA;4;10;50;30;10"));
        Map<String, Row> rows = ExternalReference.compare(HighResults.compute(results, Keys.SCHOOL), ref.toDataset(spark))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        Row a = rows.get("A");
        assertThat(a.<Double>getAs("ext_quality")).isCloseTo(0.4, within(1e-12));
        assertThat(a.<Double>getAs("ext_share_2")).isCloseTo(0.1, within(1e-12));
        Double rho = a.getAs("quality_rho");
        if (rho == null || !(rho > 0)) {
            assertThat(a.<Double>getAs("ext_quality_p")).isCloseTo(Binomial.upperTailMidP(3, 4, 0.4), within(1e-9));
        } else {
            double precision = (1 - Math.min(rho, 0.999)) / Math.min(rho, 0.999);
            assertThat(a.<Double>getAs("ext_quality_p"))
                    .isCloseTo(ClusteredShareTest.midP(3, 4, 0.4 * precision, 0.6 * precision), within(1e-12));
        }
        // The binomial limit by hand: P(X = 4) + ½·P(X = 3) for Bin(4, 0.4) = 0.0256 + ½·0.1536.
        assertThat(ExternalReference.qualityP(3, 4, 0.4, 0.0)).isCloseTo(0.0256 + 0.0768, within(1e-9));
    }
}
