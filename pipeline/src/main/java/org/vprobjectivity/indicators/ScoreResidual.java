package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;

/**
 * The primary score against what the pupil's own journal mark predicts (docs/design.md §1, the mark comparison made
 * on the score scale). Per reference ({@link ReferenceLevel#KEYS}) and journal mark j the participants' primary
 * scores have mean μ_j and standard deviation σ_j; a pupil's standardised residual is {@code r = (s − μ_j)/σ_j} and
 * {@code s − μ_j} its residual in points. This is indirect standardisation (the expected score of the cell given the
 * journal marks of its own pupils), so a strong school whose marks its journal confirms has residuals near zero
 * however high its scores, while points added to works (blanket inflation) move every residual up and journal
 * marks raised without the knowledge behind them move them down. It uses the whole score where the mark comparison
 * ({@link JournalComparison}) sees only marks that cross a cut, so it is the stronger test of the two.
 *
 * <p>Per cell: {@code score_resid} = mean r, {@code score_above_journal} = mean (s − μ_j) in points, {@code n_resid};
 * {@code resid_ref}, {@code resid_z}, {@code resid_up_p} (scores above what the journal predicts: inflated VPR) and
 * {@code resid_down_p} (below: inflated journal marks) from the random-effects test of {@link JournalShift}, which
 * allows for the honest spread between schools (DerSimonian &amp; Laird 1986).
 */
public final class ScoreResidual {

    static final String RESIDUAL = "__score_resid";
    static final String POINTS = "__score_above_journal";
    /** The within-cell variance of the residuals, which only the test reads. */
    static final String RESIDUAL_VARIANCE = "__resid_variance";

    private ScoreResidual() {
    }

    /** Results rows (tagged with their reference) with the per-pupil residuals added; null without a journal mark. */
    static Dataset<Row> perPupil(Dataset<Row> taggedResults) {
        String[] byMark = Arrays.copyOf(ReferenceLevel.KEYS, ReferenceLevel.KEYS.length + 1);
        byMark[ReferenceLevel.KEYS.length] = "journal_mark";
        Dataset<Row> expected = taggedResults
                .filter(col("journal_mark").isNotNull().and(col("primary_score").isNotNull()))
                .groupBy(Keys.cols(byMark))
                .agg(avg("primary_score").as("__mu"), stddev_samp("primary_score").as("__sigma"));
        Column usable = col("__sigma").gt(0);
        return Keys.join(taggedResults, expected, byMark, "left")
                .withColumn(RESIDUAL, when(usable, col("primary_score").minus(col("__mu")).divide(col("__sigma"))))
                .withColumn(POINTS, when(usable, col("primary_score").minus(col("__mu"))))
                .drop("__mu", "__sigma");
    }

    /** The cell aggregates over {@link #perPupil} rows. */
    static Column[] aggregates() {
        return new Column[]{avg(RESIDUAL).as("score_resid"), var_samp(RESIDUAL).as(RESIDUAL_VARIANCE),
                count(col(RESIDUAL)).as("n_resid"), avg(POINTS).as("score_above_journal")};
    }

    /** The random-effects test of cells carrying {@link #aggregates}; {@link #RESIDUAL_VARIANCE} is dropped after it. */
    static final ReferenceTests.Test TEST = JournalShift.of("score_resid", RESIDUAL_VARIANCE, "n_resid", "resid");
}
