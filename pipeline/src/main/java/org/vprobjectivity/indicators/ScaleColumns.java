package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.broadcast;

/** Joins each work's scale figures (maximum and mark cuts) by {@code scale_key}: a small broadcast table. */
public final class ScaleColumns {

    private ScaleColumns() {
    }

    public static Dataset<Row> table(SparkSession spark, MarkScales scales) {
        StructType schema = new StructType()
                .add("scale_key", DataTypes.StringType, false)
                .add("max_score", DataTypes.IntegerType, false)
                .add("cut3", DataTypes.IntegerType, false)
                .add("cut4", DataTypes.IntegerType, false)
                .add("cut5", DataTypes.IntegerType, false);
        List<Row> rows = new ArrayList<>();
        for (MarkScale s : scales.entries()) {
            rows.add(RowFactory.create(s.key(), s.maxScore(), s.cut3(), s.cut4(), s.cut5()));
        }
        return spark.createDataFrame(rows, schema);
    }

    public static Dataset<Row> join(Dataset<Row> results, SparkSession spark, MarkScales scales) {
        return results.join(broadcast(table(spark, scales)), OfficialMarkers.scala("scale_key"), "left");
    }
}
