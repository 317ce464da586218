package org.vprobjectivity.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.vprobjectivity.flags.ReasonText;
import org.vprobjectivity.recheck.RecheckTables;
import org.vprobjectivity.report.RecheckView.SchoolRow;
import org.vprobjectivity.report.RecheckView.StratumRow;
import org.vprobjectivity.report.RecheckView.TaskRow;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code report/recheck-summary.xlsx}, the commission's summary of a re-check: per school × work × group the works
 * re-checked, the marks changed, the point difference beside the control group's and the discrepancy test; per task
 * where commission and schools disagree; and the plan's strata. Conventions of the other workbooks: shares as
 * percents with one decimal, counts as integers, texts as string cells (never formulas, so a value starting with
 * {@code = + - @} stays text).
 */
public final class RecheckSummaryXlsx {

    static final List<String> SCHOOL_COLUMNS = List.of("col.municipality", "col.login", "col.school", "col.subject", "col.grade",
            "col.group", "col.works.rechecked", "col.mark.changed.share", "col.objective.share", "col.mean.diff", "col.lowered",
            "col.raised", "col.exact", "col.control.works", "col.control.mean.diff", "col.p", "col.confirmed", "col.cleared");
    static final List<String> TASK_COLUMNS = List.of("col.subject", "col.grade", "col.group", "col.task", "col.task.max",
            "col.works.n", "col.exact", "col.task.diff", "col.kappa");
    static final List<String> STRATA_COLUMNS = List.of("col.group", "col.commission", "col.subject", "col.grade", "col.schools.n",
            "col.works.n");

    private enum Kind { TEXT, COUNT, SHARE, DECIMAL, P }

    private RecheckSummaryXlsx() {
    }

    /** @param names school names by {@code session|school_id} (recheck tables carry logins only) */
    public static void write(RecheckView view, Map<String, String> names, ReportText t, OutputStream out) throws IOException {
        ReasonText words = new ReasonText(t.langCode());
        Function<String, String> subject = code -> {
            String work = words.work(code, 0);
            return work.substring(0, work.lastIndexOf(", "));
        };
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            Sheet schools = sheet(wb, s, t.get("rs.sheet.schools"), SCHOOL_COLUMNS, t);
            int r = 1;
            for (SchoolRow x : view.schools()) {
                Row row = schools.createRow(r++);
                Object[] values = {x.municipality(), x.schoolId(), names.get(x.session() + "|" + x.schoolId()), subject.apply(x.subject()),
                        (long) x.grade(), group(x.stratum(), t), x.works(), x.markChangedShare(), x.objectiveShare(), x.meanPointDiff(),
                        x.worksLowered(), x.worksRaised(), x.exactAgreement(), x.controlWorks(), x.controlMeanDiff(), x.discrepancyP(),
                        t.get(x.confirmed() ? "yes" : "no"), x.targeted() ? t.get(x.cleared() ? "yes" : "no") : ""};
                Kind[] kinds = {Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.COUNT, Kind.TEXT, Kind.COUNT, Kind.SHARE, Kind.SHARE,
                        Kind.DECIMAL, Kind.COUNT, Kind.COUNT, Kind.SHARE, Kind.COUNT, Kind.DECIMAL, Kind.P, Kind.TEXT, Kind.TEXT};
                fill(row, values, kinds, s);
            }
            finish(schools, r, SCHOOL_COLUMNS.size(), new int[]{24, 14, 36, 16, 7, 12, 12, 14, 14, 14, 12, 12, 14, 12, 14, 10, 12, 10});
            Sheet tasks = sheet(wb, s, t.get("rs.sheet.tasks"), TASK_COLUMNS, t);
            r = 1;
            for (TaskRow x : view.tasks()) {
                Object[] values = {subject.apply(x.subject()), (long) x.grade(), group(x.stratum(), t), x.task(),
                        x.taskMax() == null ? null : (long) x.taskMax(), x.works(), x.exactAgreement(), x.meanDiff(), x.weightedKappa()};
                Kind[] kinds = {Kind.TEXT, Kind.COUNT, Kind.TEXT, Kind.TEXT, Kind.COUNT, Kind.COUNT, Kind.SHARE, Kind.DECIMAL, Kind.DECIMAL};
                fill(tasks.createRow(r++), values, kinds, s);
            }
            finish(tasks, r, TASK_COLUMNS.size(), new int[]{16, 7, 12, 10, 10, 8, 14, 14, 12});
            Sheet strata = sheet(wb, s, t.get("rs.sheet.strata"), STRATA_COLUMNS, t);
            r = 1;
            for (StratumRow x : view.strata()) {
                Object[] values = {group(x.stratum(), t), x.commission(), subject.apply(x.subject()), (long) x.grade(), x.schools(), x.works()};
                Kind[] kinds = {Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.COUNT, Kind.COUNT, Kind.COUNT};
                fill(strata.createRow(r++), values, kinds, s);
            }
            finish(strata, r, STRATA_COLUMNS.size(), new int[]{12, 24, 16, 7, 8, 8});
            wb.write(out);
        }
    }

    /** «целевая» / «контрольная». */
    static String group(String stratum, ReportText t) {
        return t.get(RecheckTables.TARGETED.equals(stratum) ? "group.targeted" : "group.control");
    }

    private static Sheet sheet(XSSFWorkbook wb, Styles s, String name, List<String> columns, ReportText t) {
        Sheet sheet = wb.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            header.createCell(c).setCellValue(t.get(columns.get(c)));
            header.getCell(c).setCellStyle(s.bold);
        }
        return sheet;
    }

    /** A row's cells: numbers formatted by kind (a missing number stays empty), texts as string cells. */
    private static void fill(Row row, Object[] values, Kind[] kinds, Styles s) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (kinds[c] == Kind.TEXT) {
                row.createCell(c).setCellValue(v == null ? "" : v.toString());
                continue;
            }
            double d = v instanceof Number n ? n.doubleValue() : Double.NaN;
            if (Double.isNaN(d)) {
                row.createCell(c);
                continue;
            }
            var cell = row.createCell(c);
            cell.setCellValue(d);
            cell.setCellStyle(switch (kinds[c]) {
                case COUNT -> s.count;
                case SHARE -> s.share;
                case P -> s.p;
                default -> s.decimal;
            });
        }
    }

    private static void finish(Sheet sheet, int rows, int columns, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, 256 * widths[c]);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    /** The workbook's cell styles, made once (a style per cell would hit Excel's style limit). */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle count;
        final CellStyle share;
        final CellStyle decimal;
        final CellStyle p;

        Styles(XSSFWorkbook wb) {
            bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);
            count = format(wb, "0");
            share = format(wb, "0.0%");
            decimal = format(wb, "0.00");
            p = format(wb, "0.000");
        }

        private static CellStyle format(XSSFWorkbook wb, String pattern) {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat(pattern));
            return style;
        }
    }
}
