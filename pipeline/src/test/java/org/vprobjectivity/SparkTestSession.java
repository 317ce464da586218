package org.vprobjectivity;

import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.run.SparkSettings;

/**
 * The one SparkSession of a test JVM (starting Spark costs seconds): the commands' settings, local[2], two shuffle
 * partitions. Stopped by the JVM's shutdown.
 */
public final class SparkTestSession {

    private static SparkSession spark;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            // The commands' settings (SparkSettings), with two threads and two shuffle partitions: test data are small.
            spark = SparkSettings.embedded(SparkSettings.common(SparkSession.builder().appName("vpr-objectivity-tests")), 2)
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }
}
