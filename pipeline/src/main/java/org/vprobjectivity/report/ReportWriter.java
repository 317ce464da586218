package org.vprobjectivity.report;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes {@code report/} under a run's output folder: {@code index.html}, {@code schools/<id>.html},
 * {@code flagged-schools.xlsx} (with the decision matrix), {@code recheck-summary.xlsx} where a re-check was read, and the methodologists' workbooks ({@code methodology/}, {@link MethodologyWorkbooks}). Pages and workbook go through Hadoop's file system, so the folder may be local or
 * on HDFS/S3 like the Parquet tables; the report is written to {@code report.tmp} and renamed into place, so a
 * failed report leaves the previous one intact.
 */
public final class ReportWriter {

    public static final String DIR = "report";
    public static final String INDEX = "index.html";
    public static final String XLSX = "flagged-schools.xlsx";
    /** The commission's summary of the re-check; only where a re-check was read. */
    public static final String RECHECK_XLSX = "recheck-summary.xlsx";

    private ReportWriter() {
    }

    /** The path's file system; on a local disk the raw one, so no .crc files lie beside the files people open. */
    public static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    /**
     * @param outputDir a run's output (or staging) folder with {@code flags/} and {@code results}
     * @return the number of school pages written
     */
    public static int write(SparkSession spark, String outputDir, String lang) {
        return write(spark, outputDir, lang, new MeasureConfig());
    }

    /** @param measures the decision matrix's rule ({@code measures} of {@code --config}) */
    public static int write(SparkSession spark, String outputDir, String lang, MeasureConfig measures) {
        return write(spark, outputDir, outputDir, lang, measures);
    }

    /**
     * @param recheckDir the folder holding {@code recheck/}: during a run the output itself, not the staging folder the
     *                   report is written into ({@code recheck/} is carried over only at the swap)
     */
    public static int write(SparkSession spark, String outputDir, String recheckDir, String lang, MeasureConfig measures) {
        ReportData data = ReportData.load(spark, outputDir, recheckDir, lang, measures);
        ReportText text = new ReportText(lang);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path target = new Path(outputDir, DIR);
        Path tmp = new Path(outputDir, DIR + ".tmp");
        try {
            FileSystem fs = fileSystem(target, conf);
            fs.delete(tmp, true);
            Map<String, String> pages = HtmlReport.pages(data, text);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                try (OutputStream out = fs.create(new Path(tmp, page.getKey()), true)) {
                    out.write(page.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
            try (OutputStream out = fs.create(new Path(tmp, XLSX), true)) {
                FlaggedSchoolsXlsx.write(data, text, out);
            }
            if (data.recheck().loaded()) {
                try (OutputStream out = fs.create(new Path(tmp, RECHECK_XLSX), true)) {
                    RecheckSummaryXlsx.write(data.recheck(), data.schoolNames(), text, out);
                }
            }
            MethodologyWorkbooks.write(spark, outputDir, new Path(tmp, MethodologyWorkbooks.DIR).toString(), lang);
            fs.delete(target, true);
            if (!fs.rename(tmp, target)) {
                throw new IOException("cannot move " + tmp + " to " + target);
            }
            return pages.size() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report under " + target + ": " + e.getMessage(), e);
        }
    }
}
