package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.sum;

/**
 * Participation (docs/design.md §4): the share of listed pupils marked absent («отсутствовал»), tested
 * one-sided against the reference with the clustered beta-binomial tail ({@link ClusteredShareTest}).
 * Many absent in a cell with high results is the "weak pupils kept at home" pattern.
 */
public final class ParticipationIndicator {

    private ParticipationIndicator() {
    }

    /** @param participation the {@code participation} table (listed, absent, works per class) */
    public static Dataset<Row> compute(Dataset<Row> participation, String[] cell) {
        Dataset<Row> counts = ReferenceLevel.ensureTagged(participation).groupBy(Keys.cols(cell))
                .agg(ReferenceLevel.unitOfCell(), sum("listed").as("listed"), sum("absent").as("absent"))
                .withColumn("absent_share", try_divide(col("absent"), col("listed")));
        return ClusteredShareTest.upperTail(counts, ReferenceLevel.KEYS, "absent", "listed", "absent");
    }
}
