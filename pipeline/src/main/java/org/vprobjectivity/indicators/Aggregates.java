package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;

/** Aggregate expressions shared by the families, chosen for how Spark executes them. */
public final class Aggregates {

    private Aggregates() {
    }

    /**
     * The smallest non-null value of a descriptive column of the group (a cell's municipality, school name):
     * the value when the group has one, as {@code first(column, true)} gives, but deterministic.
     *
     * <p>Why not {@code first} or {@code min}: their buffers hold a string, which Spark's hash aggregation
     * cannot update in place, so a whole aggregation containing one falls back to a sort-based aggregate (a
     * sort of every input row by the group keys; it was the largest single cost of the indicator stage).
     * {@code collect_set} is an object aggregate, which keeps the aggregation hash-based
     * (ObjectHashAggregate; see SparkSessions for its fallback threshold). The set holds one value per
     * group in practice.
     */
    public static Column anyValue(String column) {
        return smallest(column);
    }

    /** {@code min(column)} over non-null values, kept hash-based for string columns (see {@link #anyValue}). */
    public static Column smallest(String column) {
        return array_min(collect_set(col(column)));
    }

    /** {@code max(column)} over non-null values, kept hash-based for string columns (see {@link #anyValue}). */
    public static Column largest(String column) {
        return array_max(collect_set(col(column)));
    }
}
