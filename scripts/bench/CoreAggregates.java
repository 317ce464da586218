import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

/**
 * The DuckDB baseline of the benchmark (docs/performance.md): runs the core aggregates of
 * scripts/bench/core-aggregates.sql, the same SQL text, on Spark or on DuckDB over a run's ingested Parquet
 * tables, and compares the two engines' outputs.
 *
 * <pre>
 * java $OPENS -cp jobs/target/vpr-objectivity.jar:target/bench-lib/duckdb_jdbc-V.jar scripts/bench/CoreAggregates.java \
 *     --engine spark|duckdb --input RUN_OUTPUT --output DIR [--sql scripts/bench/core-aggregates.sql]
 * java ... scripts/bench/CoreAggregates.java --compare --output DIR [--sql ...]
 * </pre>
 *
 * Spark writes DIR/spark/NAME (Parquet folder), DuckDB DIR/duckdb/NAME.parquet. The timings (seconds) are printed
 * as one JSON line on stdout and written to DIR/ENGINE-timings.json: {@code start_s} is the engine's start
 * (SparkSession / JDBC connection), {@code views_s} the registration of the input tables as views (Spark lists the
 * files and reads the footers here), {@code aggregates_s} each query run and written, {@code aggregates_total_s}
 * their sum. JVM start and the source launcher's compilation are in neither. {@code --compare} reads both outputs
 * with DuckDB, checks the column names and types, sorts the rows by every non-floating-point column and compares
 * them (doubles within 1e-9 relative, 1e-12 absolute near 0); it prints one JSON line, writes
 * DIR/compare.json, and exits 2 when the outputs differ. Progress goes to stderr.
 */
public class CoreAggregates {

    static final List<String> TABLES = List.of("results", "task_scores");
    static final double REL_TOL = 1e-9;
    static final double ABS_TOL = 1e-12;

    record Query(String name, String sql) {
    }

    public static void main(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        boolean compare = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--compare" -> compare = true;
                case "--engine", "--input", "--output", "--sql" -> {
                    if (i + 1 >= args.length) {
                        usage("missing value after " + a);
                    }
                    opts.put(a.substring(2), args[++i]);
                }
                case "-h", "--help" -> {
                    usage(null);
                }
                default -> usage("unknown argument " + a);
            }
        }
        try {
            if (!opts.containsKey("output")) {
                usage("--output is required");
            }
            Path out = Paths.get(opts.get("output")).toAbsolutePath().normalize();
            List<Query> queries = readQueries(Paths.get(opts.getOrDefault("sql", "scripts/bench/core-aggregates.sql")));
            if (compare) {
                System.exit(compare(queries, out) ? 0 : 2);
            }
            String engine = opts.get("engine");
            if (engine == null || !opts.containsKey("input")) {
                usage("--engine and --input are required (or --compare)");
            }
            Path in = Paths.get(opts.get("input")).toAbsolutePath().normalize();
            for (String t : TABLES) {
                if (!Files.isDirectory(in.resolve(t))) {
                    throw new IllegalArgumentException("no table folder " + in.resolve(t) + " (is --input a run's output?)");
                }
            }
            Files.createDirectories(out);
            String json = switch (engine) {
                case "spark" -> runSpark(queries, in, out);
                case "duckdb" -> runDuckDb(queries, in, out);
                default -> {
                    usage("--engine must be spark or duckdb, not " + engine);
                    yield null;
                }
            };
            Files.writeString(out.resolve(engine + "-timings.json"), json + "\n");
            System.out.println(json);
        } catch (Exception e) {
            System.err.println("CoreAggregates: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    static void usage(String problem) {
        PrintStream s = problem == null ? System.out : System.err;
        if (problem != null) {
            s.println("CoreAggregates: " + problem);
        }
        s.println("usage: CoreAggregates.java --engine spark|duckdb --input RUN_OUTPUT --output DIR [--sql FILE]");
        s.println("       CoreAggregates.java --compare --output DIR [--sql FILE]");
        System.exit(problem == null ? 0 : 64);
    }

    /** Splits the SQL file at its "-- name: X" lines; comments and a trailing ';' are dropped. */
    static List<Query> readQueries(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no SQL file " + file.toAbsolutePath() + " (pass --sql)");
        }
        Pattern header = Pattern.compile("^--\\s*name:\\s*(\\w+)\\s*$");
        List<Query> queries = new ArrayList<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = header.matcher(line.trim());
            if (m.matches()) {
                if (name != null) {
                    queries.add(query(name, sql));
                }
                name = m.group(1);
                sql.setLength(0);
            } else if (name != null && !line.trim().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            queries.add(query(name, sql));
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no '-- name: X' sections in " + file);
        }
        return queries;
    }

    static Query query(String name, StringBuilder sql) {
        String s = sql.toString().strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.isEmpty() || s.contains(";")) {
            throw new IllegalArgumentException("section " + name + " must hold exactly one statement");
        }
        return new Query(name, s);
    }

    static double seconds(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1e9;
    }

    static String timingsJson(String engine, Path in, double start, double views, Map<String, Double> each,
                              Map<String, Double> warm) {
        StringBuilder b = new StringBuilder();
        b.append("{\"engine\":\"").append(engine).append("\",\"input\":\"").append(jsonEscape(in.toString()))
                .append("\",\"cores\":").append(Runtime.getRuntime().availableProcessors())
                .append(",\"start_s\":").append(fmt(start)).append(",\"views_s\":").append(fmt(views))
                .append(",\"aggregates_s\":{");
        double total = 0;
        boolean first = true;
        for (Map.Entry<String, Double> e : each.entrySet()) {
            b.append(first ? "" : ",").append('"').append(e.getKey()).append("\":").append(fmt(e.getValue()));
            total += e.getValue();
            first = false;
        }
        double warmTotal = warm.values().stream().mapToDouble(Double::doubleValue).sum();
        b.append("},\"aggregates_total_s\":").append(fmt(total))
                .append(",\"aggregates_warm_total_s\":").append(fmt(warmTotal)).append('}');
        return b.toString();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ---------------------------------------------------------------- Spark

    static String runSpark(List<Query> queries, Path in, Path out) throws IOException {
        Path dir = out.resolve("spark");
        deleteRecursively(dir);
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder()
                .master("local[*]")
                .appName("core-aggregates")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                // session=2025-spring stays a string whatever it looks like (DuckDB: hive_types_autocast = false)
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        double start = seconds(t0);
        try {
            long t1 = System.nanoTime();
            for (String t : TABLES) {
                spark.read().parquet(in.resolve(t).toString()).createOrReplaceTempView(t);
            }
            double views = seconds(t1);
            // Twice: the first pass pays for code generation and JIT compilation, the second shows the steady state.
            List<Map<String, Double>> passes = new ArrayList<>();
            for (int pass = 1; pass <= 2; pass++) {
                Map<String, Double> each = new LinkedHashMap<>();
                for (Query q : queries) {
                    System.err.println("spark: " + q.name() + " (pass " + pass + ")");
                    long t = System.nanoTime();
                    spark.sql(q.sql()).write().mode("overwrite").parquet(dir.resolve(q.name()).toString());
                    each.put(q.name(), seconds(t));
                }
                passes.add(each);
            }
            return timingsJson("spark", in, start, views, passes.get(0), passes.get(1));
        } finally {
            spark.stop();
        }
    }

    // ---------------------------------------------------------------- DuckDB

    static String sqlString(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    static String runDuckDb(List<Query> queries, Path in, Path out) throws IOException, SQLException {
        Path dir = out.resolve("duckdb");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            double start = seconds(t0);
            long t1 = System.nanoTime();
            for (String t : TABLES) {
                // The tables are partitioned by session= (OutputLayout.PARTITIONED_TABLES); the partition column
                // comes last and as VARCHAR, as Spark reads it with partition type inference off.
                st.execute("CREATE VIEW " + t + " AS SELECT * FROM read_parquet("
                        + sqlString(in.resolve(t).resolve("**").resolve("*.parquet"))
                        + ", hive_partitioning = true, hive_types_autocast = false)");
            }
            double views = seconds(t1);
            List<Map<String, Double>> passes = new ArrayList<>();
            for (int pass = 1; pass <= 2; pass++) {
                Map<String, Double> each = new LinkedHashMap<>();
                for (Query q : queries) {
                    System.err.println("duckdb: " + q.name() + " (pass " + pass + ")");
                    long t = System.nanoTime();
                    st.execute("COPY (" + q.sql() + ") TO " + sqlString(dir.resolve(q.name() + ".parquet")) + " (FORMAT parquet)");
                    each.put(q.name(), seconds(t));
                }
                passes.add(each);
            }
            return timingsJson("duckdb", in, start, views, passes.get(0), passes.get(1));
        }
    }

    // ---------------------------------------------------------------- compare

    record Column(String name, String type) {
    }

    static List<Column> describe(Statement st, String source) throws SQLException {
        List<Column> cols = new ArrayList<>();
        try (ResultSet r = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (r.next()) {
                cols.add(new Column(r.getString("column_name"), r.getString("column_type")));
            }
        }
        return cols;
    }

    static boolean isFloating(Column c) {
        return c.type().equals("DOUBLE") || c.type().equals("FLOAT");
    }

    static boolean compare(List<Query> queries, Path out) throws SQLException, IOException {
        StringBuilder json = new StringBuilder("{\"compare\":{");
        boolean allEqual = true;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement sa = c.createStatement(); Statement sb = c.createStatement()) {
            boolean firstQuery = true;
            for (Query q : queries) {
                Path sparkDir = out.resolve("spark").resolve(q.name());
                Path duckFile = out.resolve("duckdb").resolve(q.name() + ".parquet");
                if (!Files.isDirectory(sparkDir) || !Files.isRegularFile(duckFile)) {
                    throw new IllegalArgumentException("missing output of " + q.name() + ": " + sparkDir + " or " + duckFile);
                }
                String a = "read_parquet(" + sqlString(sparkDir.resolve("*.parquet")) + ")";
                String b = "read_parquet(" + sqlString(duckFile) + ")";
                List<Column> ca = describe(sa, a);
                List<Column> cb = describe(sa, b);
                List<String> problems = new ArrayList<>();
                long rowsA = 0;
                long rowsB = 0;
                double maxRel = 0;
                if (!ca.equals(cb)) {
                    problems.add("columns differ: spark " + ca + " duckdb " + cb);
                } else {
                    StringBuilder order = new StringBuilder();
                    for (Column col : ca) {
                        if (!isFloating(col)) {
                            order.append(order.length() == 0 ? "" : ", ").append('"').append(col.name()).append("\" NULLS FIRST");
                        }
                    }
                    String orderBy = order.length() == 0 ? "" : " ORDER BY " + order;
                    try (ResultSet ra = sa.executeQuery("SELECT * FROM " + a + orderBy);
                         ResultSet rb = sb.executeQuery("SELECT * FROM " + b + orderBy)) {
                        ResultSetMetaData md = ra.getMetaData();
                        int n = md.getColumnCount();
                        while (true) {
                            boolean hasA = ra.next();
                            boolean hasB = rb.next();
                            rowsA += hasA ? 1 : 0;
                            rowsB += hasB ? 1 : 0;
                            if (!hasA || !hasB) {
                                while (hasA && ra.next()) {
                                    rowsA++;
                                }
                                while (hasB && rb.next()) {
                                    rowsB++;
                                }
                                break;
                            }
                            for (int i = 1; i <= n; i++) {
                                Column col = ca.get(i - 1);
                                if (isFloating(col)) {
                                    double x = ra.getDouble(i);
                                    boolean nx = ra.wasNull();
                                    double y = rb.getDouble(i);
                                    boolean ny = rb.wasNull();
                                    if (nx || ny) {
                                        if (nx != ny) {
                                            problems.add("row " + rowsA + " " + col.name() + ": " + (nx ? "null" : x) + " vs " + (ny ? "null" : y));
                                        }
                                        continue;
                                    }
                                    double diff = Math.abs(x - y);
                                    double scale = Math.max(Math.abs(x), Math.abs(y));
                                    if (scale > 0) {
                                        maxRel = Math.max(maxRel, diff / scale);
                                    }
                                    if (!(diff <= REL_TOL * scale || diff <= ABS_TOL) && !(Double.isNaN(x) && Double.isNaN(y))) {
                                        problems.add("row " + rowsA + " " + col.name() + ": " + x + " vs " + y);
                                    }
                                } else if (!Objects.equals(ra.getObject(i), rb.getObject(i))) {
                                    problems.add("row " + rowsA + " " + col.name() + ": " + ra.getObject(i) + " vs " + rb.getObject(i));
                                }
                            }
                            if (problems.size() > 20) {
                                break;
                            }
                        }
                    }
                    if (rowsA != rowsB) {
                        problems.add("rows: spark " + rowsA + ", duckdb " + rowsB);
                    }
                }
                boolean equal = problems.isEmpty();
                allEqual &= equal;
                System.err.printf(Locale.ROOT, "compare %s: %s (%d rows, max relative difference %.3g)%n",
                        q.name(), equal ? "equal" : "DIFFERENT", rowsA, maxRel);
                problems.stream().limit(10).forEach(p -> System.err.println("  " + p));
                json.append(firstQuery ? "" : ",").append('"').append(q.name()).append("\":{\"equal\":").append(equal)
                        .append(",\"rows_spark\":").append(rowsA).append(",\"rows_duckdb\":").append(rowsB)
                        .append(",\"max_rel_diff\":").append(String.format(Locale.ROOT, "%.3g", maxRel))
                        .append(",\"problems\":").append(problems.size()).append('}');
                firstQuery = false;
            }
        }
        json.append("},\"equal\":").append(allEqual).append('}');
        Files.writeString(out.resolve("compare.json"), json + "\n");
        System.out.println(json);
        return allEqual;
    }
}
