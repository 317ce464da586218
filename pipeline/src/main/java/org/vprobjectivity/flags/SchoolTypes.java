package org.vprobjectivity.flags;

import org.vprobjectivity.ingest.DelimitedReader;
import org.vprobjectivity.ingest.RawRow;
import org.vprobjectivity.ingest.SideFileProblem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * School types given by the user ({@code --school-types FILE}): one line per school, {@code school_id;type}, e.g.
 * {@code sch220013;гимназия} or {@code sch220014;СОШ с углублённым изучением математики} (UTF-8; {@code ;}, tab or
 * {@code ,}; a header line is skipped). A type from the file wins over the one read from the school's name
 * ({@link SchoolType}). Bad lines are listed in {@link #problems()} and left out.
 */
public final class SchoolTypes {

    public static final StructType SCHEMA = new StructType()
            .add("school_id", DataTypes.StringType, false)
            .add("school_type_given", DataTypes.StringType, false);

    private final Map<String, String> types;
    private final List<SideFileProblem> problems;

    private SchoolTypes(Map<String, String> types, List<SideFileProblem> problems) {
        this.types = types;
        this.problems = problems;
    }

    public Map<String, String> types() {
        return types;
    }

    public List<SideFileProblem> problems() {
        return problems;
    }

    public static SchoolTypes read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the school types file " + file + ": " + e.getMessage(), e);
        }
    }

    static SchoolTypes parse(List<String> lines) {
        return parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    /** The file's rows as {@link DelimitedReader} reads every side file: encoding, delimiter and quotes detected. */
    static SchoolTypes parse(byte[] bytes) {
        Map<String, String> types = new LinkedHashMap<>();
        List<SideFileProblem> problems = new ArrayList<>();
        for (RawRow row : DelimitedReader.read(bytes, null).rows()) {
            if (row.isEmpty()) {
                continue;
            }
            String id = text(row.cell(0));
            String type = text(row.cell(1));
            if (problems.isEmpty() && types.isEmpty() && isHeader(id, type)) {
                continue; // a header such as «Логин;Тип»
            }
            if (id.isEmpty() || type.isEmpty()) {
                problems.add(SideFileProblem.ofLine(row.number(), "нужны логин школы и её тип через «;»",
                        "need a school login and its type, separated by ';'"));
                continue;
            }
            String earlier = types.putIfAbsent(id, type);
            if (earlier != null && !earlier.equals(type)) {
                problems.add(SideFileProblem.ofLine(row.number(), "для " + id + " тип уже указан: «" + earlier + "»",
                        "a type for " + id + " is already given: '" + earlier + "'"));
            }
        }
        return new SchoolTypes(types, problems);
    }

    private static String text(String cell) {
        return cell == null ? "" : cell.replace("\uFEFF", "").trim();
    }

    /** A first line whose cells are column titles («Логин;Тип», "school_id;type"), not a school. */
    private static boolean isHeader(String id, String type) {
        String a = id.toLowerCase(java.util.Locale.ROOT);
        String b = type.toLowerCase(java.util.Locale.ROOT);
        return a.matches("логин.*|login|school(_id)?|школа|оо|код( оо)?") || b.matches("тип( оо)?|type|вид( оо)?");
    }

    public Dataset<Row> toDataset(SparkSession spark) {
        List<Row> rows = types.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
        return spark.createDataFrame(rows, SCHEMA);
    }
}
