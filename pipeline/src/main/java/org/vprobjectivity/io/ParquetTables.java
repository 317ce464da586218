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

    /** The prefix of a table's partition folders: {@code session=<value>}. */
    public static final String SESSION_FOLDER = "session=";

    /**
     * The sessions a table folder holds, read from its partition folders' names (unescaped as Spark escapes them), so
     * no query runs to find them: a partitioned write makes a folder only for a session with rows. Empty for a folder
     * that does not exist.
     *
     * @throws java.io.UncheckedIOException when its file system cannot be asked
     */
    public static java.util.List<String> sessions(SparkSession spark, String dir) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        java.util.List<String> out = new java.util.ArrayList<>();
        try {
            org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                return out;
            }
            for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(p)) {
                String name = f.getPath().getName();
                if (f.isDirectory() && name.startsWith(SESSION_FOLDER)) {
                    out.add(sessionOf(name));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
        java.util.Collections.sort(out);
        return out;
    }

    /** The session a partition folder ({@code session=…}) holds, as Spark wrote its name. */
    public static String sessionOf(String partitionFolder) {
        return org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.unescapePathName(
                partitionFolder.substring(SESSION_FOLDER.length()));
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
