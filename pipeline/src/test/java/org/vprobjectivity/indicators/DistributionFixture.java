package org.vprobjectivity.indicators;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.ingest.HeaderMapping;
import org.vprobjectivity.ingest.IngestOptions;
import org.vprobjectivity.ingest.IngestTables;
import org.vprobjectivity.ingest.InputCatalog;
import org.vprobjectivity.ingest.SparkIngest;
import org.vprobjectivity.model.MarkScales;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * {@code results} rows with the scale columns already joined, for the distribution family's tests: one work (MA grade 4,
 * 2025-spring, region 22) on a scale of max 20 with cuts 6 / 10 / 15 (those of MA-4), plus the ingest of generated or
 * real files.
 */
final class DistributionFixture {

    static final int MAX = 20;
    static final int[] CUTS = {6, 10, 15};

    static final StructType SCHEMA = new StructType()
            .add("session", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("municipality_code", DataTypes.StringType)
            .add("school_id", DataTypes.StringType)
            .add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType)
            .add("class", DataTypes.StringType)
            .add("participant", DataTypes.StringType)
            .add("primary_score", DataTypes.IntegerType)
            .add("scale_key", DataTypes.StringType)
            .add("max_score", DataTypes.IntegerType)
            .add("cut3", DataTypes.IntegerType)
            .add("cut4", DataTypes.IntegerType)
            .add("cut5", DataTypes.IntegerType);

    private final List<Row> rows = new ArrayList<>();
    private int serial;

    /** Adds one work per score to (school, class) of MA grade 4. */
    DistributionFixture works(String school, String cls, int... scores) {
        return worksOf("MA", school, cls, scores);
    }

    DistributionFixture worksOf(String subject, String school, String cls, int... scores) {
        for (int s : scores) {
            rows.add(RowFactory.create("2025-spring", "22", "m1", school, subject, 4, cls, String.valueOf(++serial),
                    s, subject + "-4-2025", MAX, CUTS[0], CUTS[1], CUTS[2]));
        }
        return this;
    }

    /** Adds {@code counts[x]} works with score x to one school (a region-sized histogram). */
    DistributionFixture histogram(String school, long[] counts) {
        for (int x = 0; x < counts.length; x++) {
            for (long i = 0; i < counts[x]; i++) {
                works(school, "А", x);
            }
        }
        return this;
    }

    Dataset<Row> toDataset(SparkSession spark) {
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** {@code results} with the scale columns of the files under {@code input}, read by the real ingest. */
    static Dataset<Row> ingest(SparkSession spark, String input, IngestOptions options) {
        Dataset<Row> staged = SparkIngest.read(spark, InputCatalog.list(List.of(input), new Configuration()),
                HeaderMapping.bundled(), MarkScales.bundled(), options).cache();
        IngestTables tables = new IngestTables(staged.filter(col("record_type").notEqual("TABLE")));
        return ScaleColumns.join(tables.results(), spark, MarkScales.bundled()).cache();
    }
}
