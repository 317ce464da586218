package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.assertj.core.api.Assertions.assertThat;

class AggregatesTest {

    private final SparkSession spark = SparkTestSession.get();

    private final StructType schema = new StructType()
            .add("school_id", DataTypes.StringType)
            .add("municipality", DataTypes.StringType);

    private final List<Row> rows = Arrays.asList(
            RowFactory.create("s1", null), RowFactory.create("s1", "Бийск"), RowFactory.create("s1", null),
            RowFactory.create("s2", "Барнаул"), RowFactory.create("s2", "Алейск"),
            RowFactory.create("s3", null));

    @Test
    void takesTheGroupsValueIgnoringNullsAndTheSmallestOfSeveral() {
        Dataset<Row> grouped = spark.createDataFrame(rows, schema).groupBy("school_id")
                .agg(Aggregates.anyValue("municipality").as("municipality"), count(col("school_id")).as("n"));
        Map<String, String> bySchool = new HashMap<>();
        grouped.collectAsList().forEach(r -> bySchool.put(r.getString(0), r.getString(1)));

        assertThat(bySchool).containsEntry("s1", "Бийск").containsEntry("s3", null);
        String smallest = "Алейск".compareTo("Барнаул") < 0 ? "Алейск" : "Барнаул";
        assertThat(bySchool).containsEntry("s2", smallest);
    }

    @Test
    void keepsTheAggregationHashBasedWhereFirstFallsBackToASort() {
        Dataset<Row> input = spark.createDataFrame(rows, schema);
        String withAnyValue = plan(input.groupBy("school_id").agg(Aggregates.anyValue("municipality")));
        String withFirst = plan(input.groupBy("school_id").agg(first("municipality", true)));

        assertThat(withFirst).contains("SortAggregate");
        assertThat(withAnyValue).doesNotContain("SortAggregate").contains("ObjectHashAggregate");
    }

    private static String plan(Dataset<Row> aggregated) {
        return aggregated.queryExecution().executedPlan().toString();
    }
}
