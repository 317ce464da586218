package org.vprobjectivity.jobs;

import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/** Writes (or rewrites, e.g. in English) {@code report/} over an existing run's output folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report/ (index.html, a page per flagged school, flagged-schools.xlsx) over the output"
                + " folder of an earlier 'run'.")
public class ReportCommand implements Callable<Integer> {

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder of a run (holds flags/ and results/).")
    String output;

    @Option(names = "--lang", paramLabel = "ru|en", defaultValue = "ru", description = "Language of the report (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() {
        SparkSession spark = SparkSessions.create("vpr-objectivity report");
        try {
            return write(spark, System.out, System.err);
        } finally {
            spark.stop();
        }
    }

    /** Writes the report in the caller's session; exit 2 when the folder holds no flags. */
    int write(SparkSession spark, PrintStream out, PrintStream err) {
        if (!Texts.LANGUAGES.contains(lang)) {
            err.println(Texts.badLang(lang));
            return ExitCodes.USAGE;
        }
        try {
            if (!ParquetTables.exists(spark, output + "/" + OutputLayout.FLAGS_SCHOOLS)) {
                err.println("no " + OutputLayout.FLAGS_SCHOOLS + " under " + output + ": run 'run' (with indicators) first");
                return ExitCodes.USAGE;
            }
        } catch (UncheckedIOException e) {
            err.println("cannot read " + output + ": " + e.getCause().getMessage());
            return ExitCodes.USAGE;
        }
        int pages = ReportWriter.write(spark, output, lang);
        out.printf("Wrote %s/%s/%s, %d school pages and %s/%s/%s%n", output, ReportWriter.DIR, ReportWriter.INDEX, pages,
                output, ReportWriter.DIR, ReportWriter.XLSX);
        return ExitCodes.OK;
    }
}
