package org.vprobjectivity.jobs;

import org.vprobjectivity.run.PipelineRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** The whole pipeline over a session's exports: ingest and indicators (flags and reports join later). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline: ingest FIS OKO exports, compute indicators, write the output tables.")
public class RunCommand implements Callable<Integer> {

    @Mixin
    InputArgs args;

    @Override
    public Integer call() throws Exception {
        return SparkSessions.run("vpr-objectivity " + name(),
                spark -> new PipelineRun(args.options(), withIndicators(), System.out, System.err).execute(spark));
    }

    String name() {
        return "run";
    }

    boolean withIndicators() {
        return true;
    }
}
