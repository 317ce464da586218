package org.vprobjectivity.jobs;

import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.run.SparkSettings;

/**
 * The one place a command's SparkSession is created: embedded {@code local[*]} unless spark-submit set a master; the
 * settings are {@link SparkSettings}'.
 */
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
        SparkSession.Builder b = SparkSettings.common(SparkSession.builder().appName(appName));
        if (System.getProperty("spark.master") == null) {
            SparkSettings.embedded(b, 0);
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
