package org.vprobjectivity.table;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Parquet table of a run's output: its folder under the output ({@link org.vprobjectivity.io.OutputLayout}) and
 * the schema a reader gets, every column it can have in order ({@code session}, the partition column, last).
 *
 * @param optional groups of columns a side file adds (e.g. {@code --exam}): each group is there whole or not at all
 * @param pivot    columns named after the data (the official list's {@code marker_4_ma}, one per work the region wrote),
 *                 or null: any number of them, each of the pivot's type
 */
public record OutputTable(String path, StructType schema, List<OptionalGroup> optional, Pivot pivot) {

    /** Columns that come together with one option of {@code run}. */
    public record OptionalGroup(String option, List<String> columns) {
    }

    /** Columns named after the data: a name pattern and their one type. */
    public record Pivot(Pattern names, DataType type) {
    }

    /** A table of fixed columns. */
    public OutputTable(String path, StructType schema) {
        this(path, schema, List.of(), null);
    }

    /** Every declared column name in order, optional ones included. */
    public String[] columns() {
        return schema.fieldNames();
    }

    /** The column names with {@code session} first, as a table is built and as its CSV export reads. */
    public String[] sessionFirst() {
        List<String> out = new ArrayList<>(List.of(OutputTables.SESSION));
        Arrays.stream(columns()).filter(c -> !c.equals(OutputTables.SESSION)).forEach(out::add);
        return out.toArray(String[]::new);
    }

    /**
     * What differs between the declaration and a schema read back from Parquet: a column not declared, a required one
     * missing, an optional group partly there, the order, and each column's type. Nullability is not compared:
     * Parquet reads every column as nullable.
     *
     * @return one line per difference, empty when they agree
     */
    public List<String> differences(StructType actual) {
        List<String> out = new ArrayList<>();
        List<String> declared = Arrays.asList(columns());
        List<String> produced = Arrays.asList(actual.fieldNames());
        for (String c : produced) {
            if (!declared.contains(c) && !pivoted(c)) {
                out.add(path + ": column " + c + " is not declared");
            }
        }
        for (String c : declared) {
            if (!produced.contains(c) && optional.stream().noneMatch(g -> g.columns().contains(c))) {
                out.add(path + ": declared column " + c + " is missing");
            }
        }
        for (OptionalGroup g : optional) {
            List<String> absent = g.columns().stream().filter(c -> !produced.contains(c)).toList();
            if (!absent.isEmpty() && absent.size() < g.columns().size()) {
                out.add(path + ": the columns of " + g.option() + " are there only in part, without " + absent);
            }
        }
        List<String> producedDeclared = produced.stream().filter(declared::contains).toList();
        if (!producedDeclared.equals(declared.stream().filter(produced::contains).toList())) {
            out.add(path + ": columns in another order than declared: " + produced);
        }
        for (StructField f : actual.fields()) {
            DataType want = declared.contains(f.name()) ? schema.apply(f.name()).dataType() : pivoted(f.name()) ? pivot.type() : null;
            if (want != null && !want.catalogString().equals(f.dataType().catalogString())) {
                out.add(path + ": column " + f.name() + " is " + f.dataType().catalogString() + ", declared " + want.catalogString());
            }
        }
        return out;
    }

    /** The same table with columns named after the data: any number matching {@code names}, each of {@code type}. */
    OutputTable withPivot(String names, DataType type) {
        return new OutputTable(path, schema, optional, new Pivot(Pattern.compile(names), type));
    }

    private boolean pivoted(String column) {
        return pivot != null && pivot.names().matcher(column).matches();
    }
}
