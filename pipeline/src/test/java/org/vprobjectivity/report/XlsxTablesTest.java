package org.vprobjectivity.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.ingest.RawRow;
import org.vprobjectivity.ingest.RawSheet;
import org.vprobjectivity.ingest.XlsxReader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Workbooks written by {@link XlsxTables}, read back by Apache POI's full model and by our own reader. */
class XlsxTablesTest {

    @Test
    void tablesReadBackWithTheirFormatsWidthsPaneAndFilter() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxTables wb = new XlsxTables(out)) {
            XlsxTables.Sheet weak = wb.sheet("4 МА дефициты", new double[]{12, 40}, true);
            XlsxTables.Style[] bold = {XlsxTables.Style.BOLD, XlsxTables.Style.BOLD, XlsxTables.Style.BOLD};
            weak.row(new Object[]{"Задание", "Выполнение", "Работ"}, bold);
            weak.row(new Object[]{"1 & <2>", 0.625, 17.0},
                    new XlsxTables.Style[]{null, XlsxTables.Style.SHARE, XlsxTables.Style.COUNT});
            weak.row(new Object[]{"строка\nвторая \"в кавычках\"", null, 2.5},
                    new XlsxTables.Style[]{null, null, XlsxTables.Style.NUMBER});
            weak.end(true);
            XlsxTables.Sheet notes = wb.sheet("Столбцы 'и' пояснения", new double[]{40, 110}, false);
            notes.row(new Object[]{" с пробелами ", "ctrl\u0001char"}, null);
            notes.end(false);
        }
        byte[] xlsx = out.toByteArray();

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet weak = wb.getSheet("4 МА дефициты");
            assertThat(weak.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Задание");
            assertThat(wb.getFontAt(weak.getRow(0).getCell(2).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(weak.getRow(1).getCell(0).getStringCellValue()).isEqualTo("1 & <2>");
            Cell share = weak.getRow(1).getCell(1);
            assertThat(share.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(share.getNumericCellValue()).isCloseTo(0.625, within(1e-15));
            assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(weak.getRow(1).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(weak.getRow(2).getCell(0).getStringCellValue()).isEqualTo("строка\nвторая \"в кавычках\"");
            assertThat(weak.getRow(2).getCell(1)).isNull();
            assertThat(weak.getRow(2).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(weak.getColumnWidth(0)).isEqualTo(12 * 256);
            assertThat(weak.getColumnWidth(1)).isEqualTo(40 * 256);
            PaneInformation pane = weak.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(weak.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C3");

            Sheet notes = wb.getSheet("Столбцы 'и' пояснения");
            assertThat(notes.getRow(0).getCell(0).getStringCellValue()).isEqualTo(" с пробелами ");
            assertThat(notes.getRow(0).getCell(1).getStringCellValue()).isEqualTo("ctrl?char");
            assertThat(notes.getPaneInformation()).isNull();
            assertThat(notes.getColumnWidth(1)).isEqualTo(110 * 256);
        }

        List<RawSheet> read = XlsxReader.read(xlsx);
        assertThat(read).extracting(RawSheet::name).containsExactly("4 МА дефициты", "Столбцы 'и' пояснения");
        assertThat(read.get(0).rows()).extracting(RawRow::cells).containsExactly(
                List.of("Задание", "Выполнение", "Работ"),
                List.of("1 & <2>", "0.625", "17"),
                java.util.Arrays.asList("строка\nвторая \"в кавычках\"", null, "2.5"));
    }

    @Test
    void columnLettersAndNumbersAsExcelWritesThem() {
        assertThat(XlsxTables.column(0)).isEqualTo("A");
        assertThat(XlsxTables.column(25)).isEqualTo("Z");
        assertThat(XlsxTables.column(26)).isEqualTo("AA");
        assertThat(XlsxTables.column(701)).isEqualTo("ZZ");
        assertThat(XlsxTables.column(702)).isEqualTo("AAA");
        assertThat(XlsxTables.number(17)).isEqualTo("17");
        assertThat(XlsxTables.number(-3)).isEqualTo("-3");
        assertThat(XlsxTables.number(0.625)).isEqualTo("0.625");
        assertThat(XlsxTables.number(1e-7)).isEqualTo("1.0E-7");
        assertThat(XlsxTables.number(-0.0)).isEqualTo("-0.0");
        assertThat(XlsxTables.number(0.0)).isEqualTo("0");
    }
}
