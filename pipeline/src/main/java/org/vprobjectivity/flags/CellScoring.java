package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.indicators.ModelSigns;
import org.vprobjectivity.indicators.ObservedReference;
import org.vprobjectivity.stats.Tails;
import org.vprobjectivity.recheck.RecheckEvidence;
import org.vprobjectivity.recheck.RecheckTables;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * A cell's signs combined into one p-value per flag kind and a risk score (docs/design.md §7).
 *
 * <p><b>Signs.</b> Each {@link Sign}'s p-value is kept as {@code sign_<name>_p}; a share-based sign of a
 * {@code small_cell} (fewer works than {@code indicators.min_cell_works}) is not tested (null), so small cells are
 * never flagged on shares alone. {@code sign_<name>_effect} says whether its effect reaches the practical floor of
 * {@link FlagConfig}.
 *
 * <p><b>Inflated results</b> ({@code p_results}). Signs of one {@link SignGroup} look at the same data and may be
 * positively dependent, so each group's p is Simes' ({@code group_<name>_p}; Simes 1986, "An improved Bonferroni
 * procedure for multiple tests of significance", Biometrika 73; valid under positive dependence, Sarkar 1998). The
 * groups look at different aspects and are combined by the truncated Cauchy combination ({@code p_combined},
 * {@link Tails#truncatedCauchy}; Liu &amp; Xie 2020, JASA 115, with the Cauchy truncated at its median): about G·p
 * when one group carries the evidence (weak pupils kept at home show only in participation, lenient checking only at
 * the cuts), much less than that when several carry some (blanket inflation: journal, task patterns, high results),
 * valid whatever the dependence between groups as the level goes to 0, without the price of choosing between Fisher's
 * and Simes' methods after the fact; a group without evidence (p = 1) dilutes the others but cannot cancel them.
 *
 * <p><b>Two-signal rule.</b> High results count only together with an independent sign (journal, distribution,
 * tasks, participation): {@code p_independent} is Simes over the four independent groups, and
 * {@code p_results = p_combined} when {@code p_independent ≤ support_p} (default 0.01), else
 * {@code max(p_combined, p_independent)}, so high results alone, however extreme, are never enough. In both branches
 * {@code p_results ≥ p_combined}, a valid p-value for the cell. A strong honest school whose high results are
 * confirmed by its own journal marks has an independent sign at 1% only by chance.
 *
 * <p><b>Practical relevance.</b> {@code practical_results}: at least one independent sign is below {@code reason_p}
 * with its effect above its floor; a flag needs it ({@link CellFlags}), so a huge school is not flagged for a
 * one-point difference however small its p-value. The floors act on the flag, not on the p-values, so they cost no
 * power in the combination.
 *
 * <p><b>Inflated journal marks</b> ({@code p_journal}): Simes over {@code lowered_p}, {@code shift_down_p} and
 * {@code resid_down_p}, with
 * {@code practical_journal}: its own flag kind, reported separately («завышение текущих отметок»).
 *
 * <p>The risk score ({@link #riskOf}) is computed by {@link CellFlags} once classes have been scanned.
 */
public final class CellScoring {

    private static final UserDefinedFunction TRUNCATED_CAUCHY = udf((UDF1<Seq<Double>, Double>) ps -> orNull(Tails.truncatedCauchy(values(ps))),
            DataTypes.DoubleType);
    private static final UserDefinedFunction SIMES = udf((UDF1<Seq<Double>, Double>) ps -> orNull(Tails.simes(values(ps))),
            DataTypes.DoubleType);

    private CellScoring() {
    }

    /** @param cells an {@code indicators/school}, {@code class} or {@code teacher} table (with {@code small_cell}) */
    public static Dataset<Row> score(Dataset<Row> cells, FlagConfig config) {
        Dataset<Row> out = withModelColumns(cells);
        Column small = col("small_cell"); // set by the indicator stage from indicators.min_cell_works
        Column fitted = coalesce(col(ModelSigns.FITTED), lit(false));
        Column practical = lit(false);
        // Columns are added in batches of those that do not read each other (Dataset.withColumns): every withColumn
        // analyses the whole plan again, and the flag plans are wide (issue 18: seconds of driver time per table).
        Map<String, Column> signs = new LinkedHashMap<>();
        for (Sign s : Sign.values()) {
            Column p = col(s.pColumn());
            Column untestable = s.shareBased() ? p.isNull().or(small) : p.isNull();
            if (s.source() == Sign.Source.FALLBACK) {
                untestable = untestable.or(fitted);
            }
            signs.put(s.signColumn(), when(untestable, lit(null).cast("double")).otherwise(p));
            signs.put(s.effectColumn(), s.effectReached(config));
            if (s.group() != null && s.group().independent()) {
                practical = practical.or(relevant(s, config));
            }
        }
        out = out.withColumns(signs);
        List<Column> all = new ArrayList<>();
        List<Column> independent = new ArrayList<>();
        Map<String, Column> groupColumns = new LinkedHashMap<>();
        for (SignGroup g : SignGroup.values()) {
            Column[] members = Arrays.stream(Sign.values()).filter(s -> s.group() == g)
                    .map(s -> col(s.signColumn())).toArray(Column[]::new);
            String name = groupColumn(g);
            groupColumns.put(name, SIMES.apply(array(members)));
            all.add(col(name));
            if (g.independent()) {
                independent.add(col(name));
            }
        }
        out = out.withColumns(groupColumns);
        Column groups = array(all.toArray(new Column[0]));
        List<Sign> journalKind = Arrays.stream(Sign.values()).filter(sg -> sg.group() == null).toList();
        Column supported = col("p_independent").leq(config.supportP);
        Map<String, Column> combined = new LinkedHashMap<>();
        combined.put("p_combined", TRUNCATED_CAUCHY.apply(groups));
        combined.put("p_independent", SIMES.apply(array(independent.toArray(new Column[0]))));
        out = out.withColumns(combined);
        Map<String, Column> kinds = new LinkedHashMap<>();
        kinds.put("p_results", when(supported, col("p_combined")).otherwise(greatest(col("p_combined"), col("p_independent"))));
        kinds.put("practical_results", practical);
        kinds.put("p_journal", SIMES.apply(array(journalKind.stream().map(sg -> col(sg.signColumn())).toArray(Column[]::new))));
        kinds.put("practical_journal", journalKind.stream().map(sg -> relevant(sg, config)).reduce(Column::or).orElseThrow());
        return out.withColumns(kinds);
    }

    /**
     * A table without the pupil model's columns (teachers; a table written before the model existed) gets them as
     * nulls, so every sign there falls back to the indicator families'; one without a re-check's evidence
     * ({@link RecheckEvidence}: no re-check read, or a class table) gets its columns as nulls, so the sign is untested;
     * so does one without the exam and observation columns (no {@code --exam}, {@code --observed}).
     */
    static Dataset<Row> withModelColumns(Dataset<Row> cells) {
        java.util.Set<String> have = new java.util.HashSet<>(Arrays.asList(cells.columns()));
        StructType model = ModelSigns.schema();
        List<StructField> optional = new ArrayList<>();
        for (String name : ModelSigns.JOINED) {
            optional.add(model.apply(name));
        }
        optional.addAll(Arrays.asList(RecheckTables.EVIDENCE_SCHEMA.fields()));
        // without --exam / --observed (and in class and teacher tables): the columns as nulls, so the sign is untested
        optional.addAll(Arrays.asList(ExamConfirmation.COLUMNS.fields()));
        optional.addAll(Arrays.asList(ObservedReference.COLUMNS.fields()));
        Map<String, Column> missing = new LinkedHashMap<>();
        for (StructField f : optional) {
            if (!have.contains(f.name())) {
                missing.put(f.name(), lit(null).cast(f.dataType()));
            }
        }
        return missing.isEmpty() ? cells : cells.withColumns(missing);
    }

    /** The sign is below {@code reason_p} and its effect reaches its floor: a sign a person would act on. */
    static Column relevant(Sign s, FlagConfig config) {
        return coalesce(col(s.signColumn()).lt(config.reasonP).and(col(s.effectColumn())),
                lit(false));
    }

    public static String groupColumn(SignGroup g) {
        return "group_" + g.name().toLowerCase(java.util.Locale.ROOT) + "_p";
    }

    /**
     * The risk score: {@code −log10 p} when the kind is practically relevant; otherwise at most {@code −log10 reason_p}
     * (1.3 by default), so a cell that cannot be flagged — a tiny effect in a huge school — never ranks above one that
     * can.
     */
    static Column riskOf(Column p, Column practical, FlagConfig config) {
        return when(practical, riskOf(p)).otherwise(least(riskOf(p), lit(-Math.log10(config.reasonP))));
    }

    /** {@code −log10 p} (higher = more suspicious), 0 for a missing p, at most 300 (p = 0 from underflow). */
    static Column riskOf(Column p) {
        return when(p.isNull(), lit(0.0)).otherwise(least(lit(300.0), log10(greatest(p, lit(1e-300))).multiply(-1)));
    }

    private static double[] values(Seq<Double> ps) {
        return CollectionConverters.asJava(ps).stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray();
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
