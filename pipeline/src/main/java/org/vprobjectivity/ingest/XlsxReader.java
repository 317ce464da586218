package org.vprobjectivity.ingest;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * Reads every sheet of an xlsx with the streaming reader (bounded memory, exact row numbers).
 * Formula cells give their cached value; numbers give their plain decimal text; dates dd.MM.yyyy.
 */
public final class XlsxReader {

    private XlsxReader() {
    }

    public static List<RawSheet> read(InputStream in) throws IOException {
        List<RawSheet> sheets = new ArrayList<>();
        try (Workbook wb = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(in)) {
            for (Sheet sheet : wb) {
                List<RawRow> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        int col = cell.getColumnIndex();
                        while (cells.size() < col) {
                            cells.add(null);
                        }
                        cells.add(text(cell));
                    }
                    rows.add(new RawRow(row.getRowNum() + 1, cells));
                }
                sheets.add(new RawSheet(sheet.getSheetName(), rows));
            }
        }
        return sheets;
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    SimpleDateFormat f = new SimpleDateFormat("dd.MM.yyyy");
                    f.setTimeZone(TimeZone.getTimeZone("UTC"));
                    return f.format(cell.getDateCellValue());
                }
                return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            case BLANK:
                return null;
            case ERROR:
                return "#ERROR";
            default:
                return new DataFormatter().formatCellValue(cell);
        }
    }
}
