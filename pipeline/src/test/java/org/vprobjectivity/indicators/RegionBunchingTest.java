package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.RealFiles;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.stats.Bunching;
import org.vprobjectivity.stats.BunchingPoisson;
import org.vprobjectivity.ingest.IngestOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RegionBunchingTest {


    private final SparkSession spark = SparkTestSession.get();

    /** Counts ≈ N · BetaBinomial(20, 4, 3) pmf, rounded: a smooth, unimodal score histogram. */
    static long[] smooth(long total) {
        double[] p = betaBinomial(DistributionFixture.MAX, 4, 3);
        long[] h = new long[p.length];
        for (int x = 0; x < p.length; x++) {
            h[x] = Math.round(total * p[x]);
        }
        return h;
    }

    private static double logChoose(int n, int k) {
        return org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientLog(n, k);
    }

    private static double logBeta(double a, double b) {
        return org.apache.commons.math3.special.Beta.logBeta(a, b);
    }

    private Map<Integer, Row> byCut(Dataset<Row> rows) {
        return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.<Integer>getAs("cut"), r -> r));
    }

    /**
     * Every figure of a row is the Poisson estimate (count_fit_*: the kernel's) on the histogram counted here; the share above in the window is
     * counted by hand; a score above the maximum is left out; two works give two sets of rows.
     */
    @Test
    void rowsAreTheEstimatesOnTheRegionHistogram() {
        long[] h = {1, 2, 4, 6, 9, 11, 15, 14, 13, 12, 14, 10, 9, 8, 6, 7, 5, 3, 2, 1, 1};
        DistributionFixture f = new DistributionFixture().histogram("S1", h).works("S2", "Б", 21);
        f.worksOf("RU", "S1", "А", 5, 6, 7, 10, 10, 15);
        Dataset<Row> rows = RegionBunching.compute(spark, f.toDataset(spark));
        assertThat(rows.count()).isEqualTo(6);
        Map<Integer, Row> ma = byCut(rows.filter(col("subject").equalTo("MA")));
        long total = 0;
        for (long c : h) {
            total += c;
        }
        int[] cuts = DistributionFixture.CUTS;
        for (int i = 0; i < 3; i++) {
            int c = cuts[i];
            Row r = ma.get(i + 3);
            Bunching.Result k = BunchingPoisson.estimate(h, c, cuts, Bunching.Options.defaults());
            Bunching.Result kc = Bunching.estimate(h, c, cuts, Bunching.Options.defaults());
            assertThat(r.<Integer>getAs("cut_score")).isEqualTo(c);
            assertThat(r.<Long>getAs("works")).isEqualTo(total);
            assertThat(r.<Integer>getAs("window_from")).isEqualTo(c - 2);
            assertThat(r.<Integer>getAs("window_to")).isEqualTo(c + 1);
            List<Long> observed = r.getList(r.fieldIndex("observed"));
            assertThat(observed).containsExactly(h[c - 2], h[c - 1], h[c], h[c + 1]);
            List<Double> cf = r.getList(r.fieldIndex("counterfactual"));
            for (int j = 0; j < 4; j++) {
                assertThat(cf.get(j)).isCloseTo(k.counterfactual()[j], within(1e-9));
            }
            assertThat(r.<Double>getAs("excess_mass")).isCloseTo(k.excessMass(), within(1e-9));
            assertThat(r.<Double>getAs("missing_mass")).isCloseTo(k.missingMass(), within(1e-9));
            assertThat(r.<Double>getAs("bunching_ratio")).isCloseTo(k.ratio(), within(1e-9));
            assertThat(r.<Double>getAs("bunching_se")).isCloseTo(k.standardError(), within(1e-9));
            assertThat(r.<Double>getAs("bunching_z")).isCloseTo(k.z(), within(1e-9));
            assertThat(r.<Double>getAs("bunching_p")).isCloseTo(k.pValue(), within(1e-12));
            assertThat(r.<Integer>getAs("degree")).isEqualTo(k.degree());
            assertThat(r.<Integer>getAs("fit_points")).isEqualTo(9); // 21 scores − 3 windows of 4
            assertThat(r.<Double>getAs("count_fit_excess_mass")).isCloseTo(kc.excessMass(), within(1e-9));
            assertThat(r.<Double>getAs("count_fit_se")).isCloseTo(kc.standardError(), within(1e-9));
            assertThat(r.<Double>getAs("count_fit_p")).isCloseTo(kc.pValue(), within(1e-12));
            long window = h[c - 2] + h[c - 1] + h[c] + h[c + 1];
            assertThat(r.<Long>getAs("window_works")).isEqualTo(window);
            assertThat(r.<Long>getAs("above_works")).isEqualTo(h[c] + h[c + 1]);
            assertThat(r.<Double>getAs("share_above_in_window")).isCloseTo((double) (h[c] + h[c + 1]) / window, within(1e-15));
        }
        // RU: six works; at cut 6 the window 4..7 holds 5, 6, 7 → share above 2/3.
        Map<Integer, Row> ru = byCut(rows.filter(col("subject").equalTo("RU")));
        assertThat(ru.get(3).<Long>getAs("works")).isEqualTo(6);
        assertThat(ru.get(3).<Double>getAs("share_above_in_window")).isCloseTo(2.0 / 3, within(1e-15));
    }

    /** Works moved from just below the cut for 4 up to it show as positive, significant excess; a smooth histogram not. */
    @Test
    void injectedExcessIsFoundAndSmoothHistogramIsNot() {
        long[] smooth = smooth(6000);
        Map<Integer, Row> clean = byCut(RegionBunching.compute(spark, new DistributionFixture().histogram("S", smooth).toDataset(spark)));
        for (int k = 3; k <= 5; k++) {
            Row r = clean.get(k);
            System.out.printf("smooth cut %d: B = %.1f, se = %.1f, p = %.3f%n", k, r.<Double>getAs("excess_mass"),
                    r.<Double>getAs("bunching_se"), r.<Double>getAs("bunching_p"));
            assertThat(r.<Double>getAs("bunching_p")).as("cut %d", k).isGreaterThan(0.05);
        }
        long[] bunched = smooth.clone();
        int c = DistributionFixture.CUTS[1];
        long moved = 0;
        for (int x = c - 2; x < c; x++) {
            long m = Math.round(0.4 * bunched[x]);
            bunched[x] -= m;
            bunched[c] += m;
            moved += m;
        }
        Map<Integer, Row> b = byCut(RegionBunching.compute(spark, new DistributionFixture().histogram("S", bunched).toDataset(spark)));
        Row r = b.get(4);
        System.out.printf("bunched cut 4: moved %d, B = %.1f, M = %.1f, se = %.1f, p = %.2e%n", moved,
                r.<Double>getAs("excess_mass"), r.<Double>getAs("missing_mass"), r.<Double>getAs("bunching_se"),
                r.<Double>getAs("bunching_p"));
        assertThat(r.<Double>getAs("excess_mass")).isCloseTo(moved, within(0.25 * moved));
        assertThat(r.<Double>getAs("missing_mass")).isCloseTo(moved, within(0.25 * moved));
        assertThat(r.<Double>getAs("bunching_p")).isLessThan(0.001);
        assertThat(b.get(3).<Double>getAs("bunching_p")).isGreaterThan(0.05);
    }

    /**
     * Degree 0 by hand: the Poisson fit of a constant is the mean μ of the fit counts. Scale 0..10, cut 5, window 3..6,
     * fit points 0, 1, 2, 7, 8, 9, 10. B = n5 + n6 − 2μ, M = 2μ − n3 − n4, X² = Σ (n − μ)²/μ over the fit points,
     * φ = max(1, X²/6), Var(B) = φ·(2μ + (2μ)²/(7μ)) (the fit's information is 7μ).
     */
    @Test
    void poissonCounterfactualOfDegreeZeroByHand() {
        long[] h = {10, 14, 9, 12, 8, 25, 22, 11, 13, 7, 12};
        Bunching.Result r = BunchingPoisson.estimate(h, 5, new int[0], new Bunching.Options(2, 1, 0));
        double mu = (10 + 14 + 9 + 11 + 13 + 7 + 12) / 7.0;
        double x2 = 0;
        for (int x : new int[] {0, 1, 2, 7, 8, 9, 10}) {
            x2 += (h[x] - mu) * (h[x] - mu) / mu;
        }
        double phi = Math.max(1, x2 / 6);
        double var = phi * (2 * mu + 4 * mu * mu / (7 * mu));
        assertThat(r.degree()).isEqualTo(0);
        assertThat(r.fitPoints()).isEqualTo(7);
        assertThat(r.counterfactual()).containsExactly(new double[] {mu, mu, mu, mu}, within(1e-9));
        assertThat(r.excessMass()).isCloseTo(25 + 22 - 2 * mu, within(1e-9));
        assertThat(r.missingMass()).isCloseTo(2 * mu - 12 - 8, within(1e-9));
        assertThat(r.standardError()).isCloseTo(Math.sqrt(var), within(1e-9));
        assertThat(r.samplingStandardError()).isCloseTo(Math.sqrt(2 * mu + 4 * mu / 7), within(1e-9));
        assertThat(r.pValue()).isCloseTo(1 - new org.apache.commons.math3.distribution.NormalDistribution()
                .cumulativeProbability((25 + 22 - 2 * mu) / Math.sqrt(var)), within(1e-12));
        // Undefined cases.
        assertThat(BunchingPoisson.estimate(h, 11, new int[0], Bunching.Options.defaults()).degree()).isEqualTo(-1);
        assertThat(BunchingPoisson.estimate(new long[11], 5, new int[0], Bunching.Options.defaults()).excessMass()).isNaN();
    }

    /** A histogram that is exp(linear) (up to rounding) is reproduced by the degree-1 fit: B ≈ 0 relative to the counts. */
    @Test
    void poissonCounterfactualReproducesAnExponentialHistogram() {
        long[] h = new long[21];
        for (int x = 0; x <= 20; x++) {
            h[x] = Math.round(Math.exp(3 + 0.2 * x));
        }
        Bunching.Result r = BunchingPoisson.estimate(h, 10, DistributionFixture.CUTS, new Bunching.Options(2, 1, 1));
        for (int i = 0; i < 4; i++) {
            double truth = Math.exp(3 + 0.2 * (8 + i));
            assertThat(r.counterfactual()[i]).isCloseTo(truth, within(0.005 * truth));
        }
        assertThat(Math.abs(r.excessMass())).isLessThan(0.01 * (h[10] + h[11]));
        assertThat(r.pValue()).isGreaterThan(0.05);
    }

    /**
     * Calibration on smooth histograms: multinomial samples of N works from beta-binomial(20; a, b) shapes, cuts 6 / 10 /
     * 15 (MA-4), share of samples "significant" at 5% per cut, for the Poisson counterfactual (asserted ≤ 0.15) and the
     * kernel's count polynomial (printed: on skewed shapes it finds bunching at the cut for mark 5 that is not there).
     */
    @Test
    void poissonCounterfactualIsCalibratedOnSmoothHistograms() {
        double[][] shapes = {{4, 3}, {6, 3}, {3, 2}, {2.5, 2.5}};
        int[] cuts = DistributionFixture.CUTS;
        int reps = 100;
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (double[] shape : shapes) {
            for (int n : new int[] {3000, 30000}) {
                if (n == 30000 && shape[0] != 6) {
                    continue; // the large size only where the kernel's failure shows, to keep the test short
                }
                double[] p = betaBinomial(DistributionFixture.MAX, shape[0], shape[1]);
                int[] poisson = new int[3];
                int[] kernel = new int[3];
                for (int rep = 0; rep < reps; rep++) {
                    long[] h = multinomial(p, n, random);
                    for (int i = 0; i < 3; i++) {
                        if (BunchingPoisson.estimate(h, cuts[i], cuts, Bunching.Options.defaults()).pValue() < 0.05) {
                            poisson[i]++;
                        }
                        if (Bunching.estimate(h, cuts[i], cuts, Bunching.Options.defaults()).pValue() < 0.05) {
                            kernel[i]++;
                        }
                    }
                }
                System.out.printf("smooth BB(20; %.1f, %.1f), N = %d: rejected at 5%% per cut 6/10/15: Poisson %.2f %.2f %.2f,"
                                + " count polynomial %.2f %.2f %.2f%n", shape[0], shape[1], n,
                        poisson[0] / (double) reps, poisson[1] / (double) reps, poisson[2] / (double) reps,
                        kernel[0] / (double) reps, kernel[1] / (double) reps, kernel[2] / (double) reps);
                for (int i = 0; i < 3; i++) {
                    assertThat(poisson[i] / (double) reps).as("BB(%s, %s) N %d cut %d", shape[0], shape[1], n, cuts[i])
                            .isLessThanOrEqualTo(0.15);
                }
            }
        }
    }

    static double[] betaBinomial(int max, double a, double b) {
        double[] p = new double[max + 1];
        double sum = 0;
        for (int x = 0; x <= max; x++) {
            p[x] = Math.exp(logChoose(max, x) + logBeta(x + a, max - x + b));
            sum += p[x];
        }
        for (int x = 0; x <= max; x++) {
            p[x] /= sum;
        }
        return p;
    }

    static long[] multinomial(double[] p, int n, java.util.SplittableRandom random) {
        double[] cumulative = new double[p.length];
        double c = 0;
        for (int i = 0; i < p.length; i++) {
            c += p[i];
            cumulative[i] = c;
        }
        long[] h = new long[p.length];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble() * c;
            int x = 0;
            while (x < p.length - 1 && cumulative[x] <= u) {
                x++;
            }
            h[x]++;
        }
        return h;
    }

    /**
     * The real Altai 2021 mathematics grade 4 export (26,666 rows; 302 works at 5 points and 1,069 at the cut of 6 by
     * its README): the region bunches at the cut for mark 3. Only aggregate figures are printed.
     */
    @Test
    void realRegionBunchesAtTheCutForMark3() {
        Path file = RealFiles.require(RealFiles.MA4);
        long start = System.nanoTime();
        Dataset<Row> results = DistributionFixture.ingest(spark, file.toString(), new IngestOptions("2021-spring", "MA", 4, null, null));
        Dataset<Row> region = RegionBunching.compute(spark, results).cache();
        Map<Integer, Row> rows = byCut(region);
        for (int k = 3; k <= 5; k++) {
            Row r = rows.get(k);
            System.out.printf("real MA-4 2021 cut %d (score %d): works %d, observed %s, counterfactual %s, B = %.1f, "
                            + "M = %.1f, b = %.3f, se = %.1f, z = %.2f, p = %.2e, degree %d, share above %.3f;"
                            + " count polynomial B = %.1f, se = %.1f, p = %.2e%n",
                    k, r.<Integer>getAs("cut_score"), r.<Long>getAs("works"), r.getList(r.fieldIndex("observed")),
                    r.getList(r.fieldIndex("counterfactual")).stream().map(v -> String.format("%.0f", (Double) v)).toList(),
                    r.<Double>getAs("excess_mass"), r.<Double>getAs("missing_mass"), r.<Double>getAs("bunching_ratio"),
                    r.<Double>getAs("bunching_se"), r.<Double>getAs("bunching_z"), r.<Double>getAs("bunching_p"),
                    r.<Integer>getAs("degree"), r.<Double>getAs("share_above_in_window"),
                    r.<Double>getAs("count_fit_excess_mass"), r.<Double>getAs("count_fit_se"), r.<Double>getAs("count_fit_p"));
        }
        Row mark3 = rows.get(3);
        assertThat(mark3.<Integer>getAs("cut_score")).isEqualTo(6);
        assertThat(mark3.<Double>getAs("excess_mass")).isPositive();
        assertThat(mark3.<Double>getAs("bunching_p")).isLessThan(0.01);

        // Cells beyond the region: how many schools bunch more than a region that already bunches.
        Dataset<Row> cells = Distribution.compute(results, region, Keys.SCHOOL).cache();
        long schools = cells.count();
        long adj01 = cells.filter(col("bunch_total_p").lt(0.01)).count();
        long sd01 = cells.filter(col("sd_p").lt(0.01)).count();
        long chi01 = cells.filter(col("chi2_p").lt(0.01)).count();
        System.out.printf("real MA-4 2021: %d school cells; bunch_total_p < 0.01: %d; sd_p < 0.01: %d; chi2_p < 0.01: %d"
                + " (%.1f s)%n", schools, adj01, sd01, chi01, (System.nanoTime() - start) / 1e9);
        assertThat(schools).isGreaterThan(100);
    }
}
