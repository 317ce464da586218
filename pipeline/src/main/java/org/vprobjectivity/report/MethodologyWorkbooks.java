package org.vprobjectivity.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.vprobjectivity.indicators.Keys;
import org.vprobjectivity.indicators.WeakSpots;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * Methodologists' workbooks ({@code report/methodology/<school_id>.xlsx} and {@code municipality-<code>.xlsx}): weak
 * spots per subject and grade (task, checked skill, solve rate against the municipality and the region, by mark group),
 * VPR marks against journal marks per class (and teacher, with a mapping), the school's indicator values with its
 * flags, and a sheet explaining every column. One workbook per school and per municipality, written on the executors
 * (rows are grouped by workbook and each group becomes one file), so a national run never brings the tables to the
 * driver. Texts are string cells, never formulas.
 */
public final class MethodologyWorkbooks implements Serializable {

    public static final String DIR = "methodology";
    static final String MUNICIPALITY_PREFIX = "municipality-";

    /** A sheet: its key in {@link ReportText}-style dictionaries, its columns and the columns it is sorted by. */
    record SheetSpec(String name, List<String> columns, List<String> sortBy) implements Serializable {
    }

    static final SheetSpec WEAK = new SheetSpec("weak", List.of("subject", "grade", "mark_group", "task", "level", "skill",
            "works", "solve_rate", "solve_rate_municipality", "solve_rate_region", "gap_to_region", "weak", "achieved"),
            List.of("subject", "grade", "mark_order", "task_index"));
    static final SheetSpec CLASSES = new SheetSpec("journal", List.of("subject", "grade", "group", "works", "n_journal",
            "lowered_share", "confirmed_share", "raised_share", "mean_diff", "score_above_journal", "kappa_w"),
            List.of("subject", "grade", "group"));
    static final SheetSpec INDICATORS = new SheetSpec("indicators", List.of("subject", "grade", "school_id", "works",
            "mean_score_pct", "quality_share", "quality_ref", "lowered_share", "lowered_ref", "raised_share", "raised_ref",
            "score_above_journal", "absent_share", "absent_ref", "guttman_mean", "guttman_expected", "identical_vector_works",
            "score_sd", "sd_expected", "risk_score", "flagged", "reasons"), List.of("subject", "grade", "school_id"));

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

    /** Rows of a sheet kept in memory while writing; earlier ones are flushed to disk. */
    private static final int ROWS_IN_MEMORY = 200;

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
        Dataset<Row> cells = Keys.join(spark.read().parquet(outputDir + "/" + OutputLayout.INDICATORS_SCHOOL),
                spark.read().parquet(outputDir + "/" + OutputLayout.FLAGS_CELLS)
                        .select("session", "region", "school_id", "subject", "grade", "risk_score", "flagged", "reasons"),
                Keys.SCHOOL, "left");
        Column markOrder = coalesce(expr("try_cast(mark_group as int)"), lit(0)).as("mark_order");
        Column schoolKey = col("school_id");
        Column municipalityKey = concat(lit(MUNICIPALITY_PREFIX), coalesce(col("municipality_code"), lit("unknown")));
        Column small = Arrays.asList(weak.columns()).contains(SMALL_GROUP) ? col(SMALL_GROUP) : lit(false).as(SMALL_GROUP);
        Dataset<Row> rows = rows(weak.filter(col("group_level").equalTo(WeakSpots.SCHOOL)), schoolKey, WEAK, markOrder,
                col("task_index"), small)
                .union(rows(classes.withColumn("group", col("class")), schoolKey, CLASSES))
                .union(rows(cells, schoolKey, INDICATORS))
                .union(rows(weak.filter(col("group_level").equalTo(WeakSpots.MUNICIPALITY)), municipalityKey, WEAK, markOrder,
                        col("task_index"), small))
                .union(rows(cells.withColumn("group", col("school_id")), municipalityKey, CLASSES))
                .union(rows(cells, municipalityKey, INDICATORS));
        Dataset<Row> teachers = teachers(spark, outputDir, weak, "en".equalsIgnoreCase(lang) ? "teacher " : "учитель ");
        if (teachers != null) {
            rows = rows.union(rows(teachers, schoolKey, CLASSES)).union(rows(teachers, municipalityKey, CLASSES));
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
     * workbook only); {@code group} = "учитель <teacher_id>". Null without a teacher table.
     */
    private static Dataset<Row> teachers(SparkSession spark, String outputDir, Dataset<Row> weak, String label) {
        String table = outputDir + "/" + OutputLayout.INDICATORS_TEACHER;
        if (!ParquetTables.exists(spark, table)) {
            return null; // no --teachers mapping in this run
        }
        Dataset<Row> cells = spark.read().parquet(table);
        Dataset<Row> schoolOf = weak.filter(col("group_level").equalTo(WeakSpots.TEACHER).and(col("school_id").isNotNull()))
                .select("teacher_id", "school_id").distinct();
        return Keys.join(cells, schoolOf, new String[]{"teacher_id"}, "left")
                .withColumn("group", concat(lit(label), col("teacher_id")));
    }

    /** (workbook, sheet, row as JSON) for one sheet's rows; the JSON carries the sheet's columns and sort keys. */
    private static Dataset<Row> rows(Dataset<Row> source, Column workbook, SheetSpec sheet, Column... extra) {
        List<Column> fields = new ArrayList<>();
        List<String> have = Arrays.asList(source.columns());
        for (String c : sheet.columns()) {
            fields.add(have.contains(c) ? col(c) : lit(null).as(c));
        }
        fields.addAll(Arrays.asList(extra));
        return source.filter(workbook.isNotNull()).select(workbook.as("workbook"), lit(sheet.name()).as("sheet"),
                to_json(struct(fields.toArray(new Column[0]))).as("json"));
    }

    private static void writeWorkbook(String target, String key, Iterator<Row> group, Map<String, String> texts,
                                      Configuration conf) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<JsonNode>> bySheet = new LinkedHashMap<>();
        while (group.hasNext()) {
            Row r = group.next();
            bySheet.computeIfAbsent(r.getString(1), s -> new ArrayList<>()).add(json.readTree(r.getString(2)));
        }
        Path file = new Path(target, fileName(key) + ".xlsx");
        FileSystem fs = ReportWriter.fileSystem(file, conf);
        // Streaming workbook: rows go to a temporary file as they are written, so a municipality's large
        // sheets neither sit in memory as XML objects nor cost their build time (most of the report stage
        // with the in-memory XSSFWorkbook).
        SXSSFWorkbook wb = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try (OutputStream out = fs.create(file, true)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Map<String, CellStyle> formats = new HashMap<>();
            formats.put("share", format(wb, "0.0%"));
            formats.put("count", format(wb, "0"));
            formats.put("number", format(wb, "0.00"));
            for (SheetSpec spec : List.of(WEAK, CLASSES, INDICATORS)) {
                List<JsonNode> rows = bySheet.getOrDefault(spec.name(), List.of());
                rows = new ArrayList<>(rows);
                rows.sort(order(spec.sortBy()));
                sheet(wb.createSheet(texts.get("sheet." + spec.name())), bold, formats, spec, rows, texts);
            }
            explanations(wb.createSheet(texts.get("sheet.columns")), bold, texts);
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private static CellStyle format(SXSSFWorkbook wb, String pattern) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(pattern));
        return style;
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

    private static void sheet(Sheet sheet, CellStyle bold, Map<String, CellStyle> formats, SheetSpec spec, List<JsonNode> rows,
                              Map<String, String> texts) {
        org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
        for (int c = 0; c < spec.columns().size(); c++) {
            header.createCell(c).setCellValue(texts.get("col." + spec.columns().get(c)));
            header.getCell(c).setCellStyle(bold);
            sheet.setColumnWidth(c, 256 * Math.max(10, Math.min(50, texts.get("col." + spec.columns().get(c)).length() + 2)));
        }
        int r = 1;
        for (JsonNode row : rows) {
            org.apache.poi.ss.usermodel.Row out = sheet.createRow(r++);
            boolean small = row.has(SMALL_GROUP) && row.get(SMALL_GROUP).asBoolean(false);
            for (int c = 0; c < spec.columns().size(); c++) {
                String column = spec.columns().get(c);
                JsonNode v = row.get(column);
                if (small && VERDICTS.contains(column)) {
                    out.createCell(c).setCellValue(texts.get("small")); // too few works for a verdict either way
                    continue;
                }
                if (v == null || v.isNull()) {
                    continue;
                }
                if ("subject".equals(column)) {
                    out.createCell(c).setCellValue(subjectName(v.asText(), texts));
                } else if ("mark_group".equals(column)) {
                    out.createCell(c).setCellValue(markGroupName(v.asText(), texts));
                } else if (v.isNumber()) {
                    org.apache.poi.ss.usermodel.Cell cell = out.createCell(c);
                    cell.setCellValue(v.asDouble());
                    cell.setCellStyle(formats.get(SHARES.contains(column) ? "share" : COUNTS.contains(column) ? "count" : "number"));
                } else if (v.isBoolean()) {
                    out.createCell(c).setCellValue(texts.get(v.asBoolean() ? "yes" : "no"));
                } else if (v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(x -> parts.add(x.asText()));
                    out.createCell(c).setCellValue(String.join("\n", parts)); // a string cell: never a formula
                } else {
                    out.createCell(c).setCellValue(v.asText());
                }
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, spec.columns().size() - 1));
    }

    private static void explanations(Sheet sheet, CellStyle bold, Map<String, String> texts) {
        org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
        header.createCell(0).setCellValue(texts.get("explain.column"));
        header.createCell(1).setCellValue(texts.get("explain.meaning"));
        header.getCell(0).setCellStyle(bold);
        header.getCell(1).setCellStyle(bold);
        int r = 1;
        for (String column : ColumnTexts.COLUMNS) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(texts.get("col." + column));
            row.createCell(1).setCellValue(texts.get("explain." + column));
        }
        sheet.setColumnWidth(0, 256 * 40);
        sheet.setColumnWidth(1, 256 * 110);
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
