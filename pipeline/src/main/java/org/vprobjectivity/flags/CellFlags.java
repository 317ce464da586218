package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.indicators.ModelSigns;
import org.vprobjectivity.indicators.ObservedReference;
import org.vprobjectivity.recheck.RecheckTables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

/**
 * Flags per cell ({@code flags/cells}; the same for teachers): the signs scored ({@link CellScoring}), a school cell's
 * classes scanned ({@link ClassScan}), then one false discovery rate over all cells and both kinds: each kind's
 * p-value is Bonferroni-adjusted for the two kinds ({@code p_results_kind}, {@code p_journal_kind} = min(1, 2p)),
 * a cell's {@code p_any} is the smaller, and Benjamini–Hochberg runs once over {@code p_any} ({@code q_value},
 * {@link FalseDiscovery}). A kind is flagged when its p is within the family's BH cut-off R·q/m (R cells rejected of
 * m) and it is practically
 * relevant ({@code practical_results}, {@code practical_journal}: {@link CellScoring}); {@code risk_score} =
 * −log10 of the smaller kind p (each capped where not practically relevant), so it ranks every kind, inflated
 * journal marks included. The reasons come from {@link CellReasons}. {@code flag_kind}: {@code inflated_results}
 * («признаки необъективности результатов»), {@code inflated_journal} («признаки завышения текущих отметок»),
 * {@code both}, or null.
 */
public final class CellFlags {

    public static final String INFLATED_RESULTS = "inflated_results";
    public static final String INFLATED_JOURNAL = "inflated_journal";
    public static final String BOTH = "both";

    /** Indicator values kept beside the flag so a reader sees the numbers behind it. */
    static final String[] BEHIND = {"works", "n_journal", "small_cell", "reference_unit",
            "raised_share", "raised_ref", "lowered_share", "lowered_ref", "mean_diff", "shift_ref", "score_resid", "resid_ref", "score_above_journal", "quality_share", "quality_ref",
            "mean_score_pct", "score_mean", "absent_share", "absent_ref", "bunch3_excess", "bunch4_excess", "bunch5_excess",
            "bunch3_cut", "bunch4_cut", "bunch5_cut", "bunch3_above", "bunch4_above", "bunch5_above",
            "bunch3_expected_above", "bunch4_expected_above", "bunch5_expected_above",
            "score_sd", "sd_expected", "chi2_stat", "guttman_mean", "guttman_expected", "identical_vector_works",
            "largest_identical_group", "omission_rate", "omission_rate_ref", "level_inversion", "kappa_w"};

    private CellFlags() {
    }

    /** Cells without a class scan (teachers; or a table without classes). */
    public static Dataset<Row> compute(Dataset<Row> cells, String[] keys, FlagConfig config, String lang) {
        return compute(cells, null, keys, config, lang);
    }

    /**
     * @param cells   an indicator cell table ({@code indicators/school} or {@code teacher})
     * @param classes {@code indicators/class} for a class scan of school cells, or null
     * @param keys    the cell table's keys ({@code Keys.SCHOOL} …)
     * @param lang    "ru" or "en" for the reasons
     */
    public static Dataset<Row> compute(Dataset<Row> cells, Dataset<Row> classes, String[] keys, FlagConfig config,
                                       String lang) {
        Dataset<Row> scored = CellScoring.score(cells, config);
        if (classes != null) {
            scored = ClassScan.apply(scored, classes, keys, config, lang);
        }
        Column results = kindP(col("p_results"), col("p_journal"));
        Column journal = kindP(col("p_journal"), col("p_results"));
        scored = scored.withColumn("p_results_kind", results).withColumn("p_journal_kind", journal)
                .withColumn("p_any", least(col("p_results_kind"), col("p_journal_kind")))
                .withColumn("risk_score_journal", CellScoring.riskOf(col("p_journal_kind"), col("practical_journal"), config))
                .withColumn("risk_score", greatest(
                        CellScoring.riskOf(col("p_results_kind"), col("practical_results"), config),
                        col("risk_score_journal")));
        scored = FalseDiscovery.qValues(scored, "p_any", "q_value");
        // The BH cut-off of the one family, R·q/m with R cells rejected among the m tested: each kind of a cell is
        // judged against it (a rejected cell's smaller kind p is within it; the other kind may be too).
        WindowSpec all = Window.partitionBy(lit(1));
        Column rejected = count(when(col("q_value").leq(config.q), lit(1))).over(all);
        Column threshold = rejected.multiply(config.q).divide(count(col("p_any")).over(all));
        scored = scored.withColumn("__threshold", threshold);
        // A re-check that confirmed the school's marking lifts the results flag (RecheckEvidence); the reason says so.
        // The commission saw the works, not who was absent: where the participation sign alone is within the cut-off
        // (weak pupils kept at home leave honestly marked works), the flag stays.
        Column participationAlone = coalesce(kindP(col(CellScoring.groupColumn(SignGroup.PARTICIPATION)), col("p_journal"))
                .leq(col("__threshold")), lit(false));
        Column lifted = coalesce(col(RecheckTables.EVIDENCE_CLEARED), lit(false)).and(not(participationAlone));
        Column flaggedResults = coalesce(col("p_results_kind").leq(col("__threshold")), lit(false))
                .and(col("practical_results"))
                .and(not(lifted));
        Column flaggedJournal = coalesce(col("p_journal_kind").leq(col("__threshold")), lit(false))
                .and(col("practical_journal"));
        scored = scored
                .withColumn("flagged_results", flaggedResults)
                .withColumn("flagged_journal", flaggedJournal)
                .withColumn("flagged", col("flagged_results").or(col("flagged_journal")))
                .withColumn("flag_kind", when(col("flagged_results").and(col("flagged_journal")), lit(BOTH))
                        .when(col("flagged_results"), lit(INFLATED_RESULTS))
                        .when(col("flagged_journal"), lit(INFLATED_JOURNAL)).otherwise(lit(null).cast("string")))
                .drop("__threshold");
        Dataset<Row> selected = scored.select(outputColumns(scored.columns(), keys));
        Dataset<Row> reasoned = selected.map(new CellReasons(config, lang), Encoders.row(CellReasons.schema(selected.schema())));
        return classes == null ? reasoned : ClassScan.mergeReasons(reasoned, config);
    }

    /**
     * A kind's p-value in the one family of all cells and kinds: Bonferroni over the two kinds,
     * {@code min(1, 2·p)}, where the cell has both; the p itself where the other kind is not tested.
     */
    static Column kindP(Column p, Column other) {
        return when(other.isNull(), p).otherwise(least(lit(1.0), p.multiply(2)));
    }

    private static Column[] outputColumns(String[] available, String[] keys) {
        Set<String> have = new LinkedHashSet<>(Arrays.asList(available));
        List<String> names = new ArrayList<>(Arrays.asList(keys));
        names.addAll(List.of("municipality_code", "municipality", "risk_score", "q_value", "flagged", "flag_kind",
                "flagged_results", "flagged_journal", "risk_score_journal", "p_any", "p_results_kind", "p_journal_kind",
                "p_results", "p_combined",
                "p_independent", "p_journal", "practical_results", "practical_journal"));
        names.addAll(ClassScan.COLUMNS);
        for (SignGroup g : SignGroup.values()) {
            names.add(CellScoring.groupColumn(g));
        }
        for (Sign s : Sign.values()) {
            names.add(s.signColumn());
            names.add(s.effectColumn());
        }
        names.addAll(Arrays.asList(BEHIND));
        names.addAll(Arrays.asList(ModelSigns.JOINED));
        names.addAll(Arrays.asList(RecheckTables.EVIDENCE_SCHEMA.fieldNames()));
        names.addAll(Arrays.asList(ExamConfirmation.COLUMNS.fieldNames()));
        names.addAll(Arrays.asList(ObservedReference.COLUMNS.fieldNames()));
        return names.stream().distinct().filter(have::contains).map(n -> col(n)).toArray(Column[]::new);
    }
}
