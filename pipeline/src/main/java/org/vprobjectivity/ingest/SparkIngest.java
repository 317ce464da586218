package org.vprobjectivity.ingest;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.vprobjectivity.model.MarkScales;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads all input units in parallel on the executors: each task opens its files, interprets them and
 * emits staging rows ({@link IngestRecordSchema}). The driver only ships the list of file names.
 */
public final class SparkIngest {

    private static final StructType UNIT_SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("zip_entry", DataTypes.StringType)
            .add("problem", DataTypes.StringType)
            .add("detail", DataTypes.StringType);

    private SparkIngest() {
    }

    public static Dataset<Row> read(SparkSession spark, List<InputUnit> units, HeaderMapping mapping,
                                    MarkScales scales, IngestOptions options) {
        List<Row> unitRows = new ArrayList<>();
        units.forEach(u -> unitRows.add(RowFactory.create(u.path(), u.zipEntry(),
                u.problem() == null ? null : u.problem().name(), u.detail())));
        int slices = Math.max(1, Math.min(units.size(), spark.sparkContext().defaultParallelism() * 4));
        // The driver's Hadoop settings (spark.hadoop.*: e.g. s3a credentials), which new Configuration() on an executor lacks.
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(spark.sparkContext());
        FlatMapFunction<Row, Row> readUnit = row -> {
            FileIngestor ingestor = new FileIngestor(mapping, scales, options, hadoop.value().value());
            FileIngestor.Result result = ingestor.ingest(new InputUnit(row.getString(0), row.getString(1),
                    row.isNullAt(2) ? null : FileProblem.valueOf(row.getString(2)), row.getString(3)));
            List<Row> out = new ArrayList<>(result.records().size() + result.reports().size());
            result.records().forEach(r -> out.add(IngestRecordSchema.toRow(r)));
            result.reports().forEach(t -> out.add(IngestRecordSchema.toRow(t)));
            return out.iterator();
        };
        return spark.createDataFrame(unitRows, UNIT_SCHEMA)
                .repartition(slices)
                .flatMap(readUnit, Encoders.row(IngestRecordSchema.SCHEMA));
    }
}
