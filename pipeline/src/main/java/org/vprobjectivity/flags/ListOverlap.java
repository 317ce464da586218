package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * How the lists carry over from one session to the next (issue 19, item 5): for each pair of consecutive sessions the
 * output holds (the order of {@link Persistence}: year, then spring before autumn), per region, the schools on our list
 * ({@code flags/schools.flagged}) in both sessions, only in the earlier one, only in the later one; the same for the
 * official list (a FIOKO marker on any official work, {@code flags/schools.official_markers > 0}, marker 3 included);
 * and the schools on both lists in the later session. Plain counts of schools, no statistics: a list that keeps its
 * schools year after year points at lasting practice, one that changes wholesale at noise or at a change of method.
 *
 * <p>"Only in the earlier" counts a school on the earlier list that is not on the later one, whether or not it wrote
 * in the later session ({@link #SCHOOLS_IN_BOTH} says how many schools wrote in both). Each session's lists are read
 * as that session's run wrote them; nothing is recomputed.
 */
public final class ListOverlap {

    /** The earlier session of the pair ({@code session} is the later one). */
    public static final String PREVIOUS_SESSION = HistoryJump.PREVIOUS_SESSION;
    /** Schools with works ({@code flags/schools} rows) in the earlier session. */
    public static final String SCHOOLS_PREVIOUS = "schools_previous";
    /** Schools with works in the later session. */
    public static final String SCHOOLS_NOW = "schools_now";
    /** Schools with works in both sessions. */
    public static final String SCHOOLS_IN_BOTH = "schools_in_both";
    public static final String OURS_BOTH = "ours_both";
    public static final String OURS_PREVIOUS_ONLY = "ours_previous_only";
    public static final String OURS_NOW_ONLY = "ours_now_only";
    public static final String OFFICIAL_BOTH = "official_both";
    public static final String OFFICIAL_PREVIOUS_ONLY = "official_previous_only";
    public static final String OFFICIAL_NOW_ONLY = "official_now_only";
    /** Schools on both lists (ours and the official one) in the later session. */
    public static final String BOTH_LISTS_NOW = "both_lists_now";

    /** The count columns, in the table's order. */
    public static final List<String> COUNTS = List.of(SCHOOLS_PREVIOUS, SCHOOLS_NOW, SCHOOLS_IN_BOTH, OURS_BOTH,
            OURS_PREVIOUS_ONLY, OURS_NOW_ONLY, OFFICIAL_BOTH, OFFICIAL_PREVIOUS_ONLY, OFFICIAL_NOW_ONLY, BOTH_LISTS_NOW);

    private static final String INDEX = "__overlap_index";

    private ListOverlap() {
    }

    /**
     * @param schools {@code flags/schools} rows of every session at hand ({@code session, region, school_id, flagged,
     *                official_markers}), one per session × school
     * @param present the sessions {@code schools} has rows of, each once (known to the caller, so no query finds them)
     * @return {@code session, previous_session, region} and the {@link #COUNTS} (long), one row per region and session
     *         that has a previous session in {@code schools}; empty with a single session
     */
    public static Dataset<Row> compute(Dataset<Row> schools, Collection<String> present) {
        List<String> sessions = Persistence.inTimeOrder(present);
        Dataset<Row> lists = schools.select(col("session"), col("region"), col("school_id"),
                        coalesce(col("flagged"), lit(false)).as("ours"),
                        coalesce(col("official_markers").gt(0), lit(false)).as("official"))
                .withColumn(INDEX, Persistence.sessionIndex(sessions));
        // The earlier session's lists moved one step on, so they meet the later session's on the same index.
        // Own names on each side: the two sides come from one table, and Spark cannot tell a self-join's columns apart.
        Dataset<Row> previous = lists.select(col("region").as("p_region"), col("school_id").as("p_school"),
                col(INDEX).plus(1).as("p_index"), lit(true).as("p_present"), col("ours").as("p_ours"),
                col("official").as("p_official"));
        Dataset<Row> now = lists.select(col("region").as("n_region"), col("school_id").as("n_school"), col(INDEX).as("n_index"),
                lit(true).as("n_present"), col("ours").as("n_ours"), col("official").as("n_official"));
        Dataset<Row> pairs = now.join(previous, col("n_region").eqNullSafe(col("p_region"))
                        .and(col("n_school").equalTo(col("p_school"))).and(col("n_index").equalTo(col("p_index"))), "full_outer")
                .select(coalesce(col("n_region"), col("p_region")).as("region"), coalesce(col("n_index"), col("p_index")).as(INDEX),
                        flag("p_present"), flag("p_ours"), flag("p_official"), flag("n_present"), flag("n_ours"), flag("n_official"))
                // a pair needs both sessions in the output: none before the first, none after the last
                .filter(col(INDEX).between(1, sessions.size() - 1));
        Dataset<Row> counts = pairs.groupBy(col("region"), col(INDEX)).agg(
                count(col("p_present")).as(SCHOOLS_PREVIOUS),
                count(col("n_present")).as(SCHOOLS_NOW),
                count(col("p_present").and(col("n_present"))).as(SCHOOLS_IN_BOTH),
                count(col("p_ours").and(col("n_ours"))).as(OURS_BOTH),
                count(col("p_ours").and(not(col("n_ours")))).as(OURS_PREVIOUS_ONLY),
                count(col("n_ours").and(not(col("p_ours")))).as(OURS_NOW_ONLY),
                count(col("p_official").and(col("n_official"))).as(OFFICIAL_BOTH),
                count(col("p_official").and(not(col("n_official")))).as(OFFICIAL_PREVIOUS_ONLY),
                count(col("n_official").and(not(col("p_official")))).as(OFFICIAL_NOW_ONLY),
                count(col("n_ours").and(col("n_official"))).as(BOTH_LISTS_NOW));
        List<Column> out = new ArrayList<>(List.of(session(col(INDEX), sessions).as("session"),
                session(col(INDEX).minus(1), sessions).as(PREVIOUS_SESSION), col("region")));
        COUNTS.forEach(c -> out.add(col(c)));
        return counts.select(out.toArray(Column[]::new));
    }

    /**
     * Whether {@link #compute} has rows for any of {@code wanted}: one of them has a session before it among
     * {@code present} (every session present has schools, so each region of such a session gets a row). Decided
     * without a query, so an empty table is never written.
     */
    public static boolean hasPairs(Collection<String> present, Collection<String> wanted) {
        List<String> ordered = Persistence.inTimeOrder(present);
        return wanted.stream().anyMatch(s -> ordered.indexOf(s) >= 1);
    }

    private static Column flag(String name) {
        return coalesce(col(name), lit(false)).as(name);
    }

    /** Schools where {@code condition} holds, as a long. */
    private static Column count(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }

    /** The session at {@code index} of {@code sessions}. */
    private static Column session(Column index, List<String> sessions) {
        Column out = lit(null).cast("string");
        for (int i = sessions.size() - 1; i >= 0; i--) {
            out = when(index.equalTo(i), lit(sessions.get(i))).otherwise(out);
        }
        return out;
    }
}
