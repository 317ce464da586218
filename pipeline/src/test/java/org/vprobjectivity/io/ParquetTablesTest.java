package org.vprobjectivity.io;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;

import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** The sessions of a table read from its partition folders agree with the sessions its rows hold. */
class ParquetTablesTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void sessionsFromThePartitionFoldersEqualTheRowsSessionsEscapedNamesIncluded(@TempDir Path dir) {
        StructType schema = new StructType().add("session", DataTypes.StringType).add("n", DataTypes.IntegerType);
        // Spark escapes '/', ':', '%' and '=' in a partition folder's name; the listing must give the values back.
        List<Row> rows = List.of(RowFactory.create("2025-spring", 1), RowFactory.create("2025-spring", 2),
                RowFactory.create("2024-autumn", 3), RowFactory.create("2026/spring: 50% = half", 4));
        String table = dir.resolve("results").toString();
        ParquetTables.write(spark.createDataFrame(rows, schema), table);

        List<String> listed = ParquetTables.sessions(spark, table);
        List<String> queried = spark.read().parquet(table).select("session").distinct().orderBy(col("session"))
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(listed).containsExactly("2024-autumn", "2025-spring", "2026/spring: 50% = half");
        assertThat(listed).containsExactlyElementsOf(queried);
        assertThat(ParquetTables.sessions(spark, dir.resolve("absent").toString())).isEmpty();
    }
}
