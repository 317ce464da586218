package org.vprobjectivity.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;

/**
 * School ids across years ({@code run --id-map FILE}): FIS OKO changed school logins ({@code sch220001} became
 * {@code edu220001}), and a school must keep one id across sessions for the cohort marker, persistence and trends.
 *
 * <p>The file has one {@code old;new} pair per line ({@code ;}, {@code ,} or tab; UTF-8 or Windows-1251, as
 * {@link DelimitedReader} detects); a first line without any digit is a header ({@code old;new}). Unlike the other
 * side files a bad line is not skipped: a wrong map silently merges or splits schools, so every problem (an empty
 * value, a third value, one old id with two new ones) is listed with its line and the run stops before any work. A
 * repeated identical line is merged.
 *
 * <p>The ingested records' {@code school_id} is mapped before any table is built, so every table has the new ids.
 * Two ids of one session that would become one ({@link #conflicts}) are refused too: their works would be taken for one
 * school's. Ids the map does not name keep their id; those that look like the map's old ids (the same letter prefix,
 * {@code sch…}) are listed ({@link #unmatched}), as they may be schools the map forgot.
 */
public final class SchoolIdMap {

    public static final String SCHOOL_ID = "school_id";
    public static final String SESSION = "session";
    private static final String OLD = "__old_id";
    private static final String NEW = "__new_id";
    private static final Pattern PREFIX = Pattern.compile("^(\\p{L}+)");
    /** How many unmatched ids a note lists; the count is always given. */
    public static final int LISTED = 5;

    private final Map<String, String> map;
    private final List<SideFileProblem> problems;

    private SchoolIdMap(Map<String, String> map, List<SideFileProblem> problems) {
        this.map = map;
        this.problems = List.copyOf(problems);
    }

    public static SchoolIdMap read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the id map " + file + ": " + e.getMessage(), e);
        }
    }

    public static SchoolIdMap parse(byte[] bytes) {
        Map<String, String> map = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<SideFileProblem> problems = new ArrayList<>();
        boolean first = true;
        for (RawRow row : DelimitedReader.read(bytes, null).rows()) {
            if (row.isEmpty()) {
                continue;
            }
            if (first) {
                first = false;
                if (row.cells().stream().noneMatch(c -> c != null && c.matches(".*\\d.*"))) {
                    continue; // a header: ids carry digits, titles do not
                }
            }
            String old = value(row.cell(0));
            String neu = value(row.cell(1));
            int last = row.cells().size() - 1;
            while (last >= 0 && Text.isBlank(row.cells().get(last))) {
                last--;
            }
            if (last > 1) {
                problems.add(SideFileProblem.ofValue(row.number(), row.cell(2), "лишнее поле: ожидается старый;новый",
                        "an extra field: expected old;new"));
            } else if (old == null || neu == null) {
                problems.add(SideFileProblem.ofValue(row.number(), old == null ? neu : old,
                        old == null ? "пустой старый идентификатор" : "пустой новый идентификатор",
                        old == null ? "the old id is empty" : "the new id is empty"));
            } else if (map.containsKey(old) && !map.get(old).equals(neu)) {
                problems.add(SideFileProblem.ofValue(row.number(), old, "для " + old + " уже указан другой новый идентификатор "
                        + map.get(old) + " (строка " + lineOf.get(old) + ")", "another new id is already given for " + old
                        + ": " + map.get(old) + " (line " + lineOf.get(old) + ")"));
            } else {
                map.put(old, neu);
                lineOf.putIfAbsent(old, row.number());
            }
        }
        return new SchoolIdMap(map, problems);
    }

    private static String value(String cell) {
        return Text.isBlank(cell) ? null : cell.strip();
    }

    public Map<String, String> entries() {
        return map;
    }

    public List<SideFileProblem> problems() {
        return problems;
    }

    /** {@code records} with {@code school_id} mapped; ids the map does not name, and nulls, kept. */
    public Dataset<Row> apply(SparkSession spark, Dataset<Row> records) {
        Dataset<Row> pairs = pairs(spark);
        return records.join(broadcast(pairs), col(SCHOOL_ID).equalTo(col(OLD)), "left")
                .withColumn(SCHOOL_ID, coalesce(col(NEW), col(SCHOOL_ID))).drop(OLD, NEW);
    }

    /**
     * Sessions in which ids of {@code records} (before mapping) would become one id, at least one of them through the
     * map: "2025-spring: sch220001, sch220002 → edu220001". Empty when the map is safe for these records.
     */
    public List<String> conflicts(SparkSession spark, Dataset<Row> records) {
        Dataset<Row> ids = records.filter(col(SCHOOL_ID).isNotNull()).select(col(SESSION), col(SCHOOL_ID)).distinct();
        Dataset<Row> mapped = ids.join(broadcast(pairs(spark)), col(SCHOOL_ID).equalTo(col(OLD)), "left")
                .withColumn("__target", coalesce(col(NEW), col(SCHOOL_ID)));
        List<String> out = new ArrayList<>();
        for (Row r : mapped.groupBy(col(SESSION), col("__target"))
                .agg(countDistinct(col(SCHOOL_ID)).as("n"), max(col(NEW)).as("__via_map"), collect_set(col(SCHOOL_ID)).as("ids"))
                .filter(col("n").gt(1).and(col("__via_map").isNotNull())).orderBy(SESSION, "__target").collectAsList()) {
            out.add(r.getString(0) + ": " + String.join(", ", new TreeSet<>(r.<String>getList(r.fieldIndex("ids")))) + " → " + r.getString(1));
        }
        return out;
    }

    /**
     * The ids of {@code records} (before mapping) that the map does not name, neither as old nor as new, and that
     * look like its old ids (the same letter prefix): sorted.
     */
    public List<String> unmatched(Dataset<Row> records) {
        Set<String> prefixes = new LinkedHashSet<>();
        map.keySet().forEach(old -> {
            Matcher m = PREFIX.matcher(old);
            if (m.find()) {
                prefixes.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        });
        Set<String> named = new java.util.HashSet<>(map.keySet());
        named.addAll(map.values());
        List<String> out = new ArrayList<>();
        for (String id : records.filter(col(SCHOOL_ID).isNotNull()).select(SCHOOL_ID).distinct().as(Encoders.STRING())
                .collectAsList()) {
            Matcher m = PREFIX.matcher(id);
            if (!named.contains(id) && m.find() && prefixes.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                out.add(id);
            }
        }
        out.sort(null);
        return out;
    }

    private Dataset<Row> pairs(SparkSession spark) {
        StructType schema = new StructType().add(OLD, DataTypes.StringType, false).add(NEW, DataTypes.StringType, false);
        List<Row> rows = new ArrayList<>();
        map.forEach((o, n) -> rows.add(RowFactory.create(o, n)));
        return spark.createDataFrame(rows, schema);
    }
}
