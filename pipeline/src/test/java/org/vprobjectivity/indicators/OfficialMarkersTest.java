package org.vprobjectivity.indicators;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OfficialMarkersTest {

    /**
     * Hand-worked example. School A: scores 18, 19, 20 (mean 19, s = 1, m = 3); school B: 5, 7, 9, 11
     * (mean 8, s = √(20/3) = 2.5820); region = all 7 works: mean 89/7 = 12.714, s² = Σ(x−x̄)²/6.
     * Region upper bound = 12.714 + 1.96·s/√7; A's lower bound 19 − 1.96/√3 = 17.868 lies above it → marked.
     * Journal marks A: (18,3) (19,4) (20,5) → r_s = 1 → no mismatch; B: (5,5) (7,4) (9,4) (11,3):
     * ranks of score 1,2,3,4; journal ranks 4, 2.5, 2.5, 1 → r_s = −0.9487 → mismatch.
     */
    @Test
    void handWorkedExample() {
        ResultsFixture f = new ResultsFixture()
                .work("A", "А", 18, 5, 3).work("A", "А", 19, 5, 4).work("A", "А", 20, 5, 5)
                .work("B", "А", 5, 2, 5).work("B", "А", 7, 3, 4).work("B", "Б", 9, 3, 4).work("B", "Б", 11, 4, 3);
        Map<String, Row> bySchool = OfficialMarkers.compute(f.toDataset(SparkTestSession.get())).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));

        double[] all = {18, 19, 20, 5, 7, 9, 11};
        double mean = 89.0 / 7;
        double ss = 0;
        for (double x : all) {
            ss += (x - mean) * (x - mean);
        }
        double regionUpper = mean + 1.96 * Math.sqrt(ss / 6) / Math.sqrt(7);
        Row a = bySchool.get("A");
        assertThat(a.<Double>getAs("region_mean")).isCloseTo(mean, within(1e-12));
        assertThat(a.<Double>getAs("region_ci_upper")).isCloseTo(regionUpper, within(1e-12));
        assertThat(a.<Double>getAs("school_ci_lower")).isCloseTo(19 - 1.96 / Math.sqrt(3), within(1e-12));
        assertThat(a.<Boolean>getAs("marker_inflated_mean")).isTrue();
        assertThat(a.<Double>getAs("spearman_journal_score")).isCloseTo(1.0, within(1e-12));
        assertThat(a.<Boolean>getAs("marker_mismatch")).isFalse();
        assertThat(a.<Boolean>getAs("official_work")).isTrue();

        Row b = bySchool.get("B");
        assertThat(b.<Double>getAs("school_sd")).isCloseTo(Math.sqrt(20.0 / 3), within(1e-12));
        assertThat(b.<Boolean>getAs("marker_inflated_mean")).isFalse();
        // Pearson of (1,2,3,4) and (4,2.5,2.5,1): covariance −4.5/3 ... computed here from the ranks.
        double[] rx = {1, 2, 3, 4};
        double[] ry = {4, 2.5, 2.5, 1};
        assertThat(b.<Double>getAs("spearman_journal_score")).isCloseTo(pearson(rx, ry), within(1e-12));
        assertThat(pearson(rx, ry)).isCloseTo(-0.9486832980505138, within(1e-12));
        assertThat(b.<Boolean>getAs("marker_mismatch")).isTrue();
        assertThat(b.<Integer>getAs("markers")).isEqualTo(1);
        assertThat(b.<Long>getAs("n_with_journal")).isEqualTo(4L);
    }

    private static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /**
     * 100,000 works in one school: the sign numerator n·Σxy − Σx·Σy overflowed a long (about 1.3·10^20) and under
     * ANSI mode the whole run stopped. r_s is checked against Commons Math's Spearman (average ranks for ties), and
     * its (negative) sign marks the school.
     */
    @Test
    void aSchoolOf100000WorksDoesNotOverflow() {
        int n = 100_000;
        java.util.Random random = new java.util.Random(17);
        ResultsFixture f = new ResultsFixture();
        double[] scores = new double[n];
        double[] journal = new double[n];
        for (int i = 0; i < n; i++) {
            int score = random.nextInt(21);
            // Journal marks falling as the score rises (with noise): a negative r_s, the official mismatch marker.
            int mark = Math.max(2, Math.min(5, 5 - score / 6 + random.nextInt(3) - 1));
            scores[i] = score;
            journal[i] = mark;
            f.work("BIG", "А", score, 3, mark);
        }
        Row big = OfficialMarkers.compute(f.toDataset(SparkTestSession.get())).first();
        double expected = new org.apache.commons.math3.stat.correlation.SpearmansCorrelation().correlation(scores, journal);
        assertThat(expected).isLessThan(-0.3);
        assertThat(big.<Long>getAs("n_with_journal")).isEqualTo((long) n);
        assertThat(big.<Double>getAs("spearman_journal_score")).isCloseTo(expected, within(1e-9));
        assertThat(big.<Double>getAs("spearman_sign_numerator")).isNegative();
    }

    /** r_s exactly 0 (scores 1..4, journal 3,2,2,3): the numerator is exactly 0 and the school is not marked. */
    @Test
    void anExactlyZeroCorrelationIsNotMarked() {
        ResultsFixture f = new ResultsFixture().work("Z", "А", 1, 2, 3).work("Z", "А", 2, 2, 2).work("Z", "А", 3, 2, 2)
                .work("Z", "А", 4, 2, 3);
        Row z = OfficialMarkers.compute(f.toDataset(SparkTestSession.get())).first();
        assertThat(z.<Double>getAs("spearman_sign_numerator")).isZero();
        assertThat(z.<Boolean>getAs("marker_mismatch")).isFalse();
    }

    /**
     * Doubled average ranks as Spark's rank() and tie counts gave them: 3, null, 3, 1 sort as null, 1, 3, 3 (a missing
     * score ranks first); null 2·1 + 1 − 1 = 2, the 1 2·2 + 1 − 1 = 4, the two 3s 2·3 + 2 − 1 = 7 (average rank 3.5).
     */
    @Test
    void doubledAverageRanksShareTiesAndPutMissingScoresFirst() {
        assertThat(OfficialMarkers.doubledAverageRanks(new Integer[]{3, null, 3, 1})).containsExactly(7, 2, 7, 4);
    }
}
