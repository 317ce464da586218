package org.vprobjectivity.jobs;

import org.apache.spark.sql.SparkSession;

/** The one place a SparkSession is created: embedded {@code local[*]} unless spark-submit set a master. */
public final class SparkSessions {

    /** A command's body over its session. */
    @FunctionalInterface
    public interface Body {
        int run(SparkSession spark) throws Exception;
    }

    private SparkSessions() {
    }

    /** Runs a command's body in a session of its own, stopped after it whatever happens; its exit code. */
    public static int run(String appName, Body body) throws Exception {
        SparkSession spark = create(appName);
        try {
            return body.run(spark);
        } finally {
            spark.stop();
        }
    }

    public static SparkSession create(String appName) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.sql.debug.maxToStringFields", "200")
                // Object aggregations (collect_list/collect_set per cell, see indicators.Aggregates) switch to a
                // sort after 128 groups per task by default; our groups are cells and classes whose buffers are
                // a few dozen values, so keep them hashed (docs/performance.md).
                .config("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "1000000");
        if (System.getProperty("spark.master") == null) {
            b.master("local[*]")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, Runtime.getRuntime().availableProcessors() * 2)));
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
