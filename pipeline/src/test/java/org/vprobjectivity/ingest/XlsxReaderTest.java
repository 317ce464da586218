package org.vprobjectivity.ingest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The xlsx reader against workbooks written by Apache POI, cell kind by cell kind, with the texts written out by hand. */
class XlsxReaderTest {

    @Test
    void everyCellKindGivesTheTextTheExportsAreReadBy() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Ф1");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat((short) 14); // built-in m/d/yy
            CellStyle customDate = wb.createCellStyle();
            customDate.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));

            Row header = s.createRow(0);
            header.createCell(0).setCellValue("Логин ОО");
            header.createCell(2).setCellValue("  пробелы  ");
            XSSFRichTextString rich = new XSSFRichTextString("Балл за 1");
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            rich.applyFont(0, 4, bold);
            header.createCell(3).setCellValue(rich);

            Row values = s.createRow(1);
            values.createCell(0).setCellValue(5);
            values.createCell(1).setCellValue(0.25);
            values.createCell(2).setCellValue(1e-7);
            Cell d = values.createCell(3);
            d.setCellValue(LocalDate.of(2025, 4, 17));
            d.setCellStyle(date);
            Cell cd = values.createCell(4);
            cd.setCellValue(LocalDate.of(2021, 9, 1));
            cd.setCellStyle(customDate);
            Cell pct = values.createCell(5);
            pct.setCellValue(0.5);
            pct.setCellStyle(percent);
            values.createCell(6).setCellValue(true);
            values.createCell(7).setCellFormula("A2+2");
            values.createCell(8).setCellFormula("\"a\"&\"b\"");
            values.createCell(9).setCellFormula("1/0");
            values.createCell(11).setCellStyle(percent); // styled, no value
            values.createCell(12).setCellValue("");

            s.createRow(4).createCell(1).setCellValue("после пропуска");
            wb.createSheet("Пустой");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            xlsx = bytes(wb);
        }

        List<RawSheet> sheets = XlsxReader.read(xlsx);

        assertThat(sheets).extracting(RawSheet::name).containsExactly("Ф1", "Пустой");
        List<RawRow> rows = sheets.get(0).rows();
        assertThat(rows).extracting(RawRow::number).containsExactly(1, 2, 5);
        assertThat(rows.get(0).cells()).containsExactly("Логин ОО", null, "  пробелы  ", "Балл за 1");
        assertThat(rows.get(1).cells()).containsExactly("5", "0.25", "0.0000001", "17.04.2025", "01.09.2021", "0.5",
                "true", "7", "ab", "#ERROR", null, null, "");
        assertThat(rows.get(2).cells()).containsExactly(null, "после пропуска");
        assertThat(sheets.get(1).rows()).isEmpty();
    }

    @Test
    void inlineStringsOfTheStreamingWriterAreRead() throws Exception {
        byte[] xlsx;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(10)) { // writes strings inline (<is><t>), as the generator's files have them
            Sheet s = wb.createSheet("Лист1");
            for (int r = 0; r < 30; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue("ученик " + r);
                row.createCell(27).setCellValue(r);
            }
            xlsx = bytes(wb);
            wb.dispose();
        }

        List<RawRow> rows = XlsxReader.read(xlsx).get(0).rows();

        assertThat(rows).hasSize(30);
        assertThat(rows.get(29).number()).isEqualTo(30);
        assertThat(rows.get(29).cells()).hasSize(28).startsWith("ученик 29").endsWith("29");
        assertThat(rows.get(29).cell(26)).isNull();
    }

    @Test
    void workbookInThe1904DateSystemGivesTheSameDay() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            (wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr() : wb.getCTWorkbook().addNewWorkbookPr())
                    .setDate1904(true);
            assertThat(wb.isDate1904()).isTrue(); // POI writes the date as a 1904-system number
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
            Cell c = wb.createSheet("s").createRow(0).createCell(0);
            c.setCellValue(LocalDate.of(2024, 3, 15));
            c.setCellStyle(date);
            xlsx = bytes(wb);
        }

        assertThat(XlsxReader.read(xlsx).get(0).rows().get(0).cells()).containsExactly("15.03.2024");
    }

    @Test
    void cellReferencesGiveColumns() {
        assertThat(XlsxReader.column("A1")).isZero();
        assertThat(XlsxReader.column("Z7")).isEqualTo(25);
        assertThat(XlsxReader.column("AA10")).isEqualTo(26);
        assertThat(XlsxReader.column("AB12")).isEqualTo(27);
        assertThat(XlsxReader.column("XFD1")).isEqualTo(16_383);
    }

    @Test
    void relationshipTargetsResolveToPartNames() {
        assertThat(XlsxWorkbook.resolve("xl/", "worksheets/sheet1.xml")).isEqualTo("xl/worksheets/sheet1.xml");
        assertThat(XlsxWorkbook.resolve("xl/", "/xl/worksheets/sheet2.xml")).isEqualTo("xl/worksheets/sheet2.xml");
        assertThat(XlsxWorkbook.resolve("xl/", "../customXml/item1.xml")).isEqualTo("customXml/item1.xml");
    }

    @Test
    void aFileCutShortOrNotAWorkbookIsAnErrorSayingSo() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("x");
            xlsx = bytes(wb);
        }
        byte[] cut = Arrays.copyOf(xlsx, xlsx.length / 2);
        assertThatThrownBy(() -> XlsxReader.read(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a complete zip package");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes());
        }
        assertThatThrownBy(() -> XlsxReader.read(zip.toByteArray())).isInstanceOf(IOException.class)
                .hasMessageContaining("not an xlsx workbook");
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
