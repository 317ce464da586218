package org.vprobjectivity.jobs;

import org.vprobjectivity.run.Progress;
import org.vprobjectivity.run.ExitCodes;

import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.io.OutputComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** The {@code compare} command: its options; the comparison itself is the library's {@link OutputComparison}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two run outputs table by table: every Parquet table by schema and rows (floating-point values"
                + " equal within a relative tolerance), run.json without its timings, rejects.csv by its lines, report/ and"
                + " the xlsx files by their file names. Exit 0 when equal, 5 when they differ.")
public class CompareCommand implements Callable<Integer> {

    @Option(names = "--expected", required = true, paramLabel = "DIR", description = "Output folder of the reference run.")
    String expected;

    @Option(names = "--actual", required = true, paramLabel = "DIR", description = "Output folder of the run to check.")
    String actual;

    @Option(names = "--tolerance", defaultValue = "1e-9", paramLabel = "REL",
            description = "Relative tolerance for floating-point values (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--ignore-source",
            description = "Ignore where the inputs were read from: source_file (in the tables and rejects.csv) and the paths in"
                    + " run.json are compared by their file names only, so the same data read from another folder compares equal.")
    boolean ignoreSource;

    @Option(names = "--examples", defaultValue = "3", paramLabel = "N",
            description = "Differing rows shown per table and side (default: ${DEFAULT-VALUE}).")
    int examples;

    @Override
    public Integer call() throws Exception {
        return SparkSessions.run("vpr-objectivity compare", spark -> compare(spark, System.out, System.err));
    }

    /** Compares and gives the exit code; the session is the caller's. */
    int compare(SparkSession spark, PrintStream out, PrintStream err) {
        Progress progress = new Progress(err);
        OutputComparison comparison = new OutputComparison(
                new OutputComparison.Options(expected, actual, tolerance, ignoreSource, examples),
                line -> progress.say("%s", line));
        return switch (comparison.compare(spark, out, err)) {
            case EQUAL -> ExitCodes.OK;
            case DIFFERENT -> ExitCodes.OUTPUTS_DIFFER;
            case UNUSABLE -> ExitCodes.USAGE;
        };
    }
}
