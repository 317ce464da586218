package org.vprobjectivity.table;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An output's tables against their declarations ({@link OutputTables}): every declared table the output holds must read
 * back with exactly its declared columns and types, and every table under {@code indicators/} and {@code flags/} must
 * be declared. A table written without rows (no Parquet file, e.g. {@code rejects} of a clean region) has no schema to
 * compare and reads as its declaration ({@link #read}).
 */
public final class SchemaCheck {

    /** The folders whose every sub-folder is a table of {@code run}. */
    private static final List<String> TABLE_FOLDERS = List.of("indicators", "flags");

    private SchemaCheck() {
    }

    /**
     * @param outputDir a run's output folder
     * @return one line per difference (table and column named), empty when the output agrees with its declarations
     */
    public static List<String> differences(SparkSession spark, String outputDir) {
        List<String> out = new ArrayList<>();
        for (OutputTable t : OutputTables.ALL) {
            String dir = outputDir + "/" + t.path();
            if (hasData(spark, dir)) {
                out.addAll(t.differences(spark.read().parquet(dir).schema()));
            }
        }
        for (String folder : TABLE_FOLDERS) {
            for (String table : subFolders(spark, outputDir + "/" + folder)) {
                String path = folder + "/" + table;
                if (OutputTables.of(path).isEmpty()) {
                    out.add(path + ": a table without a declaration in OutputTables");
                }
            }
        }
        return out;
    }

    /**
     * The table at {@code outputDir}/{@code table.path()}: as written where it has rows, else an empty table of the
     * declared schema (Spark infers no schema from a folder without Parquet files).
     */
    public static Dataset<Row> read(SparkSession spark, String outputDir, OutputTable table) {
        String dir = outputDir + "/" + table.path();
        return hasData(spark, dir) ? spark.read().parquet(dir) : spark.createDataFrame(List.of(), table.schema());
    }

    /** Whether the folder holds a Parquet file anywhere below it. */
    private static boolean hasData(SparkSession spark, String dir) {
        Path p = new Path(dir);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                return false;
            }
            var files = fs.listFiles(p, true);
            while (files.hasNext()) {
                if (files.next().getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static List<String> subFolders(SparkSession spark, String dir) {
        Path p = new Path(dir);
        List<String> out = new ArrayList<>();
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(p)) {
                for (FileStatus s : fs.listStatus(p)) {
                    if (s.isDirectory() && !s.getPath().getName().startsWith(".") && !s.getPath().getName().startsWith("_")) {
                        out.add(s.getPath().getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
        }
        return out;
    }
}
