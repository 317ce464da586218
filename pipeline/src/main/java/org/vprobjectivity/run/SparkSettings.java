package org.vprobjectivity.run;

import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.io.NioLocalFileSystem;

/**
 * The one place Spark's settings are decided, for the commands' sessions and the tests' alike: what every session
 * needs ({@link #common}), what an embedded {@code local} session needs ({@link #embedded}), the shuffle sized to the
 * data once it is known ({@link #sizeFor}), and a job group per stage so the Spark UI and event log read as the
 * pipeline ({@link #stage}).
 */
public final class SparkSettings {

    /** Works per shuffle partition when sized to the data: about 10–20 MB of rows, a few seconds of one core. */
    public static final long WORKS_PER_PARTITION = 50_000;
    /** At most this many shuffle partitions, however large the session (15 M works give 300). */
    public static final int MAX_PARTITIONS = 4_000;
    /** The setting a user may give to spark-submit; when given, it is left as the user set it. */
    static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private SparkSettings() {
    }

    /** Settings every session gets, embedded or on a cluster. */
    public static SparkSession.Builder common(SparkSession.Builder b) {
        return b.config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.sql.debug.maxToStringFields", "200")
                // Adaptive execution coalesces small shuffle partitions and picks join strategies from the sizes it
                // sees; on by default in Spark 4, said here so that no cluster default turns it off under us.
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                // Object aggregations (collect_list/collect_set per cell, see indicators.Aggregates) switch to a
                // sort after 128 groups per task by default; our groups are cells and classes whose buffers are
                // a few dozen values, so keep them hashed (docs/performance.md).
                .config("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "1000000")
                // Local files (file:) have their permissions set without starting a chmod process per file created
                // (NioLocalFileSystem says why: about 5 ms a file, 3,000 files at 300k works).
                .config("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
    }

    /**
     * An embedded session on this machine: {@code cores} local threads (0 = all), bound to the loopback, no UI, and
     * until the data are known ({@link #sizeFor}) two shuffle partitions per core.
     */
    public static SparkSession.Builder embedded(SparkSession.Builder b, int cores) {
        int threads = cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
        return b.master(cores > 0 ? "local[" + cores + "]" : "local[*]")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config(SHUFFLE_PARTITIONS, String.valueOf(Math.max(2, threads * 2)));
    }

    /**
     * Shuffle partitions for a session of {@code works} works: the session's own setting ({@code current}: two per
     * core embedded, the cluster's default otherwise), more when the data would make a partition larger than
     * {@link #WORKS_PER_PARTITION} works, at most {@link #MAX_PARTITIONS} (never fewer than {@code current}).
     */
    public static int shufflePartitionsFor(long works, int current) {
        long byData = (Math.max(0, works) + WORKS_PER_PARTITION - 1) / WORKS_PER_PARTITION;
        return (int) Math.max(current, Math.min(MAX_PARTITIONS, byData));
    }

    /**
     * Sizes the shuffle to the data once ingest has counted the works; a value the user gave to spark-submit
     * ({@code --conf spark.sql.shuffle.partitions=N}) is kept as given.
     *
     * @return the number of shuffle partitions in effect
     */
    public static int sizeFor(SparkSession spark, long works) {
        int current = Integer.parseInt(spark.conf().get(SHUFFLE_PARTITIONS));
        if (!spark.sparkContext().isLocal() && spark.sparkContext().getConf().contains(SHUFFLE_PARTITIONS)) {
            return current;
        }
        int partitions = shufflePartitionsFor(works, current);
        if (partitions != current) {
            spark.conf().set(SHUFFLE_PARTITIONS, String.valueOf(partitions));
        }
        return partitions;
    }

    /** Names the Spark jobs that follow after the pipeline's stage, for the UI and the event log. */
    public static void stage(SparkSession spark, String stage, String description) {
        spark.sparkContext().setJobGroup("vpr-objectivity:" + stage, description, false);
    }
}
