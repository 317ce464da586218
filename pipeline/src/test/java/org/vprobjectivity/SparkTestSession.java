package org.vprobjectivity;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM (starting Spark costs seconds): local[2], two shuffle
 * partitions, no UI, UTC. Stopped by the JVM's shutdown.
 */
public final class SparkTestSession {

    private static SparkSession spark;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("vpr-objectivity-tests")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }
}
