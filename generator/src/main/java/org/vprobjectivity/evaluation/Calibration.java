package org.vprobjectivity.evaluation;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The null check of every p-value column on the clean units of a generated region: a valid, well-powered p-value puts
 * about 5% of units without manipulation below 0.05, and the project asks for 2–8% at cell and class level (README,
 * "How we judge the statistics"). Clean units are the cells the ground truth does not name, and the classes of those
 * cells (a manipulated cell's other classes are left out: the cell's signs are pooled over them). A column is a p-value
 * column when it is a double named {@code *_p} or {@code p_*}; adjusted p-values ({@code p_results_kind},
 * {@code p_journal_kind}: Bonferroni over the two kinds) are conservative by design and sit below the band on clean
 * data, as do discrete mid-p tests whose statistic is 0 in most units (identical vectors). One aggregate per table;
 * no participant rows.
 */
public final class Calibration {

    /** The band the project asks for: share of clean units below 0.05. */
    public static final double LOW = 0.02;
    public static final double HIGH = 0.08;

    /** One p-value column of one table: units tested (non-null p) and the shares below 0.05 and 0.01. */
    public record Line(String table, String column, long tested, double below05, double below01) {
        public boolean withinBand() {
            return below05 >= LOW && below05 <= HIGH;
        }
    }

    private Calibration() {
    }

    /** The double columns named {@code *_p} or {@code p_*}, in the table's order. */
    public static List<String> pColumns(StructType schema) {
        List<String> out = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (f.dataType() instanceof DoubleType && (f.name().endsWith("_p") || f.name().startsWith("p_"))) {
                out.add(f.name());
            }
        }
        return out;
    }

    /**
     * @param table            the name printed in the table ("indicators/school" …)
     * @param units            cell or class rows with {@code school_id, subject, grade}
     * @param manipulatedCells the ground truth's cells as {@code school|subject|grade}
     * @return a line per p-value column with at least one tested clean unit
     */
    public static List<Line> of(String table, Dataset<Row> units, Set<String> manipulatedCells) {
        Column cell = concat_ws("|", col("school_id"), col("subject"), col("grade").cast("string"));
        Dataset<Row> clean = manipulatedCells.isEmpty() ? units : units.filter(not(cell.isin(manipulatedCells.toArray())));
        List<String> columns = pColumns(units.schema());
        List<Line> out = new ArrayList<>();
        if (columns.isEmpty()) {
            return out;
        }
        List<Column> aggs = new ArrayList<>();
        for (String c : columns) {
            aggs.add(count(col(c)));
            aggs.add(sum(when(col(c).lt(0.05), 1L).otherwise(0L)));
            aggs.add(sum(when(col(c).lt(0.01), 1L).otherwise(0L)));
        }
        Row r = clean.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
        for (int i = 0; i < columns.size(); i++) {
            long tested = r.getLong(3 * i);
            if (tested > 0) {
                out.add(new Line(table, columns.get(i), tested, (double) r.getLong(3 * i + 1) / tested,
                        (double) r.getLong(3 * i + 2) / tested));
            }
        }
        return out;
    }

    /** The lines as Markdown; a share outside the band is marked. */
    public static String markdown(List<Line> lines) {
        StringBuilder out = new StringBuilder("| table | p-value column | clean units tested | below 0.05 | below 0.01 | 2–8% |\n"
                + "|---|---|---|---|---|---|\n");
        for (Line l : lines) {
            out.append(String.format(java.util.Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %s |%n", l.table(), l.column(),
                    l.tested(), l.below05(), l.below01(), l.withinBand() ? "yes" : "**no**"));
        }
        return out.toString();
    }
}
