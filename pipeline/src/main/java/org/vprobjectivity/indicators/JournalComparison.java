package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.vprobjectivity.stats.WeightedKappa;

import scala.collection.Seq;

import java.util.Arrays;
import java.util.List;
import scala.jdk.javaapi.CollectionConverters;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * VPR mark vs the school's own journal mark (внешняя vs внутренняя оценка), the comparison FIS OKO's
 * report «Сравнение отметок с отметками по журналу» shows as three shares, plus tests:
 * <ul>
 * <li>{@code lowered} = #(v &lt; j), {@code confirmed} = #(v = j), {@code raised} = #(v &gt; j) over works with a
 * journal mark; shares over the same works.</li>
 * <li>{@code raised_p}, {@code lowered_p}: one-sided clustered (beta-binomial) tests of the counts against
 * the reference ({@link ClusteredShareTest}; region or municipality, {@link ReferenceLevel}). Many raised = VPR above what the school itself sees
 * (inflated VPR); many lowered = inflated journal marks («завышение текущих отметок»).</li>
 * <li>{@code kappa_w}: quadratic weighted kappa between j and v on marks 2..5 (Cohen 1968).</li>
 * <li>{@code mean_diff}, {@code mean_diff_se}: mean of v − j and its standard error s/√n.</li>
 * <li>{@code works_without_journal}: works excluded because the journal mark is missing.</li>
 * <li>{@code shift_ref}, {@code shift_z}, {@code shift_up_p}, {@code shift_down_p}: the mean difference against the
 * reference's, random effects ({@link JournalShift}).</li>
 * <li>{@code score_resid}, {@code score_above_journal}, {@code resid_ref}, {@code resid_z}, {@code resid_up_p},
 * {@code resid_down_p}: the primary score against what the pupils' journal marks predict ({@link ScoreResidual}).</li>
 * </ul>
 */
public final class JournalComparison {

    private static Column[] concat(Column[] first, Column[] rest) {
        Column[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private static final UserDefinedFunction KAPPA = udf((UDF2<Seq<Integer>, Seq<Integer>, Double>) (j, v) -> {
        int[] a = CollectionConverters.asJava(j).stream().mapToInt(Integer::intValue).toArray();
        int[] b = CollectionConverters.asJava(v).stream().mapToInt(Integer::intValue).toArray();
        double k = WeightedKappa.quadratic(a, b, 2, 5);
        return Double.isNaN(k) ? null : k;
    }, DataTypes.DoubleType);

    private JournalComparison() {
    }

    /**
     * @param results the {@code results} table
     * @param cell    the level's keys (school, class or teacher keys from {@link Keys})
     */
    public static Dataset<Row> compute(Dataset<Row> results, String[] cell) {
        Column hasJournal = col("journal_mark").isNotNull();
        Column diff = col("mark").minus(col("journal_mark"));
        Dataset<Row> pupils = ScoreResidual.perPupil(ReferenceLevel.ensureTagged(results));
        Column[] counted = {
                Aggregates.anyValue("municipality_code").as("municipality_code"), Aggregates.anyValue("municipality").as("municipality"),
                ReferenceLevel.unitOfCell(),
                count(lit(1)).as("works"),
                sum(when(hasJournal, 1).otherwise(0)).as("n_journal"),
                sum(when(hasJournal.and(diff.lt(0)), 1).otherwise(0)).as("lowered"),
                sum(when(hasJournal.and(diff.equalTo(0)), 1).otherwise(0)).as("confirmed"),
                sum(when(hasJournal.and(diff.gt(0)), 1).otherwise(0)).as("raised"),
                avg(when(hasJournal, diff)).as("mean_diff"),
                stddev_samp(when(hasJournal, diff)).as("sd_diff"),
                collect_list(when(hasJournal, col("journal_mark"))).as("journal_marks"),
                collect_list(when(hasJournal, col("mark"))).as("vpr_marks")};
        Column[] all = concat(counted, ScoreResidual.aggregates());
        Dataset<Row> counts = pupils.groupBy(Keys.cols(cell)).agg(all[0], Arrays.copyOfRange(all, 1, all.length));
        Dataset<Row> shares = counts
                .withColumn("works_without_journal", col("works").minus(col("n_journal")))
                .withColumn("lowered_share", try_divide(col("lowered"), col("n_journal")))
                .withColumn("confirmed_share", try_divide(col("confirmed"), col("n_journal")))
                .withColumn("raised_share", try_divide(col("raised"), col("n_journal")))
                .withColumn("mean_diff_se", try_divide(col("sd_diff"), sqrt(col("n_journal"))))
                .withColumn("kappa_w", KAPPA.apply(col("journal_marks"), col("vpr_marks")))
                .withColumn("diff_variance", col("sd_diff").multiply(col("sd_diff")))
                .drop("journal_marks", "vpr_marks", "sd_diff");
        // The family's four reference tests in one pass over the cells (ReferenceTests says why).
        return ReferenceTests.apply(shares, ReferenceLevel.KEYS, List.of(
                        ClusteredShareTest.of("raised", "n_journal", "raised"),
                        ClusteredShareTest.of("lowered", "n_journal", "lowered"),
                        JournalShift.of("mean_diff", "diff_variance", "n_journal", "shift"),
                        ScoreResidual.TEST))
                .drop("diff_variance", ScoreResidual.RESIDUAL_VARIANCE);
    }
}
