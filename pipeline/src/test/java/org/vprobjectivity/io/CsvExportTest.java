package org.vprobjectivity.io;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rejects.csv is read back by Excel and by any RFC 4180 parser: quotes inside a value are doubled, never
 * backslash-escaped (Spark's default), so a raw row holding a quoted school name survives the round trip.
 */
class CsvExportTest {

    @TempDir
    Path dir;

    @Test
    void valuesWithQuotesSeparatorsNewlinesAndBackslashesReadBackExactlyWithAStandardRfc4180Parser() throws Exception {
        SparkSession spark = SparkTestSession.get();
        StructType schema = new StructType().add("school_name", DataTypes.StringType).add("raw_row", DataTypes.StringType)
                .add("n", DataTypes.IntegerType);
        List<String[]> values = List.of(
                new String[]{"МБОУ \"Лицей №2\"", "Логин ОО: sch220001 | Школа: МБОУ \"Лицей №2\" | 1: 9"},
                new String[]{"«СОШ»; филиал", "a;b\nвторая строка"},
                new String[]{"C:\\путь\\\"x\"", "\\\"", },
                new String[]{"\"", "\"\""},
                new String[]{null, ""});
        List<Row> rows = values.stream().map(v -> RowFactory.create(v[0], v[1], 1)).toList();
        Dataset<Row> table = spark.createDataFrame(rows, schema).coalesce(1);
        Path file = dir.resolve("rejects.csv");
        CsvExport.write(table, file.toString(), new Configuration());

        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        CsvParserSettings rfc4180 = new CsvParserSettings();
        rfc4180.getFormat().setDelimiter(';');
        rfc4180.getFormat().setQuote('"');
        rfc4180.getFormat().setQuoteEscape('"');
        rfc4180.getFormat().setLineSeparator("\n");
        rfc4180.setNullValue("");
        rfc4180.setEmptyValue("");
        rfc4180.setKeepQuotes(false);
        List<String[]> read = new CsvParser(rfc4180).parseAll(new StringReader(text));

        assertThat(read.get(0)).containsExactly("school_name", "raw_row", "n");
        assertThat(read).hasSize(values.size() + 1);
        for (int i = 0; i < values.size(); i++) {
            String[] expected = values.get(i);
            assertThat(read.get(i + 1)).as("row %d", i)
                    .containsExactly(expected[0] == null ? "" : expected[0], expected[1], "1");
        }
        // Doubled quotes, as Excel writes them; no backslash escapes.
        assertThat(text).contains("\"МБОУ \"\"Лицей №2\"\"\"").doesNotContain("\\\"Лицей");
    }

    @Test
    void formulaLikeTextIsNeutralisedAndStillReadsBackAsOneValue() throws Exception {
        SparkSession spark = SparkTestSession.get();
        StructType schema = new StructType().add("v", DataTypes.StringType);
        Dataset<Row> table = spark.createDataFrame(List.of(RowFactory.create("=HYPERLINK(\"http://x\";\"a\")")), schema);
        Path file = dir.resolve("f.csv");
        CsvExport.write(table, file.toString(), new Configuration());
        String text = Files.readString(file, StandardCharsets.UTF_8).substring(1);
        assertThat(text).isEqualTo("v\n\"'=HYPERLINK(\"\"http://x\"\";\"\"a\"\")\"\n");
    }
}
