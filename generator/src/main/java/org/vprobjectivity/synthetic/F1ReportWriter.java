package org.vprobjectivity.synthetic;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.TaskSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * «Ф1 Индивидуальные результаты» (shape 5): one workbook per municipality, subject and grade. A header
 * block above the table (title, subject, maximum, date, the row of task levels), then the table with a
 * group row before each school's participants ({@code МБОУ "СОШ №1"(sch220001) | Кол-во участников: 89}).
 * Schools arrive municipality by municipality, so only the current municipality's files are open.
 */
final class F1ReportWriter implements ShapeWriter {

    static final String FOLDER = "f1/";
    static final String LEVEL_ROW = "Уровень сложности задания";
    private static final int FIRST_TASK_COLUMN = 6;

    private final WriteContext ctx;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private String municipality;

    private static final class Open {
        final SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, false);
        final Sheet sheet = wb.createSheet("Ф1");
        final String path;
        final FileTally tally;
        int next;

        Open(String path, FileTally tally) {
            this.path = path;
            this.tally = tally;
        }
    }

    F1ReportWriter(WriteContext ctx) {
        this.ctx = ctx;
    }

    static String fileName(Municipality m, WorkModel w) {
        return FOLDER + "Ф1 " + m.code() + " " + w.subject() + " " + w.grade() + ".xlsx";
    }

    @Override
    public void write(SchoolBatch school) throws IOException {
        String code = school.plan().municipality().code();
        if (!code.equals(municipality)) {
            close();
            municipality = code;
        }
        for (SittingRows s : school.sittings()) {
            Open f = fileFor(school.plan().municipality(), s.model());
            Row group = f.sheet.createRow(f.next++);
            Xlsx.text(group, 0, school.plan().name() + "(" + school.plan().login() + ") | Кол-во участников: " + s.rows().size());
            for (OutputRow o : s.rows()) {
                writeRow(f.sheet.createRow(f.next++), school, s.model(), o);
                f.tally.count(o);
            }
        }
    }

    private void writeRow(Row row, SchoolBatch school, WorkModel m, OutputRow o) {
        int n = m.scale().taskCount();
        Xlsx.text(row, 0, school.plan().login());
        Xlsx.text(row, 1, school.plan().municipality().name());
        Xlsx.text(row, 2, school.plan().name());
        Xlsx.number(row, 3, Integer.parseInt(o.participant()));
        Xlsx.text(row, 4, o.classLetter().isEmpty() ? "" : school.style().f1Class(m.grade(), o.classLetter()));
        if (o.absent()) {
            Xlsx.text(row, 5, RegionalLayout.ABSENT);
            return;
        }
        Xlsx.number(row, 5, o.variant());
        for (int i = 0; i < n; i++) {
            if (o.scores()[i] < 0) {
                Xlsx.text(row, FIRST_TASK_COLUMN + i, "X");
            } else {
                Xlsx.number(row, FIRST_TASK_COLUMN + i, o.scores()[i]);
            }
        }
        Xlsx.number(row, FIRST_TASK_COLUMN + n, o.primaryScore());
        Xlsx.number(row, FIRST_TASK_COLUMN + n + 1, o.mark());
        if (o.journal() != null) {
            Xlsx.number(row, FIRST_TASK_COLUMN + n + 2, o.journal());
        }
    }

    private Open fileFor(Municipality muni, WorkModel m) throws IOException {
        String path = fileName(muni, m);
        Open f = open.get(path);
        if (f == null) {
            f = new Open(path, ctx.open(path, OutputFormat.F1_REPORT_XLSX, m));
            Xlsx.stamp(f.wb.getXSSFWorkbook(), ctx.session);
            writeHeaderBlock(f, m);
            open.put(path, f);
        }
        return f;
    }

    private void writeHeaderBlock(Open f, WorkModel m) {
        MarkScale scale = m.scale();
        Sheet sh = f.sheet;
        Xlsx.text(sh.createRow(f.next++), 0, "ВПР " + ctx.session.year() + " " + scale.subjectName() + " " + m.grade() + " класс");
        Xlsx.text(sh.createRow(f.next++), 0, "Предмет: " + scale.subjectName());
        Xlsx.text(sh.createRow(f.next++), 0, "Максимальный первичный балл: " + scale.maxScore());
        Xlsx.text(sh.createRow(f.next++), 0, "Дата: " + Style.reportDate(ctx.session));
        f.next++; // an empty row, as in the report
        Row levels = sh.createRow(f.next++);
        Xlsx.text(levels, 0, LEVEL_ROW);
        for (int i = 0; i < scale.taskCount(); i++) {
            Xlsx.text(levels, FIRST_TASK_COLUMN + i, m.items().level(i));
        }
        List<String> h = new ArrayList<>(List.of("ОО", "Муниципалитет", "Название ОО", "Код участника", "Класс", "Вариант"));
        for (TaskSpec t : scale.tasks()) {
            h.add(t.name() + " (" + t.max() + "б)");
        }
        h.addAll(List.of("Первичный балл", "Отметка", "Отметка по журналу"));
        Row header = sh.createRow(f.next++);
        for (int c = 0; c < h.size(); c++) {
            Xlsx.text(header, c, h.get(c));
        }
    }

    @Override
    public void close() throws IOException {
        for (Open f : open.values()) {
            try (OutputStream out = Files.newOutputStream(ctx.resolve(f.path))) {
                f.wb.write(out);
            } finally {
                f.wb.close();
            }
        }
        open.clear();
    }
}
