package org.vprobjectivity.table;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;

import static org.apache.spark.sql.functions.col;

/**
 * The grouping keys of the indicator tables. A cell is (session, school, subject, grade); classes and
 * teachers refine or regroup it; the reference is the region (or municipality) of the same work.
 */
public final class Keys {

    public static final String[] WORK = {"session", "region", "subject", "grade"};
    public static final String[] MUNICIPALITY = {"session", "region", "municipality_code", "subject", "grade"};
    // A school login determines its municipality: the municipality is an attribute of the cell, not a key
    // (some exports give only its name, some only its code).
    public static final String[] SCHOOL = {"session", "region", "school_id", "subject", "grade"};
    public static final String[] CLASS = {"session", "region", "school_id", "subject", "grade", "class"};
    public static final String[] TEACHER = {"session", "region", "teacher_id", "subject", "grade"};

    private Keys() {
    }

    public static Column[] cols(String... names) {
        return Arrays.stream(names).map(n -> col(n)).toArray(Column[]::new);
    }

    /**
     * Left join on {@code keys} treating null = null as a match (a class can be unknown, a region
     * missing), keeping the left side's key columns once.
     */
    public static Dataset<Row> join(Dataset<Row> left, Dataset<Row> right, String[] keys, String type) {
        // Renamed and dropped in one call each: every Dataset call analyses the whole plan again, and the cell plans
        // are wide (issue 18).
        java.util.Map<String, String> renamed = new java.util.LinkedHashMap<>();
        for (String k : keys) {
            renamed.put(k, "__right_" + k);
        }
        Dataset<Row> r = right.withColumnsRenamed(renamed);
        Column on = null;
        for (String k : keys) {
            Column eq = left.col(k).eqNullSafe(r.col("__right_" + k));
            on = on == null ? eq : on.and(eq);
        }
        return left.join(r, on, type).drop(renamed.values().toArray(String[]::new));
    }
}
