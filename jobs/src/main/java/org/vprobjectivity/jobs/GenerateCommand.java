package org.vprobjectivity.jobs;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Synthetic region data (placeholder until the generator lands). */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a synthetic region with ground truth.")
public class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.INTERNAL_ERROR;
    }
}
