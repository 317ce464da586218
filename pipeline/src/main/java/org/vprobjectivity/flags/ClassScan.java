package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.vprobjectivity.table.Keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The reasons' aligned arrays: those a cell's own and its strongest class's are merged over, in the order a reason's
     * struct sorts by (its p first, then the run's sentence).
     */
    private static final List<String> REASON_ARRAYS = reasonArrays();

    static final List<String> COLUMNS = columns();

    private ClassScan() {
    }

    private static List<String> reasonArrays() {
        List<String> out = new java.util.ArrayList<>(List.of("reason_p", Bilingual.REASONS, "reason_signs"));
        Bilingual.LANGS.forEach(l -> out.add(Bilingual.column(Bilingual.REASONS, l)));
        return List.copyOf(out);
    }

    private static List<String> columns() {
        List<String> out = new java.util.ArrayList<>(List.of("p_results_cell", "p_results_classes", "p_journal_cell",
                "p_journal_classes", "classes_tested", "strongest_class"));
        REASON_ARRAYS.forEach(a -> out.add(fromClass(a)));
        return List.copyOf(out);
    }

    /** The strongest class's array, kept beside the cell's until they are merged. */
    private static String fromClass(String array) {
        return "__class_" + array;
    }

    static Dataset<Row> apply(Dataset<Row> scoredCells, Dataset<Row> classes, String[] keys, FlagConfig config, String lang) {
        Dataset<Row> scoredClasses = CellScoring.score(classes, config);
        Dataset<Row> reasoned = scoredClasses.map(new CellReasons(config, lang),
                Encoders.row(CellReasons.schema(scoredClasses.schema())));
        Dataset<Row> perCell = reasoned.groupBy(Keys.cols(keys)).agg(
                min("p_results").as("__cmin"), count("p_results").as("__ck"),
                min("p_journal").as("__jmin"), count("p_journal").as("__jk"),
                min_by(struct(java.util.stream.Stream.concat(java.util.stream.Stream.of("class"), REASON_ARRAYS.stream())
                                .map(a -> col(a)).toArray(Column[]::new)),
                        // Ties (classes at p = 1, or without a p-value) go to the first class by name: min_by alone
                        // keeps whichever tied row comes first after the shuffle, which varies from run to run.
                        struct(coalesce(col("p_results"), lit(2.0)), col("class"))).as("__best"));
        Column classesP = least(lit(1.0), col("__cmin").multiply(col("__ck")));
        Column journalP = least(lit(1.0), col("__jmin").multiply(col("__jk")));
        Map<String, Column> best = new LinkedHashMap<>();
        REASON_ARRAYS.forEach(a -> best.put(fromClass(a), col("__best." + a)));
        return Keys.join(scoredCells, perCell, keys, "left")
                .withColumn("p_results_cell", col("p_results"))
                .withColumn("p_results_classes", when(col("__ck").gt(0), classesP))
                .withColumn("p_journal_cell", col("p_journal"))
                .withColumn("p_journal_classes", when(col("__jk").gt(0), journalP))
                .withColumn("classes_tested", coalesce(col("__ck"), lit(0L)))
                .withColumn("p_results", twoLooks(col("p_results_cell"), col("p_results_classes"), col("__ck")))
                .withColumn("p_journal", twoLooks(col("p_journal_cell"), col("p_journal_classes"), col("__jk")))
                .withColumn("strongest_class", col("__best.class"))
                .withColumns(best)
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

    /**
     * The cell's reasons and its strongest class's, ordered by p-value (then by the run's sentence, as before the
     * other languages were kept), at most {@code max_reasons}; every aligned array ({@link #REASON_ARRAYS}) in that order.
     */
    static Dataset<Row> mergeReasons(Dataset<Row> cells, FlagConfig config) {
        Column own = transform(col(Bilingual.REASONS), (text, i) -> reason(i, a -> col(a)));
        Column fromClass = transform(coalesce(col(fromClass(Bilingual.REASONS)), org.apache.spark.sql.functions.array().cast("array<string>")),
                (text, i) -> reason(i, a -> col(fromClass(a))));
        Column merged = slice(array_sort(concat(own, fromClass)), 1, config.maxReasons);
        Map<String, Column> arrays = new LinkedHashMap<>();
        REASON_ARRAYS.forEach(a -> arrays.put(a, transform(col("__merged"), x -> x.getField(a))));
        return cells.withColumn("__merged", merged)
                .withColumns(arrays)
                .drop("__merged")
                .drop(REASON_ARRAYS.stream().map(ClassScan::fromClass).toArray(String[]::new));
    }

    /** Reason i of the aligned arrays as one struct, fields in {@link #REASON_ARRAYS}' order, so sorting orders by p. */
    private static Column reason(Column i, java.util.function.Function<String, Column> array) {
        return struct(REASON_ARRAYS.stream().map(a -> array.apply(a).getItem(i).as(a)).toArray(Column[]::new));
    }
}
