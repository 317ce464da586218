package org.vprobjectivity.indicators;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.stats.Binomial;
import org.vprobjectivity.stats.BinomialSum;
import org.vprobjectivity.stats.DistributionDistance;
import org.vprobjectivity.stats.ScoreSpread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

/**
 * Score-distribution anomalies of a cell (docs/design.md §3): bunching at the mark cuts beyond the region's own,
 * compressed spread, and the shape of the cell's primary-score histogram against the reference (the region's work).
 * One row per cell ({@link Keys#SCHOOL} or {@link Keys#CLASS}).
 *
 * <p><b>Bunching beyond the region.</b> For each cut k ∈ {3, 4, 5} with cut score c and the window
 * {@code [c−2, c+1]} of {@link RegionBunching} (same bounds, taken from its rows; {@code bunchk_cut} = c):
 * {@code bunchk_window} = the cell's
 * works scoring in the window, {@code bunchk_above} = those at c or c+1, the expected count
 * {@code bunchk_expected_above = window · s_R} with {@code s_R} the region's observed share above in its window
 * ({@code share_above_in_window}), {@code bunchk_excess = above − expected}, and the one-sided binomial
 * mid-p {@code bunchk_p = P(X > above) + ½·P(X = above)}, {@code X ~ Bin(window, s_R)}
 * ({@code Binomial.upperTailMidP}; Lancaster 1961: the exact tail is very conservative on windows of a few works). Comparing with the region's
 * observed share, not with a smooth counterfactual, asks "does this cell bunch more than its region?", the question
 * §3 poses once the region as a whole bunches; the region's own bunching is {@link RegionBunching}'s. Null when the
 * window is empty, or when even all its works above the cut would not give a mid-p under 0.05 ({@code ½·s_R^window ≥
 * 0.05}): such a test cannot reject, and Tarone's rule (Tarone 1990, "A modified Bonferroni method for discrete
 * data", Biometrics 46; Gilbert 2005, JRSS C 54, for the FDR) leaves it out of the family rather than diluting it;
 * the counts are still given. The local-share design follows the bunching literature on test-score cut-offs (Dee, Dobbie, Jacob
 * &amp; Rockoff 2019, AEJ: Applied 11(3); Diamond &amp; Persson 2016, NBER w22207). {@code bunch_min_p} is the smallest
 * of the reported per-cut p-values, Bonferroni-adjusted for the k cuts that have one, {@code min(1, k·min_j p_j)}: the
 * strongest single cut as a p-value of its own (the plain minimum of three put 8.5–13% of clean cells below 0.05 on two
 * independent null regions; adjusted 3.4–5.8%). {@code bunch_total_p} is one
 * test over all cuts: the works just above the cuts, {@code Σ_k above_k}, against the sum of independent
 * {@code Bin(window_k, s_R,k)} (exact by convolution, {@link BinomialSum}; mid-p; the same Tarone rule). Lenient
 * checking near the cuts lifts several cuts at once, which one summed test sees better than three corrected ones; it
 * replaced a Bonferroni-adjusted minimum that rejected in under 1% of clean cells. The windows of different cuts are
 * disjoint when the cuts are at least four points apart, as on every bundled scale.
 *
 * <p><b>Compressed spread</b> (INVALSI's second indicator; Quintano, Castellano &amp; Longobardi 2009): the cell's
 * sample SD {@code score_sd} (divisor n − 1) against the SD that cells of the same level and work show at the same
 * mean: {@link ScoreSpread#fit} over all cells of the work at the level passed (classes for {@link Keys#CLASS}, school
 * cells for {@link Keys#SCHOOL}; the cell itself included), {@code sd_expected = ê(mean)}, the size-aware
 * {@code sd_z = (sd − ê)/sqrt(τ² + ê²/(2(n−1)))} and the lower tail {@code sd_p = Φ(sd_z)} (small = compressed).
 *
 * <p><b>Shape.</b> Pearson's chi-square of the cell's histogram against the reference (the work's whole-region
 * histogram, normalised; the cell's own works included — with hundreds of cells per region the difference is
 * negligible) <i>tilted to the cell's mean</i> ({@link DistributionDistance#tiltToMean}: {@code p_θ(x) ∝ p(x)·e^{θx}},
 * the distribution closest to the region's with the cell's level), with adjacent bins pooled until each expected count
 * is ≥ 5 (Pearson 1900; Cochran 1954) and one degree of freedom taken for θ: {@code chi2_stat} (X²) and
 * {@code chi2_df}. Null when the cell's mean is at an end of the scale or fewer than three bins remain. Schools truly
 * differ in level, and a test against the region's untilted histogram measures that level again (on a generated region
 * without manipulation it rejected 28% of honest school cells at 5%; the KS p-value 20%); the level is §2's business,
 * the shape at that level is this test's. {@code ks_distance = max_x |F_cell(x) − F_ref(x)|} against the untilted
 * reference is kept as a descriptive distance. {@code chi2_p} also allows for the work's between-cell heterogeneity:
 * if cells are Dirichlet-multinomial samples around the reference with intraclass correlation ρ, a cell's X² is about
 * {@code C·χ²_df} with {@code C = 1 + (n − 1)ρ} (Brier 1980, "Analysis of contingency tables under cluster sampling",
 * Biometrika 67; the first-order Rao–Scott correction, Rao &amp; Scott 1981, JASA 76). ρ is estimated per work and level
 * as the median over cells of {@code (X²_i / m(df_i) − 1)/(n_i − 1)} ({@code m(df)} the median of χ²_df; the median so
 * that the few manipulated cells do not set the scale; floored at 0; 0 when fewer than five cells have a chi-square),
 * and {@code chi2_dispersion = C_i}. The Brier-corrected p-values {@code P(χ²_df ≥ X²/C_i)} of the work's cells then
 * go through an empirical null ({@link #empiricalNull}: Efron 2004, never more liberal than its input, applied when
 * the work has at least 20 such cells) to give {@code chi2_p}. Before the tilt, these two corrections alone left 3–13%
 * of clean school cells under 0.05; with it, about 4–5% (NullBehaviourTest prints the rates).
 *
 * <p>Runs on the executors in one pass per work: the cells' scores are collected (group + collect_list), the region's
 * bunching shares joined, and each work's cells grouped once; the work's histogram is summed from its cells' scores,
 * then every cell's figures and the work's spread fit are computed in plain Java. Works without a primary score are
 * left out; scores outside 0..max_score are left out of the histograms.
 */
public final class Distribution {

    private static final int[] MARKS = RegionBunching.MARKS;
    /**
     * The cell's works per primary score, 0..max_score ({@code [i]} = works with i points): what the report draws, read
     * from the cell tables instead of a rescan of {@code results}.
     */
    public static final String SCORE_HISTOGRAM = "score_histogram";

    /** Fewest cells with a chi-square for the work's between-cell correlation to be estimated (else it is 0). */
    static final int MIN_CELLS_FOR_DISPERSION = 5;
    /** Fewest cells with a shape p-value for the empirical null to be estimated (else the p-values are kept). */
    static final int MIN_CELLS_FOR_EMPIRICAL_NULL = 20;
    /** The level at which a bunching test must be able to reject to be reported (Tarone 1990). */
    static final double TEST_LEVEL = 0.05;

    private Distribution() {
    }

    /**
     * @param resultsWithScale {@code results} with {@code max_score} and the cuts joined ({@link ScaleColumns})
     * @param regionBunching   {@link RegionBunching#compute} of the same results
     * @param cell             {@link Keys#SCHOOL} or {@link Keys#CLASS} (any key set that contains {@link Keys#WORK})
     */
    public static Dataset<Row> compute(Dataset<Row> resultsWithScale, Dataset<Row> regionBunching, String[] cell) {
        String[] work = Keys.WORK;
        Dataset<Row> scored = resultsWithScale.filter(col("primary_score").isNotNull());

        Dataset<Row> cells = scored.groupBy(Keys.cols(cell)).agg(
                collect_list(col("primary_score").cast("int")).as("__scores"),
                first("max_score", true).cast("int").as("__max"));

        List<Column> perCut = new ArrayList<>();
        for (int k : MARKS) {
            Column at = col("cut").equalTo(k);
            perCut.add(max(when(at, col("cut_score"))).as("__c" + k));
            perCut.add(max(when(at, col("window_from"))).as("__from" + k));
            perCut.add(max(when(at, col("window_to"))).as("__to" + k));
            perCut.add(max(when(at, col("share_above_in_window"))).as("__share" + k));
        }
        Dataset<Row> shares = regionBunching.groupBy(Keys.cols(work))
                .agg(perCut.get(0), perCut.subList(1, perCut.size()).toArray(new Column[0]));

        Dataset<Row> joined = Keys.join(cells, shares, work, "left");
        StructType in = joined.schema();
        StructType stage1 = cellSchema(in, cell);
        CellFigures perCell = new CellFigures(cell.length, in);
        StructType stage2 = stage1
                .add("sd_expected", DataTypes.DoubleType, true)
                .add("sd_z", DataTypes.DoubleType, true)
                .add("sd_p", DataTypes.DoubleType, true)
                .add("chi2_dispersion", DataTypes.DoubleType, true)
                .add("chi2_p", DataTypes.DoubleType, true);
        int keys = stage1.fieldIndex("n"); // the cell's figures follow its keys
        // One pass per work: its cells' scores are the reference histogram (every work of the reference is in exactly
        // one cell), so the histogram needs no aggregation and join of its own.
        FlatMapGroupsFunction<Row, Row, Row> perReference = (key, it) -> {
            List<Row> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            Map<Integer, Long> reference = perCell.histogram(rows);
            List<Row> figures = new ArrayList<>(rows.size());
            rows.forEach(r -> figures.add(perCell.call(r, reference)));
            return perWork(figures, keys);
        };
        return ReferenceGroups.of(joined, work).flatMapGroups(perReference, Encoders.row(stage2));
    }

    /**
     * The between-cell intraclass correlation of the work's shape tests, robustly: the median over cells with
     * {@code df ≥ 1} and {@code n ≥ 2} of {@code ρ_i = (X²_i / m(df_i) − 1)/(n_i − 1)}, {@code m(df)} the median of
     * χ²_df, floored at 0; 0 when fewer than {@link #MIN_CELLS_FOR_DISPERSION} cells qualify. A cell's heterogeneity
     * factor is then {@code C_i = 1 + (n_i − 1)·ρ} (Brier 1980).
     */
    static double heterogeneity(double[] chi2, int[] df, int[] n) {
        List<Double> rhos = new ArrayList<>();
        for (int i = 0; i < chi2.length; i++) {
            if (df[i] >= 1 && n[i] >= 2 && Double.isFinite(chi2[i])) {
                double median = new ChiSquaredDistribution(null, df[i]).inverseCumulativeProbability(0.5);
                rhos.add((chi2[i] / median - 1) / (n[i] - 1));
            }
        }
        if (rhos.size() < MIN_CELLS_FOR_DISPERSION) {
            return 0.0;
        }
        double[] r = rhos.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
        return Math.max(0.0, median);
    }

    /**
     * Efron's empirical null on the z-scale (Efron 2004, "Large-scale simultaneous hypothesis testing: the choice of a
     * null hypothesis", JASA 99): {@code z_i = Φ⁻¹(1 − p_i)}, the null's centre and spread estimated robustly over the
     * work's cells as {@code μ₀ = median z}, {@code σ₀ = 1.4826 · MAD(z)}, floored at 0 and 1 so the result is never
     * more liberal than the input, and {@code p'_i = 1 − Φ((z_i − μ₀)/σ₀)}. NaN entries stay NaN; with fewer than
     * {@link #MIN_CELLS_FOR_EMPIRICAL_NULL} p-values the input is returned.
     */
    static double[] empiricalNull(double[] p) {
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        double[] z = new double[p.length];
        List<Double> finite = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i])) {
                z[i] = Double.NaN;
                continue;
            }
            double q = Math.min(1 - 1e-16, Math.max(1e-300, p[i]));
            z[i] = -normal.inverseCumulativeProbability(q);
            finite.add(z[i]);
        }
        if (finite.size() < MIN_CELLS_FOR_EMPIRICAL_NULL) {
            return p.clone();
        }
        double centre = median(finite.stream().mapToDouble(Double::doubleValue).toArray());
        double mad = median(finite.stream().mapToDouble(v -> Math.abs(v - centre)).toArray());
        double mu = Math.max(0.0, centre);
        double sigma = Math.max(1.0, 1.4826 * mad);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Double.isNaN(p[i]) ? Double.NaN : Math.max(p[i], normal.cumulativeProbability(-(z[i] - mu) / sigma));
        }
        return out;
    }

    private static double median(double[] v) {
        double[] r = v.clone();
        Arrays.sort(r);
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }

    /**
     * Per work: fits the expected-SD curve over its cells and appends sd_expected, sd_z, sd_p; estimates the shape
     * tests' between-cell correlation and appends chi2_dispersion (the cell's factor), chi2_p.
     */
    private static Iterator<Row> perWork(List<Row> rows, int keys) {
        List<List<Object>> figures = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Object> f = new ArrayList<>(r.length() - keys);
            for (int j = keys; j < r.length(); j++) {
                f.add(r.get(j));
            }
            figures.add(f);
        }
        Object[][] work = workFigures(figures);
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Object[] values = new Object[r.length() + WORK_FIGURES];
            for (int j = 0; j < r.length(); j++) {
                values[j] = r.get(j);
            }
            System.arraycopy(work[i], 0, values, r.length(), WORK_FIGURES);
            out.add(RowFactory.create(values));
        }
        return out.iterator();
    }

    // Where workFigures finds what it reads in a cell's figures (cellFigures' order: n, mean, sd, seven per cut, the
    // two bunching p-values, then chi2_stat and chi2_df).
    private static final int FIGURE_N = 0, FIGURE_MEAN = 1, FIGURE_SD = 2, FIGURE_CHI2 = 3 + 7 * MARKS.length + 2,
            FIGURE_DF = FIGURE_CHI2 + 1;

    /** How many values {@link #workFigures} gives each cell. */
    static final int WORK_FIGURES = 5;

    /**
     * The figures of a work's cells that need all of them: the expected-SD fit (sd_expected, sd_z, sd_p) and the shape
     * tests' between-cell correlation (chi2_dispersion, chi2_p), in that order, null where undefined.
     *
     * @param figures each cell's {@link #cellFigures}
     */
    static Object[][] workFigures(List<List<Object>> figures) {
        int cells = figures.size();
        double[] means = new double[cells];
        double[] sds = new double[cells];
        int[] n = new int[cells];
        double[] chi2 = new double[cells];
        int[] dfs = new int[cells];
        for (int i = 0; i < cells; i++) {
            List<Object> f = figures.get(i);
            n[i] = (int) (long) (Long) f.get(FIGURE_N);
            means[i] = f.get(FIGURE_MEAN) == null ? Double.NaN : (Double) f.get(FIGURE_MEAN);
            sds[i] = f.get(FIGURE_SD) == null ? Double.NaN : (Double) f.get(FIGURE_SD);
            chi2[i] = f.get(FIGURE_CHI2) == null ? Double.NaN : (Double) f.get(FIGURE_CHI2);
            dfs[i] = f.get(FIGURE_DF) == null ? 0 : (Integer) f.get(FIGURE_DF);
        }
        ScoreSpread.Model model = ScoreSpread.fit(means, sds, n);
        double rho = heterogeneity(chi2, dfs, n);
        double[] factors = new double[cells];
        double[] brier = new double[cells];
        for (int i = 0; i < cells; i++) {
            boolean tested = dfs[i] >= 1 && Double.isFinite(chi2[i]);
            factors[i] = 1 + (n[i] - 1) * rho;
            brier[i] = tested ? Gamma.regularizedGammaQ(dfs[i] / 2.0, chi2[i] / (2.0 * factors[i])) : Double.NaN;
        }
        double[] shapeP = empiricalNull(brier);
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        Object[][] out = new Object[cells][];
        for (int i = 0; i < cells; i++) {
            boolean usable = n[i] >= 2 && Double.isFinite(sds[i]);
            double expected = usable ? model.expectedSd(means[i]) : Double.NaN;
            double z = usable ? model.z(means[i], sds[i], n[i]) : Double.NaN;
            boolean tested = Double.isFinite(shapeP[i]);
            out[i] = new Object[]{RegionBunching.orNull(expected), RegionBunching.orNull(z),
                    Double.isFinite(z) ? normal.cumulativeProbability(z) : null,
                    tested ? factors[i] : null, tested ? shapeP[i] : null};
        }
        return out;
    }

    static StructType cellSchema(StructType in, String[] cell) {
        List<StructField> fields = new ArrayList<>();
        for (String k : cell) {
            fields.add(DataTypes.createStructField(k, in.apply(k).dataType(), true));
        }
        fields.add(DataTypes.createStructField("n", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("score_mean", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("score_sd", DataTypes.DoubleType, true));
        for (int k : MARKS) {
            fields.add(DataTypes.createStructField("bunch" + k + "_cut", DataTypes.IntegerType, true));
            fields.add(DataTypes.createStructField("bunch" + k + "_window", DataTypes.LongType, true));
            fields.add(DataTypes.createStructField("bunch" + k + "_above", DataTypes.LongType, true));
            fields.add(DataTypes.createStructField("bunch" + k + "_region_share", DataTypes.DoubleType, true));
            fields.add(DataTypes.createStructField("bunch" + k + "_expected_above", DataTypes.DoubleType, true));
            fields.add(DataTypes.createStructField("bunch" + k + "_excess", DataTypes.DoubleType, true));
            fields.add(DataTypes.createStructField("bunch" + k + "_p", DataTypes.DoubleType, true));
        }
        fields.add(DataTypes.createStructField("bunch_min_p", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("bunch_total_p", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("chi2_stat", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("chi2_df", DataTypes.IntegerType, true));
        fields.add(DataTypes.createStructField("ks_distance", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField(SCORE_HISTOGRAM, DataTypes.createArrayType(DataTypes.LongType), true));
        return DataTypes.createStructType(fields);
    }

    /** Tarone's rule: the test is reported only when its smallest attainable mid-p is under {@link #TEST_LEVEL}. */
    static boolean canReject(long[] windows, double[] shares) {
        return BinomialSum.smallestMidP(windows, shares) < TEST_LEVEL;
    }

    /** {@code bunch_total_p}: the cuts' "above" counts summed against the sum of their binomials; NaN if untestable. */
    static double totalP(List<long[]> tested, List<Double> shares) {
        long[] windows = tested.stream().mapToLong(t -> t[0]).toArray();
        double[] p = shares.stream().mapToDouble(Double::doubleValue).toArray();
        if (windows.length == 0 || !canReject(windows, p)) {
            return Double.NaN;
        }
        long above = tested.stream().mapToLong(t -> t[1]).sum();
        return BinomialSum.upperTailMidP(above, windows, p);
    }

    /** The per-cell figures (everything but the spread fit, which needs the work's other cells). */
    private static final class CellFigures implements java.io.Serializable {
        private final int keys;
        private final int scoresIdx;
        private final int maxIdx;
        private final int[] cutIdx = new int[MARKS.length];
        private final int[] fromIdx = new int[MARKS.length];
        private final int[] toIdx = new int[MARKS.length];
        private final int[] shareIdx = new int[MARKS.length];

        CellFigures(int keys, StructType in) {
            this.keys = keys;
            scoresIdx = in.fieldIndex("__scores");
            maxIdx = in.fieldIndex("__max");
            for (int i = 0; i < MARKS.length; i++) {
                cutIdx[i] = in.fieldIndex("__c" + MARKS[i]);
                fromIdx[i] = in.fieldIndex("__from" + MARKS[i]);
                toIdx[i] = in.fieldIndex("__to" + MARKS[i]);
                shareIdx[i] = in.fieldIndex("__share" + MARKS[i]);
            }
        }

        /** The reference's histogram: works per primary score over all its cells. */
        Map<Integer, Long> histogram(List<Row> cells) {
            Map<Integer, Long> counts = new HashMap<>();
            for (Row r : cells) {
                for (Object s : r.getList(scoresIdx)) {
                    counts.merge((Integer) s, 1L, Long::sum);
                }
            }
            return counts;
        }

        /** The cell's figures against its reference's histogram ({@link #histogram}). */
        Row call(Row r, Map<Integer, Long> reference) {
            List<Integer> scoreList = r.getList(scoresIdx);
            int[] scores = scoreList.stream().mapToInt(Integer::intValue).toArray();
            Cut[] cuts = new Cut[MARKS.length];
            for (int i = 0; i < MARKS.length; i++) {
                cuts[i] = r.isNullAt(cutIdx[i]) || r.isNullAt(fromIdx[i]) || r.isNullAt(toIdx[i]) ? null
                        : new Cut(r.getInt(cutIdx[i]), r.getInt(fromIdx[i]), r.getInt(toIdx[i]),
                        r.isNullAt(shareIdx[i]) ? null : r.getDouble(shareIdx[i]));
            }
            List<Object> v = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                v.add(r.get(i));
            }
            v.addAll(cellFigures(scores, r.isNullAt(maxIdx) ? null : r.getInt(maxIdx), cuts, reference));
            return RowFactory.create(v.toArray());
        }
    }

    /**
     * A cut of the region's bunching as the cells are tested at it ({@link RegionBunching}): the cut score, the window
     * and the region's share above the cut in the window (null where the region has none).
     */
    record Cut(int score, int from, int to, Double share) implements java.io.Serializable {
    }

    /**
     * One cell's figures against its reference's histogram, in the order of {@link #cellSchema} after the keys: n,
     * score_mean, score_sd, the three cuts' bunching, bunch_min_p, bunch_total_p, chi2_stat, chi2_df, ks_distance and
     * the score histogram.
     *
     * @param scores    the cell's primary scores
     * @param max       the work's maximum score, null where unknown (no histogram then)
     * @param cuts      per mark of {@link #MARKS}, its cut, null where the region gives none
     * @param reference works per primary score over the reference's cells
     */
    static List<Object> cellFigures(int[] scores, Integer max, Cut[] cuts, Map<Integer, Long> reference) {
        int n = scores.length;
        List<Object> v = new ArrayList<>();
        v.add((long) n);
        double mean = Arrays.stream(scores).average().orElse(Double.NaN);
        double sd = Double.NaN;
        if (n >= 2) {
            double ss = 0;
            for (int s : scores) {
                ss += (s - mean) * (s - mean);
            }
            sd = Math.sqrt(ss / (n - 1));
        }
        v.add(RegionBunching.orNull(mean));
        v.add(RegionBunching.orNull(sd));

        double minP = Double.NaN;
        int cutsTested = 0;
        List<long[]> tested = new ArrayList<>(); // {window, above} of each cut with a share
        List<Double> testedShares = new ArrayList<>();
        for (int i = 0; i < MARKS.length; i++) {
            if (cuts[i] == null) {
                v.addAll(Arrays.asList(null, null, null, null, null, null, null));
                continue;
            }
            int c = cuts[i].score();
            v.add(c);
            long window = 0;
            long above = 0;
            for (int s : scores) {
                if (s >= cuts[i].from() && s <= cuts[i].to()) {
                    window++;
                    if (s >= c) {
                        above++;
                    }
                }
            }
            Double share = cuts[i].share();
            v.add(window);
            v.add(above);
            v.add(share);
            if (window == 0 || share == null) {
                v.addAll(Arrays.asList(null, null, null));
                continue;
            }
            double expected = window * share;
            tested.add(new long[] {window, above});
            testedShares.add(share);
            double p = canReject(new long[] {window}, new double[] {share})
                    ? Binomial.upperTailMidP(above, window, share) : Double.NaN;
            v.add(expected);
            v.add(above - expected);
            v.add(RegionBunching.orNull(p));
            if (Double.isFinite(p)) {
                minP = Double.isNaN(minP) ? p : Math.min(minP, p);
                cutsTested++;
            }
        }
        v.add(RegionBunching.orNull(Math.min(1, cutsTested * minP)));
        v.add(RegionBunching.orNull(totalP(tested, testedShares)));

        // Shape against the reference histogram.
        Double chi2 = null;
        Integer df = null;
        Double ks = null;
        long[] cellHist = null;
        if (max != null) {
            cellHist = new long[max + 1];
            for (int s : scores) {
                if (s >= 0 && s <= max) {
                    cellHist[s]++;
                }
            }
        }
        if (cellHist != null && n > 0) {
            int top = cellHist.length - 1;
            double[] ref = new double[top + 1];
            for (int x = 0; x <= top; x++) {
                ref[x] = reference.getOrDefault(x, 0L);
            }
            long inRange = Arrays.stream(cellHist).sum();
            if (inRange > 0) {
                double cellMean = 0;
                for (int x = 0; x <= top; x++) {
                    cellMean += (double) x * cellHist[x] / inRange;
                }
                double[] atLevel = DistributionDistance.tiltToMean(ref, cellMean);
                if (atLevel != null) {
                    DistributionDistance.ChiSquare cs = DistributionDistance.chiSquare(cellHist, atLevel, 1);
                    chi2 = RegionBunching.orNull(cs.statistic());
                    df = chi2 == null ? null : cs.df();
                }
                ks = RegionBunching.orNull(DistributionDistance.ksOneSample(cellHist, ref).distance());
            }
        }
        v.add(chi2);
        v.add(df);
        v.add(ks);
        v.add(cellHist == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(
                Arrays.stream(cellHist).boxed().toList()).toSeq());
        return v;
    }
}
