package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.vprobjectivity.indicators.stats.Tails;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * A cell's signs combined into one p-value per flag kind and a risk score (indicators.md §7).
 *
 * <p><b>Gating.</b> Each {@link Sign}'s p-value is kept as {@code sign_<name>_p} when its effect reaches the floor of
 * {@link FlagConfig}; a test whose effect misses the floor counts as no evidence (p = 1); a share-based sign of a
 * {@code small_cell} (fewer works than {@code indicators.min_cell_works}) is not tested at all (null), so small cells are never flagged on shares alone.
 *
 * <p><b>Inflated results</b> ({@code p_results}). Signs of one {@link SignGroup} look at the same data and may be
 * positively dependent, so each group's p is Simes' ({@code group_<name>_p}; Simes 1986, valid under positive
 * dependence, Sarkar 1998). The groups look at different aspects and are combined two ways: Fisher's method
 * ({@code p_fisher}: −2Σ ln p ~ χ²_{2G}; Fisher 1932), strongest when several groups carry a little evidence each, and
 * Simes' ({@code p_simes}), strongest when one group carries it all (weak pupils kept at home shows only in
 * participation); {@code p_combined = min(1, 2·min(p_fisher, p_simes))}, the Bonferroni price of using the better of
 * the two (Loughin 2004, "A systematic comparison of methods for combining p-values from independent tests", CSDA 47,
 * on why no single combiner wins everywhere). The two-signal rule is an intersection–union test (Berger 1982,
 * Technometrics 24): a cell is evidence of inflation only if the combined evidence <i>and</i> at least one independent
 * group (journal, distribution, tasks, participation; Simes over them, {@code p_independent}) reject, so
 * {@code p_results = max(p_combined, p_independent)}. High results alone, however extreme, leave
 * {@code p_independent} large: a strong school whose marks are confirmed by its own journal is not flagged.
 *
 * <p><b>Inflated journal marks</b> ({@code p_journal}) is the gated {@code lowered_p}: its own flag kind, reported
 * separately («завышение текущих отметок»).
 *
 * <p>The risk score ({@link #riskOf}) is computed by {@link CellFlags} once classes have been scanned.
 */
public final class CellScoring {

    private static final UserDefinedFunction SIMES = udf((UDF1<Seq<Double>, Double>) ps -> orNull(Tails.simes(values(ps))),
            DataTypes.DoubleType);
    private static final UserDefinedFunction FISHER = udf((UDF1<Seq<Double>, Double>) ps -> orNull(Tails.combinedFisher(values(ps))),
            DataTypes.DoubleType);

    private CellScoring() {
    }

    /** @param cells an {@code indicators/school}, {@code class} or {@code teacher} table (with {@code small_cell}) */
    public static Dataset<Row> score(Dataset<Row> cells, FlagConfig config) {
        Dataset<Row> out = cells;
        Column small = col("small_cell"); // set by the indicator stage from indicators.min_cell_works
        for (Sign s : Sign.values()) {
            Column p = col(s.pColumn());
            Column untestable = s.shareBased() ? p.isNull().or(small) : p.isNull();
            out = out.withColumn(s.gatedColumn(), when(untestable, lit(null).cast("double"))
                    .when(s.effectReached(config), p).otherwise(lit(1.0)));
        }
        List<Column> all = new ArrayList<>();
        List<Column> independent = new ArrayList<>();
        for (SignGroup g : SignGroup.values()) {
            Column[] members = Arrays.stream(Sign.values()).filter(s -> s.group() == g)
                    .map(s -> col(s.gatedColumn())).toArray(Column[]::new);
            String name = groupColumn(g);
            out = out.withColumn(name, SIMES.apply(array(members)));
            all.add(col(name));
            if (g.independent()) {
                independent.add(col(name));
            }
        }
        Column groups = array(all.toArray(new Column[0]));
        return out.withColumn("p_fisher", FISHER.apply(groups))
                .withColumn("p_simes", SIMES.apply(groups))
                .withColumn("p_combined", least(lit(1.0), least(col("p_fisher"), col("p_simes")).multiply(2)))
                .withColumn("p_independent", SIMES.apply(array(independent.toArray(new Column[0]))))
                .withColumn("p_results", greatest(col("p_combined"), col("p_independent")))
                .withColumn("p_journal", col(Sign.LOWERED.gatedColumn()));
    }

    public static String groupColumn(SignGroup g) {
        return "group_" + g.name().toLowerCase(java.util.Locale.ROOT) + "_p";
    }

    /** {@code risk = −log10 p} (higher = more suspicious), 0 for a missing p, at most 300 (p = 0 from underflow). */
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
