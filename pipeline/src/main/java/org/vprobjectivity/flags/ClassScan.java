package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.vprobjectivity.indicators.Keys;

import java.util.List;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

/**
 * Manipulation is often one class's (a teacher checks leniently, a class gets the answers): in a school of four
 * classes it is a quarter of the cell and fades in the cell's shares. The scan scores every class of the cell as a
 * cell of its own ({@link CellScoring}) and takes the strongest, Bonferroni-adjusted for the number of classes tested:
 * {@code p_classes = min(1, k·min_c p_c)}; the cell's p becomes {@code min(1, 2·min(p_cell, p_classes))} (Bonferroni
 * over the two looks; a cell of one class keeps its own p), so it stays a valid p-value for the cell and the false discovery rate is still controlled over
 * cells. The same for the journal kind. The strongest class's reasons join the cell's, with the class named.
 */
final class ClassScan {

    static final List<String> COLUMNS = List.of("p_results_cell", "p_results_classes", "p_journal_cell",
            "p_journal_classes", "classes_tested", "strongest_class", "__class_reasons", "__class_reason_signs",
            "__class_reason_p");

    private ClassScan() {
    }

    static Dataset<Row> apply(Dataset<Row> scoredCells, Dataset<Row> classes, String[] keys, FlagConfig config, String lang) {
        Dataset<Row> scoredClasses = CellScoring.score(classes, config);
        Dataset<Row> reasoned = scoredClasses.map(new CellReasons(config, lang),
                Encoders.row(CellReasons.schema(scoredClasses.schema())));
        Dataset<Row> perCell = reasoned.groupBy(Keys.cols(keys)).agg(
                min("p_results").as("__cmin"), count("p_results").as("__ck"),
                min("p_journal").as("__jmin"), count("p_journal").as("__jk"),
                min_by(struct(col("class"), col("reasons"), col("reason_signs"), col("reason_p")),
                        coalesce(col("p_results"), lit(2.0))).as("__best"));
        Column classesP = least(lit(1.0), col("__cmin").multiply(col("__ck")));
        Column journalP = least(lit(1.0), col("__jmin").multiply(col("__jk")));
        return Keys.join(scoredCells, perCell, keys, "left")
                .withColumn("p_results_cell", col("p_results"))
                .withColumn("p_results_classes", when(col("__ck").gt(0), classesP))
                .withColumn("p_journal_cell", col("p_journal"))
                .withColumn("p_journal_classes", when(col("__jk").gt(0), journalP))
                .withColumn("classes_tested", coalesce(col("__ck"), lit(0L)))
                .withColumn("p_results", twoLooks(col("p_results_cell"), col("p_results_classes"), col("__ck")))
                .withColumn("p_journal", twoLooks(col("p_journal_cell"), col("p_journal_classes"), col("__jk")))
                .withColumn("strongest_class", col("__best.class"))
                .withColumn("__class_reasons", col("__best.reasons"))
                .withColumn("__class_reason_signs", col("__best.reason_signs"))
                .withColumn("__class_reason_p", col("__best.reason_p"))
                .drop("__cmin", "__ck", "__jmin", "__jk", "__best");
    }

    /**
     * {@code min(1, 2·min(a, b))}, or whichever of the two exists; a cell of one class is that class, so its one look
     * is the cell's (a second look at the same works would cost a factor 2 for nothing).
     */
    private static Column twoLooks(Column cell, Column classes, Column tested) {
        return when(cell.isNull(), classes).when(classes.isNull().or(coalesce(tested, lit(0L)).leq(1)), cell)
                .otherwise(least(lit(1.0), least(cell, classes).multiply(2)));
    }

    /** The cell's reasons and its strongest class's, ordered by p-value, at most {@code max_reasons}. */
    static Dataset<Row> mergeReasons(Dataset<Row> cells, FlagConfig config) {
        Column empty = org.apache.spark.sql.functions.array().cast("array<string>");
        Column own = transform(col("reasons"), (text, i) -> struct(col("reason_p").getItem(i).as("p"), text.as("text"),
                col("reason_signs").getItem(i).as("sign")));
        Column fromClass = transform(coalesce(col("__class_reasons"), empty), (text, i) -> struct(
                col("__class_reason_p").getItem(i).as("p"), text.as("text"), col("__class_reason_signs").getItem(i).as("sign")));
        Column merged = slice(array_sort(concat(own, fromClass)), 1, config.maxReasons);
        return cells.withColumn("__merged", merged)
                .withColumn("reasons", transform(col("__merged"), x -> x.getField("text")))
                .withColumn("reason_signs", transform(col("__merged"), x -> x.getField("sign")))
                .withColumn("reason_p", transform(col("__merged"), x -> x.getField("p")))
                .drop("__merged", "__class_reasons", "__class_reason_signs", "__class_reason_p");
    }
}
