package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;

/**
 * Rows grouped by their reference (or any keys) for a computation in plain Java over each group: one exchange, then
 * the group's rows in one task (docs/performance.md). Null keys are values, as in {@code groupBy}.
 */
final class ReferenceGroups {

    private ReferenceGroups() {
    }

    static KeyValueGroupedDataset<Row, Row> of(Dataset<Row> rows, String[] keys) {
        StructType in = rows.schema();
        int[] at = Arrays.stream(keys).mapToInt(in::fieldIndex).toArray();
        StructType keySchema = DataTypes.createStructType(Arrays.stream(at).mapToObj(i -> in.fields()[i]).toList());
        MapFunction<Row, Row> keyOf = row -> {
            Object[] k = new Object[at.length];
            for (int i = 0; i < at.length; i++) {
                k[i] = row.get(at[i]);
            }
            return RowFactory.create(k);
        };
        return rows.groupByKey(keyOf, Encoders.row(keySchema));
    }
}
