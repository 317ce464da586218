package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.stats.BetaBinomial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import scala.jdk.javaapi.CollectionConverters;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;

/**
 * Task-level patterns of a cell against its reference (docs/design.md §4). The reference is the work
 * ({@link Keys#WORK}: session, region, subject, grade) with its scale; a cell is a school or a class. "Not attempted"
 * scores 0 except where stated. Per cell:
 * <ol>
 * <li><b>Difficulty inversion.</b> {@code task_rank_corr} = Spearman's r_s (ties by average rank) between the cell's
 * per-task solve rates {@code mean_w(score_wi / max_i)} and the reference's; hard tasks solved better than easy ones
 * ("answers known in advance") give a low value. Source: docs/design.md §4; Jacob &amp; Levitt (2003), "Rotten apples",
 * QJE 118(3), on answer patterns where hard items are right and easy ones wrong.</li>
 * <li><b>Difficulty levels.</b> {@code solve_basic}, {@code solve_advanced}: mean per-task solve rate over the basic (Б)
 * and the advanced (П and В) tasks, each task weighted equally, for the cell and the reference ({@code _ref});
 * {@code level_inversion = (adv − basic) − (adv_ref − basic_ref)}, positive = advanced tasks solved unusually well
 * relative to basic ones (the official "inversion" sign, FIOKO). Null where the scale gives no levels.</li>
 * <li><b>Person fit.</b> Normed polytomous Guttman errors per work, {@code Gnormed = G / Gmax(S)} with step
 * popularities from the reference's works (Emons 2008; PerFit {@code Gnormed.poly}; {@code GuttmanErrors}); works
 * with {@code Gmax(S) = 0} (score 0, full score) carry none. {@code guttman_mean} over the cell's {@code guttman_works},
 * {@code guttman_ref_mean}/{@code guttman_ref_sd} over the reference's works. Gnormed depends on the total score, so
 * the comparison conditions on it: each work is set against the reference's works in the window of totals
 * {@code [x − h, x + h]}, the narrowest holding {@value TaskPatternReference#MIN_WORKS_PER_TOTAL} works (h = 0 in a
 * real region). {@code guttman_expected} = mean over the cell's works of that window's mean μ(x_w);
 * {@code guttman_z = Σ_w (g_w − μ(x_w)) / sqrt(Σ_w σ²(x_w))} (effect size; positive = more misfit than pupils of the
 * same scores). {@code guttman_p = P(Σ_w g*_w ≥ Σ_w g_w)} with each g*_w drawn from the reference's works of w's
 * window: the resampling null, evaluated by the Lugannani–Rice saddlepoint approximation
 * ({@link TaskPatternSaddlepoint}; Davison &amp; Hinkley 1988) because Gnormed is right-skewed and the normal
 * tail of z is far too small there (on clean generated regions the normal tail gave 1.4–2.9% below 0.01, the saddlepoint
 * 0.9%; over 1,440 clean school cells 5.2% below 0.05). Works are taken as independent given their totals; a school-wide
 * marking habit would break that.</li>
 * <li><b>Homogeneity.</b> Identical score vectors (not attempted a value of its own): {@code identical_vector_works}
 * = works sharing their vector with another work of the cell, {@code largest_identical_group},
 * {@code identical_share} = identical_vector_works / works, {@code identical_pairs} K = Σ_v C(m_v, 2).
 * Calibration (birthday problem with unequal probabilities, conditioned on the totals): two works can only coincide if
 * their totals are equal, and under the Rasch and partial-credit models the total is sufficient for ability (Andersen
 * 1977), so given the totals the vectors are independent draws whatever the school's level. q(x) = share of pairs of works of <i>different
 * schools</i> with total x that share the vector (cross-school pairs only, so copying inside a school does not inflate
 * it), smoothed as {@code (collisions + 1)/(pairs + 1)}; the expected number of coinciding pairs is
 * {@code λ = Σ_x C(m_x, 2)·q(x)} ({@code identical_pairs_expected}) and {@code identical_p = P(Poisson(λ) > K) + ½·P(Poisson(λ) = K)} (mid-p)
 * (Poisson approximation of the collision count: Arratia, Goldstein &amp; Gordon 1989, "Two moments suffice for
 * Poisson approximations: the Chen–Stein method", Ann. Probab. 17). With the exact tail, clean generated regions had
 * identical_p &lt; 0.05 in 2.2% of school cells and 1.8% of classes (one pair decides when λ is small); the mid-p
 * brings it nearer 5% (NullBehaviourTest prints the rates). Its weak point is real data where
 * one school's markers share a habit (the same partial credit on a task for everyone), which makes coincidences
 * inside a school likelier than across schools. Concentration: {@code concentration} = 1 − mean
 * normalised entropy of the score categories 0..max per task (INVALSI; Quintano et al. 2009; {@code Entropy});
 * {@code concentration_ref} = its exact expectation for a cell of the same size drawn from the reference's per-task
 * distribution (small cells are always more concentrated, so a region-wide figure would mislead).</li>
 * <li><b>Omissions.</b> {@code omitted} of {@code omission_items} = works × tasks not attempted,
 * {@code omission_rate}, {@code omission_rate_ref} (pooled). {@code no_omission_p = P(X ≤ omitted)} under the
 * beta-binomial fitted by moments over the reference's cells of the same level, as {@link ClusteredShareTest} does
 * ({@code BetaBinomial.fitMoments}; Skellam 1948; Kleinman 1973; Williams 1982); null when the fit is not
 * identifiable (fewer than two cells, or no omissions in the reference):
 * "no blanks where the region has many" (INVALSI's fourth indicator). The plain binomial tail
 * {@code P(X ≤ omitted | items, omission_rate_ref)} ignores that pupils, not single answers, leave tasks blank and that
 * schools differ: on clean generated regions it fell below 0.05 in 21% of school cells (below 0.01 in 11%), the
 * beta-binomial in 2.6% (0.2%).</li>
 * </ol>
 * Data flow: one shuffle. The works are grouped by reference (work and scale_key) on the executors; each group builds
 * its {@link TaskPatternReference} (counts, step order, per-total Gnormed distribution, collision rates) and then the
 * rows of its cells ({@link TaskPatternCell}); a region's works of one subject and grade are held in memory together
 * (tens of thousands of short vectors). Only the task catalog is read on the driver; no participant row reaches it.
 * Works whose {@code scale_key} is null or absent from the task catalog are left out (their scores cannot be read).
 * Scores are clamped into 0..max; positions beyond the scale's tasks are ignored, missing ones count as not attempted.
 */
public final class TaskPatterns {

    private static final String SCHOOL = "__school";
    private static final String SCORES = "__scores";

    private TaskPatterns() {
    }

    /**
     * @param results     the {@code results} table (needs the cell keys, {@code scale_key}, {@code scores})
     * @param taskCatalog {@code IngestTables.taskCatalog(spark, scales)}
     * @param cell        {@link Keys#SCHOOL} or {@link Keys#CLASS}
     * @return one row per cell: the cell keys, work keys and scale_key, then the columns of the class comment (a cell
     *         whose works carried two scales, which the ingest does not produce, would get one row per scale)
     */
    public static Dataset<Row> compute(Dataset<Row> results, Dataset<Row> taskCatalog, String[] cell) {
        String[] groupKeys = groupKeys(cell);
        Map<String, int[]> maxByScale = new HashMap<>();
        Map<String, String[]> levelByScale = new HashMap<>();
        readCatalog(taskCatalog, maxByScale, levelByScale);

        List<Column> selected = new ArrayList<>(Arrays.asList(Keys.cols(groupKeys)));
        selected.add(col("school_id").as(SCHOOL));
        selected.add(col("scores").as(SCORES));
        Dataset<Row> works = results.filter(col("scale_key").isin(maxByScale.keySet().toArray()))
                .select(selected.toArray(Column[]::new));
        StructType keySchema = works.select(Keys.cols(groupKeys)).schema();
        StructType schema = outputSchema(keySchema);
        int[] refPositions = new int[Keys.WORK.length + 1];
        List<String> keyList = Arrays.asList(groupKeys);
        for (int i = 0; i < Keys.WORK.length; i++) {
            refPositions[i] = keyList.indexOf(Keys.WORK[i]);
        }
        int scalePosition = keyList.indexOf("scale_key");
        refPositions[Keys.WORK.length] = scalePosition;
        int nKeys = groupKeys.length;

        MapFunction<Row, String> refKey = row -> {
            StringBuilder b = new StringBuilder();
            for (int p : refPositions) {
                b.append(row.isNullAt(p) ? "\u0000" : row.get(p).toString()).append('\u0001');
            }
            return b.toString();
        };
        FlatMapGroupsFunction<String, Row, Row> perReference = (key, rows) -> {
            Map<List<Object>, List<int[]>> cells = new LinkedHashMap<>();
            List<int[]> vectors = new ArrayList<>();
            List<Object> schools = new ArrayList<>();
            int[] max = null;
            String[] level = null;
            while (rows.hasNext()) {
                Row row = rows.next();
                if (max == null) {
                    max = maxByScale.get(row.getString(scalePosition));
                    level = levelByScale.get(row.getString(scalePosition));
                }
                int[] v = TaskPatternCell.vector(asList(row.get(nKeys + 1)), max);
                vectors.add(v);
                schools.add(row.get(nKeys));
                List<Object> cellKey = new ArrayList<>(nKeys);
                for (int i = 0; i < nKeys; i++) {
                    cellKey.add(row.get(i));
                }
                cells.computeIfAbsent(cellKey, k -> new ArrayList<>()).add(v);
            }
            return perCell(new TaskPatternReference(max, level, vectors, schools), cells).iterator();
        };
        // Sorted within the reference, so that its fits see the works in one order whatever the partitioning (the
        // saddlepoint's iterations otherwise carry the summation order into the p-values' seventh digit).
        List<Column> order = new ArrayList<>(Arrays.asList(Keys.cols(groupKeys)));
        order.add(col(SCHOOL));
        order.add(col(SCORES));
        return works.groupByKey(refKey, Encoders.STRING())
                .flatMapSortedGroups(order.toArray(Column[]::new), perReference, Encoders.row(schema));
    }

    /**
     * The rows of one reference's cells: {@link TaskPatternCell} figures, then the omissions' beta-binomial lower tail
     * with (α, β) fitted by moments over these cells ({@link BetaBinomial#fitMoments}).
     */
    static List<Row> perCell(TaskPatternReference ref, Map<List<Object>, List<int[]>> cells) {
        List<List<Object>> keys = new ArrayList<>(cells.keySet());
        List<Object[]> figures = figures(ref, keys.stream().map(cells::get).toList());
        List<Row> out = new ArrayList<>();
        for (int c = 0; c < keys.size(); c++) {
            List<Object> values = new ArrayList<>(keys.get(c));
            values.addAll(Arrays.asList(figures.get(c)));
            out.add(RowFactory.create(values.toArray()));
        }
        return out;
    }

    /**
     * The figures of one reference's cells, each in the order of the output columns after the keys (works, tasks, ...,
     * no_omission_p), as {@link #perCell} writes them.
     *
     * @param cells each cell's works as {@link TaskPatternCell#vector} reads them
     */
    static List<Object[]> figures(TaskPatternReference ref, List<List<int[]>> cells) {
        List<TaskPatternCell.Result> results = new ArrayList<>();
        int[] k = new int[cells.size()];
        int[] n = new int[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            TaskPatternCell.Result r = TaskPatternCell.compute(ref, cells.get(c));
            results.add(r);
            k[c] = (int) r.omitted();
            n[c] = (int) r.omissionItems();
        }
        BetaBinomial.Fit fit = BetaBinomial.fitMoments(k, n);
        List<Object[]> out = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            TaskPatternCell.Result r = results.get(c);
            double noOmissionP = Double.isNaN(fit.alpha()) || n[c] == 0 ? Double.NaN
                    : BetaBinomial.lowerTail(k[c], n[c], fit.alpha(), fit.beta());
            out.add(new Object[]{r.works(), r.tasks(), nan(r.taskRankCorr()), nan(r.solveBasic()),
                    nan(r.solveAdvanced()), nan(r.solveBasicRef()), nan(r.solveAdvancedRef()), nan(r.levelInversion()),
                    r.guttmanWorks(), nan(r.guttmanMean()), nan(r.guttmanRefMean()), nan(r.guttmanRefSd()),
                    nan(r.guttmanExpected()), nan(r.guttmanZ()), nan(r.guttmanP()),
                    r.identicalVectorWorks(), r.largestIdenticalGroup(), nan(r.identicalShare()), r.identicalPairs(),
                    nan(r.identicalPairsExpected()), nan(r.identicalP()), nan(r.concentration()),
                    nan(r.concentrationRef()), r.omitted(), r.omissionItems(), nan(r.omissionRate()),
                    nan(r.omissionRateRef()), nan(noOmissionP)});
        }
        return out;
    }

    /** The cell keys, then the work keys and scale_key not already among them. */
    static String[] groupKeys(String[] cell) {
        Set<String> keys = new LinkedHashSet<>(Arrays.asList(cell));
        keys.addAll(Arrays.asList(Keys.WORK));
        keys.add("scale_key");
        return keys.toArray(String[]::new);
    }

    private static StructType outputSchema(StructType keySchema) {
        List<StructField> fields = new ArrayList<>(Arrays.asList(keySchema.fields()));
        addFields(fields, DataTypes.IntegerType, "works", "tasks");
        addFields(fields, DataTypes.DoubleType, "task_rank_corr", "solve_basic", "solve_advanced", "solve_basic_ref",
                "solve_advanced_ref", "level_inversion");
        addFields(fields, DataTypes.IntegerType, "guttman_works");
        addFields(fields, DataTypes.DoubleType, "guttman_mean", "guttman_ref_mean", "guttman_ref_sd", "guttman_expected",
                "guttman_z", "guttman_p");
        addFields(fields, DataTypes.IntegerType, "identical_vector_works", "largest_identical_group");
        addFields(fields, DataTypes.DoubleType, "identical_share");
        addFields(fields, DataTypes.LongType, "identical_pairs");
        addFields(fields, DataTypes.DoubleType, "identical_pairs_expected", "identical_p", "concentration",
                "concentration_ref");
        addFields(fields, DataTypes.LongType, "omitted", "omission_items");
        addFields(fields, DataTypes.DoubleType, "omission_rate", "omission_rate_ref", "no_omission_p");
        return DataTypes.createStructType(fields);
    }

    /** The task catalog's maxima and levels per scale_key (read on the driver: a few rows per scale). */
    static void readCatalog(Dataset<Row> catalog, Map<String, int[]> maxByScale, Map<String, String[]> levelByScale) {
        Map<String, List<Row>> byScale = new HashMap<>();
        for (Row r : catalog.select("scale_key", "task_index", "task_max", "level").collectAsList()) {
            byScale.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        byScale.forEach((scale, rows) -> {
            int tasks = rows.stream().mapToInt(r -> r.getInt(1)).max().orElse(-1) + 1;
            int[] max = new int[tasks];
            String[] level = new String[tasks];
            for (Row r : rows) {
                max[r.getInt(1)] = r.isNullAt(2) ? 0 : Math.max(0, r.getInt(2));
                level[r.getInt(1)] = r.isNullAt(3) ? null : r.getString(3);
            }
            maxByScale.put(scale, max);
            levelByScale.put(scale, level);
        });
    }

    private static void addFields(List<StructField> fields, DataType type, String... names) {
        for (String n : names) {
            fields.add(DataTypes.createStructField(n, type, true));
        }
    }

    static List<?> asList(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof scala.collection.Seq<?> s) {
            return CollectionConverters.asJava(s);
        }
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("scores: unexpected value type " + o.getClass());
    }

    private static Double nan(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
