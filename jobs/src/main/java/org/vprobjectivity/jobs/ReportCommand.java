package org.vprobjectivity.jobs;

import org.vprobjectivity.run.Texts;
import org.vprobjectivity.run.ExitCodes;

import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.OutputLock;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.io.ConfigFile;
import org.vprobjectivity.run.AnalysisConfig;
import org.vprobjectivity.report.MeasureConfig;
import org.vprobjectivity.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
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

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration (JSON) as for 'run'; its measures section is the"
            + " decision matrix's rule (docs/recheck.md). Default: the built-in rule.")
    java.nio.file.Path config;

    @Override
    public Integer call() throws Exception {
        return SparkSessions.run("vpr-objectivity report", spark -> write(spark, System.out, System.err));
    }

    /** Writes the report in the caller's session; exit 2 when the folder holds no flags. */
    int write(SparkSession spark, PrintStream out, PrintStream err) {
        if (!Texts.LANGUAGES.contains(lang)) {
            err.println(Texts.badLang(lang));
            return ExitCodes.USAGE;
        }
        Texts text = new Texts(lang);
        MeasureConfig measures;
        try {
            if (config != null) {
                if (!java.nio.file.Files.isRegularFile(config)) {
                    err.println(text.of("--config: нет такого файла: %s", "--config: no such file: %s", config));
                    return ExitCodes.USAGE;
                }
            }
            measures = AnalysisConfig.load(config).measures();
        } catch (ConfigFile.Problem e) {
            err.println("--config " + config + ": " + e.message(text.english()));
            return ExitCodes.USAGE;
        } catch (UncheckedIOException e) {
            err.println("--config " + config + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            if (!ParquetTables.exists(spark, output + "/" + OutputLayout.FLAGS_SCHOOLS)) {
                err.println(text.of("в %s нет %s: сначала выполните команду run", "no %s under %s: run 'run' (with indicators) first",
                        text.english() ? OutputLayout.FLAGS_SCHOOLS : output, text.english() ? output : OutputLayout.FLAGS_SCHOOLS));
                return ExitCodes.USAGE;
            }
        } catch (UncheckedIOException e) {
            err.println(text.of("папку %s не удалось прочитать: %s", "cannot read %s: %s", output, e.getCause().getMessage()));
            return ExitCodes.USAGE;
        }
        // report/ is rewritten inside the output folder: a run swapping that folder meanwhile would lose one or the other.
        OutputLock lock;
        try {
            lock = OutputLock.acquire(output, spark.sparkContext().hadoopConfiguration(), "report");
        } catch (OutputLock.HeldException e) {
            err.println(text.locked(output, e));
            return ExitCodes.OUTPUT_LOCKED;
        } catch (IOException e) {
            err.println(text.of("папку %s не удалось заблокировать: %s", "cannot lock %s: %s", output, e.getMessage()));
            return ExitCodes.USAGE;
        }
        int pages;
        try (lock) {
            pages = ReportWriter.write(spark, output, lang, measures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("Wrote %s/%s/%s, %d school pages and %s/%s/%s%n", output, ReportWriter.DIR, ReportWriter.INDEX, pages,
                output, ReportWriter.DIR, ReportWriter.XLSX);
        return ExitCodes.OK;
    }
}
