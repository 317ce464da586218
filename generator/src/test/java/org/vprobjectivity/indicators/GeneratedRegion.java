package org.vprobjectivity.indicators;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.ingest.HeaderMapping;
import org.vprobjectivity.ingest.IngestOptions;
import org.vprobjectivity.ingest.IngestTables;
import org.vprobjectivity.ingest.InputCatalog;
import org.vprobjectivity.ingest.SparkIngest;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.GroundTruth;
import org.vprobjectivity.synthetic.SyntheticRegion;

import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/** A generated region ingested through the real ingest: the tables indicator tests run on, with the truth. */
final class GeneratedRegion {

    final IngestTables tables;
    final Dataset<Row> results;
    final GroundTruth truth;

    GeneratedRegion(SparkSession spark, Path dir, GeneratorConfig cfg) throws Exception {
        SyntheticRegion.write(dir, cfg);
        truth = GroundTruth.read(dir);
        Dataset<Row> staged = SparkIngest.read(spark, InputCatalog.list(List.of(dir.toString()), new Configuration()),
                HeaderMapping.bundled(), MarkScales.bundled(), IngestOptions.NONE).cache();
        tables = new IngestTables(staged.filter(col("record_type").notEqual("TABLE")));
        results = ScaleColumns.join(tables.results(), spark, MarkScales.bundled()).cache();
    }
}
