package org.vprobjectivity.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

/**
 * Compares two run outputs (e.g. a cluster run against an embedded one) table by table: every Parquet table found in
 * either (a folder of Parquet files, partitioned or not) by schema and by rows, as multisets (what {@code exceptAll}
 * both ways finds, in one pass: each distinct row counted on either side), with floating-point values normalised to
 * the tolerance first (summation order differs between partitionings) and the few rows left over matched pairwise
 * within the tolerance; {@code run.json} without its timings; {@code rejects.csv} by its lines; {@code report/} and
 * the other files by their names only (they hold dates). With {@code --ignore-source} the input paths count by their
 * file names only.
 */
public final class OutputComparison {

    /** The report folder of an output ({@code report.ReportWriter.DIR}; io comes before report on the data's way). */
    static final String REPORT_DIR = "report";
    /** Folders whose content is compared by file names only: pages and workbooks carry dates and layout, not data. */
    static final String REPORT_PREFIX = REPORT_DIR + "/";
    /** Timing fields of run.json: they differ between any two runs. */
    static final Set<String> RUN_JSON_TIMINGS = Set.of("startedAt", "stageMillis");
    /** Leftover rows matched pairwise on the driver up to this many per side; more is reported as a difference. */
    static final int PAIRWISE_LIMIT = 10_000;
    /** The column (results, rejects, rejects.csv) that names the input file a row was read from, as a full path. */
    static final String SOURCE_FILE = "source_file";
    /** run.json's fields that hold where inputs were read from: compared by file names with --ignore-source. */
    static final String RUN_JSON_INPUTS = "inputs";
    static final String RUN_JSON_FILES = "files";
    static final String RUN_JSON_FILE = "file";
    static final String RUN_JSON_OPTIONS = "options";
    static final String RUN_JSON_NOTES = "notes";
    static final String RUN_JSON_NOTE_PATH = "path";
    /**
     * Notes about the output folder's own history (a stale lock taken over, a killed run's leftovers cleaned): they
     * say nothing about the data and are never a difference.
     */
    static final Set<String> RUN_JSON_FOLDER_NOTES = Set.of("STALE_LOCK_TAKEN_OVER", "LEFTOVER_STAGING_DELETED",
            "LEFTOVER_OLD_DELETED", "LEFTOVER_OLD_RESTORED");
    static final String RUN_JSON_NOTE_CODE = "code";
    /** Options of run.json that name a file: with --ignore-source only their file names are compared. */
    static final Set<String> RUN_JSON_FILE_OPTIONS = Set.of("scales", "mapping", "config", "teachers", "reference", "school_types", "id_map");
    private static final String SIDE = "__compare_side";
    private static final String IN_E = "__compare_expected";
    private static final String IN_A = "__compare_actual";

    /** What {@link #compare} found: equal outputs, differing ones, or a request it could not carry out. */
    public enum Outcome {
        EQUAL, DIFFERENT, UNUSABLE
    }

    /**
     * @param expected     output folder of the reference run
     * @param actual       output folder of the run to check
     * @param tolerance    relative tolerance for floating-point values, in [0, 1)
     * @param ignoreSource compare where inputs were read from by file names only
     * @param examples     differing rows shown per table and side
     */
    public record Options(String expected, String actual, double tolerance, boolean ignoreSource, int examples) {
    }

    private final String expected;
    private final String actual;
    private final double tolerance;
    private final boolean ignoreSource;
    private final int examples;
    private final Consumer<String> progress;

    /** @param progress where a line per compared table goes (the command's progress on stderr) */
    public OutputComparison(Options options, Consumer<String> progress) {
        this.expected = options.expected();
        this.actual = options.actual();
        this.tolerance = options.tolerance();
        this.ignoreSource = options.ignoreSource();
        this.examples = options.examples();
        this.progress = progress;
    }

    /** What an output folder holds: its Parquet tables (relative folders), report files and other files. */
    record Contents(SortedSet<String> tables, SortedSet<String> parquetTables, SortedSet<String> reportFiles,
                    SortedSet<String> otherFiles) {
    }

    /** Prints a line per table and file to {@code out}, a request it cannot carry out to {@code err}; the session is the caller's. */
    public Outcome compare(SparkSession spark, PrintStream out, PrintStream err) {
        if (!(tolerance >= 0 && tolerance < 1)) {
            err.println("--tolerance must be in [0, 1): " + tolerance);
            return Outcome.UNUSABLE;
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Contents exp;
        Contents act;
        try {
            exp = contents(expected, conf);
            act = contents(actual, conf);
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return Outcome.UNUSABLE;
        }
        out.printf("Comparing %s (expected) with %s (actual), relative tolerance %s%n", expected, actual, tolerance);
        List<String> differing = new ArrayList<>();
        SortedSet<String> tables = new TreeSet<>(exp.tables());
        tables.addAll(act.tables());
        for (String table : tables) {
            long t0 = System.nanoTime();
            if (!compareTable(spark, table, exp, act, out)) {
                differing.add(table);
            }
            progress.accept(String.format(java.util.Locale.ROOT, "compared %s in %.1f s", table, (System.nanoTime() - t0) / 1e9));
        }
        SortedSet<String> files = new TreeSet<>(exp.otherFiles());
        files.addAll(act.otherFiles());
        for (String file : files) {
            if (!compareFile(file, exp, act, conf, out)) {
                differing.add(file);
            }
        }
        if (!compareNames(REPORT_PREFIX, exp.reportFiles(), act.reportFiles(), out)) {
            differing.add(REPORT_PREFIX);
        }
        if (differing.isEmpty()) {
            out.printf("Outputs equal: %d tables, %d files, %d report files%n", tables.size(), files.size(),
                    exp.reportFiles().size());
            return Outcome.EQUAL;
        }
        out.printf("Outputs DIFFER in %d of %d tables and files: %s%n", differing.size(), tables.size() + files.size() + 1,
                String.join(", ", differing));
        return Outcome.DIFFERENT;
    }

    // ---- what a folder holds

    static Contents contents(String dir, Configuration conf) {
        Path root = new Path(dir);
        SortedSet<String> tables = new TreeSet<>();
        SortedSet<String> parquet = new TreeSet<>();
        SortedSet<String> report = new TreeSet<>();
        SortedSet<String> other = new TreeSet<>();
        try {
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new IOException("not a folder");
            }
            String prefix = fs.makeQualified(root).toUri().getPath();
            prefix = prefix.endsWith("/") ? prefix : prefix + "/";
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                String rel = it.next().getPath().toUri().getPath().substring(prefix.length());
                List<String> parts = Arrays.asList(rel.split("/"));
                String name = parts.get(parts.size() - 1);
                if (parts.stream().anyMatch(p -> p.startsWith("."))) {
                    continue; // checksums, staging folders
                }
                if (rel.startsWith(REPORT_PREFIX)) {
                    report.add(rel);
                } else if (name.endsWith(".parquet") || name.equals("_SUCCESS")) {
                    // The table is the folder above its partition folders (session=...).
                    int end = parts.size() - 1;
                    while (end > 0 && parts.get(end - 1).contains("=")) {
                        end--;
                    }
                    String table = String.join("/", parts.subList(0, end));
                    tables.add(table);
                    if (name.endsWith(".parquet")) {
                        parquet.add(table);
                    }
                } else if (!name.startsWith("_") && !parts.get(0).startsWith("_")) {
                    other.add(rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return new Contents(tables, parquet, report, other);
    }

    // ---- tables

    private boolean compareTable(SparkSession spark, String table, Contents exp, Contents act, PrintStream out) {
        boolean inExp = exp.tables().contains(table);
        boolean inAct = act.tables().contains(table);
        if (!inExp || !inAct) {
            out.printf("  %-28s DIFFERS: only in %s%n", table, inExp ? "expected" : "actual");
            return false;
        }
        // A table written from no rows has only _SUCCESS: no schema to read, and no rows.
        Dataset<Row> e = exp.parquetTables().contains(table) ? spark.read().parquet(expected + "/" + table) : null;
        Dataset<Row> a = act.parquetTables().contains(table) ? spark.read().parquet(actual + "/" + table) : null;
        if (e == null || a == null) {
            long n = e != null ? e.count() : a != null ? a.count() : 0;
            boolean equal = n == 0;
            out.printf("  %-28s %s%n", table, equal ? "0 rows, equal" : "DIFFERS: " + n + " rows in "
                    + (e != null ? "expected" : "actual") + ", none in the other");
            return equal;
        }
        if (ignoreSource) {
            e = fileNameOnly(e);
            a = fileNameOnly(a);
        }
        List<String> schemaE = describe(e.schema());
        List<String> schemaA = describe(a.schema());
        if (!schemaE.equals(schemaA)) {
            List<String> onlyE = new ArrayList<>(schemaE);
            onlyE.removeAll(schemaA);
            List<String> onlyA = new ArrayList<>(schemaA);
            onlyA.removeAll(schemaE);
            out.printf("  %-28s DIFFERS: schema; expected only %s, actual only %s%s%n", table, onlyE, onlyA,
                    onlyE.isEmpty() && onlyA.isEmpty() ? " (column order)" : "");
            return false;
        }
        // One pass per table: both sides' normalised rows grouped, each distinct row with its count on either side.
        Dataset<Row> ne = normalise(e);
        Dataset<Row> na = normalise(a);
        String[] names = ne.columns();
        Column[] keys = Arrays.stream(names).map(n -> col("`" + n + "`")).toArray(Column[]::new);
        Dataset<Row> groups = ne.withColumn(SIDE, lit(1)).unionByName(na.withColumn(SIDE, lit(-1)))
                .groupBy(keys)
                .agg(sum(when(col(SIDE).equalTo(1), 1L).otherwise(0L)).as(IN_E),
                        sum(when(col(SIDE).equalTo(-1), 1L).otherwise(0L)).as(IN_A));
        Row totals = groups.agg(sum(IN_E), sum(IN_A), sum(greatest(col(IN_E).minus(col(IN_A)), lit(0L))),
                sum(greatest(col(IN_A).minus(col(IN_E)), lit(0L)))).first();
        long rowsE = totals.isNullAt(0) ? 0 : totals.getLong(0);
        long rowsA = totals.isNullAt(1) ? 0 : totals.getLong(1);
        long countE = totals.isNullAt(2) ? 0 : totals.getLong(2);
        long countA = totals.isNullAt(3) ? 0 : totals.getLong(3);
        if (countE == 0 && countA == 0) {
            out.printf("  %-28s %,d rows, equal%n", table, rowsE);
            return true;
        }
        boolean pairwise = countE <= PAIRWISE_LIMIT && countA <= PAIRWISE_LIMIT;
        List<Row> leftE = new ArrayList<>();
        List<Row> leftA = new ArrayList<>();
        Dataset<Row> differing = groups.filter(col(IN_E).notEqual(col(IN_A)));
        for (Row g : (pairwise ? differing : differing.limit(2 * examples)).collectAsList()) {
            long surplus = g.getLong(names.length) - g.getLong(names.length + 1);
            Object[] values = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                values[i] = g.get(i);
            }
            long copies = pairwise ? Math.abs(surplus) : Math.min(Math.abs(surplus), examples);
            for (long k = 0; k < copies; k++) {
                (surplus > 0 ? leftE : leftA).add(RowFactory.create(values));
            }
        }
        if (pairwise) {
            // Values either side of a rounding boundary normalise apart: match the leftovers pairwise.
            matchWithinTolerance(leftE, leftA, 2 * tolerance);
            if (leftE.isEmpty() && leftA.isEmpty()) {
                out.printf("  %-28s %,d rows, equal (%,d within tolerance)%n", table, rowsE, countE);
                return true;
            }
            countE = leftE.size();
            countA = leftA.size();
        }
        out.printf("  %-28s DIFFERS: %,d rows expected, %,d actual; %,d rows only in expected, %,d only in actual%n",
                table, rowsE, rowsA, countE, countA);
        examples(out, leftE, leftA, Arrays.asList(names));
        return false;
    }

    /** The table with {@link #SOURCE_FILE} cut to its file name (the part after the last / or \\), when it has one. */
    private static Dataset<Row> fileNameOnly(Dataset<Row> table) {
        return Arrays.asList(table.columns()).contains(SOURCE_FILE)
                ? table.withColumn(SOURCE_FILE, regexp_replace(col(SOURCE_FILE), "^.*[/\\\\]", ""))
                : table;
    }

    /** A path's file name: the part after the last / or \\. */
    static String fileName(String path) {
        return path == null ? null : path.replaceAll("^.*[/\\\\]", "");
    }

    /**
     * A few differing rows: an expected row with the actual row closest to it (fewest differing columns) as the columns
     * they share (the first few, to find the row) and the columns that differ; rows without a close partner in full.
     */
    private void examples(PrintStream out, List<Row> onlyE, List<Row> onlyA, List<String> columns) {
        List<Row> unpaired = new ArrayList<>(onlyA);
        for (Row e : onlyE.subList(0, Math.min(examples, onlyE.size()))) {
            Row best = null;
            List<Integer> bestDiff = null;
            for (Row a : unpaired) {
                List<Integer> d = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    if (!close(e.get(i), a.get(i), 2 * tolerance)) {
                        d.add(i);
                    }
                }
                if (bestDiff == null || d.size() < bestDiff.size()) {
                    best = a;
                    bestDiff = d;
                }
            }
            if (best == null || bestDiff.size() > Math.max(3, columns.size() / 3)) {
                out.printf("      only in expected: %s%n", shorten(values(e, columns, List.of(), columns.size())));
                continue;
            }
            unpaired.remove(best);
            StringBuilder d = new StringBuilder();
            for (int i : bestDiff) {
                d.append(d.length() == 0 ? "" : "; ").append(columns.get(i)).append(' ').append(value(e.get(i)))
                        .append(" (expected) vs ").append(value(best.get(i))).append(" (actual)");
            }
            out.printf("      row %s%n        differs in %s%n", shorten(values(e, columns, bestDiff, 6)), shorten(d.toString()));
        }
        for (Row a : unpaired.subList(0, Math.min(examples, unpaired.size()))) {
            out.printf("      only in actual:   %s%n", shorten(values(a, columns, List.of(), columns.size())));
        }
    }

    /** {@code column=value} for up to {@code limit} columns not in {@code skip}. */
    private static String values(Row r, List<String> columns, List<Integer> skip, int limit) {
        StringBuilder s = new StringBuilder();
        int n = 0;
        for (int i = 0; i < columns.size() && n < limit; i++) {
            if (!skip.contains(i)) {
                s.append(n++ == 0 ? "" : ", ").append(columns.get(i)).append('=').append(value(r.get(i)));
            }
        }
        return s.toString();
    }

    private static String value(Object v) {
        return v == null ? "null" : v instanceof scala.collection.Iterable<?> seq ? seq.mkString("[", ", ", "]") : v.toString();
    }

    private static String shorten(String line) {
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }

    private static List<String> describe(StructType schema) {
        List<String> d = new ArrayList<>();
        for (StructField f : schema.fields()) {
            d.add(f.name() + " " + f.dataType().simpleString());
        }
        return d;
    }

    /**
     * Floating-point values rounded to {@code ceil(-log10(tolerance))} significant decimals of their mantissa (nested
     * in arrays and structs too); maps become sorted arrays of entries, so that set operations apply.
     */
    Dataset<Row> normalise(Dataset<Row> table) {
        int digits = (int) Math.ceil(-Math.log10(tolerance > 0 ? tolerance : 1e-15));
        List<Column> cols = new ArrayList<>();
        for (StructField f : table.schema().fields()) {
            cols.add(normalise(col("`" + f.name() + "`"), f.dataType(), digits).as(f.name()));
        }
        return table.select(cols.toArray(new Column[0]));
    }

    private static Column normalise(Column c, DataType type, int digits) {
        if (!needsNormalising(type)) {
            return c;
        }
        if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
            Column d = c.cast(DataTypes.DoubleType);
            Column scale = pow(lit(10.0), floor(log10(abs(d))));
            return when(d.isNull().or(isnan(d)).or(d.equalTo(0)).or(abs(d).equalTo(Double.POSITIVE_INFINITY)), d)
                    .otherwise(round(d.divide(scale), digits).multiply(scale));
        }
        if (type instanceof ArrayType at) {
            return transform(c, x -> normalise(x, at.elementType(), digits));
        }
        if (type instanceof StructType st) {
            List<Column> fields = new ArrayList<>();
            for (StructField f : st.fields()) {
                fields.add(normalise(c.getField(f.name()), f.dataType(), digits).as(f.name()));
            }
            return when(c.isNull(), lit(null)).otherwise(struct(fields.toArray(new Column[0])));
        }
        if (type instanceof MapType mt) {
            StructType entry = new StructType().add("key", mt.keyType()).add("value", mt.valueType());
            return array_sort(normalise(map_entries(c), new ArrayType(entry, false), digits));
        }
        return c;
    }

    private static boolean needsNormalising(DataType type) {
        if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType) || type instanceof MapType) {
            return true;
        }
        if (type instanceof ArrayType at) {
            return needsNormalising(at.elementType());
        }
        if (type instanceof StructType st) {
            return Arrays.stream(st.fields()).anyMatch(f -> needsNormalising(f.dataType()));
        }
        return false;
    }

    /** Removes from both lists the pairs of rows equal up to floating-point values within {@code tolerance}. */
    static void matchWithinTolerance(List<Row> expected, List<Row> actual, double tolerance) {
        Map<String, List<Row>> byKey = new HashMap<>();
        for (Row r : actual) {
            byKey.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
        }
        Set<Row> matchedActual = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Iterator<Row> it = expected.iterator(); it.hasNext(); ) {
            Row e = it.next();
            List<Row> candidates = byKey.getOrDefault(key(e), List.of());
            for (Iterator<Row> c = candidates.iterator(); c.hasNext(); ) {
                Row a = c.next();
                if (close(e, a, tolerance)) {
                    c.remove();
                    matchedActual.add(a);
                    it.remove();
                    break;
                }
            }
        }
        actual.removeIf(matchedActual::contains);
    }

    /** The row's non-floating values: rows can only match within tolerance when these are equal. */
    private static String key(Object v) {
        if (v == null) {
            return "∅";
        }
        if (v instanceof Double || v instanceof Float) {
            return "~";
        }
        if (v instanceof Row r) {
            StringBuilder s = new StringBuilder("(");
            for (int i = 0; i < r.length(); i++) {
                s.append(key(r.get(i))).append('|');
            }
            return s.append(')').toString();
        }
        if (v instanceof scala.collection.Iterable<?> seq) {
            StringBuilder s = new StringBuilder("[");
            seq.foreach(x -> s.append(key(x)).append('|'));
            return s.append(']').toString();
        }
        return v.toString();
    }

    private static boolean close(Object a, Object b, double tolerance) {
        if (a == null || b == null) {
            return a == b;
        }
        if ((a instanceof Double || a instanceof Float) && (b instanceof Double || b instanceof Float)) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            return Double.compare(x, y) == 0 || x == y || Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a instanceof Row ra && b instanceof Row rb) {
            if (ra.length() != rb.length()) {
                return false;
            }
            for (int i = 0; i < ra.length(); i++) {
                if (!close(ra.get(i), rb.get(i), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof scala.collection.Iterable<?> sa && b instanceof scala.collection.Iterable<?> sb) {
            scala.collection.Iterator<?> ia = sa.iterator();
            scala.collection.Iterator<?> ib = sb.iterator();
            while (ia.hasNext() && ib.hasNext()) {
                if (!close(ia.next(), ib.next(), tolerance)) {
                    return false;
                }
            }
            return !ia.hasNext() && !ib.hasNext();
        }
        return a.equals(b);
    }

    // ---- other files

    private boolean compareFile(String file, Contents exp, Contents act, Configuration conf, PrintStream out) {
        boolean inExp = exp.otherFiles().contains(file);
        boolean inAct = act.otherFiles().contains(file);
        if (!inExp || !inAct) {
            out.printf("  %-28s DIFFERS: only in %s%n", file, inExp ? "expected" : "actual");
            return false;
        }
        try {
            if (file.equals(OutputLayout.RUN_JSON)) {
                ObjectNode e = (ObjectNode) new ObjectMapper().readTree(read(expected, file, conf));
                ObjectNode a = (ObjectNode) new ObjectMapper().readTree(read(actual, file, conf));
                e.remove(RUN_JSON_TIMINGS);
                a.remove(RUN_JSON_TIMINGS);
                withoutFolderNotes(e);
                withoutFolderNotes(a);
                if (ignoreSource) {
                    withoutSource(e);
                    withoutSource(a);
                }
                List<String> fields = new ArrayList<>();
                e.fieldNames().forEachRemaining(f -> {
                    if (!e.get(f).equals(a.get(f))) {
                        fields.add(f);
                    }
                });
                a.fieldNames().forEachRemaining(f -> {
                    if (!e.has(f)) {
                        fields.add(f);
                    }
                });
                out.printf("  %-28s %s%n", file, fields.isEmpty() ? "equal (without " + String.join(", ",
                        new TreeSet<>(RUN_JSON_TIMINGS)) + ")" : "DIFFERS in " + fields);
                return fields.isEmpty();
            }
            if (file.endsWith(".csv")) {
                List<String> e = lines(read(expected, file, conf), ignoreSource);
                List<String> a = lines(read(actual, file, conf), ignoreSource);
                boolean equal = e.equals(a);
                if (equal) {
                    out.printf("  %-28s %,d lines, equal%n", file, e.size());
                } else {
                    List<String> onlyE = new ArrayList<>(e);
                    a.forEach(onlyE::remove);
                    List<String> onlyA = new ArrayList<>(a);
                    e.forEach(onlyA::remove);
                    out.printf("  %-28s DIFFERS: %,d lines only in expected, %,d only in actual%n", file, onlyE.size(),
                            onlyA.size());
                    onlyE.stream().limit(examples).forEach(l -> out.printf("      expected: %s%n", l));
                    onlyA.stream().limit(examples).forEach(l -> out.printf("      actual:   %s%n", l));
                }
                return equal;
            }
        } catch (IOException | ClassCastException e) {
            out.printf("  %-28s DIFFERS: cannot compare (%s)%n", file, e.getMessage());
            return false;
        }
        out.printf("  %-28s present in both (content not compared)%n", file);
        return true;
    }

    private static boolean compareNames(String folder, SortedSet<String> exp, SortedSet<String> act, PrintStream out) {
        if (exp.equals(act)) {
            out.printf("  %-28s %,d files, same names (content not compared)%n", folder, exp.size());
            return true;
        }
        SortedSet<String> onlyE = new TreeSet<>(exp);
        onlyE.removeAll(act);
        SortedSet<String> onlyA = new TreeSet<>(act);
        onlyA.removeAll(exp);
        out.printf("  %-28s DIFFERS: %,d files only in expected %s, %,d only in actual %s%n", folder, onlyE.size(),
                first(onlyE), onlyA.size(), first(onlyA));
        return false;
    }

    private static List<String> first(SortedSet<String> names) {
        return names.stream().limit(5).toList();
    }

    private static byte[] read(String dir, String file, Configuration conf) throws IOException {
        Path p = new Path(dir, file);
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return in.readAllBytes();
        }
    }

    /**
     * Lines in sorted order (rows with equal sort keys may come in any order); with {@code fileNamesOnly} the
     * {@link #SOURCE_FILE} field (found by the header) cut to its file name.
     */
    private static List<String> lines(byte[] bytes, boolean fileNamesOnly) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n")));
        if (fileNamesOnly && !lines.isEmpty()) {
            String header = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
            char delimiter = header.contains(";") ? ';' : ',';
            int column = splitCsv(header, delimiter).indexOf(SOURCE_FILE);
            if (column >= 0) {
                for (int i = 1; i < lines.size(); i++) {
                    List<String> fields = splitCsv(lines.get(i), delimiter);
                    if (column < fields.size()) {
                        fields.set(column, fileName(fields.get(column)));
                        lines.set(i, String.join(String.valueOf(delimiter), fields));
                    }
                }
            }
        }
        lines.sort(String::compareTo);
        return lines;
    }

    /** A CSV line's fields as written (quotes kept), split at delimiters outside quotes. */
    static List<String> splitCsv(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted; // a doubled quote toggles twice: still inside
            }
            if (c == delimiter && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }

    private static void withoutFolderNotes(ObjectNode json) {
        if (json.get(RUN_JSON_NOTES) instanceof com.fasterxml.jackson.databind.node.ArrayNode notes) {
            for (int i = notes.size() - 1; i >= 0; i--) {
                if (RUN_JSON_FOLDER_NOTES.contains(notes.get(i).path(RUN_JSON_NOTE_CODE).asText())) {
                    notes.remove(i);
                }
            }
            if (notes.isEmpty()) {
                json.remove(RUN_JSON_NOTES); // no notes, as in an output written before notes existed
            }
        }
    }

    /**
     * run.json without where the inputs were read from: inputs, each table's file, the file options and the notes'
     * paths by their file names, the tables' entries in a fixed order (they were sorted by the full path).
     */
    private static void withoutSource(ObjectNode json) {
        if (json.get(RUN_JSON_INPUTS) instanceof com.fasterxml.jackson.databind.node.ArrayNode inputs) {
            List<String> names = new ArrayList<>();
            inputs.forEach(i -> names.add(fileName(i.asText())));
            names.sort(String::compareTo);
            inputs.removeAll();
            names.forEach(inputs::add);
        }
        if (json.get(RUN_JSON_OPTIONS) instanceof ObjectNode options) {
            for (String option : RUN_JSON_FILE_OPTIONS) {
                if (options.hasNonNull(option)) {
                    options.put(option, fileName(options.get(option).asText()));
                }
            }
        }
        for (String list : List.of(RUN_JSON_FILES, RUN_JSON_NOTES)) {
            if (json.get(list) instanceof com.fasterxml.jackson.databind.node.ArrayNode entries) {
                List<com.fasterxml.jackson.databind.JsonNode> sorted = new ArrayList<>();
                for (com.fasterxml.jackson.databind.JsonNode entry : entries) {
                    if (entry instanceof ObjectNode o) {
                        for (String field : List.of(RUN_JSON_FILE, RUN_JSON_NOTE_PATH)) {
                            if (o.hasNonNull(field)) {
                                o.put(field, fileName(o.get(field).asText()));
                            }
                        }
                    }
                    sorted.add(entry);
                }
                sorted.sort(java.util.Comparator.comparing(com.fasterxml.jackson.databind.JsonNode::toString));
                entries.removeAll();
                entries.addAll(sorted);
            }
        }
    }
}
