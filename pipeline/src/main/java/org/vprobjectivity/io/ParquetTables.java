package org.vprobjectivity.io;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Every table goes to Parquet partitioned by session, so a session can be replaced on its own. */
public final class ParquetTables {

    private ParquetTables() {
    }

    public static void write(Dataset<Row> table, String dir) {
        table.write().mode("overwrite").partitionBy("session").parquet(dir);
    }

    /**
     * Whether a table folder exists (optional tables: teachers only with a mapping, weak spots only with indicators).
     *
     * @throws java.io.UncheckedIOException when its file system cannot be asked
     */
    public static boolean exists(SparkSession spark, String dir) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        try {
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a working table folder (and everything under it) that the output must not keep; a missing one is fine.
     *
     * @throws java.io.UncheckedIOException when its file system refuses
     */
    public static void delete(SparkSession spark, String dir) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        try {
            p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}
