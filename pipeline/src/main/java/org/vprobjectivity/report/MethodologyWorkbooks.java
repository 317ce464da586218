package org.vprobjectivity.report;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.util.SerializableConfiguration;
import org.vprobjectivity.flags.Bilingual;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.indicators.TeacherMapping;
import org.vprobjectivity.indicators.WeakSpots;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

/**
 * Methodologists' workbooks ({@code report/methodology/<school_id>.xlsx} and {@code municipality-<code>.xlsx}): weak
 * spots per task (checked skill, solve rate against the municipality and the region, by mark group), VPR marks
 * against journal marks per class, school and teacher (with a mapping), the schools' indicator values with their
 * flags, and a sheet explaining every column. One workbook per school and per municipality, written on the executors
 * (rows are grouped by workbook and each group becomes one file), so a national run never brings the tables to the
 * driver. Texts are string cells, never formulas.
 *
 * <p>One unit per sheet: a sheet holds the rows of one work (session × subject × grade) at one level (the tasks of
 * the school or municipality; its classes; its schools; its teachers; the schools' indicators), named by them
 * («4 МА дефициты», «4 МА журнал, классы»; the session in front when a workbook holds several). Task numbers and
 * skills mean something else in another work, and a class row beside a teacher row of the same pupils counts them
 * twice: a methodologist who sorts, filters or sums a column of a sheet then compares like with like. Sheets follow
 * the works (session, grade, subject), each work's sheets in the order above, then «Пояснения».
 */
public final class MethodologyWorkbooks implements Serializable {

    public static final String DIR = "methodology";
    static final String MUNICIPALITY_PREFIX = "municipality-";

    static final String SESSION = "session";
    static final String SUBJECT = "subject";
    static final String GRADE = "grade";
    static final String CLASS = "class";
    static final String SCHOOL_ID = "school_id";
    /** The teachers sheet's column: {@link TeacherLabel} of the row's id and name. */
    static final String TEACHER = "teacher";
    /** The JSON field naming a row's sheet kind. */
    private static final String KIND = "kind";

    /** A sheet kind: its key in {@link ColumnTexts} ({@code sheet.<name>}), its columns and the columns it is sorted by. */
    record SheetSpec(String name, List<String> columns, List<String> sortBy) implements Serializable {
    }

    /** The journal columns after the row's own key (class, school or teacher). */
    private static final List<String> JOURNAL = List.of("works", "n_journal", "lowered_share", "confirmed_share",
            "raised_share", "mean_diff", "score_above_journal", "kappa_w");

    static final SheetSpec WEAK = new SheetSpec("weak", List.of(SUBJECT, GRADE, "mark_group", "task", "level", "skill",
            "works", "solve_rate", "solve_rate_municipality", "solve_rate_region", "gap_to_region", "weak", "achieved"),
            List.of("mark_order", "task_index"));
    static final SheetSpec CLASSES = journal("classes", CLASS);
    static final SheetSpec SCHOOLS = journal("schools", SCHOOL_ID);
    static final SheetSpec TEACHERS = new SheetSpec("teachers", plus(List.of(SUBJECT, GRADE, TEACHER), JOURNAL),
            List.of(TeacherMapping.TEACHER_ID));
    static final SheetSpec INDICATORS = new SheetSpec("indicators", List.of(SUBJECT, GRADE, SCHOOL_ID, "works",
            "mean_score_pct", "quality_share", "quality_ref", "lowered_share", "lowered_ref", "raised_share", "raised_ref",
            "score_above_journal", "absent_share", "absent_ref", "guttman_mean", "guttman_expected", "identical_vector_works",
            "score_sd", "sd_expected", "risk_score", "flagged", "reasons"), List.of(SCHOOL_ID));
    /** The kinds in the order a work's sheets follow each other. */
    static final List<SheetSpec> KINDS = List.of(WEAK, CLASSES, SCHOOLS, TEACHERS, INDICATORS);

    private static SheetSpec journal(String name, String key) {
        return new SheetSpec(name, plus(List.of(SUBJECT, GRADE, key), JOURNAL), List.of(key));
    }

    private static List<String> plus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** The weak-spot column saying the group is under {@code indicators.weak_min_group_works} works. */
    static final String SMALL_GROUP = "small_group";
    /** Columns a small group shows as «мало данных» instead of «да»/«нет»: 2 works make no weak spot. */
    static final List<String> VERDICTS = List.of("weak", "achieved");
    /** Shares (0..1), written as numbers with a percent format of one decimal. */
    static final List<String> SHARES = List.of("solve_rate", "solve_rate_municipality", "solve_rate_region", "gap_to_region",
            "lowered_share", "confirmed_share", "raised_share", "lowered_ref", "raised_ref", "quality_share", "quality_ref",
            "absent_share", "absent_ref", "guttman_mean", "guttman_expected");
    /** Counts, written as integers. */
    static final List<String> COUNTS = List.of("grade", "works", "n_journal", "identical_vector_works");

    private MethodologyWorkbooks() {
    }

    /**
     * @param outputDir a run's output (or staging) folder
     * @param target    the folder the workbooks go to ({@code …/methodology})
     * @return the number of workbooks written
     */
    public static long write(SparkSession spark, String outputDir, String target, String lang) {
        Dataset<Row> weak = spark.read().parquet(outputDir + "/" + OutputLayout.INDICATORS_WEAK_SPOTS);
        Dataset<Row> classes = spark.read().parquet(outputDir + "/" + OutputLayout.INDICATORS_CLASS);
        // the reasons in the workbooks' language, whatever the run's (Bilingual)
        Dataset<Row> flags = Bilingual.inLanguage(spark.read().parquet(outputDir + "/" + OutputLayout.FLAGS_CELLS), lang,
                Bilingual.REASONS);
        Dataset<Row> cells = Keys.join(spark.read().parquet(outputDir + "/" + OutputLayout.INDICATORS_SCHOOL),
                flags.select("session", "region", "school_id", "subject", "grade", "risk_score", "flagged", Bilingual.REASONS),
                Keys.SCHOOL, "left");
        Column markOrder = coalesce(expr("try_cast(mark_group as int)"), lit(0));
        Column schoolKey = col(SCHOOL_ID);
        Column municipalityKey = concat(lit(MUNICIPALITY_PREFIX), coalesce(col("municipality_code"), lit("unknown")));
        Column small = Arrays.asList(weak.columns()).contains(SMALL_GROUP) ? col(SMALL_GROUP) : lit(false).as(SMALL_GROUP);
        Dataset<Row> teachers = teachers(spark, outputDir, weak);
        Wide wide = Wide.of(teachers == null ? List.of(weak, classes, cells) : List.of(weak, classes, cells, teachers));
        Map<String, Column> weakExtra = Map.of("mark_order", markOrder, "task_index", col("task_index"), SMALL_GROUP, small);
        Dataset<Row> rows = rows(weak.filter(col("group_level").equalTo(WeakSpots.SCHOOL)), schoolKey, WEAK, wide, weakExtra)
                .union(rows(classes, schoolKey, CLASSES, wide, Map.of()))
                .union(rows(cells, schoolKey, INDICATORS, wide, Map.of()))
                .union(rows(weak.filter(col("group_level").equalTo(WeakSpots.MUNICIPALITY)), municipalityKey, WEAK, wide,
                        weakExtra))
                .union(rows(cells, municipalityKey, SCHOOLS, wide, Map.of()))
                .union(rows(cells, municipalityKey, INDICATORS, wide, Map.of()));
        if (teachers != null) {
            Map<String, Column> who = Map.of(TeacherMapping.TEACHER_ID, col(TeacherMapping.TEACHER_ID),
                    TeacherMapping.TEACHER_NAME, col(TeacherMapping.TEACHER_NAME));
            rows = rows.union(rows(teachers, schoolKey, TEACHERS, wide, who))
                    .union(rows(teachers, municipalityKey, TEACHERS, wide, who));
        }
        HashMap<String, String> texts = ColumnTexts.of(lang);
        // The executors write: a relative folder would resolve against their own working folders, and they know only the
        // Hadoop settings they are given (e.g. spark.hadoop.fs.s3a.* reach the driver's configuration, not new ones).
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String folder = qualified(target, conf);
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(spark.sparkContext(), conf);
        MapGroupsFunction<String, Row, Long> writeOne = (key, group) -> {
            writeWorkbook(folder, key, group, wide, texts, hadoop.value().value());
            return 1L;
        };
        List<Long> written = rows.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .mapGroups(writeOne, Encoders.LONG()).collectAsList();
        hadoop.destroy();
        return written.size();
    }

    private static String qualified(String folder, Configuration conf) {
        Path p = new Path(folder);
        try {
            return p.getFileSystem(conf).makeQualified(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write under " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code indicators/teacher} (written with {@code --teachers}) with each teacher's school, taken from the teacher's
     * weak-spot rows (a teacher of one school has it; one of several schools has none and shows in the municipality's
     * workbook only). {@code teacher_name} is null unless the run was given {@code --include-names} (and a table
     * written before names were kept has no such column). Null without a teacher table.
     */
    private static Dataset<Row> teachers(SparkSession spark, String outputDir, Dataset<Row> weak) {
        String table = outputDir + "/" + OutputLayout.INDICATORS_TEACHER;
        if (!ParquetTables.exists(spark, table)) {
            return null; // no --teachers mapping in this run
        }
        Dataset<Row> cells = spark.read().parquet(table);
        if (!Arrays.asList(cells.columns()).contains(TeacherMapping.TEACHER_NAME)) {
            cells = cells.withColumn(TeacherMapping.TEACHER_NAME, lit(null).cast(DataTypes.StringType));
        }
        Dataset<Row> schoolOf = weak.filter(col("group_level").equalTo(WeakSpots.TEACHER).and(col(SCHOOL_ID).isNotNull()))
                .select(TeacherMapping.TEACHER_ID, SCHOOL_ID).distinct();
        return Keys.join(cells, schoolOf, new String[]{TeacherMapping.TEACHER_ID}, "left");
    }

    /**
     * The columns every row carries, after the workbook's key: the sheets' columns, what they are sorted and labelled
     * by, the row's kind and session. Each is read with one type whatever the table it comes from: numbers as doubles
     * (a sheet writes every number as a double), the others as their tables have them. One row type for every sheet
     * kind, so that the kinds' rows are one union, each row carrying its own kind's columns and nulls elsewhere.
     */
    record Wide(List<String> names, List<DataType> types, Map<String, Integer> at) implements Serializable {

        static Wide of(List<Dataset<Row>> sources) {
            java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(List.of(KIND, SESSION, SMALL_GROUP,
                    "mark_order", "task_index", TeacherMapping.TEACHER_ID, TeacherMapping.TEACHER_NAME));
            for (SheetSpec spec : KINDS) {
                names.addAll(spec.columns());
                names.addAll(spec.sortBy());
            }
            List<String> list = List.copyOf(names);
            List<DataType> types = new ArrayList<>();
            Map<String, Integer> at = new HashMap<>();
            for (String name : list) {
                DataType type = name.equals(SMALL_GROUP) ? DataTypes.BooleanType : name.equals("mark_order")
                        ? DataTypes.DoubleType : DataTypes.StringType;
                for (Dataset<Row> source : sources) {
                    if (Arrays.asList(source.columns()).contains(name)) {
                        type = source.schema().apply(name).dataType();
                        break;
                    }
                }
                types.add(type instanceof NumericType ? DataTypes.DoubleType : type);
                at.put(name, at.size() + 1); // after the workbook's key
            }
            return new Wide(list, List.copyOf(types), Map.copyOf(at));
        }

        /** A row's value of a column (null where the row's kind has none). */
        Object get(Row row, String column) {
            Integer i = at.get(column);
            return i == null ? null : row.get(i);
        }
    }

    /** (workbook, the {@link Wide} columns) for one sheet kind's rows: its columns, kind, session and {@code extra}. */
    private static Dataset<Row> rows(Dataset<Row> source, Column workbook, SheetSpec sheet, Wide wide,
                                     Map<String, Column> extra) {
        List<String> have = Arrays.asList(source.columns());
        List<Column> out = new ArrayList<>();
        out.add(workbook.as("workbook"));
        for (int i = 0; i < wide.names().size(); i++) {
            String name = wide.names().get(i);
            Column c = name.equals(KIND) ? lit(sheet.name())
                    : extra.containsKey(name) ? extra.get(name)
                    : (sheet.columns().contains(name) || name.equals(SESSION)) && have.contains(name) ? col(name)
                    : lit(null);
            out.add(c.cast(wide.types().get(i)).as(name));
        }
        return source.filter(workbook.isNotNull()).select(out.toArray(new Column[0]));
    }

    /** One sheet's unit: a work of a session. */
    record Unit(String session, String subject, int grade) {
        static final Comparator<Unit> ORDER = Comparator.comparing(Unit::session, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Unit::grade).thenComparing(Unit::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

        static Unit of(Row row, Wide wide) {
            Object grade = wide.get(row, GRADE);
            return new Unit((String) wide.get(row, SESSION), (String) wide.get(row, SUBJECT),
                    grade == null ? 0 : ((Number) grade).intValue());
        }
    }

    private static void writeWorkbook(String target, String key, Iterator<Row> group, Wide wide,
                                      Map<String, String> texts, Configuration conf) throws IOException {
        Map<Unit, Map<String, List<Row>>> byUnit = new TreeMap<>(Unit.ORDER);
        while (group.hasNext()) {
            Row row = group.next();
            byUnit.computeIfAbsent(Unit.of(row, wide), u -> new HashMap<>())
                    .computeIfAbsent((String) wide.get(row, KIND), k -> new ArrayList<>()).add(row);
        }
        boolean severalSessions = byUnit.keySet().stream().map(Unit::session).distinct().count() > 1;
        ReportText words = new ReportText(texts.get("lang"));
        SheetNames names = new SheetNames();
        Path file = new Path(target, fileName(key) + ".xlsx");
        FileSystem fs = ReportWriter.fileSystem(file, conf);
        // Written straight into the package, row by row (XlsxTables): no temporary sheet files, no XML beans.
        try (XlsxTables wb = new XlsxTables(fs.create(file, true))) {
            for (Map.Entry<Unit, Map<String, List<Row>>> unit : byUnit.entrySet()) {
                Unit u = unit.getKey();
                String work = (severalSessions ? words.session(u.session()) + " " : "") + words.work(u.subject(), u.grade());
                for (SheetSpec spec : KINDS) {
                    List<Row> rows = unit.getValue().get(spec.name());
                    if (rows == null) {
                        continue; // e.g. no teacher of this work, or a school's workbook (its schools are in the municipality's)
                    }
                    rows.sort(order(spec.sortBy(), wide));
                    sheet(wb, names.add(work + " " + texts.get("sheet." + spec.name())), spec, rows, wide, texts);
                }
            }
            explanations(wb, names.add(texts.get("sheet.columns")), texts);
        }
    }

    /** «Математика» / "Mathematics" for a subject code; the code where the name is unknown. */
    private static String subjectName(String code, Map<String, String> texts) {
        String work = new org.vprobjectivity.flags.ReasonText(texts.get("lang")).work(code, 0);
        return work.substring(0, work.lastIndexOf(", "));
    }

    /** «все участники», «с отметкой «4»» for the mark groups {@code all}, {@code 3}..{@code 5}. */
    private static String markGroupName(String group, Map<String, String> texts) {
        return WeakSpots.ALL_MARKS.equals(group) ? texts.get("mark.all") : texts.get("mark.one").replace("{m}", group);
    }

    private static void sheet(XlsxTables wb, String name, SheetSpec spec, List<Row> rows, Wide wide,
                              Map<String, String> texts) throws IOException {
        int n = spec.columns().size();
        double[] widths = new double[n];
        Object[] header = new Object[n];
        XlsxTables.Style[] bold = new XlsxTables.Style[n];
        for (int c = 0; c < n; c++) {
            header[c] = texts.get("col." + spec.columns().get(c));
            bold[c] = XlsxTables.Style.BOLD;
            widths[c] = Math.max(10, Math.min(50, header[c].toString().length() + 2));
        }
        XlsxTables.Sheet sheet = wb.sheet(name, widths, true);
        sheet.row(header, bold);
        for (Row row : rows) {
            Object[] values = new Object[n];
            XlsxTables.Style[] styles = new XlsxTables.Style[n];
            boolean small = Boolean.TRUE.equals(wide.get(row, SMALL_GROUP));
            for (int c = 0; c < n; c++) {
                String column = spec.columns().get(c);
                Object v = wide.get(row, column);
                if (TEACHER.equals(column)) {
                    values[c] = TeacherLabel.of((String) wide.get(row, TeacherMapping.TEACHER_ID),
                            (String) wide.get(row, TeacherMapping.TEACHER_NAME));
                } else if (small && VERDICTS.contains(column)) {
                    values[c] = texts.get("small"); // too few works for a verdict either way
                } else if (v == null) {
                    values[c] = null;
                } else if (SUBJECT.equals(column)) {
                    values[c] = subjectName(v.toString(), texts);
                } else if ("mark_group".equals(column)) {
                    values[c] = markGroupName(v.toString(), texts);
                } else if (v instanceof Double d && Double.isFinite(d)) {
                    values[c] = d;
                    styles[c] = SHARES.contains(column) ? XlsxTables.Style.SHARE
                            : COUNTS.contains(column) ? XlsxTables.Style.COUNT : XlsxTables.Style.NUMBER;
                } else if (v instanceof Boolean b) {
                    values[c] = texts.get(b ? "yes" : "no");
                } else if (v instanceof scala.collection.Seq<?> list) {
                    List<String> parts = new ArrayList<>();
                    scala.jdk.javaapi.CollectionConverters.asJava(list).forEach(x -> parts.add(String.valueOf(x)));
                    values[c] = String.join("\n", parts); // a text cell: never a formula
                } else {
                    values[c] = v.toString(); // text; NaN and infinities as their names
                }
            }
            sheet.row(values, styles);
        }
        sheet.end(true);
    }

    private static void explanations(XlsxTables wb, String name, Map<String, String> texts) throws IOException {
        XlsxTables.Sheet sheet = wb.sheet(name, new double[]{40, 110}, false);
        XlsxTables.Style[] bold = {XlsxTables.Style.BOLD, XlsxTables.Style.BOLD};
        sheet.row(new Object[]{texts.get("explain.column"), texts.get("explain.meaning")}, bold);
        for (String column : ColumnTexts.COLUMNS) {
            sheet.row(new Object[]{texts.get("col." + column), texts.get("explain." + column)}, null);
        }
        sheet.end(false);
    }

    /** Rows by the given columns, each ascending, a missing value first; numbers as numbers, the rest as text. */
    private static Comparator<Row> order(List<String> fields, Wide wide) {
        Comparator<Row> c = (a, b) -> 0;
        for (String f : fields) {
            c = c.thenComparing((a, b) -> compare(wide.get(a, f), wide.get(b, f)));
        }
        return c;
    }

    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return Boolean.compare(a == null, b == null);
        }
        return a instanceof Double x && b instanceof Double y ? Double.compare(x, y) : a.toString().compareTo(b.toString());
    }

    /** A workbook key as a file name: letters, digits, '-' and '_' kept. */
    static String fileName(String key) {
        return key.replaceAll("[^\\p{L}\\p{N}_-]", "_");
    }
}
