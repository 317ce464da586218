package org.vprobjectivity.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.apache.spark.sql.types.DataTypes;
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
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

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
        Column markOrder = coalesce(expr("try_cast(mark_group as int)"), lit(0)).as("mark_order");
        Column schoolKey = col(SCHOOL_ID);
        Column municipalityKey = concat(lit(MUNICIPALITY_PREFIX), coalesce(col("municipality_code"), lit("unknown")));
        Column small = Arrays.asList(weak.columns()).contains(SMALL_GROUP) ? col(SMALL_GROUP) : lit(false).as(SMALL_GROUP);
        Dataset<Row> rows = rows(weak.filter(col("group_level").equalTo(WeakSpots.SCHOOL)), schoolKey, WEAK, markOrder,
                col("task_index"), small)
                .union(rows(classes, schoolKey, CLASSES))
                .union(rows(cells, schoolKey, INDICATORS))
                .union(rows(weak.filter(col("group_level").equalTo(WeakSpots.MUNICIPALITY)), municipalityKey, WEAK, markOrder,
                        col("task_index"), small))
                .union(rows(cells, municipalityKey, SCHOOLS))
                .union(rows(cells, municipalityKey, INDICATORS));
        Dataset<Row> teachers = teachers(spark, outputDir, weak);
        if (teachers != null) {
            Column[] who = {col(TeacherMapping.TEACHER_ID), col(TeacherMapping.TEACHER_NAME)};
            rows = rows.union(rows(teachers, schoolKey, TEACHERS, who)).union(rows(teachers, municipalityKey, TEACHERS, who));
        }
        HashMap<String, String> texts = ColumnTexts.of(lang);
        // The executors write: a relative folder would resolve against their own working folders, and they know only the
        // Hadoop settings they are given (e.g. spark.hadoop.fs.s3a.* reach the driver's configuration, not new ones).
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String folder = qualified(target, conf);
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(spark.sparkContext(), conf);
        MapGroupsFunction<String, Row, Long> writeOne = (key, group) -> {
            writeWorkbook(folder, key, group, texts, hadoop.value().value());
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
     * (workbook, row as JSON) for one sheet kind's rows; the JSON carries the sheet's columns, its kind, the unit's
     * session and the sort keys.
     */
    private static Dataset<Row> rows(Dataset<Row> source, Column workbook, SheetSpec sheet, Column... extra) {
        List<Column> fields = new ArrayList<>();
        List<String> have = Arrays.asList(source.columns());
        for (String c : sheet.columns()) {
            fields.add(have.contains(c) ? col(c) : lit(null).as(c));
        }
        fields.add(lit(sheet.name()).as(KIND));
        fields.add(col(SESSION));
        for (Column e : extra) {
            if (!fields.contains(e)) {
                fields.add(e);
            }
        }
        return source.filter(workbook.isNotNull()).select(workbook.as("workbook"),
                to_json(struct(fields.toArray(new Column[0]))).as("json"));
    }

    /** One sheet's unit: a work of a session. */
    record Unit(String session, String subject, int grade) {
        static final Comparator<Unit> ORDER = Comparator.comparing(Unit::session, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Unit::grade).thenComparing(Unit::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

        static Unit of(JsonNode row) {
            return new Unit(text(row, SESSION), text(row, SUBJECT), row.path(GRADE).asInt(0));
        }

        private static String text(JsonNode row, String field) {
            JsonNode v = row.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }
    }

    private static void writeWorkbook(String target, String key, Iterator<Row> group, Map<String, String> texts,
                                      Configuration conf) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<Unit, Map<String, List<JsonNode>>> byUnit = new TreeMap<>(Unit.ORDER);
        while (group.hasNext()) {
            JsonNode row = json.readTree(group.next().getString(1));
            byUnit.computeIfAbsent(Unit.of(row), u -> new HashMap<>())
                    .computeIfAbsent(row.get(KIND).asText(), k -> new ArrayList<>()).add(row);
        }
        boolean severalSessions = byUnit.keySet().stream().map(Unit::session).distinct().count() > 1;
        ReportText words = new ReportText(texts.get("lang"));
        SheetNames names = new SheetNames();
        Path file = new Path(target, fileName(key) + ".xlsx");
        FileSystem fs = ReportWriter.fileSystem(file, conf);
        // Written straight into the package, row by row (XlsxTables): no temporary sheet files, no XML beans.
        try (XlsxTables wb = new XlsxTables(fs.create(file, true))) {
            for (Map.Entry<Unit, Map<String, List<JsonNode>>> unit : byUnit.entrySet()) {
                Unit u = unit.getKey();
                String work = (severalSessions ? words.session(u.session()) + " " : "") + words.work(u.subject(), u.grade());
                for (SheetSpec spec : KINDS) {
                    List<JsonNode> rows = unit.getValue().get(spec.name());
                    if (rows == null) {
                        continue; // e.g. no teacher of this work, or a school's workbook (its schools are in the municipality's)
                    }
                    rows.sort(order(spec.sortBy()));
                    sheet(wb, names.add(work + " " + texts.get("sheet." + spec.name())), spec, rows, texts);
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

    private static void sheet(XlsxTables wb, String name, SheetSpec spec, List<JsonNode> rows, Map<String, String> texts)
            throws IOException {
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
        for (JsonNode row : rows) {
            Object[] values = new Object[n];
            XlsxTables.Style[] styles = new XlsxTables.Style[n];
            boolean small = row.has(SMALL_GROUP) && row.get(SMALL_GROUP).asBoolean(false);
            for (int c = 0; c < n; c++) {
                String column = spec.columns().get(c);
                JsonNode v = row.get(column);
                if (TEACHER.equals(column)) {
                    values[c] = TeacherLabel.of(row.path(TeacherMapping.TEACHER_ID).asText(null),
                            row.path(TeacherMapping.TEACHER_NAME).asText(null));
                } else if (small && VERDICTS.contains(column)) {
                    values[c] = texts.get("small"); // too few works for a verdict either way
                } else if (v == null || v.isNull()) {
                    values[c] = null;
                } else if (SUBJECT.equals(column)) {
                    values[c] = subjectName(v.asText(), texts);
                } else if ("mark_group".equals(column)) {
                    values[c] = markGroupName(v.asText(), texts);
                } else if (v.isNumber()) {
                    values[c] = v.asDouble();
                    styles[c] = SHARES.contains(column) ? XlsxTables.Style.SHARE
                            : COUNTS.contains(column) ? XlsxTables.Style.COUNT : XlsxTables.Style.NUMBER;
                } else if (v.isBoolean()) {
                    values[c] = texts.get(v.asBoolean() ? "yes" : "no");
                } else if (v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(x -> parts.add(x.asText()));
                    values[c] = String.join("\n", parts); // a text cell: never a formula
                } else {
                    values[c] = v.asText();
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

    private static Comparator<JsonNode> order(List<String> fields) {
        Comparator<JsonNode> c = (a, b) -> 0;
        for (String f : fields) {
            c = c.thenComparing((a, b) -> compare(a.get(f), b.get(f)));
        }
        return c;
    }

    private static int compare(JsonNode a, JsonNode b) {
        boolean an = a == null || a.isNull();
        boolean bn = b == null || b.isNull();
        if (an || bn) {
            return Boolean.compare(an, bn);
        }
        return a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble()) : a.asText().compareTo(b.asText());
    }

    /** A workbook key as a file name: letters, digits, '-' and '_' kept. */
    static String fileName(String key) {
        return key.replaceAll("[^\\p{L}\\p{N}_-]", "_");
    }
}
