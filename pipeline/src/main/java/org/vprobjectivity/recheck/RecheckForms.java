package org.vprobjectivity.recheck;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.model.Subjects;
import org.vprobjectivity.model.TaskSpec;
import org.vprobjectivity.report.ReportWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;

/**
 * Blind forms for the commissions ({@code recheck/forms/*.xlsx}), one per commission and work (subject and grade:
 * each work has its own tasks). The sheet {@value #SHEET} holds a header row ({@value #CODE}, {@value #SUBJECT},
 * {@value #GRADE}, then one column per task in the scale's order, headed «5.1 (макс 1)») and a row per work with its
 * code only: no school, no class, no original score. Each task column accepts the scores 0..max and «Х» (not
 * attempted). The sheet {@value #INSTRUCTIONS} says what to do and carries the plan's code, so a form of another
 * plan is refused when read back. Written by the executors, a form per task (no work row reaches the driver).
 */
public final class RecheckForms {

    public static final String SHEET = "Перепроверка";
    public static final String INSTRUCTIONS = "Инструкция";
    public static final String CODE = "Код работы";
    public static final String SUBJECT = "Предмет";
    public static final String GRADE = "Класс";
    public static final String PLAN_LABEL = "Код плана:";
    public static final String NOT_ATTEMPTED = "Х";

    private RecheckForms() {
    }

    /** A task column's maximum in its header, spaces inside the brackets allowed («(макс 2)», «( макс 2 )»). */
    private static final java.util.regex.Pattern TASK_MAX = java.util.regex.Pattern.compile("\\(\\s*макс\\s*(\\d+)\\s*\\)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The header of a task column: «5.1 (макс 1)». */
    public static String taskHeader(TaskSpec task) {
        return task.name() + " (макс " + task.max() + ")";
    }

    /** The maximum a task column's header states ({@link #taskHeader}), or null when it is not a task header. */
    public static Integer taskMax(String header) {
        java.util.regex.Matcher m = header == null ? null : TASK_MAX.matcher(header);
        return m != null && m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Writes a form per commission and work; returns the number of forms. */
    public static int write(SparkSession spark, String outputDir, MarkScales scales) {
        Dataset<Row> plan = spark.read().parquet(outputDir + "/" + RecheckTables.PLAN)
                .select(RecheckTables.FORM, RecheckTables.WORK_ID, RecheckTables.PLAN_ID, RecheckTables.COMMISSION,
                        "session", "subject", "grade", "scale_key");
        Map<String, MarkScale> byKey = scales.entries().stream()
                .collect(Collectors.toMap(MarkScale::key, s -> s, (a, b) -> a, java.util.HashMap::new));
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path target = new Path(outputDir + "/" + RecheckTables.FORMS);
        String folder;
        try {
            FileSystem fs = target.getFileSystem(conf);
            folder = fs.makeQualified(target).toString();
            fs.delete(target, true); // forms of an earlier plan must not stay beside this plan's
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write under " + target + ": " + e.getMessage(), e);
        }
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(spark.sparkContext(), conf);
        MapGroupsFunction<String, Row, Long> writeOne = (form, rows) -> {
            writeForm(folder, form, rows, byKey, hadoop.value().value());
            return 1L;
        };
        List<Long> written = plan.orderBy(col(RecheckTables.WORK_ID))
                .groupByKey((MapFunction<Row, String>) r -> r.getAs(RecheckTables.FORM), Encoders.STRING())
                .mapGroups(writeOne, Encoders.LONG()).collectAsList();
        hadoop.destroy();
        return written.size();
    }

    /** A file name from the form's key: letters, digits, dashes. */
    public static String fileName(String form) {
        return form.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "") + ".xlsx";
    }

    private static void writeForm(String folder, String form, Iterator<Row> rows, Map<String, MarkScale> scales,
                                  Configuration conf) throws IOException {
        List<Row> works = new ArrayList<>();
        rows.forEachRemaining(works::add);
        works.sort(java.util.Comparator.comparing(r -> r.<String>getAs(RecheckTables.WORK_ID)));
        Row first = works.get(0);
        MarkScale scale = scales.get(first.<String>getAs("scale_key"));
        if (scale == null) {
            throw new IllegalStateException("no mark scale " + first.getAs("scale_key") + " for the form " + form);
        }
        String subjectName = Subjects.name(first.getAs("subject"));
        Path file = new Path(folder, fileName(form));
        FileSystem fs = ReportWriter.fileSystem(file, conf);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = fs.create(file, true)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = wb.createSheet(SHEET);
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            List<String> titles = new ArrayList<>(List.of(CODE, SUBJECT, GRADE));
            scale.tasks().forEach(t -> titles.add(taskHeader(t)));
            for (int c = 0; c < titles.size(); c++) {
                header.createCell(c).setCellValue(titles.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            for (int i = 0; i < works.size(); i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(works.get(i).<String>getAs(RecheckTables.WORK_ID));
                row.createCell(1).setCellValue(subjectName);
                row.createCell(2).setCellValue(works.get(i).<Integer>getAs("grade"));
            }
            DataValidationHelper helper = sheet.getDataValidationHelper();
            for (int t = 0; t < scale.tasks().size(); t++) {
                List<String> allowed = new ArrayList<>();
                for (int s = 0; s <= scale.tasks().get(t).max(); s++) {
                    allowed.add(Integer.toString(s));
                }
                allowed.add(NOT_ATTEMPTED);
                DataValidationConstraint constraint = helper.createExplicitListConstraint(allowed.toArray(new String[0]));
                DataValidation v = helper.createValidation(constraint,
                        new CellRangeAddressList(1, Math.max(1, works.size()), 3 + t, 3 + t));
                v.setShowErrorBox(true);
                v.createErrorBox("Недопустимый балл", "Введите балл от 0 до " + scale.tasks().get(t).max()
                        + " или «" + NOT_ATTEMPTED + "», если задание не выполнялось.");
                sheet.addValidationData(v);
            }
            sheet.createFreezePane(1, 1);
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 20 * 256);
            instructions(wb.createSheet(INSTRUCTIONS), bold, first, subjectName);
            wb.write(out);
        }
    }

    private static void instructions(Sheet sheet, CellStyle bold, Row first, String subjectName) {
        String[] lines = {
                "Выборочная перепроверка ВПР: " + subjectName + ", " + first.getAs("grade") + " класс, сессия "
                        + first.getAs("session"),
                "Комиссия: " + first.getAs(RecheckTables.COMMISSION),
                "",
                "1. Найдите работу по коду (он написан на бланке работы) и оцените каждое задание по критериям.",
                "2. В столбец задания введите балл от 0 до максимального (он указан в заголовке) или «Х», если ученик "
                        + "к заданию не приступал.",
                "3. Не оставляйте пустых ячеек: работа с пустой ячейкой не будет учтена.",
                "4. Не меняйте коды работ, заголовки и код плана; не добавляйте строки.",
                "5. Исходные баллы школы на бланке не указаны намеренно: оценивайте работу независимо.",
        };
        for (int i = 0; i < lines.length; i++) {
            sheet.createRow(i).createCell(0).setCellValue(lines[i]);
        }
        org.apache.poi.ss.usermodel.Row plan = sheet.createRow(lines.length + 1);
        plan.createCell(0).setCellValue(PLAN_LABEL);
        plan.getCell(0).setCellStyle(bold);
        plan.createCell(1).setCellValue(first.<String>getAs(RecheckTables.PLAN_ID));
        sheet.setColumnWidth(0, 100 * 256);
    }
}
