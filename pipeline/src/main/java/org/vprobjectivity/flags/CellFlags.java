package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Flags per cell ({@code flags/cells}; the same for teachers): the signs scored ({@link CellScoring}), a school cell's
 * classes scanned ({@link ClassScan}),
 * the false discovery rate controlled over all cells of the run per flag kind ({@link FalseDiscovery}: q-values of
 * {@code p_results} and of {@code p_journal}), {@code flagged} when a kind's q-value is at most {@code q} and the
 * kind is practically relevant ({@code practical_results}, {@code practical_journal}: {@link CellScoring}), and the
 * reasons ({@link CellReasons}). {@code flag_kind}: {@code inflated_results} («признаки необъективности
 * результатов»), {@code inflated_journal} («признаки завышения текущих отметок»), {@code both}, or null.
 */
public final class CellFlags {

    public static final String INFLATED_RESULTS = "inflated_results";
    public static final String INFLATED_JOURNAL = "inflated_journal";
    public static final String BOTH = "both";

    /** Indicator values kept beside the flag so a reader sees the numbers behind it. */
    static final String[] BEHIND = {"works", "n_journal", "small_cell", "reference_unit",
            "raised_share", "raised_ref", "lowered_share", "lowered_ref", "mean_diff", "shift_ref", "score_resid", "resid_ref", "score_above_journal", "quality_share", "quality_ref",
            "mean_score_pct", "absent_share", "absent_ref", "bunch3_excess", "bunch4_excess", "bunch5_excess",
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
        scored = scored.withColumn("risk_score", CellScoring.riskOf(col("p_results"), col("practical_results"), config))
                .withColumn("risk_score_journal", CellScoring.riskOf(col("p_journal"), col("practical_journal"), config));
        scored = FalseDiscovery.qValues(scored, "p_results", "q_value");
        scored = FalseDiscovery.qValues(scored, "p_journal", "q_value_journal");
        Column results = col("q_value").isNotNull().and(col("q_value").leq(config.q)).and(col("practical_results"));
        Column journal = col("q_value_journal").isNotNull().and(col("q_value_journal").leq(config.q))
                .and(col("practical_journal"));
        scored = scored
                .withColumn("flagged_results", results)
                .withColumn("flagged_journal", journal)
                .withColumn("flagged", results.or(journal))
                .withColumn("flag_kind", when(results.and(journal), lit(BOTH)).when(results, lit(INFLATED_RESULTS))
                        .when(journal, lit(INFLATED_JOURNAL)).otherwise(lit(null).cast("string")));
        Dataset<Row> selected = scored.select(outputColumns(scored.columns(), keys));
        Dataset<Row> reasoned = selected.map(new CellReasons(config, lang), Encoders.row(CellReasons.schema(selected.schema())));
        return classes == null ? reasoned : ClassScan.mergeReasons(reasoned, config);
    }

    private static Column[] outputColumns(String[] available, String[] keys) {
        Set<String> have = new LinkedHashSet<>(Arrays.asList(available));
        List<String> names = new ArrayList<>(Arrays.asList(keys));
        names.addAll(List.of("municipality_code", "municipality", "risk_score", "q_value", "flagged", "flag_kind",
                "flagged_results", "flagged_journal", "risk_score_journal", "q_value_journal", "p_results", "p_combined",
                "p_fisher", "p_simes", "p_independent", "p_journal", "practical_results", "practical_journal"));
        names.addAll(ClassScan.COLUMNS);
        for (SignGroup g : SignGroup.values()) {
            names.add(CellScoring.groupColumn(g));
        }
        for (Sign s : Sign.values()) {
            names.add(s.signColumn());
            names.add(s.effectColumn());
        }
        names.addAll(Arrays.asList(BEHIND));
        return names.stream().distinct().filter(have::contains).map(n -> col(n)).toArray(Column[]::new);
    }
}
