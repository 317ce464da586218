package org.vprobjectivity.recheck;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Filled forms as a person types them, written with POI and read back cell by cell. */
class FormReaderTest {

    private static final Map<String, Integer> PLAN = Map.of("AAA", 3, "BBB", 3, "CCC", 3, "DDD", 3, "EEE", 3);

    /** A form of plan {@code planId}: header, then the given rows (code, then the task cells as typed). */
    private static Path form(Path dir, String name, String planId, Object[]... rows) throws Exception {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet(RecheckForms.SHEET);
            Row h = s.createRow(0);
            String[] header = {RecheckForms.CODE, RecheckForms.SUBJECT, RecheckForms.GRADE, "1 (макс 1)", "2 (макс 2)",
                    "3.1 (макс 3)"};
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i + 1);
                for (int c = 0; c < rows[i].length; c++) {
                    Object v = rows[i][c];
                    int col = c == 0 ? 0 : c + 2;
                    if (v instanceof Number n) {
                        r.createCell(col).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        r.createCell(col).setCellValue((String) v);
                    }
                }
            }
            Sheet ins = wb.createSheet(RecheckForms.INSTRUCTIONS);
            ins.createRow(0).createCell(0).setCellValue("Инструкция");
            Row id = ins.createRow(3);
            id.createCell(0).setCellValue(RecheckForms.PLAN_LABEL);
            id.createCell(1).setCellValue(planId);
            wb.write(out);
        }
        return file;
    }

    @Test
    void typedValuesAreReadAndBadCellsQuarantinedWithTheirPlace(@TempDir Path dir) throws Exception {
        Path f = form(dir, "a.xlsx", "P1",
                new Object[] {"AAA", 1, "2", "х"},          // a number, a number as text, «х» for not attempted
                new Object[] {"BBB", " 0 ", "1,0", 3},      // spaces, a decimal comma
                new Object[] {"CCC", 1, 3, 1},              // 3 above the maximum 2
                new Object[] {"DDD", 1, "два", null},       // text, and a blank
                new Object[] {"ZZZ", 1, 1, 1},              // a work added by hand
                new Object[] {"AAA", 0, 0, 0},              // read twice
                new Object[] {"EEE", 0.5, 1, 1});           // a fraction
        FormReader.Reading reading = FormReader.read(List.of(f), "P1", PLAN);
        assertThat(reading.formsRead()).isEqualTo(1);
        assertThat(reading.works()).extracting(FormReader.ExpertWork::workId).containsExactly("AAA", "BBB");
        assertThat(reading.works().get(0).scores()).containsExactly(1, 2, null);
        assertThat(reading.works().get(1).scores()).containsExactly(0, 1, 3);
        assertThat(reading.problems()).extracting(p -> p.row() + " " + p.column() + ": " + p.reason()).containsExactly(
                "4 2 (макс 2): балл вне диапазона 0–2",
                "5 2 (макс 2): не целое число",
                "5 3.1 (макс 3): нет балла",
                "6 Код работы: кода работы нет в плане перепроверки",
                "7 Код работы: работа уже прочитана: " + f + ", строка 2",
                "8 1 (макс 1): не целое число");
        assertThat(reading.problems()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.sheet()).isEqualTo(RecheckForms.SHEET);
        });
    }

    @Test
    void aFormOfAnotherPlanOrNotAFormIsRefusedWhole(@TempDir Path dir) throws Exception {
        Path other = form(dir, "other.xlsx", "P2", new Object[] {"AAA", 1, 1, 1});
        Path text = Files.writeString(dir.resolve("notes.xlsx"), "not a workbook");
        Path good = form(dir, "good.xlsx", "P1", new Object[] {"BBB", 1, 1, 1});
        FormReader.Reading reading = FormReader.read(List.of(dir), "P1", PLAN);
        assertThat(reading.formsRead()).isEqualTo(1);
        assertThat(reading.works()).extracting(FormReader.ExpertWork::workId).containsExactly("BBB");
        assertThat(reading.works().get(0).file()).isEqualTo(good.toString());
        assertThat(reading.problems()).extracting(FormReader.Problem::file).containsExactly(text.toString(), other.toString());
        assertThat(reading.problems().get(0).reason()).isEqualTo("файл повреждён или не является xlsx");
        assertThat(reading.problems().get(1).reason()).contains("другого плана").contains("P2").contains("P1");
    }

    @Test
    void readingTheSameFormsTwiceGivesTheSameWorks(@TempDir Path dir) throws Exception {
        Path f = form(dir, "a.xlsx", "P1", new Object[] {"AAA", 1, 2, 3}, new Object[] {"BBB", 0, "Х", 1});
        FormReader.Reading once = FormReader.read(List.of(f), "P1", PLAN);
        FormReader.Reading twice = FormReader.read(List.of(f), "P1", PLAN);
        assertThat(twice.works()).usingRecursiveFieldByFieldElementComparator().isEqualTo(once.works());
        assertThat(twice.problems()).isEqualTo(once.problems());
    }
}
