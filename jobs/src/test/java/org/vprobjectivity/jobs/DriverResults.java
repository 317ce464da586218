package org.vprobjectivity.jobs;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What a run brings back to the driver (issue 18: no participant rows on the driver), read from Spark's own
 * {@link QueryExecutionListener}: every finished action with the columns of its result. Writes (Parquet, CSV) run on
 * the executors and return nothing, so they are left out.
 */
final class DriverResults implements QueryExecutionListener {

    /** Columns that only a participant-level row has: its code, its task scores, its raw line. */
    static final Set<String> PARTICIPANT_COLUMNS = Set.of("participant", "scores", "raw_row");

    /** One action whose result came back to the driver. */
    record Action(String function, List<String> columns) {
        boolean carriesParticipants() {
            return columns.stream().anyMatch(PARTICIPANT_COLUMNS::contains);
        }
    }

    private final List<Action> actions = Collections.synchronizedList(new ArrayList<>());

    /** Starts listening on the session's queries. */
    static DriverResults listen(SparkSession spark) {
        DriverResults listener = new DriverResults();
        spark.listenerManager().register(listener);
        return listener;
    }

    /** Stops listening, once every event posted so far has been delivered; returns the actions seen. */
    List<Action> stop(SparkSession spark) {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain", e);
        } finally {
            spark.listenerManager().unregister(this);
        }
        return List.copyOf(actions);
    }

    @Override
    public void onSuccess(String function, QueryExecution qe, long durationNs) {
        if (!returnsNothing(function)) {
            actions.add(new Action(function, Arrays.asList(qe.analyzed().schema().fieldNames())));
        }
    }

    @Override
    public void onFailure(String function, QueryExecution qe, Exception exception) {
    }

    /** The actions that write on the executors ("save", "insertInto", commands) bring no rows back. */
    private static boolean returnsNothing(String function) {
        return function.startsWith("save") || function.startsWith("insert") || function.equals("command");
    }
}
