package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.model.Session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * Persistence of signs over the sessions an output holds (issue 19, item 5): per school × subject × grade and per
 * school, in how many consecutive sessions up to this one it had signs. A property of the record, not a new p-value:
 * each session's signs are those that session's run decided (ours: {@code flags/cells.flagged}; official: a FIOKO
 * marker on the work, {@code indicators/official.markers > 0} on an official work, marker 3 included).
 *
 * <p>Consecutive means consecutive among the sessions present in the output (this run's and the earlier ones kept in
 * the folder), ordered in time: year, then spring before autumn. A session in which the cell or school has no row (it
 * did not write the work) breaks the run, as does a session without signs. Counted with the usual gaps-and-islands
 * step: over the sessions with signs, ordered, {@code index − row number} is constant along an unbroken run.
 * 0 = no signs in this session; 1 = signs in this session only; 3 = this one and the two before.
 */
public final class Persistence {

    /** Consecutive sessions up to this one with our flag. */
    public static final String SESSIONS_FLAGGED_IN_ROW = "sessions_flagged_in_row";
    /** Consecutive sessions up to this one with an official FIOKO marker. */
    public static final String OFFICIAL_SESSIONS_IN_ROW = "official_sessions_in_row";
    /** The column the history tables carry: whether the key had signs in the session. */
    public static final String SIGNED = "signed";

    public static final String[] CELL = {"region", "school_id", "subject", "grade"};
    public static final String[] SCHOOL = {"region", "school_id"};

    private static final String INDEX = "__session_index";

    private Persistence() {
    }

    /**
     * @param history  {@code session}, {@code keys} and {@link #SIGNED}, one row per key and session, for every session
     *                 present (earlier ones and this run's)
     * @param sessions the sessions {@code history} has rows of, each once: the caller knows them (this run's and the
     *                 earlier ones it read), so no query runs to find them; a session named here without rows would
     *                 break every run through it
     * @param keys     {@link #CELL} or {@link #SCHOOL}
     * @return {@code session}, {@code keys}, {@code column}: the run of consecutive sessions with signs ending in the
     *         row's session, for every key and session with signs
     */
    public static Dataset<Row> inRow(Dataset<Row> history, Collection<String> sessions, String[] keys, String column) {
        if (sessions.size() < 2) {
            // One session: every run is that session alone, 1 wherever there are signs; no windows, no shuffles.
            return history.filter(col(SIGNED)).select(Keys.cols(withSession(keys))).withColumn(column, lit(1));
        }
        Column index = sessionIndex(sessions);
        Dataset<Row> signed = history.filter(col(SIGNED)).withColumn(INDEX, index);
        Column island = col(INDEX).minus(row_number().over(Window.partitionBy(Keys.cols(keys)).orderBy(col(INDEX))));
        List<String> partition = new ArrayList<>(Arrays.asList(keys));
        partition.add("__island");
        return signed.withColumn("__island", island)
                .withColumn(column, row_number().over(Window.partitionBy(Keys.cols(partition.toArray(String[]::new)))
                        .orderBy(col(INDEX))))
                .select(Keys.cols(withSession(keys, column)));
    }

    /** Joins a run's counts onto {@code table} by session and keys; keys without signs in the session get 0. */
    public static Dataset<Row> attach(Dataset<Row> table, Dataset<Row> inRow, String[] keys, String column) {
        String[] on = withSession(keys);
        return Keys.join(table, inRow, on, "left").withColumn(column, coalesce(col(column), lit(0)));
    }

    /** Our runs and the official ones, for one level of keys ({@link #CELL} or {@link #SCHOOL}). */
    public record Runs(Dataset<Row> ours, Dataset<Row> official) {

        /** From the two histories of a level and their sessions (see {@link #inRow}). */
        public static Runs of(Dataset<Row> ourHistory, Collection<String> ourSessions, Dataset<Row> officialHistory,
                              Collection<String> officialSessions, String[] keys) {
            return new Runs(inRow(ourHistory, ourSessions, keys, SESSIONS_FLAGGED_IN_ROW),
                    inRow(officialHistory, officialSessions, keys, OFFICIAL_SESSIONS_IN_ROW));
        }

        /** Both counts on {@code table} (0 where no signs this session). */
        public Dataset<Row> attach(Dataset<Row> table, String[] keys) {
            return Persistence.attach(Persistence.attach(table, ours, keys, SESSIONS_FLAGGED_IN_ROW), official, keys,
                    OFFICIAL_SESSIONS_IN_ROW);
        }
    }

    /** A cell history from a cell table: {@code flagged} as the sign. */
    public static Dataset<Row> cells(Dataset<Row> cellFlags) {
        return cellFlags.select(Keys.cols(withSession(CELL, "flagged"))).withColumnRenamed("flagged", SIGNED)
                .withColumn(SIGNED, coalesce(col(SIGNED), lit(false)));
    }

    /** A cell history from {@code indicators/official}: a marker on an official work. */
    public static Dataset<Row> officialCells(Dataset<Row> official) {
        return official.groupBy(Keys.cols(withSession(CELL)))
                .agg(max(coalesce(col("markers").gt(0).and(col("official_work")), lit(false))).as(SIGNED));
    }

    /** A school history from a cell history: signs in any of its cells. */
    public static Dataset<Row> schools(Dataset<Row> cellHistory) {
        return cellHistory.groupBy(Keys.cols(withSession(SCHOOL))).agg(max(col(SIGNED)).as(SIGNED));
    }

    /**
     * The position of each session in time, as a column over {@code session}: year, then spring before autumn (a
     * session name that does not parse goes last, in name order). The sessions are the few an output holds.
     */
    public static Column sessionIndex(Collection<String> sessions) {
        List<String> ordered = inTimeOrder(sessions);
        Column index = lit(null).cast("int");
        for (int i = ordered.size() - 1; i >= 0; i--) {
            index = when(col("session").equalTo(ordered.get(i)), lit(i)).otherwise(index);
        }
        return index;
    }

    /**
     * The sessions in time order, the order of {@link #sessionIndex}: year, then spring before autumn; a session name
     * that does not parse goes last, in name order.
     */
    public static List<String> inTimeOrder(Collection<String> sessions) {
        List<String> ordered = new ArrayList<>(sessions);
        ordered.sort(Comparator.comparing((String s) -> Session.tryParse(s).map(Session::timeOrder).orElse(Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
        return ordered;
    }

    /** {@code session}, then the keys, then more columns. */
    static String[] withSession(String[] keys, String... more) {
        List<String> out = new ArrayList<>();
        out.add("session");
        out.addAll(Arrays.asList(keys));
        out.addAll(Arrays.asList(more));
        return out.toArray(String[]::new);
    }
}
