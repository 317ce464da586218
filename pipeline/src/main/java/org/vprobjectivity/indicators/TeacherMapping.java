package org.vprobjectivity.indicators;

import org.vprobjectivity.ingest.SideFileProblem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.ingest.ClassLabel;
import org.vprobjectivity.ingest.CodeNamePair;
import org.vprobjectivity.ingest.DelimitedReader;
import org.vprobjectivity.ingest.HeaderMapping;
import org.vprobjectivity.ingest.RawRow;
import org.vprobjectivity.ingest.Text;
import org.vprobjectivity.model.Subjects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

/**
 * The class → teacher mapping (docs/design.md, notation: indicators per teacher "via the class→teacher
 * mapping"; §7a: teacher-level tables carry pseudonymous ids unless names are asked for).
 *
 * <p>The user's {@code --teachers} file has one line per taught class and subject:
 * {@code school_id;class;subject;teacher_id[;teacher_name]}, UTF-8 or Windows-1251, delimiter {@code ;},
 * tab or {@code ,} (detected as for result exports, {@link DelimitedReader}); a header row is optional and
 * detected (the first non-blank line whose subject cell is not a subject and at least two of whose cells
 * read as column titles). Columns are positional. The school is a login ({@code sch220206}, also
 * {@code "sch220206 | МБОУ ..."}); the class is normalised as the ingest normalises it
 * ({@link ClassLabel}: {@code 4А}, {@code 4 "А"}, {@code а} → {@code А}; blank or {@code нет} → unknown,
 * which matches works of unknown class); a class written with its grade ({@code 4А}) applies to that grade
 * only, a bare letter to every grade of the school. The subject is a code or a name ({@link Subjects}).
 * The teacher id is used as given: it is the pseudonym.
 *
 * <p>Bad lines do not stop the run: each is listed in {@link #problems()} with its line number and left out.
 * A second line for the same school, class, grade and subject with another teacher is a problem too (the
 * first line wins); a repeated identical line is silently merged.
 */
public final class TeacherMapping {

    public static final String TEACHER_ID = "teacher_id";
    /** The teacher's name: null in every table unless the run was given {@code --include-names}. */
    public static final String TEACHER_NAME = "teacher_name";

    /** school_id, class, grade (null: every grade), subject, teacher_id, teacher_name (null unless names asked for). */
    public static final StructType SCHEMA = new StructType()
            .add("school_id", DataTypes.StringType, false)
            .add("class", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType)
            .add("subject", DataTypes.StringType, false)
            .add("teacher_id", DataTypes.StringType, false)
            .add("teacher_name", DataTypes.StringType);

    private static final String[] HEADER_WORDS = {"school", "login", "class", "subject", "teacher", "name",
            "школ", "логин", "оо", "класс", "предмет", "учител", "педагог", "фио", "имя"};

    /** One usable line of the file. {@code grade} is null when the class was given without one. */
    public record Entry(int line, String schoolId, String classLabel, Integer grade, String subject,
                        String teacherId, String teacherName) {
    }

    private final List<Entry> entries;
    private final List<SideFileProblem> problems;

    private TeacherMapping(List<Entry> entries, List<SideFileProblem> problems) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public static TeacherMapping read(Path file) {
        try {
            return parse(Files.readAllBytes(file), HeaderMapping.bundled());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the teachers file " + file + ": " + e.getMessage(), e);
        }
    }

    public static TeacherMapping parse(byte[] bytes) {
        return parse(bytes, HeaderMapping.bundled());
    }

    /** @param mapping the header vocabulary whose "unknown class" words the ingest used */
    public static TeacherMapping parse(byte[] bytes, HeaderMapping mapping) {
        List<RawRow> rows = DelimitedReader.read(bytes, null).rows();
        List<SideFileProblem> problems = new ArrayList<>();
        Map<List<Object>, Entry> byKey = new LinkedHashMap<>();
        boolean first = true;
        for (RawRow row : rows) {
            if (row.isEmpty()) {
                continue;
            }
            if (first) {
                first = false;
                if (isHeader(row)) {
                    continue;
                }
            }
            Object parsed = parseLine(row, mapping);
            if (parsed instanceof SideFileProblem p) {
                problems.add(p);
                continue;
            }
            Entry e = (Entry) parsed;
            List<Object> key = Arrays.asList(e.schoolId(), e.classLabel(), e.grade(), e.subject());
            Entry before = byKey.get(key);
            if (before == null) {
                byKey.put(key, e);
            } else if (!before.teacherId().equals(e.teacherId())) {
                problems.add(problem(row, "для этого класса и предмета уже указан другой учитель (строка " + before.line()
                                + "); строка пропущена",
                        "another teacher is already given for this class and subject (line " + before.line() + "); line skipped"));
            } else if (before.teacherName() == null && e.teacherName() != null) {
                byKey.put(key, new Entry(before.line(), before.schoolId(), before.classLabel(), before.grade(),
                        before.subject(), before.teacherId(), e.teacherName()));
            }
        }
        return new TeacherMapping(new ArrayList<>(byKey.values()), problems);
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<SideFileProblem> problems() {
        return problems;
    }

    /** The mapping as a table of {@link #SCHEMA}; {@code teacher_name} is null unless {@code includeNames}. */
    public Dataset<Row> toDataset(SparkSession spark, boolean includeNames) {
        List<Row> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(RowFactory.create(e.schoolId(), e.classLabel(), e.grade(), e.subject(), e.teacherId(),
                    includeNames ? e.teacherName() : null));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * {@code table} (keyed by {@code teacher_id}: the teacher indicator or flag tables) with {@code teacher_name} from
     * {@code names} (any table with both columns, e.g. {@link #toDataset}'s). The names are there only when the run was
     * given {@code --include-names}: otherwise the column is null, so later readers (the report, the workbooks) show
     * the id. A teacher written with two names gets one of them; an existing {@code teacher_name} is replaced.
     */
    public static Dataset<Row> withNames(Dataset<Row> table, Dataset<Row> names) {
        Dataset<Row> byId = names.groupBy(TEACHER_ID).agg(max(col(TEACHER_NAME)).as(TEACHER_NAME));
        return Keys.join(table.drop(TEACHER_NAME), byId, new String[]{TEACHER_ID}, "left");
    }

    /**
     * Adds {@code teacher_id} and {@code teacher_name} to {@code results} or {@code task_scores} (any table with
     * school_id, class, subject and grade) by a null-safe left join on (school_id, class, subject): an unknown
     * class matches an unknown class. When the mapping has a {@code grade} column, a line for the class's grade
     * wins over a line without a grade. Rows without a teacher get nulls; rows are never multiplied as long as
     * the mapping is unique per (school_id, class, grade, subject), as {@link #toDataset} is. Existing
     * teacher columns of {@code data} are replaced.
     */
    public static Dataset<Row> attach(Dataset<Row> data, Dataset<Row> mapping) {
        List<String> mappingColumns = Arrays.asList(mapping.columns());
        Column name = mappingColumns.contains("teacher_name") ? col("teacher_name")
                : lit(null).cast(DataTypes.StringType);
        Dataset<Row> m = mapping.select(col("school_id"), col("class"), col("subject"),
                (mappingColumns.contains("grade") ? col("grade").cast(DataTypes.IntegerType) : lit(null).cast(DataTypes.IntegerType)).as("grade"),
                col("teacher_id"), name.as("teacher_name"));
        Dataset<Row> left = data.drop("teacher_id", "teacher_name");
        Dataset<Row> specific = m.filter(col("grade").isNotNull())
                .withColumnRenamed("teacher_id", "__teacher_g").withColumnRenamed("teacher_name", "__name_g");
        Dataset<Row> general = m.filter(col("grade").isNull()).drop("grade")
                .withColumnRenamed("teacher_id", "__teacher_a").withColumnRenamed("teacher_name", "__name_a");
        Dataset<Row> joined = Keys.join(left, specific, new String[]{"school_id", "class", "grade", "subject"}, "left");
        joined = Keys.join(joined, general, new String[]{"school_id", "class", "subject"}, "left");
        return joined
                .withColumn("teacher_id", coalesce(col("__teacher_g"), col("__teacher_a")))
                .withColumn("teacher_name", when(col("__teacher_g").isNotNull(), col("__name_g")).otherwise(col("__name_a")))
                .drop("__teacher_g", "__name_g", "__teacher_a", "__name_a");
    }

    private static boolean isHeader(RawRow row) {
        if (Subjects.recognise(row.cell(2)).isPresent()) {
            return false;
        }
        int titled = 0;
        for (String cell : row.cells()) {
            String f = Text.normalize(cell);
            for (String w : HEADER_WORDS) {
                if (f.contains(w)) {
                    titled++;
                    break;
                }
            }
        }
        return titled >= 2;
    }

    private static Object parseLine(RawRow row, HeaderMapping mapping) {
        int last = row.cells().size() - 1;
        while (last >= 0 && Text.isBlank(row.cells().get(last))) {
            last--;
        }
        if (last < 3) {
            return problem(row, "ожидается не менее 4 полей: школа;класс;предмет;учитель[;ФИО]",
                    "expected at least 4 fields: school_id;class;subject;teacher_id[;teacher_name]");
        }
        if (last > 4) {
            return problem(row, "лишние поля: ожидается школа;класс;предмет;учитель[;ФИО]",
                    "too many fields: expected school_id;class;subject;teacher_id[;teacher_name]");
        }
        String schoolId = CodeNamePair.parse(row.cell(0)).code();
        if (schoolId == null) {
            return problem(row, "не указан логин школы (например, sch220206)", "no school login (such as sch220206)");
        }
        String subject = Subjects.recognise(row.cell(2)).orElse(null);
        if (subject == null) {
            return problem(row, "предмет не распознан: " + Objects.toString(row.cell(2), "").trim(),
                    "subject not recognised: " + Objects.toString(row.cell(2), "").trim());
        }
        String teacherId = Text.isBlank(row.cell(3)) ? null : row.cell(3).trim();
        if (teacherId == null) {
            return problem(row, "не указан идентификатор учителя", "no teacher id");
        }
        String rawClass = row.cell(1);
        ClassLabel label = ClassLabel.parse(rawClass == null ? "" : rawClass, mapping);
        String teacherName = Text.isBlank(row.cell(4)) ? null : row.cell(4).trim();
        return new Entry(row.number(), schoolId, label.label(), label.grade(), subject, teacherId, teacherName);
    }

    private static SideFileProblem problem(RawRow row, String ru, String en) {
        return SideFileProblem.ofLine(row.number(), ru, en);
    }
}
