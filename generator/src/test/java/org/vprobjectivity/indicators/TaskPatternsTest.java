package org.vprobjectivity.indicators;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.stats.BetaBinomial;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.ManipulationKind;
import org.vprobjectivity.synthetic.OutputFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Task-level patterns: every output on a hand-computed example (region 22: school A with 3 works, school B with 4;
 * region 23: school C with 2), the pure-Java pieces on their own, and on generated regions the separation of
 * manipulated from clean cells (ROC AUC) and the null rate of each p-value.
 */
class TaskPatternsTest {

    private static final double EPS = 1e-12;
    private static final Integer X = null; // not attempted

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    // Scale T-1: tasks max 1, 1, 2 with levels Б, Б, П.
    private static Dataset<Row> catalog() {
        StructType schema = new StructType()
                .add("scale_key", DataTypes.StringType, false)
                .add("task_index", DataTypes.IntegerType, false)
                .add("task", DataTypes.StringType, false)
                .add("task_max", DataTypes.IntegerType, false)
                .add("level", DataTypes.StringType)
                .add("skill", DataTypes.StringType);
        return spark.createDataFrame(List.of(
                RowFactory.create("T-1", 0, "1", 1, "Б", null),
                RowFactory.create("T-1", 1, "2", 1, "Б", null),
                RowFactory.create("T-1", 2, "3", 2, "П", null)), schema);
    }

    private static final StructType RESULTS = new StructType()
            .add("session", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("school_id", DataTypes.StringType)
            .add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType)
            .add("class", DataTypes.StringType)
            .add("participant", DataTypes.StringType)
            .add("scale_key", DataTypes.StringType)
            .add("scores", DataTypes.createArrayType(DataTypes.IntegerType, true));

    private static Row work(String region, String school, String cls, Integer... scores) {
        return RowFactory.create("2025-spring", region, school, "MA", 4, cls, school + Arrays.toString(scores), "T-1",
                scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(scores)).toSeq());
    }

    /**
     * Region 22: A = [1,1,1], [1,1,1], [1,0,X] (class А, the third in class Б); B (no class letter) = [1,0,2],
     * [0,0,1], [1,1,X], [0] (a short row: tasks 2 and 3 missing = not attempted). Region 23: C = [1,1,1] twice.
     * A work without a scale is left out.
     */
    private static Dataset<Row> results() {
        List<Row> rows = List.of(
                work("22", "A", "А", 1, 1, 1), work("22", "A", "А", 1, 1, 1), work("22", "A", "Б", 1, 0, X),
                work("22", "B", null, 1, 0, 2), work("22", "B", null, 0, 0, 1), work("22", "B", null, 1, 1, X),
                work("22", "B", null, 0),
                work("23", "C", "А", 1, 1, 1), work("23", "C", "А", 1, 1, 1),
                RowFactory.create("2025-spring", "22", "A", "MA", 4, "А", "no scale", null,
                        scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(1, 1, 1)).toSeq()));
        return spark.createDataFrame(rows, RESULTS);
    }

    private static Map<String, Row> bySchool(Dataset<Row> cells) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : cells.collectAsList()) {
            out.put(r.getAs("school_id"), r);
        }
        return out;
    }

    private static double d(Row r, String column) {
        return ((Number) r.getAs(column)).doubleValue();
    }

    @Test
    void solveRatesRankCorrelationAndLevels() {
        Map<String, Row> cells = bySchool(TaskPatterns.compute(results(), catalog(), Keys.SCHOOL));
        assertThat(cells).containsOnlyKeys("A", "B", "C");
        Row a = cells.get("A");
        Row b = cells.get("B");
        assertThat((int) a.getAs("works")).isEqualTo(3);
        assertThat((int) b.getAs("works")).isEqualTo(4);
        assertThat((int) a.getAs("tasks")).isEqualTo(3);
        // Reference (region 22, 7 works) solve rates: 5/7, 3/7, (1+1+2+1)/(7·2) = 5/14.
        // A: 1, 2/3, 1/3 → same order as the reference → r_s = 1.
        // B: 2/4, 1/4, 3/8 → ranks 3,1,2 against 3,2,1: Σd² = 2, r_s = 1 − 6·2/(3·8) = 0.5.
        assertThat(d(a, "task_rank_corr")).isCloseTo(1.0, within(EPS));
        assertThat(d(b, "task_rank_corr")).isCloseTo(1 - 6.0 * 2 / (3 * 8), within(EPS));
        // Levels: basic = mean over tasks 1, 2; advanced = task 3.
        double basicRef = (5.0 / 7 + 3.0 / 7) / 2;
        double advancedRef = 5.0 / 14;
        assertThat(d(a, "solve_basic")).isCloseTo((1 + 2.0 / 3) / 2, within(EPS));
        assertThat(d(a, "solve_advanced")).isCloseTo(1.0 / 3, within(EPS));
        assertThat(d(a, "solve_basic_ref")).isCloseTo(basicRef, within(EPS));
        assertThat(d(a, "solve_advanced_ref")).isCloseTo(advancedRef, within(EPS));
        assertThat(d(a, "level_inversion")).isCloseTo((1.0 / 3 - 5.0 / 6) - (advancedRef - basicRef), within(EPS));
        assertThat(d(b, "level_inversion")).isCloseTo((3.0 / 8 - 3.0 / 8) - (advancedRef - basicRef), within(EPS));
    }

    @Test
    void levelColumnsAreNullWithoutLevels() {
        Dataset<Row> noLevels = catalog().withColumn("level", org.apache.spark.sql.functions.lit(null).cast("string"));
        Row a = bySchool(TaskPatterns.compute(results(), noLevels, Keys.SCHOOL)).get("A");
        for (String c : List.of("solve_basic", "solve_advanced", "solve_basic_ref", "solve_advanced_ref", "level_inversion")) {
            assertThat((Object) a.getAs(c)).as(c).isNull();
        }
        assertThat(d(a, "task_rank_corr")).isCloseTo(1.0, within(EPS));
    }

    @Test
    void guttmanErrorsAgainstTheReference() {
        Map<String, Row> cells = bySchool(TaskPatterns.compute(results(), catalog(), Keys.SCHOOL));
        // Step popularities in region 22 (not attempted = 0): (1,1) 5/7, (2,1) 3/7, (3,1) 4/7, (3,2) 1/7, so the
        // order is (1,1), (3,1), (2,1), (3,2) at positions 0..3. G = Σ pos(passed) − S(S−1)/2; Gmax(S) by hand:
        // S=1: the best single passable step is (2,1) at 2 → Gmax 2; S=2: (3,1)+(3,2) = 1+3 → 4 − 1 = 3;
        // S=3: (2,1)+(3,1)+(3,2) = 2+1+3 → 6 − 3 = 3. Works: [1,1,1] pos 0+2+1 − 3 = 0; [1,0,X] 0/2; [1,0,2] (0+1+3 − 3)/3 = 1/3;
        // [0,0,1] 1/2; [1,1,X] (0+2 − 1)/3 = 1/3; [0,X,X] total 0 → undefined.
        double[] gA = {0, 0, 0};
        double[] gB = {1.0 / 3, 1.0 / 2, 1.0 / 3};
        double[] all = {0, 0, 0, 1.0 / 3, 1.0 / 2, 1.0 / 3};
        double mean = Arrays.stream(all).average().orElseThrow();
        double var = Arrays.stream(all).map(g -> (g - mean) * (g - mean)).sum() / (all.length - 1);
        Row a = cells.get("A");
        Row b = cells.get("B");
        assertThat((int) a.getAs("guttman_works")).isEqualTo(3);
        assertThat((int) b.getAs("guttman_works")).isEqualTo(3);
        assertThat(d(a, "guttman_mean")).isCloseTo(0.0, within(EPS));
        assertThat(d(b, "guttman_mean")).isCloseTo(Arrays.stream(gB).average().orElseThrow(), within(EPS));
        assertThat(d(a, "guttman_ref_mean")).isCloseTo(mean, within(EPS));
        assertThat(d(a, "guttman_ref_sd")).isCloseTo(Math.sqrt(var), within(EPS));
        // Six works < 30: every total's window widens to the whole reference, so μ(x) = mean, σ²(x) = var.
        assertThat(d(a, "guttman_expected")).isCloseTo(mean, within(EPS));
        double zA = (Arrays.stream(gA).sum() - 3 * mean) / Math.sqrt(3 * var);
        double zB = (Arrays.stream(gB).sum() - 3 * mean) / Math.sqrt(3 * var);
        assertThat(d(a, "guttman_z")).isCloseTo(zA, within(1e-9));
        assertThat(d(b, "guttman_z")).isCloseTo(zB, within(1e-9));
        // p: three works resampled from the reference's six values {0, 0, 0, 1/3, 1/2, 1/3}. A's sum 0 is the
        // smallest possible → 1; B's sum 7/6 through the saddlepoint on that distribution.
        assertThat(d(a, "guttman_p")).isEqualTo(1.0);
        double[][] values = {{0, 1.0 / 3, 1.0 / 2}};
        double[][] probs = {{3.0 / 6, 2.0 / 6, 1.0 / 6}};
        assertThat(d(b, "guttman_p")).isCloseTo(
                TaskPatternSaddlepoint.upperTail(Arrays.stream(gB).sum(), values, probs, new int[] {3}), within(1e-9));
        // Region 23 (two works [1,1,1]): popularities 1, 1, 1, 0 keep item order, [1,1,1] passes the first three → G = 0.
        assertThat(d(cells.get("C"), "guttman_mean")).isCloseTo(0.0, within(EPS));
    }

    @Test
    void identicalVectorsAndTheirCalibration() {
        Map<String, Row> cells = bySchool(TaskPatterns.compute(results(), catalog(), Keys.SCHOOL));
        Row a = cells.get("A");
        Row b = cells.get("B");
        Row c = cells.get("C");
        assertThat((int) a.getAs("identical_vector_works")).isEqualTo(2);
        assertThat((int) a.getAs("largest_identical_group")).isEqualTo(2);
        assertThat(d(a, "identical_share")).isCloseTo(2.0 / 3, within(EPS));
        assertThat((long) a.getAs("identical_pairs")).isEqualTo(1L);
        // Total 3 in region 22: [1,1,1] twice (A) and [1,0,2] (B): no coinciding pair across schools among
        // 2 cross-school pairs → q(3) = (0 + 1)/(2 + 1) = 1/3; A has one pair at total 3 → λ = 1/3.
        assertThat(d(a, "identical_pairs_expected")).isCloseTo(1.0 / 3, within(EPS));
        assertThat(d(a, "identical_p")).isCloseTo(midP1(1.0 / 3), within(1e-12));
        assertThat((int) b.getAs("identical_vector_works")).isZero();
        assertThat((int) b.getAs("largest_identical_group")).isEqualTo(1);
        assertThat(d(b, "identical_share")).isZero();
        assertThat(d(b, "identical_pairs_expected")).isZero(); // all four totals differ
        assertThat(d(b, "identical_p")).isEqualTo(0.5); // K = 0 with λ = 0: P(X > 0) + ½·P(X = 0)
        // Region 23 has one school: no cross-school pair at all → q = 1 → λ = 1, P(Poisson(1) ≥ 1) = 1 − e^{−1}.
        assertThat(d(c, "identical_pairs_expected")).isCloseTo(1.0, within(EPS));
        assertThat(d(c, "identical_p")).isCloseTo(midP1(1.0), within(1e-12));
    }

    @Test
    void concentrationAgainstItsExpectationAtTheSameSize() {
        Map<String, Row> cells = bySchool(TaskPatterns.compute(results(), catalog(), Keys.SCHOOL));
        // Category counts per task, not attempted = 0. A: [0,3], [1,2], [1,2,0]; B: [2,2], [3,1], [2,1,1].
        double h12 = -(1.0 / 3 * Math.log(1.0 / 3) + 2.0 / 3 * Math.log(2.0 / 3));
        double concA = 1 - (0 + h12 / Math.log(2) + h12 / Math.log(3)) / 3;
        double h31 = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
        double h211 = -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25));
        double concB = 1 - (1 + h31 / Math.log(2) + h211 / Math.log(3)) / 3;
        assertThat(d(cells.get("A"), "concentration")).isCloseTo(concA, within(EPS));
        assertThat(d(cells.get("B"), "concentration")).isCloseTo(concB, within(EPS));
        // Reference categories (7 works): task 1 [2,5], task 2 [4,3], task 3 [3,3,1]; expectation by enumeration.
        double[][] p = {{2.0 / 7, 5.0 / 7}, {4.0 / 7, 3.0 / 7}, {3.0 / 7, 3.0 / 7, 1.0 / 7}};
        assertThat(d(cells.get("A"), "concentration_ref")).isCloseTo(enumeratedConcentration(p, 3), within(1e-12));
        assertThat(d(cells.get("B"), "concentration_ref")).isCloseTo(enumeratedConcentration(p, 4), within(1e-12));
    }

    /** E[1 − mean_t H_t/ln K_t] over all K^n ordered samples of n works, each task on its own (brute force). */
    private static double enumeratedConcentration(double[][] p, int n) {
        double sum = 0;
        for (double[] task : p) {
            int k = task.length;
            int outcomes = (int) Math.pow(k, n);
            double expected = 0;
            for (int o = 0; o < outcomes; o++) {
                int[] counts = new int[k];
                double prob = 1;
                for (int w = 0, code = o; w < n; w++, code /= k) {
                    counts[code % k]++;
                    prob *= task[code % k];
                }
                double h = 0;
                for (int c : counts) {
                    if (c > 0) {
                        h -= (double) c / n * Math.log((double) c / n);
                    }
                }
                expected += prob * h / Math.log(k);
            }
            sum += expected;
        }
        return 1 - sum / p.length;
    }

    @Test
    void omissionsAgainstTheBetaBinomialOverCells() {
        Map<String, Row> cells = bySchool(TaskPatterns.compute(results(), catalog(), Keys.SCHOOL));
        Row a = cells.get("A");
        Row b = cells.get("B");
        assertThat((long) a.getAs("omitted")).isEqualTo(1L);
        assertThat((long) a.getAs("omission_items")).isEqualTo(9L);
        assertThat((long) b.getAs("omitted")).isEqualTo(3L); // [1,1,X] and the short row [0]
        assertThat((long) b.getAs("omission_items")).isEqualTo(12L);
        assertThat(d(a, "omission_rate")).isCloseTo(1.0 / 9, within(EPS));
        assertThat(d(b, "omission_rate")).isCloseTo(3.0 / 12, within(EPS));
        assertThat(d(a, "omission_rate_ref")).isCloseTo(4.0 / 21, within(EPS));
        BetaBinomial.Fit fit = BetaBinomial.fitMoments(new int[] {1, 3}, new int[] {9, 12});
        assertThat(d(a, "no_omission_p")).isCloseTo(BetaBinomial.lowerTail(1, 9, fit.alpha(), fit.beta()), within(1e-12));
        assertThat(d(b, "no_omission_p")).isCloseTo(BetaBinomial.lowerTail(3, 12, fit.alpha(), fit.beta()), within(1e-12));
        // One cell in region 23: the fit is not identifiable → no p-value.
        assertThat((Object) cells.get("C").getAs("no_omission_p")).isNull();
    }

    @Test
    void classCellsKeepAMissingClassLetter() {
        List<Row> rows = TaskPatterns.compute(results(), catalog(), Keys.CLASS)
                .filter(col("region").equalTo("22")).orderBy("school_id", "class").collectAsList();
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().map(r -> r.getAs("school_id") + "/" + r.getAs("class")).toList())
                .containsExactlyInAnyOrder("A/А", "A/Б", "B/null");
        Row aa = rows.stream().filter(r -> "А".equals(r.getAs("class"))).findFirst().orElseThrow();
        assertThat((int) aa.getAs("works")).isEqualTo(2);
        assertThat((long) aa.getAs("identical_pairs")).isEqualTo(1L);
        assertThat(d(aa, "identical_p")).isCloseTo(midP1(1.0 / 3), within(1e-12)); // the reference is the same
        Row b = rows.stream().filter(r -> r.getAs("class") == null).findFirst().orElseThrow();
        assertThat((int) b.getAs("works")).isEqualTo(4);
    }

    /** Mid-p of one coinciding pair: P(X ≥ 2) + ½·P(X = 1) = 1 − e^{−λ}(1 + λ/2). */
    private static double midP1(double lambda) {
        return 1 - Math.exp(-lambda) * (1 + lambda / 2);
    }

    @Test
    void vectorsAreClampedAndPaddedAndTotalsWindowed() {
        int[] max = {1, 2, 3};
        assertThat(TaskPatternCell.vector(Arrays.asList(5, null), max)).containsExactly(1, -1, -1);
        assertThat(TaskPatternCell.vector(Arrays.asList(-2, 2, 3, 9), max)).containsExactly(0, 2, 3);
        assertThat(TaskPatternCell.key(new int[] {1, -1, 0})).isEqualTo("1,X,0");
        assertThat(TaskPatternCell.poissonUpperTail(0, 0.0)).isEqualTo(1.0);
        assertThat(TaskPatternCell.poissonUpperTail(2, 0.5))
                .isCloseTo(1 - Math.exp(-0.5) * (1 + 0.5), within(1e-14));
        assertThat(TaskPatternCell.poissonUpperTailMidP(2, 0.5))
                .isCloseTo(1 - Math.exp(-0.5) * (1 + 0.5 + 0.125) + 0.5 * Math.exp(-0.5) * 0.125, within(1e-14));
        // Window of totals: 40 works at total 2 (g = 0.1 and 0.3 alternating), 40 at total 5 (g = 0.5).
        List<int[]> vectors = new ArrayList<>();
        List<Object> schools = new ArrayList<>();
        TaskPatternReference empty = new TaskPatternReference(new int[] {3, 3}, new String[2], vectors, schools);
        double[][] table = new double[7][3];
        table[2] = new double[] {40, 40 * 0.2, 20 * 0.01 + 20 * 0.09};
        table[5] = new double[] {40, 40 * 0.5, 40 * 0.25};
        TaskPatternReference ref = withGuttmanTable(empty, table);
        double[] at2 = TaskPatternCell.guttmanAtTotal(ref, 2);
        assertThat(at2[0]).isCloseTo(0.2, within(EPS));
        assertThat(at2[1]).isCloseTo(40 * 0.01 / 39, within(EPS)); // deviations ±0.1
        double[] at3 = TaskPatternCell.guttmanAtTotal(ref, 3); // h = 1 reaches total 2 (40 works ≥ 30)
        assertThat(at3[0]).isCloseTo(0.2, within(EPS));
        double[] at4 = TaskPatternCell.guttmanAtTotal(ref, 4); // h = 1 reaches total 5 only
        assertThat(at4[0]).isCloseTo(0.5, within(EPS));
        assertThat(at4[1]).isCloseTo(0.0, within(EPS));
    }

    @Test
    void saddlepointTailMatchesExactConvolutionFarIntoTheTail() {
        // Ten works, each Gnormed-like: values k/97 (k = 0..97) with P ∝ e^{−k/10}, a right-skewed distribution.
        int k = 97;
        int n = 10;
        double[] values = new double[k + 1];
        double[] probs = new double[k + 1];
        double norm = 0;
        for (int i = 0; i <= k; i++) {
            values[i] = (double) i / k;
            probs[i] = Math.exp(-i / 10.0);
            norm += probs[i];
        }
        double mean = 0;
        double second = 0;
        for (int i = 0; i <= k; i++) {
            probs[i] /= norm;
            mean += probs[i] * values[i];
            second += probs[i] * values[i] * values[i];
        }
        double sd = Math.sqrt(n * (second - mean * mean));
        double[] exact = {1};
        for (int w = 0; w < n; w++) {
            double[] next = new double[exact.length + k];
            for (int s = 0; s < exact.length; s++) {
                for (int i = 0; i <= k; i++) {
                    next[s + i] += exact[s] * probs[i];
                }
            }
            exact = next;
        }
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        for (int s : new int[] {160, 200, 250, 300, 400}) {
            double atLeast = 0;
            for (int t = s; t < exact.length; t++) {
                atLeast += exact[t];
            }
            double midP = atLeast - 0.5 * exact[s]; // the continuous approximation aims at the mid-p tail
            double sp = TaskPatternSaddlepoint.upperTail((double) s / k, new double[][] {values}, new double[][] {probs},
                    new int[] {n});
            double normalTail = 1 - normal.cumulativeProbability(((double) s / k - n * mean) / sd);
            assertThat(sp / midP - 1).as("s = %d", s).isBetween(-0.02, 0.02);
            assertThat(Math.abs(normalTail / midP - 1)).as("normal at s = %d", s).isGreaterThan(0.4);
        }
    }

    @Test
    void saddlepointEdgesAreExact() {
        double[][] values = {{0, 1}, {0, 0.5, 1}};
        double[][] probs = {{0.5, 0.5}, {0.2, 0.3, 0.5}};
        int[] times = {2, 1};
        assertThat(TaskPatternSaddlepoint.upperTail(3, values, probs, times)).isCloseTo(0.5 * 0.5 * 0.5, within(1e-15));
        assertThat(TaskPatternSaddlepoint.upperTail(3.5, values, probs, times)).isZero();
        assertThat(TaskPatternSaddlepoint.upperTail(0, values, probs, times)).isEqualTo(1.0);
        // At the mean the tail is about one half.
        double mean = 2 * 0.5 + (0.3 * 0.5 + 0.5);
        assertThat(TaskPatternSaddlepoint.upperTail(mean, values, probs, times)).isCloseTo(0.5, within(0.1));
        assertThat(TaskPatternSaddlepoint.upperTail(1, new double[][] {{}}, new double[][] {{}}, new int[] {1})).isNaN();
    }

    private static TaskPatternReference withGuttmanTable(TaskPatternReference ref, double[][] table) {
        for (int x = 0; x < table.length; x++) {
            ref.guttmanByTotal[x] = table[x];
        }
        return ref;
    }

    // ---- generated regions ----

    private static GeneratorConfig region(double manipulatedShare, long seed) {
        return GeneratorConfig.builder().schools(36).seed(seed).manipulatedShare(manipulatedShare)
                .kinds(ManipulationKind.ANSWERS_KNOWN, ManipulationKind.COPIED_WORKS)
                .formats(OutputFormat.CANONICAL_CSV).subjects(List.of("MA", "RU")).build();
    }

    @Test
    void separatesManipulatedSchoolCells(@TempDir Path dir) throws Exception {
        TaskPatternsRegion region = new TaskPatternsRegion(spark, dir, region(0.5, 2025));
        List<Row> cells = TaskPatterns.compute(region.results, region.catalog, Keys.SCHOOL)
                .withColumn("low_rank_corr", col("task_rank_corr").multiply(-1))
                .withColumn("identical_evidence", org.apache.spark.sql.functions.log(col("identical_p")).multiply(-1))
                .collectAsList();
        Map<String, Double> answers = new HashMap<>();
        Map<String, Double> copied = new HashMap<>();
        for (String c : List.of("guttman_z", "low_rank_corr", "level_inversion", "identical_share", "identical_evidence",
                "concentration")) {
            List<TaskPatternsRegion.Scored> s = region.scores(cells, c);
            answers.put(c, TaskPatternsRegion.auc(s, ManipulationKind.ANSWERS_KNOWN));
            copied.put(c, TaskPatternsRegion.auc(s, ManipulationKind.COPIED_WORKS));
            System.out.printf("AUC %-19s ANSWERS_KNOWN %.3f (%d vs %d)  COPIED_WORKS %.3f (%d vs %d)%n", c, answers.get(c),
                    TaskPatternsRegion.count(s, x -> x.kind() == ManipulationKind.ANSWERS_KNOWN),
                    TaskPatternsRegion.count(s, x -> x.kind() == null), copied.get(c),
                    TaskPatternsRegion.count(s, x -> x.kind() == ManipulationKind.COPIED_WORKS),
                    TaskPatternsRegion.count(s, x -> x.kind() == null));
        }
        assertThat(answers.get("guttman_z")).isGreaterThanOrEqualTo(0.8);
        assertThat(answers.get("low_rank_corr")).isGreaterThanOrEqualTo(0.8);
        assertThat(answers.get("level_inversion")).isGreaterThanOrEqualTo(0.8);
        assertThat(copied.get("identical_share")).isGreaterThanOrEqualTo(0.8);
        assertThat(copied.get("identical_evidence")).isGreaterThanOrEqualTo(0.8);
        assertThat(copied.get("concentration")).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void pValuesOfACleanRegionAreNotTooSmall(@TempDir Path dir) throws Exception {
        TaskPatternsRegion region = new TaskPatternsRegion(spark, dir, region(0.0, 2026));
        for (String[] level : List.of(Keys.SCHOOL, Keys.CLASS)) {
            List<Row> cells = TaskPatterns.compute(region.results, region.catalog, level).collectAsList();
            for (String p : List.of("guttman_p", "identical_p", "no_omission_p")) {
                List<TaskPatternsRegion.Scored> s = region.scores(cells, p);
                long small = TaskPatternsRegion.count(s, x -> x.score() < 0.05);
                double rate = (double) small / s.size();
                System.out.printf("null %-6s %-14s p<0.05 in %d of %d cells = %.3f%n",
                        level.length == Keys.SCHOOL.length ? "school" : "class", p, small, s.size(), rate);
                assertThat(s.size()).as(p).isGreaterThan(cells.size() / 2);
                assertThat(rate).as(p).isLessThanOrEqualTo(0.1);
            }
        }
    }
}
