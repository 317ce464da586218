package org.vprobjectivity.ingest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small xlsx test inputs: cells are text, numbers written as numeric cells, "=..." as formulas. */
final class XlsxFixtures {

    private XlsxFixtures() {
    }

    static Path write(Path file, String sheetName, String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(sheetName);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    String v = rows[r][c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v.startsWith("=")) {
                        cell.setCellFormula(v.substring(1));
                    } else if (v.matches("-?\\d+")) {
                        cell.setCellValue(Integer.parseInt(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            // Cache formula results, as Excel does when it saves.
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
