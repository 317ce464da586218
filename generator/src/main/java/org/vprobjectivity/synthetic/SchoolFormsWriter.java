package org.vprobjectivity.synthetic;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFFormulaEvaluator;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.vprobjectivity.model.TaskSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The school result form as uploaded to FIS OKO (shape 2): one workbook per school, subject and grade with
 * the sheets «Классы» and «Протокол»; task headers carry their maxima ({@code 5.1 (1б)}); region,
 * municipality and school as "code | name"; numbers as numeric cells. The subject and grade are only in
 * the file name ({@code sch220013_MA4.xlsx}), the year only in «Дата загрузки». Strings are inline, as in
 * the forms FIS OKO hands out; SXSSF with an unbounded row window keeps every row for the formula evaluator
 * and writes ten times faster than the XSSF object model.
 */
final class SchoolFormsWriter implements ShapeWriter {

    static final String FOLDER = "school-forms/";
    static final String CLASS_HEADER = "Буква (цифра) класса. Введите \"нет\" - если отсутствует";
    static final String JOURNAL_HEADER = "Отметка за предыдущий триместр/ четверть/полугодие";
    private static final int FIRST_TASK_COLUMN = 8;

    private final WriteContext ctx;

    SchoolFormsWriter(WriteContext ctx) {
        this.ctx = ctx;
    }

    static String fileName(SchoolPlan plan, WorkModel m) {
        return FOLDER + plan.login() + "_" + m.subject() + m.grade() + ".xlsx";
    }

    @Override
    public void write(SchoolBatch school) throws IOException {
        for (SittingRows s : school.sittings()) {
            String path = fileName(school.plan(), s.model());
            FileTally tally = ctx.open(path, OutputFormat.SCHOOL_FORMS_XLSX, s.model());
            SXSSFWorkbook wb = new SXSSFWorkbook(null, -1, false, false);
            try {
                Xlsx.stamp(wb.getXSSFWorkbook(), ctx.session);
                writeClasses(wb.createSheet("Классы"), school, s);
                writeProtocol(wb.createSheet("Протокол"), school, s, tally);
                if (school.formulas()) {
                    SXSSFFormulaEvaluator.evaluateAllFormulaCells(wb, false); // cached values, as Excel leaves them
                }
                try (OutputStream out = Files.newOutputStream(ctx.resolve(path))) {
                    wb.write(out);
                }
            } finally {
                wb.close();
            }
        }
    }

    private List<String> identity(SchoolBatch school) {
        SchoolPlan p = school.plan();
        return List.of(p.login(), ctx.cfg.regionCode(), "reg" + ctx.cfg.regionCode() + "0000 | " + ctx.regionName,
                p.municipality().code() + " | " + p.municipality().name(), p.login() + " | " + p.name(), school.uploadDate());
    }

    private void putIdentity(Row row, List<String> id) {
        for (int c = 0; c < id.size(); c++) {
            if (c == 1) {
                Xlsx.number(row, c, Integer.parseInt(id.get(c)));
            } else {
                Xlsx.text(row, c, id.get(c));
            }
        }
    }

    private void writeClasses(Sheet sheet, SchoolBatch school, SittingRows s) {
        header(sheet.createRow(0), List.of("Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа",
                "Дата загрузки", CLASS_HEADER));
        List<String> letters = s.rows().stream().filter(r -> !r.isBad()).map(OutputRow::classLetter).distinct().toList();
        int r = 1;
        for (String letter : letters) {
            Row row = sheet.createRow(r++);
            putIdentity(row, identity(school));
            Xlsx.text(row, 6, school.style().formClass(letter));
        }
    }

    private void writeProtocol(Sheet sheet, SchoolBatch school, SittingRows s, FileTally tally) {
        List<TaskSpec> tasks = s.model().scale().tasks();
        List<String> h = new ArrayList<>(List.of("Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа",
                "Дата загрузки", "Код", "Вариант"));
        tasks.forEach(t -> h.add(t.name() + " (" + t.max() + "б)"));
        h.addAll(List.of("Наименование класса", "Пол", JOURNAL_HEADER, "Итого баллов"));
        header(sheet.createRow(0), h);
        List<String> id = identity(school);
        int classCol = FIRST_TASK_COLUMN + tasks.size();
        int r = 1;
        for (OutputRow o : s.rows()) {
            Row row = sheet.createRow(r++);
            putIdentity(row, id);
            Xlsx.number(row, 6, Integer.parseInt(o.participant()));
            Xlsx.text(row, classCol, school.style().formClass(o.classLetter()));
            tally.count(o);
            if (o.absent()) {
                Xlsx.text(row, 7, RegionalLayout.ABSENT);
                continue;
            }
            Xlsx.number(row, 7, o.variant());
            for (int i = 0; i < tasks.size(); i++) {
                if (o.scores()[i] < 0) {
                    Xlsx.text(row, FIRST_TASK_COLUMN + i, "X");
                } else {
                    Xlsx.number(row, FIRST_TASK_COLUMN + i, o.scores()[i]);
                }
            }
            Xlsx.text(row, classCol + 1, String.valueOf(o.sex()));
            if (o.journal() != null) {
                Xlsx.number(row, classCol + 2, o.journal());
            }
            if (school.formulas() && o.isWork()) {
                String from = CellReference.convertNumToColString(FIRST_TASK_COLUMN) + r;
                String to = CellReference.convertNumToColString(classCol - 1) + r;
                row.createCell(classCol + 3).setCellFormula("SUM(" + from + ":" + to + ")");
            } else {
                Xlsx.number(row, classCol + 3, o.primaryScore());
            }
        }
    }

    private static void header(Row row, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            Xlsx.text(row, c, names.get(c));
        }
    }

    @Override
    public void close() {
        // every workbook is finished as its school is written
    }
}
