package org.vprobjectivity.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Writes a small table as one CSV a person opens in Excel: UTF-8 with BOM (Excel's cue for UTF-8),
 * {@code ;} separated (the Russian-locale list separator), quoted as RFC 4180 and Excel do (a value holding
 * {@code ;}, a quote or a line break is quoted, its quotes doubled), text that Excel would take for a formula
 * ({@code = + - @}) prefixed with an apostrophe. The executors write; the driver only moves bytes.
 */
public final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    /** Neutralises spreadsheet formula injection in every string column (OWASP CSV-injection advice). */
    public static Dataset<Row> neutraliseFormulas(Dataset<Row> table) {
        Column[] cols = new Column[table.schema().fields().length];
        int i = 0;
        for (StructField f : table.schema().fields()) {
            Column c = col(f.name());
            cols[i++] = f.dataType().equals(DataTypes.StringType)
                    ? when(c.rlike("^[=+\\-@\\t\\r]"), concat(lit("'"), c)).otherwise(c).as(f.name())
                    : c;
        }
        return table.select(cols);
    }

    public static void write(Dataset<Row> table, String file, Configuration conf) throws IOException {
        Path target = new Path(file);
        Path parts = new Path(target.getParent(), "." + target.getName() + ".parts");
        neutraliseFormulas(table).coalesce(1).write().mode("overwrite")
                .option("header", "false").option("sep", ";").option("quoteAll", "false")
                // RFC 4180 and Excel double a quote inside a quoted value; Spark's default escape is a
                // backslash, which both read as text, garbling every value that holds a quote.
                .option("quote", "\"").option("escape", "\"").option("escapeQuotes", "true")
                .option("emptyValue", "").option("nullValue", "")
                .csv(parts.toString());
        FileSystem fs = target.getFileSystem(conf);
        try (OutputStream out = fs.create(target, true)) {
            out.write(BOM);
            // The header is written here, not by Spark, so an empty table still gets one.
            out.write((String.join(";", table.columns()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (FileStatus part : fs.listStatus(parts)) {
                if (part.getPath().getName().startsWith("part-")) {
                    try (InputStream in = fs.open(part.getPath())) {
                        in.transferTo(out);
                    }
                }
            }
        }
        fs.delete(parts, true);
    }
}
