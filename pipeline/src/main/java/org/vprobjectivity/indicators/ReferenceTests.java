package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Cell tests whose null is fitted over all cells of one reference (a beta-binomial share, a random-effects mean) and
 * then applied to each of those cells, run in one pass: the cells are grouped by their reference once, every test fits
 * and scores the group in plain Java, and the cells come back with the tests' columns.
 *
 * <p>Why one pass: a test that fits per reference on Spark and joins its fit back onto the cells puts the cells' plan
 * on both sides of the join. Chained, as the journal family chains four tests, every link doubles the plan below it:
 * the cell aggregation ran 16 times per level, in a query of about a hundred exchanges (issue 18). Grouped once, the
 * aggregation runs once and one exchange follows it. A reference's cells (a few thousand classes at most, one row of
 * aggregates each) fit in a task's memory.
 */
public final class ReferenceTests {

    /** One test over a reference's cells: the columns it reads, the double columns it adds, and its fit and scores. */
    public interface Test extends Serializable {

        /** The cell columns the test reads, in the order {@link #score} receives them. */
        String[] reads();

        /** The columns the test adds (doubles, null where undefined), in the order {@link #score} returns them. */
        String[] adds();

        /**
         * Fits the test over one reference's cells and scores each of them.
         *
         * @param cells cells[i][j]: cell i's value of {@code reads()[j]}, null where the cell has none
         * @return out[i][j]: cell i's value of {@code adds()[j]}, null where undefined
         */
        Double[][] score(Number[][] cells);
    }

    private ReferenceTests() {
    }

    /**
     * The cells with every test's columns appended after their own, in the order of {@code tests}.
     *
     * @param cells     one row per cell, carrying the reference keys and every column the tests read
     * @param reference the keys a test's fit is made over (e.g. {@link ReferenceLevel#KEYS}); a null key is a value
     */
    public static Dataset<Row> apply(Dataset<Row> cells, String[] reference, List<Test> tests) {
        StructType in = cells.schema();
        List<StructField> fields = new ArrayList<>(Arrays.asList(in.fields()));
        for (Test t : tests) {
            for (String c : t.adds()) {
                fields.add(DataTypes.createStructField(c, DataTypes.DoubleType, true));
            }
        }
        StructType out = DataTypes.createStructType(fields);
        int[][] reads = tests.stream().map(t -> indices(in, t.reads())).toArray(int[][]::new);
        int width = in.size();
        Test[] all = tests.toArray(Test[]::new);

        FlatMapGroupsFunction<Row, Row, Row> pass = (key, rows) -> scored(rows, width, out.size(), all, reads);
        return ReferenceGroups.of(cells, reference).flatMapGroups(pass, Encoders.row(out));
    }

    /** One reference's cells with the tests' columns filled in. */
    private static Iterator<Row> scored(Iterator<Row> rows, int width, int outWidth, Test[] tests, int[][] reads) {
        List<Object[]> cells = new ArrayList<>();
        rows.forEachRemaining(r -> {
            Object[] values = new Object[outWidth];
            for (int i = 0; i < width; i++) {
                values[i] = r.get(i);
            }
            cells.add(values);
        });
        int column = width;
        for (int t = 0; t < tests.length; t++) {
            Number[][] input = new Number[cells.size()][reads[t].length];
            for (int i = 0; i < input.length; i++) {
                for (int j = 0; j < reads[t].length; j++) {
                    input[i][j] = (Number) cells.get(i)[reads[t][j]];
                }
            }
            Double[][] output = tests[t].score(input);
            int added = tests[t].adds().length;
            for (int i = 0; i < output.length; i++) {
                System.arraycopy(output[i], 0, cells.get(i), column, added);
            }
            column += added;
        }
        return cells.stream().map(RowFactory::create).iterator();
    }

    private static int[] indices(StructType schema, String[] names) {
        return Arrays.stream(names).mapToInt(schema::fieldIndex).toArray();
    }

    /** A number as a double, NaN for null. */
    static double orNaN(Number x) {
        return x == null ? Double.NaN : x.doubleValue();
    }

    /** A double as a column value: null for NaN (a column reads "undefined" as null). */
    static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
