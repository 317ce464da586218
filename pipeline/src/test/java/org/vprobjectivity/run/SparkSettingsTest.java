package org.vprobjectivity.run;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import static org.assertj.core.api.Assertions.assertThat;

class SparkSettingsTest {

    @Test
    void partitionsGrowWithTheDataNeverBelowTheSessionsOwn() {
        assertThat(SparkSettings.shufflePartitionsFor(4_500, 4)).isEqualTo(4);
        assertThat(SparkSettings.shufflePartitionsFor(300_000, 4)).isEqualTo(6);
        assertThat(SparkSettings.shufflePartitionsFor(1_000_000, 4)).isEqualTo(20);
        assertThat(SparkSettings.shufflePartitionsFor(1_000_001, 4)).isEqualTo(21);
        assertThat(SparkSettings.shufflePartitionsFor(15_000_000, 200)).isEqualTo(300);
        assertThat(SparkSettings.shufflePartitionsFor(15_000_000_000L, 4)).isEqualTo(SparkSettings.MAX_PARTITIONS);
        assertThat(SparkSettings.shufflePartitionsFor(0, 4)).isEqualTo(4);
    }

    @Test
    void theTestSessionHasTheCommandsSettings() {
        SparkSession spark = SparkTestSession.get();
        assertThat(spark.conf().get("spark.sql.session.timeZone")).isEqualTo("UTC");
        assertThat(spark.conf().get("spark.sql.adaptive.enabled")).isEqualTo("true");
        assertThat(spark.conf().get("spark.sql.parquet.compression.codec")).isEqualTo("zstd");
        assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
    }

    @Test
    void smallDataLeaveTheSessionAsItIsAndAStageNamesItsJobs() {
        SparkSession spark = SparkTestSession.get();
        assertThat(SparkSettings.sizeFor(spark, 1_000)).isEqualTo(2);
        assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
        SparkSettings.stage(spark, "flags", "signs combined");
        assertThat(spark.sparkContext().getLocalProperty("spark.jobGroup.id")).isEqualTo("vpr-objectivity:flags");
        assertThat(spark.sparkContext().getLocalProperty("spark.job.description")).isEqualTo("signs combined");
        spark.sparkContext().clearJobGroup();
    }
}
