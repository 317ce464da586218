package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

/**
 * Benjamini–Hochberg adjusted p-values over all rows of a table (Benjamini &amp; Hochberg 1995, JRSS B 57; adjusted
 * form as R's {@code p.adjust(method = "BH")}): with the m non-null p-values ranked ascending,
 * {@code q_(i) = min_{j ≥ i} min(1, m·p_(j)/j)}; flagging {@code q ≤ α} is the BH procedure at FDR α. The family is
 * the whole run (every cell tested), so the ranking is one window over the table: cells are few (one per school ×
 * work), never participant rows. Rows with a null p get a null q. Same result as {@code stats.BenjaminiHochberg}.
 */
public final class FalseDiscovery {

    private FalseDiscovery() {
    }

    public static Dataset<Row> qValues(Dataset<Row> table, String pColumn, String qColumn) {
        Dataset<Row> tested = table.filter(col(pColumn).isNotNull());
        WindowSpec all = Window.partitionBy(lit(1));
        WindowSpec ranked = Window.partitionBy(lit(1)).orderBy(col(pColumn));
        // min over j ≥ i as a running minimum from the largest rank down: Spark recomputes a frame that ends at
        // "unbounded following" for every row (quadratic: 316 s of a 1M-work run's flags), but grows a frame that
        // starts at "unbounded preceding" row by row. The ranks are unique, so the order is total.
        WindowSpec fromHere = Window.partitionBy(lit(1)).orderBy(col("__rank").desc())
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column raw = col(pColumn).multiply(col("__m")).divide(col("__rank"));
        Dataset<Row> adjusted = tested
                .withColumn("__m", count(lit(1)).over(all))
                .withColumn("__rank", row_number().over(ranked))
                .withColumn(qColumn, least(lit(1.0), min(raw).over(fromHere)))
                .drop("__m", "__rank");
        return adjusted.unionByName(table.filter(col(pColumn).isNull()).withColumn(qColumn, lit(null).cast("double")));
    }
}
