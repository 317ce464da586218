package org.vprobjectivity.jobs;

import picocli.CommandLine.Command;

/** Only the ingest stage: results, task_scores, participation, rejects and run.json. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Only ingest: read exports, quarantine bad rows, write results/task_scores/participation/rejects.")
public class IngestCommand extends RunCommand {

    @Override
    String name() {
        return "ingest";
    }

    @Override
    boolean withIndicators() {
        return false;
    }
}
