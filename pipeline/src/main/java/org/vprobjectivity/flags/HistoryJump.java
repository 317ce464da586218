package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.vprobjectivity.indicators.Keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

/**
 * A cell's jump against its own previous session (issue 19, item 5), a described indicator without a p-value: no null
 * check on generated multi-session data without manipulation has been run for it yet, so it is not a sign and takes no
 * part in flagging. Per school × subject × grade, against the session just before it among those the output holds (the
 * same order as {@link Persistence}), beyond the region's own change:
 * {@code mean_jump_pct = (S_t − S_prev) − (R_t − R_prev)}, S the cell's mean primary score in % of the maximum
 * ({@code mean_score_pct}), R the region's mean over its works of the same subject and grade (the cells' means weighted
 * by their works); {@code quality_jump} the same for the share of «4» and «5» ({@code quality_share}). Null where the
 * cell has no row in the previous session. Grade g of this year and of last year are different cohorts: this is the
 * school's own history in the work, not a cohort's (that is the official marker 3, {@code indicators/cohort}).
 */
public final class HistoryJump {

    public static final String PREVIOUS_SESSION = "previous_session";
    public static final String MEAN_JUMP_PCT = "mean_jump_pct";
    public static final String QUALITY_JUMP = "quality_jump";

    public static final String MEAN = "mean_score_pct";
    public static final String QUALITY = "quality_share";
    public static final String WORKS = "works";
    private static final String[] WORK = {"region", "subject", "grade"};
    private static final String INDEX = "__jump_index";

    private HistoryJump() {
    }

    /** The columns the history needs from a cell table; a table without them has no jump. */
    public static boolean available(Dataset<Row> cells) {
        List<String> have = Arrays.asList(cells.columns());
        return have.containsAll(List.of(MEAN, QUALITY, WORKS));
    }

    /** The history rows of a cell table (this run's or an earlier one's). */
    public static Dataset<Row> history(Dataset<Row> cells) {
        return cells.select(Keys.cols(Persistence.withSession(Persistence.CELL, WORKS, MEAN, QUALITY)));
    }

    /** Joins the three columns onto {@code table} (this run's cells) from the history of every session at hand. */
    public static Dataset<Row> attach(Dataset<Row> table, Dataset<Row> history) {
        Column index = Persistence.sessionIndex(history.select("session").distinct().as(Encoders.STRING()).collectAsList());
        Dataset<Row> h = history.withColumn(INDEX, index);
        Dataset<Row> region = h.filter(col(MEAN).isNotNull()).groupBy(Keys.cols(Persistence.withSession(WORK))).agg(
                sum(col(MEAN).multiply(col(WORKS))).divide(sum(col(WORKS))).as("__r_mean"),
                sum(col(QUALITY).multiply(col(WORKS))).divide(sum(col(WORKS))).as("__r_quality"));
        Dataset<Row> withRegion = Keys.join(h, region, Persistence.withSession(WORK), "left");
        Dataset<Row> previous = withRegion.select(col("session").as(PREVIOUS_SESSION), col("region"), col("school_id"),
                col("subject"), col("grade"), col(INDEX).plus(1).as(INDEX), col(MEAN).as("__p_mean"),
                col(QUALITY).as("__p_quality"), col("__r_mean").as("__pr_mean"), col("__r_quality").as("__pr_quality"));
        List<String> on = new ArrayList<>(Arrays.asList(Persistence.CELL));
        on.add(INDEX);
        Dataset<Row> jumps = Keys.join(withRegion, previous, on.toArray(String[]::new), "inner")
                .withColumn(MEAN_JUMP_PCT, col(MEAN).minus(col("__p_mean")).minus(col("__r_mean").minus(col("__pr_mean"))))
                .withColumn(QUALITY_JUMP, col(QUALITY).minus(col("__p_quality"))
                        .minus(col("__r_quality").minus(col("__pr_quality"))))
                .select(Keys.cols(Persistence.withSession(Persistence.CELL, PREVIOUS_SESSION, MEAN_JUMP_PCT, QUALITY_JUMP)));
        return Keys.join(table, jumps, Persistence.withSession(Persistence.CELL), "left");
    }
}
