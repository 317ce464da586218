package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** Tiny {@code results} tables for indicator tests: one row per work with the columns indicators read. */
final class ResultsFixture {

    static final StructType SCHEMA = new StructType()
            .add("session", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("municipality_code", DataTypes.StringType)
            .add("municipality", DataTypes.StringType)
            .add("school_name", DataTypes.StringType)
            .add("school_id", DataTypes.StringType)
            .add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType)
            .add("class", DataTypes.StringType)
            .add("participant", DataTypes.StringType)
            .add("primary_score", DataTypes.IntegerType)
            .add("mark", DataTypes.IntegerType)
            .add("journal_mark", DataTypes.IntegerType);

    private final List<Row> rows = new ArrayList<>();
    private int serial;

    /** Adds a work of MA grade 4 in 2025-spring, region 22. */
    ResultsFixture work(String school, String cls, int score, int mark, Integer journal) {
        rows.add(RowFactory.create("2025-spring", "22", "m1", "Район", "Школа " + school, school, "MA", 4, cls, String.valueOf(++serial), score, mark, journal));
        return this;
    }

    Dataset<Row> toDataset(SparkSession spark) {
        return spark.createDataFrame(rows, SCHEMA);
    }
}
