package org.vprobjectivity.run;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.io.ParquetTables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

/**
 * The sessions that over-time computations (cohorts, persistence, jumps) read beside this run's: those kept in the
 * output folder, then those of the {@code --history} folder (another, earlier output, read only). A session is taken
 * from the first place that holds it: this run, then the output, then the history, so a rerun replaces an old copy.
 */
final class EarlierSessions {

    private final SparkSession spark;
    private final List<String> folders;
    private final java.util.Map<String, String> from = new java.util.HashMap<>();
    private final java.util.Map<String, List<String>> foundByTable = new java.util.HashMap<>();

    EarlierSessions(SparkSession spark, String output, String history) {
        this.spark = spark;
        this.folders = new ArrayList<>();
        folders.add(output);
        if (history != null) {
            folders.add(history);
        }
    }

    /**
     * A table's rows of every earlier session, each prepared by {@code prepare} (select the columns the union needs);
     * null when no folder holds the table.
     *
     * @param current the sessions this run wrote (theirs are never read from the folders)
     */
    Dataset<Row> read(String table, List<String> current, UnaryOperator<Dataset<Row>> prepare) {
        Set<String> taken = new LinkedHashSet<>(current);
        Dataset<Row> all = null;
        for (String folder : folders) {
            String path = folder + "/" + table;
            if (!exists(path)) {
                continue;
            }
            Dataset<Row> rows = spark.read().parquet(path).filter(not(col("session").isin(taken.toArray())));
            // the sessions from the partition folders' names: a listing, not a query
            List<String> found = ParquetTables.sessions(spark, path).stream().filter(s -> !taken.contains(s)).toList();
            found.forEach(session -> from.putIfAbsent(session, folder));
            foundByTable.computeIfAbsent(table, t -> new ArrayList<>()).addAll(found);
            taken.addAll(found);
            Dataset<Row> prepared = prepare.apply(rows);
            all = all == null ? prepared : all.unionByName(prepared, true);
        }
        return all;
    }

    /**
     * {@code current} and the sessions {@link #read} found of {@code table} (none if it was not read or no folder held
     * it): the sessions of the union of this run's rows and the earlier ones its caller builds, known without a query.
     */
    List<String> withFoundIn(String table, List<String> current) {
        Set<String> all = new LinkedHashSet<>(current);
        all.addAll(foundByTable.getOrDefault(table, List.of()));
        return List.copyOf(all);
    }

    /** The earlier sessions found by {@link #read} so far. */
    java.util.Set<String> sessions() {
        return from.keySet();
    }

    /** The folder an earlier session was read from (after {@link #read}), or null. */
    String folderOf(String session) {
        return from.get(session);
    }

    private boolean exists(String path) {
        try {
            return ParquetTables.exists(spark, path);
        } catch (java.io.UncheckedIOException e) {
            return false; // an optional table that cannot be asked about is treated as absent
        }
    }
}
