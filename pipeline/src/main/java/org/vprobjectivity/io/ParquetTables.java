package org.vprobjectivity.io;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Every table goes to Parquet partitioned by session, so a session can be replaced on its own. */
public final class ParquetTables {

    private ParquetTables() {
    }

    public static void write(Dataset<Row> table, String dir) {
        table.write().mode("overwrite").partitionBy("session").parquet(dir);
    }
}
