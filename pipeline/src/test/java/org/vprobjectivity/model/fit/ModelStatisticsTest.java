package org.vprobjectivity.model.fit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each statistic of the model package against a value worked out by hand on a tiny example. */
class ModelStatisticsTest {

    /** The grid of the hand-computed ratios: three nodes, θ = −1, 0, 1 (the ratios are maxima over them). */
    private static final AbilityGrid THREE_NODES = new AbilityGrid(-1, 1, 3);
    private static final double[] NODES = {-1, 0, 1};

    /** The known-answers examples' tasks: easy, P1(1|θ) = σ(θ + 1), and one of 2 points with P2(k|θ) ∝ e^{kθ}. */
    private static final PartialCreditModel EASY_AND_TWO_POINT =
            new PartialCreditModel(new double[] {1, 1}, new double[][] {{0, 1.0}, {0, 0, 0}});

    /** P2(2|θ) of {@link #EASY_AND_TWO_POINT}: the 2-point task complete. */
    private static double twoPointComplete(double t) {
        return Math.exp(2 * t) / (1 + Math.exp(t) + Math.exp(2 * t));
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void partialCreditProbabilitiesOfADichotomousTaskAreTheLogistic() {
        PartialCreditModel m = new PartialCreditModel(new double[] {1.2}, new double[][] {{0, -0.5}});
        double[] out = new double[2];
        m.logProbabilities(0, 0.3, out);
        // η = 1.2·1·0.3 − 0.5 = −0.14; P(1) = 1/(1 + e^0.14) = 0.465057
        assertThat(Math.exp(out[1])).isCloseTo(0.465057, within(1e-6));
        assertThat(Math.exp(out[0]) + Math.exp(out[1])).isCloseTo(1, within(1e-12));
    }

    @Test
    void partialCreditProbabilitiesOfAThreeCategoryTask() {
        PartialCreditModel m = new PartialCreditModel(new double[] {0.8}, new double[][] {{0, 0.4, -0.6}});
        double[] out = new double[3];
        m.logProbabilities(0, 1.0, out);
        // η = (0, 0.8 + 0.4, 1.6 − 0.6) = (0, 1.2, 1.0); softmax
        double z = 1 + Math.exp(1.2) + Math.exp(1.0);
        assertThat(Math.exp(out[0])).isCloseTo(1 / z, within(1e-12));
        assertThat(Math.exp(out[1])).isCloseTo(Math.exp(1.2) / z, within(1e-12));
        assertThat(Math.exp(out[2])).isCloseTo(Math.exp(1.0) / z, within(1e-12));
    }

    @Test
    void totalScoreDistributionIsTheConvolutionOfTheTasks() {
        PartialCreditModel m = new PartialCreditModel(new double[] {1, 2}, new double[][] {{0, 0.5}, {0, -1}});
        double p1 = logistic(0.5);
        double p2 = logistic(-1);
        double[] d = m.totalScoreDistribution(0.0);
        assertThat(d).hasSize(3);
        assertThat(d[0]).isCloseTo((1 - p1) * (1 - p2), within(1e-12));
        assertThat(d[1]).isCloseTo(p1 * (1 - p2) + (1 - p1) * p2, within(1e-12));
        assertThat(d[2]).isCloseTo(p1 * p2, within(1e-12));
    }

    @Test
    void conditionalPersonFitOfTwoDichotomousTasks() {
        // Total 1 has two patterns, (1,0) and (0,1), with conditional probabilities π1 ∝ p1 q2 and π2 ∝ q1 p2. L takes
        // l1 = ln p1 + ln q2 or l2 = ln q1 + ln p2, so E = π1 l1 + π2 l2, Var = π1 π2 (l1 − l2)², and the z of (1,0)
        // is (l1 − E)/SD = π2 (l1 − l2) / (√(π1 π2) |l1 − l2|) = √(π2/π1) when l1 > l2.
        PartialCreditModel m = new PartialCreditModel(new double[] {1, 1}, new double[][] {{0, 1.0}, {0, -1.0}});
        double theta = 0.2;
        double p1 = logistic(theta + 1);
        double p2 = logistic(theta - 1);
        double pi1 = p1 * (1 - p2) / (p1 * (1 - p2) + (1 - p1) * p2);
        PatternFit.WorkFit fit = PatternFit.perWork(m, new int[][] {{1, 0}, {0, 1}, {0, 0}, {1, 1}},
                new double[] {theta, theta, theta, theta});
        double[] z = fit.z();
        assertThat(z[0]).isCloseTo(Math.sqrt((1 - pi1) / pi1), within(1e-9));
        assertThat(z[1]).isCloseTo(-Math.sqrt(pi1 / (1 - pi1)), within(1e-9));
        assertThat(z[2]).isNaN(); // one pattern with total 0
        assertThat(z[3]).isNaN();
        // L is l2 + (l1 − l2)·B with B ~ Bernoulli(π1) and l1 > l2: the skewness of B, (1 − 2π1)/√(π1 π2); here
        // π1 = 0.53026 / (0.53026 + 0.07177) = 0.8808, so −2.3504: the unlikely pattern (0, 1) lies in the long lower tail
        assertThat(fit.skewness()[0]).isCloseTo((1 - 2 * pi1) / Math.sqrt(pi1 * (1 - pi1)), within(1e-9))
                .isCloseTo(-2.3504, within(1e-4));
        assertThat(fit.skewness()[1]).isEqualTo(fit.skewness()[0]);
        assertThat(fit.skewness()[2]).isNaN();
    }

    @Test
    void addedPointsRatioOfTwoDichotomousTasks() {
        // Easy task P1(1|θ) = σ(θ + 1), hard task P2(1|θ) = σ(θ − 1), pattern (0, 1) on the nodes −1, 0, 1. Under
        // the model L0(θ) = ln(1 − σ(θ+1)) + ln σ(θ−1). Under one point added with π = 0.3 to an unfinished task:
        // the easy task's 0 stayed 0 (×0.7), the hard task's 1 is a 1 or a 0 raised: σ(θ−1) + 0.3·(1 − σ(θ−1)).
        // G = max_θ L1 − max_θ L0 (worked out: L0 is largest at θ = 0, −2.6265; L1 at θ = −1, −2.0084; G = 0.6181).
        PartialCreditModel m = new PartialCreditModel(new double[] {1, 1}, new double[][] {{0, 1.0}, {0, -1.0}});
        AbilityGrid grid = THREE_NODES;
        double null0 = Double.NEGATIVE_INFINITY;
        double alt = Double.NEGATIVE_INFINITY;
        for (double t : NODES) {
            null0 = Math.max(null0, Math.log(1 - logistic(t + 1)) + Math.log(logistic(t - 1)));
            alt = Math.max(alt, Math.log((1 - logistic(t + 1)) * 0.7)
                    + Math.log(logistic(t - 1) + 0.3 * (1 - logistic(t - 1))));
        }
        double[] g = AddedPoints.ratios(m, grid, new int[][] {{0, 1}, {0, 0}});
        assertThat(g[0]).isCloseTo(alt - null0, within(1e-12)).isCloseTo(0.6181, within(1e-4));
        // (0, 0): both tasks unfinished and not raised, G = 2·ln 0.7 whatever θ
        assertThat(g[1]).isCloseTo(2 * Math.log(0.7), within(1e-12));
        // works at a total with one pattern (0 and full marks) take no part; the other forms a class of its own
        UnitStatistic u = AddedPoints.units(m, grid, new int[][] {{0, 0}, {1, 1}, {1, 0}}, new double[] {0.25, 0.5, 0.25},
                new int[] {0, 0, 1}, 2, new int[] {0, 0}, 1);
        assertThat(u.classWorks()).containsExactly(0, 1);
        assertThat(u.classZ()[0]).isNaN();
        assertThat(u.classZ()[1]).isFinite();
        assertThat(u.cellWorks()).containsExactly(1);
    }

    @Test
    void knownAnswersRatioSeesWholeTasksNotSinglePoints() {
        // Easy task P1(1|θ) = σ(θ + 1); a task of 2 points with P2(k|θ) ∝ e^{kθ}; nodes −1, 0, 1; π = 0.3.
        // Known answers: q_j(y) = 0.7·P_j(y) + 0.3·[y = m_j]. Pattern (0, 2): the 2-point task complete beside the easy
        // one missed; L0 is largest at θ = 1 (−2.4119), L1 at θ = −1 (−2.0631): G = 0.3488 (worked out by hand).
        PartialCreditModel m = EASY_AND_TWO_POINT;
        AbilityGrid grid = THREE_NODES;
        double null0 = Double.NEGATIVE_INFINITY;
        double alt = Double.NEGATIVE_INFINITY;
        for (double t : NODES) {
            double full = twoPointComplete(t);
            null0 = Math.max(null0, Math.log(1 - logistic(t + 1)) + Math.log(full));
            alt = Math.max(alt, Math.log(0.7 * (1 - logistic(t + 1))) + Math.log(0.7 * full + 0.3));
        }
        double[] g = KnownAnswers.ratios(m, grid, new int[][] {{0, 2}, {0, 1}}, null);
        assertThat(g[0]).isCloseTo(alt - null0, within(1e-12)).isCloseTo(0.3488, within(1e-4));
        // (0, 1): no task complete, so every task pays ln 0.7 whatever θ: G = 2·ln 0.7. Added points would call the
        // same 1 a raised 0 (G > 2·ln 0.7): the two alternatives differ only on tasks of more than one point.
        assertThat(g[1]).isCloseTo(2 * Math.log(0.7), within(1e-12));
        assertThat(AddedPoints.ratios(m, grid, new int[][] {{0, 1}})[0]).isGreaterThan(2 * Math.log(0.7) + 0.1);
    }

    @Test
    void knownAnswersWithTheScalesAdvancedPartMixesInThePartComplete() {
        // The tasks of knownAnswersRatioSeesWholeTasksNotSinglePoints, the 2-point task the scale's advanced part (П).
        // q = ½·q_tasks + ½·q_part, q_part(y) = 0.7·P(y) + 0.3·[y_H full]·P_B(y_B). Pattern (0, 2): L1 is largest at
        // θ = −1 (−1.8690), L0 at θ = 1 (−2.4119): G = 0.5429, above the per-task alternative's 0.3488 alone.
        PartialCreditModel m = EASY_AND_TWO_POINT;
        AbilityGrid grid = THREE_NODES;
        double null0 = Double.NEGATIVE_INFINITY;
        double alt = Double.NEGATIVE_INFINITY;
        for (double t : NODES) {
            double easyMissed = 1 - logistic(t + 1);
            double full = twoPointComplete(t);
            null0 = Math.max(null0, Math.log(easyMissed) + Math.log(full));
            double tasks = 0.7 * easyMissed * (0.7 * full + 0.3);
            double part = 0.7 * easyMissed * full + 0.3 * easyMissed;
            alt = Math.max(alt, Math.log(0.5 * tasks + 0.5 * part));
        }
        boolean[] advanced = {false, true};
        double[] g = KnownAnswers.ratios(m, grid, new int[][] {{0, 2}, {0, 1}}, advanced);
        assertThat(g[0]).isCloseTo(alt - null0, within(1e-12)).isCloseTo(0.5429, within(1e-4));
        // the part not complete: the set component is the model times 0.7, the per-task one pays 0.7 per task
        assertThat(g[1]).isCloseTo(Math.log(0.5 * 0.49 + 0.5 * 0.7), within(1e-12));
        // no levels in the scale: the per-task alternative alone
        assertThat(KnownAnswers.ratios(m, grid, new int[][] {{0, 2}}, new boolean[2])[0])
                .isCloseTo(KnownAnswers.ratios(m, grid, new int[][] {{0, 2}}, null)[0], within(1e-15));
    }

    @Test
    void skewCorrectionIsWilsonHilferty() {
        // γ = 0.6, x = 3: (6/0.6)·((1 + 0.9)^{1/3} − 1) + 0.1 = 10·(1.238562 − 1) + 0.1 = 2.48562
        assertThat(Normal.skewCorrected(3, 0.6)).isCloseTo(10 * (Math.cbrt(1.9) - 1) + 0.1, within(1e-12))
                .isCloseTo(2.4856, within(1e-4));
        // to first order x − γ(x² − 1)/6, and no correction without skewness
        assertThat(Normal.skewCorrected(1.5, 0.01)).isCloseTo(1.5 - 0.01 * (2.25 - 1) / 6, within(1e-4));
        assertThat(Normal.skewCorrected(2.0, 0)).isEqualTo(2.0);
        // monotone, also beyond the form's support far in the lower tail
        assertThat(Normal.skewCorrected(-5, 0.6)).isLessThan(Normal.skewCorrected(-3, 0.6));
    }

    @Test
    void stoufferAggregationOverClassesAndCells() {
        double[] z = {1.0, -2.0, 0.5, Double.NaN};
        UnitStatistic s = PatternFit.aggregate(new PatternFit.WorkFit(z, new double[] {0, 0, 0, Double.NaN}),
                new int[] {0, 0, 1, 1}, 2, new int[] {0, 0}, 1);
        assertThat(s.classZ()[0]).isCloseTo(-1 / Math.sqrt(2), within(1e-12));
        assertThat(s.classZ()[1]).isCloseTo(0.5, within(1e-12));
        assertThat(s.classWorks()[1]).isEqualTo(1);
        assertThat(s.cellZ()[0]).isCloseTo(-0.5 / Math.sqrt(3), within(1e-12));
        assertThat(s.cellEffect()[0]).isCloseTo(-0.5 / 3, within(1e-12));
    }

    @Test
    void skewedWorksAreAggregatedWithTheirSumsSkewness() {
        // Class 0: x = (1 − 2)/√2 = −0.70711, γ = (−0.6 − 0.9)/2^{3/2} = −0.53033; Wilson–Hilferty:
        // (6/γ)·((1 + γx/2)^{1/3} − 1) + γ/6 = −11.3137·(1.1875^{1/3} − 1) − 0.08839 = −0.75540.
        // The cell: x = −0.5/√3 = −0.28868, γ = −1.2/3^{3/2} = −0.23094, z = −0.32402.
        double[] z = {1.0, -2.0, 0.5, Double.NaN};
        UnitStatistic s = PatternFit.aggregate(new PatternFit.WorkFit(z, new double[] {-0.6, -0.9, 0.3, Double.NaN}),
                new int[] {0, 0, 1, 1}, 2, new int[] {0, 0}, 1);
        assertThat(s.classZ()[0]).isCloseTo(-0.755398, within(1e-6));
        assertThat(s.cellZ()[0]).isCloseTo(-0.324016, within(1e-6));
        assertThat(s.classEffect()[0]).isCloseTo(-0.5, within(1e-12));
        // A lone work at a total with a likely pattern (0.999) and a rare one: γ ≈ −31.6. Bounded to −1, its likely
        // pattern (z = √(0.001/0.999)) stays near 0 (−0.135); unbounded, the form would put it at z = −5.
        UnitStatistic lone = PatternFit.aggregate(new PatternFit.WorkFit(new double[] {Math.sqrt(0.001 / 0.999)},
                new double[] {(1 - 2 * 0.999) / Math.sqrt(0.999 * 0.001)}), new int[] {0}, 1, new int[] {0}, 1);
        assertThat(lone.classZ()[0]).isCloseTo(-0.134860, within(1e-6));
    }

    @Test
    void poissonBinomialMidP() {
        // Two trials at 0.5 and one at 0.2: P(X=3) = 0.25·0.2 = 0.05, P(X=2) = 0.25·0.8 + 0.5·0.2 = 0.3
        double p = CutBunching.midP(List.of(new double[] {0.5, 2}, new double[] {0.2, 1}), 2);
        assertThat(p).isCloseTo(0.05 + 0.5 * 0.3, within(1e-12));
        assertThat(CutBunching.midP(List.of(new double[] {0.5, 2}), 0)).isCloseTo(0.75 + 0.5 * 0.25, within(1e-12));
    }

    @Test
    void poissonMidPIncludingFarTails() {
        double e = Math.exp(-0.5);
        assertThat(CopiedVectors.midP(2, 0.5)).isCloseTo(1 - e * (1 + 0.5 + 0.125) + 0.5 * e * 0.125, within(1e-12));
        // 15 pairs where 0.01 are expected: P(X ≥ 15) ≈ e^−0.01 · 0.01^15 / 15! (the rest is smaller by 1e-3)
        double far = CopiedVectors.midP(15, 0.01);
        double term = Math.exp(-0.01) * Math.pow(0.01, 16) / 2.0922789888e13 / 16;
        assertThat(far).isGreaterThan(0).isCloseTo(0.5 * Math.exp(-0.01) * Math.pow(0.01, 15) / 1.307674368e12 + term,
                within(1e-40));
    }

    @Test
    void journalMarkProbabilitiesIntegrateTheProbitOverTheAbilityPosterior() {
        JournalModel m = new JournalModel(1.0, new double[] {-1, 0, 1});
        double[] p = new double[4];
        m.markProbabilities(0.5, 0.44, p); // scale √(1 + 0.44) = 1.2
        double atLeast3 = Normal.cdf(1.5 / 1.2);
        double atLeast4 = Normal.cdf(0.5 / 1.2);
        double atLeast5 = Normal.cdf(-0.5 / 1.2);
        assertThat(p[0]).isCloseTo(1 - atLeast3, within(1e-12));
        assertThat(p[1]).isCloseTo(atLeast3 - atLeast4, within(1e-12));
        assertThat(p[3]).isCloseTo(atLeast5, within(1e-12));
        assertThat(atLeast3).isCloseTo(0.894350, within(1e-6)); // Φ(1.25) from the table
    }

    @Test
    void normalQuantileIsAccurateFarInTheTails() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361341, within(1e-6));
        assertThat(Normal.quantile(1e-100)).isCloseTo(-21.273453, within(1e-5));
        assertThat(Normal.upper(-Normal.quantile(1e-100))).isCloseTo(1e-100, within(1e-105));
    }

    @Test
    void empiricalNullIsMedianAndMadOfTheUnitsWithEnoughWorks() {
        double[] z = new double[40];
        double[] works = new double[40];
        for (int i = 0; i < 40; i++) {
            z[i] = -1 + 2.0 * i / 39 * 2; // −1 .. 3, uniform
            works[i] = i == 0 ? 1 : 10;   // the first unit has too few works
        }
        EmpiricalNull n = EmpiricalNull.estimate(z, works, 5, 0.8);
        double[] used = java.util.Arrays.copyOfRange(z, 1, 40);
        double median = EmpiricalNull.median(used);
        double[] dev = new double[used.length];
        for (int i = 0; i < used.length; i++) {
            dev[i] = Math.abs(used[i] - median);
        }
        assertThat(n.units()).isEqualTo(39);
        assertThat(n.center()).isCloseTo(median, within(1e-12));
        assertThat(n.scale()).isCloseTo(1.4826 * EmpiricalNull.median(dev), within(1e-12));
        assertThat(n.upperP(median)).isCloseTo(0.5, within(1e-12));
        assertThat(EmpiricalNull.estimate(new double[] {1, 2, 3}, new double[] {9, 9, 9}, 5, 1)).isEqualTo(
                new EmpiricalNull(0, 1, 3));
    }

    @Test
    void aReferenceTooSmallToFitSaysWhyInsteadOfFailing() {
        SimulatedReference tiny = new SimulatedReference(3, 4, 5, 1, 0.3, 0.3);
        ReferenceSigns.Result r = ReferenceSigns.compute(tiny.works());
        assertThat(r.status()).contains("too small to fit").contains("20 works in 4 classes");
        assertThat(r.classes()).isEmpty();
    }
}
