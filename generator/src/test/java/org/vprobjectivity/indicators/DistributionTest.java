package org.vprobjectivity.indicators;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.stats.Binomial;
import org.vprobjectivity.stats.DistributionDistance;
import org.vprobjectivity.stats.ScoreSpread;
import org.vprobjectivity.ingest.IngestOptions;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.GroundTruth;
import org.vprobjectivity.synthetic.ManipulationKind;
import org.vprobjectivity.synthetic.OutputFormat;
import org.vprobjectivity.synthetic.SyntheticRegion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DistributionTest {

    private final SparkSession spark = SparkTestSession.get();

    // School A, one class; school B, class unknown (null); school C, two classes. One work, scale 0..20, cuts 6/10/15.
    static final int[] A = {4, 6, 6, 7, 9, 10, 10, 12, 15, 15, 16, 2};
    static final int[] B = {5, 5, 4, 7, 8, 9, 11, 13, 14, 18, 3, 6};
    static final int[] C1 = {6, 7, 10, 11, 15, 16, 0, 20, 12, 5, 5, 9, 14, 13};
    static final int[] C2 = {8, 8, 9, 10, 17};

    private Dataset<Row> fixture() {
        return new DistributionFixture().works("A", "А", A).works("B", null, B).works("C", "А", C1).works("C", "Б", C2)
                .toDataset(spark);
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    private static long count(int[] scores, int from, int to) {
        return Arrays.stream(scores).filter(s -> s >= from && s <= to).count();
    }

    private static long[] histogram(int[] scores) {
        long[] h = new long[DistributionFixture.MAX + 1];
        for (int s : scores) {
            h[s]++;
        }
        return h;
    }

    private static double mean(int[] s) {
        return Arrays.stream(s).average().orElseThrow();
    }

    private static double sd(int[] s) {
        double m = mean(s);
        return Math.sqrt(Arrays.stream(s).mapToDouble(x -> (x - m) * (x - m)).sum() / (s.length - 1));
    }

    private Map<String, Row> bySchool(Dataset<Row> cells) {
        Map<String, Row> out = new LinkedHashMap<>();
        cells.collectAsList().forEach(r -> out.put(r.getAs("school_id"), r));
        return out;
    }

    /**
     * School A by hand: window 4..7 holds 4, 6, 6, 7 (4 works), 3 at or above 6; window 8..11 holds 9, 10, 10 (3), 2
     * above; window 13..16 holds 15, 15, 16 (3), all above. Region shares are counted over all 43 works here;
     * P(X ≥ 3 | 4, s) = 4s³(1 − s) + s⁴.
     */
    @Test
    void schoolCellsByHand() {
        Dataset<Row> results = fixture();
        Dataset<Row> region = RegionBunching.compute(spark, results);
        Map<String, Row> cells = bySchool(Distribution.compute(results, region, Keys.SCHOOL));
        assertThat(cells).containsOnlyKeys("A", "B", "C");
        Row a = cells.get("A");
        int[] all = concat(A, B, C1, C2);
        int[] cuts = DistributionFixture.CUTS;
        long[] expectedWindow = {4, 3, 3};
        long[] expectedAbove = {3, 2, 3};
        double minP = Double.NaN;
        int cutsTested = 0;
        double[] shares = new double[3];
        for (int i = 0; i < 3; i++) {
            int c = cuts[i];
            int k = i + 3;
            double share = (double) count(all, c, c + 1) / count(all, c - 2, c + 1);
            shares[i] = share;
            assertThat(a.<Long>getAs("bunch" + k + "_window")).isEqualTo(expectedWindow[i]);
            assertThat(a.<Long>getAs("bunch" + k + "_above")).isEqualTo(expectedAbove[i]);
            assertThat(a.<Double>getAs("bunch" + k + "_region_share")).isCloseTo(share, within(1e-15));
            assertThat(a.<Double>getAs("bunch" + k + "_expected_above")).isCloseTo(expectedWindow[i] * share, within(1e-12));
            assertThat(a.<Double>getAs("bunch" + k + "_excess")).isCloseTo(expectedAbove[i] - expectedWindow[i] * share, within(1e-12));
            // Tarone: reported only when all-above would give a mid-p under 0.05.
            boolean reported = 0.5 * Math.pow(share, expectedWindow[i]) < 0.05;
            Double p = a.getAs("bunch" + k + "_p");
            if (reported) {
                double mid = Binomial.upperTail(expectedAbove[i] + 1, expectedWindow[i], share)
                        + 0.5 * Binomial.pmf(expectedAbove[i], expectedWindow[i], share);
                assertThat(p).isCloseTo(mid, within(1e-12));
                minP = Double.isNaN(minP) ? mid : Math.min(minP, mid);
                cutsTested++;
            } else {
                assertThat(p).as("untestable window at cut %d", k).isNull();
            }
        }
        // By hand: window 4 with 3 above, mid-p = P(X = 4) + ½·P(X = 3) = s⁴ + 2s³(1 − s).
        double s3 = shares[0];
        if (0.5 * Math.pow(s3, 4) < 0.05) {
            assertThat(a.<Double>getAs("bunch3_p")).isCloseTo(Math.pow(s3, 4) + 2 * Math.pow(s3, 3) * (1 - s3), within(1e-12));
        }
        // the smallest, Bonferroni-adjusted for the cuts tested
        assertThat(a.<Double>getAs("bunch_min_p")).isEqualTo(Double.isNaN(minP) ? null : Math.min(1, cutsTested * minP));
        // The summed test: 8 of 10 window works above, against Bin(4, s3) + Bin(3, s4) + Bin(3, s5).
        long[] windows = {4, 3, 3};
        double[] dist = {1.0};
        for (int i = 0; i < 3; i++) {
            double[] next = new double[dist.length + (int) windows[i]];
            for (int j = 0; j <= windows[i]; j++) {
                for (int t = 0; t < dist.length; t++) {
                    next[t + j] += dist[t] * Binomial.pmf(j, windows[i], shares[i]);
                }
            }
            dist = next;
        }
        double total = dist[10] + dist[9] + 0.5 * dist[8];
        double smallest = 0.5 * Math.pow(shares[0], 4) * Math.pow(shares[1], 3) * Math.pow(shares[2], 3);
        if (smallest < 0.05) {
            assertThat(a.<Double>getAs("bunch_total_p")).isCloseTo(total, within(1e-12));
        } else {
            assertThat(a.<Double>getAs("bunch_total_p")).isNull();
        }

        assertThat(a.<Long>getAs("n")).isEqualTo(A.length);
        assertThat(a.<Double>getAs("score_mean")).isCloseTo(mean(A), within(1e-12));
        assertThat(a.<Double>getAs("score_sd")).isCloseTo(sd(A), within(1e-12));

        // Shape: chi-square and KS of A's histogram against the whole region's.
        long[] ha = histogram(A);
        long[] hr = histogram(all);
        double[] ref = Arrays.stream(hr).asDoubleStream().toArray();
        // The reference is tilted to A's mean first, which costs one degree of freedom.
        DistributionDistance.ChiSquare cs =
                DistributionDistance.chiSquare(ha, DistributionDistance.tiltToMean(ref, mean(A)), 1);
        assertThat(a.<Double>getAs("chi2_stat")).isCloseTo(cs.statistic(), within(1e-12));
        assertThat(a.<Integer>getAs("chi2_df")).isEqualTo(cs.df());
        if (cs.df() >= 1) {
            // Three cells are too few for a heterogeneity factor: φ = 1 and chi2_p is Pearson's p-value.
            assertThat(a.<Double>getAs("chi2_dispersion")).isEqualTo(1.0);
            assertThat(a.<Double>getAs("chi2_p")).isCloseTo(cs.pValue(), within(1e-12));
        } else {
            assertThat(a.<Double>getAs("chi2_p")).isNull();
        }
        double d = 0;
        double fa = 0;
        double fr = 0;
        for (int x = 0; x <= DistributionFixture.MAX; x++) {
            fa += ha[x] / (double) A.length;
            fr += hr[x] / (double) all.length;
            d = Math.max(d, Math.abs(fa - fr));
        }
        assertThat(a.<Double>getAs("ks_distance")).isCloseTo(d, within(1e-12));
        // The histogram the report draws from (instead of rescanning results): works per score 0..max, by hand.
        List<Long> stored = a.getList(a.fieldIndex(Distribution.SCORE_HISTOGRAM));
        assertThat(stored).hasSize(DistributionFixture.MAX + 1);
        for (int x = 0; x <= DistributionFixture.MAX; x++) {
            int score = x;
            assertThat(stored.get(x)).as("works with %d points", x).isEqualTo(java.util.Arrays.stream(A).filter(v -> v == score).count());
        }

        // Spread: the curve fitted over the three school cells of the work.
        ScoreSpread.Model m = ScoreSpread.fit(new double[] {mean(A), mean(B), mean(concat(C1, C2))},
                new double[] {sd(A), sd(B), sd(concat(C1, C2))}, new int[] {A.length, B.length, C1.length + C2.length});
        double z = m.z(mean(A), sd(A), A.length);
        assertThat(a.<Double>getAs("sd_expected")).isCloseTo(m.expectedSd(mean(A)), within(1e-12));
        if (Double.isFinite(z)) {
            assertThat(a.<Double>getAs("sd_z")).isCloseTo(z, within(1e-12));
            assertThat(a.<Double>getAs("sd_p")).isCloseTo(new NormalDistribution().cumulativeProbability(z), within(1e-12));
        } else {
            assertThat(a.<Double>getAs("sd_z")).isNull();
        }
    }

    /** Class cells: the unknown class of school B is a cell of its own; a cell without works in a window has null p. */
    @Test
    void classCellsAndEmptyWindows() {
        Dataset<Row> results = fixture();
        Dataset<Row> region = RegionBunching.compute(spark, results);
        List<Row> rows = Distribution.compute(results, region, Keys.CLASS).collectAsList();
        assertThat(rows).hasSize(4);
        Row b = rows.stream().filter(r -> r.getAs("school_id").equals("B")).findFirst().orElseThrow();
        assertThat(b.<String>getAs("class")).isNull();
        assertThat(b.<Long>getAs("n")).isEqualTo(B.length);
        // C "Б" = 8, 8, 9, 10, 17: window 4..7 empty → null p; window 8..11 = 4 works, 1 above.
        Row c2 = rows.stream().filter(r -> "Б".equals(r.getAs("class"))).findFirst().orElseThrow();
        assertThat(c2.<Long>getAs("bunch3_window")).isZero();
        assertThat(c2.<Double>getAs("bunch3_p")).isNull();
        assertThat(c2.<Double>getAs("bunch3_expected_above")).isNull();
        assertThat(c2.<Long>getAs("bunch4_window")).isEqualTo(4);
        assertThat(c2.<Long>getAs("bunch4_above")).isEqualTo(1);
        // The spread curve is fitted over the four classes.
        int[][] classes = {A, B, C1, C2};
        ScoreSpread.Model m = ScoreSpread.fit(Arrays.stream(classes).mapToDouble(DistributionTest::mean).toArray(),
                Arrays.stream(classes).mapToDouble(DistributionTest::sd).toArray(),
                Arrays.stream(classes).mapToInt(x -> x.length).toArray());
        assertThat(c2.<Double>getAs("sd_expected")).isCloseTo(m.expectedSd(mean(C2)), within(1e-12));
    }

    /**
     * Between-cell correlation by hand: ρ_i = (X²_i/m(df_i) − 1)/(n_i − 1) for df = 1, 2, 2, 4, 2 (m(2) = 2 ln 2, the
     * median of an exponential with mean 2); the cells with df 0 or n 1 are skipped; ρ is the median, floored at 0;
     * under five cells ρ = 0.
     */
    @Test
    void betweenCellCorrelationByHand() {
        double m1 = new org.apache.commons.math3.distribution.ChiSquaredDistribution(1).inverseCumulativeProbability(0.5);
        double m2 = 2 * Math.log(2);
        double m4 = new org.apache.commons.math3.distribution.ChiSquaredDistribution(4).inverseCumulativeProbability(0.5);
        double[] chi2 = {3.0, 5.0, 1.0, 12.0, 8.0, 50.0, 9.0};
        int[] df = {1, 2, 2, 4, 2, 0, 3};
        int[] n = {11, 21, 6, 31, 16, 40, 1};
        double[] rhos = {(3.0 / m1 - 1) / 10, (5.0 / m2 - 1) / 20, (1.0 / m2 - 1) / 5, (12.0 / m4 - 1) / 30, (8.0 / m2 - 1) / 15};
        Arrays.sort(rhos);
        assertThat(Distribution.heterogeneity(chi2, df, n)).isCloseTo(Math.max(0, rhos[2]), within(1e-12));
        assertThat(Distribution.heterogeneity(new double[] {0.1, 0.2, 0.1, 0.3, 0.2}, new int[] {2, 2, 2, 2, 2},
                new int[] {10, 10, 10, 10, 10})).isEqualTo(0.0);
        assertThat(Distribution.heterogeneity(new double[] {30, 40}, new int[] {2, 2}, new int[] {10, 10})).isEqualTo(0.0);
    }

    /**
     * Empirical null by hand: z = Φ⁻¹(1 − p) for 21 p-values; μ₀ = median z (floored at 0), σ₀ = 1.4826·MAD (floored
     * at 1), p' = max(p, 1 − Φ((z − μ₀)/σ₀)); NaN stays NaN; under 20 p-values nothing changes.
     */
    @Test
    void empiricalNullByHand() {
        NormalDistribution normal = new NormalDistribution();
        double[] p = new double[22];
        for (int i = 0; i < 21; i++) {
            p[i] = 0.001 + 0.6 * i / 21.0; // more small p-values than a uniform gives: the centre moves up
        }
        p[21] = Double.NaN;
        double[] z = new double[21];
        for (int i = 0; i < 21; i++) {
            z[i] = normal.inverseCumulativeProbability(1 - p[i]);
        }
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        double mu = Math.max(0, sorted[10]);
        double[] dev = Arrays.stream(z).map(v -> Math.abs(v - sorted[10])).sorted().toArray();
        double sigma = Math.max(1, 1.4826 * dev[10]);
        double[] out = Distribution.empiricalNull(p);
        for (int i = 0; i < 21; i++) {
            double expected = Math.max(p[i], 1 - normal.cumulativeProbability((z[i] - mu) / sigma));
            assertThat(out[i]).isCloseTo(expected, within(1e-9));
        }
        assertThat(out[21]).isNaN();
        assertThat(out[0]).isGreaterThan(p[0]);
        double[] few = {0.01, 0.2, 0.5};
        assertThat(Distribution.empiricalNull(few)).containsExactly(few);
    }

    // ---------------------------------------------------------------- generated regions

    /** ROC AUC = P(score of a positive < score of a negative) + ½ P(tie): lower p = more suspicious. */
    static double auc(List<Double> positives, List<Double> negatives) {
        double wins = 0;
        for (double p : positives) {
            for (double q : negatives) {
                wins += p < q ? 1 : p == q ? 0.5 : 0;
            }
        }
        return wins / ((double) positives.size() * negatives.size());
    }

    private static Dataset<Row> generated(SparkSession spark, Path dir, GeneratorConfig cfg) throws Exception {
        SyntheticRegion.write(dir, cfg);
        return DistributionFixture.ingest(spark, dir.toString(), IngestOptions.NONE);
    }

    /**
     * Power: 36 schools, half manipulated (lenient checking near cuts or blanket inflation). ROC AUC of
     * {@code bunch_total_p} for the school cells whose work had lenient checking near cuts, against all other cells.
     */
    @Test
    void lenientCheckingNearCutsIsRankedFirst(@TempDir Path dir) throws Exception {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(36).seed(2024).manipulatedShare(0.5)
                .kinds(ManipulationKind.LENIENT_NEAR_CUTS, ManipulationKind.BLANKET_INFLATION)
                .formats(OutputFormat.CANONICAL_CSV).build();
        long start = System.nanoTime();
        Dataset<Row> results = generated(spark, dir, cfg);
        GroundTruth truth = GroundTruth.read(dir);
        Dataset<Row> region = RegionBunching.compute(spark, results).cache();
        List<Row> cells = Distribution.compute(results, region, Keys.SCHOOL).collectAsList();
        Map<String, List<Double>> pos = new LinkedHashMap<>();
        Map<String, List<Double>> neg = new LinkedHashMap<>();
        String[] columns = {"bunch_total_p", "bunch_min_p", "bunch3_p", "bunch4_p", "bunch5_p", "sd_p", "chi2_p"};
        int lenient = 0;
        int blanket = 0;
        List<Double> blanketSd = new ArrayList<>();
        List<Double> otherSd = new ArrayList<>();
        for (Row r : cells) {
            ManipulationKind kind = truth.kindOf(r.getAs("school_id"), r.getAs("subject"), r.<Integer>getAs("grade"));
            boolean positive = kind == ManipulationKind.LENIENT_NEAR_CUTS;
            lenient += positive ? 1 : 0;
            blanket += kind == ManipulationKind.BLANKET_INFLATION ? 1 : 0;
            for (String c : columns) {
                Double p = r.getAs(c);
                (positive ? pos : neg).computeIfAbsent(c, x -> new ArrayList<>()).add(p == null ? 1.0 : p);
            }
            Double sdp = r.getAs("sd_p");
            (kind == ManipulationKind.BLANKET_INFLATION ? blanketSd : otherSd).add(sdp == null ? 1.0 : sdp);
        }
        System.out.printf("generated region: %d school cells, %d with lenient checking near cuts, %d with blanket"
                + " inflation (%.1f s)%n", cells.size(), lenient, blanket, (System.nanoTime() - start) / 1e9);
        for (String c : columns) {
            System.out.printf("ROC AUC of %-12s for LENIENT_NEAR_CUTS cells: %.3f%n", c, auc(pos.get(c), neg.get(c)));
        }
        System.out.printf("ROC AUC of sd_p for BLANKET_INFLATION cells: %.3f%n", auc(blanketSd, otherSd));
        for (Row r : region.collectAsList()) {
            System.out.printf("region %s-%d cut %d: B = %s, p = %s, share above %.3f%n", r.getAs("subject"),
                    r.<Integer>getAs("grade"), r.<Integer>getAs("cut"), r.getAs("excess_mass"), r.getAs("bunching_p"),
                    r.<Double>getAs("share_above_in_window"));
        }
        assertThat(lenient).isGreaterThan(3);
        // 0.8 before the generator's real variance components (school SD 0.3, class leniency); the region-referenced
        // bunching is now the fallback where no pupil model is fitted (ModelCalibrationTest tests the model's cuts sign)
        assertThat(auc(pos.get("bunch_total_p"), neg.get("bunch_total_p"))).isGreaterThanOrEqualTo(0.75);
    }

    // Null behaviour of every p-value column, these included, is NullBehaviourTest's (120 schools, two levels).
}
