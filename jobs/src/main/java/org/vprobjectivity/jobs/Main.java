package org.vprobjectivity.jobs;

import org.vprobjectivity.run.ExitCodes;
import org.vprobjectivity.run.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Command-line entry point: {@code java -jar vpr-objectivity.jar <command> --help}. */
@Command(name = "vpr-objectivity", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Signs of non-objective VPR results («признаки необъективности») from FIS OKO exports.",
        subcommands = {RunCommand.class, IngestCommand.class, ScalesCommand.class, GenerateCommand.class, EvaluateCommand.class,
            ReportCommand.class, CompareCommand.class, RecheckCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok",
                "1:internal error",
                "2:bad command line",
                "3:outputs written, but some input files or tables could not be used (see run.json)",
                "4:nothing usable in the inputs; the previous output is left unchanged",
                "5:compare: the two outputs differ",
                "6:another run is writing the same output folder (its lock file .<name>.lock is beside it); nothing was done"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + e.getMessage());
                    e.printStackTrace(cmd.getErr());
                    return ExitCodes.INTERNAL_ERROR;
                })
                .execute(args);
    }

    /** No command given: the help (on stderr, as for any usage error) and exit 2, so a script notices. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"vpr-objectivity " + Version.get()};
        }
    }
}
