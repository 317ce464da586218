package org.vprobjectivity.jobs;

import org.vprobjectivity.run.ExitCodes;

import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** Shows the mark scales in force and validates a user's scale file. */
@Command(name = "scales", mixinStandardHelpOptions = true, description = "Mark scales: list the ones in force, check a file.",
        subcommands = {ScalesCommand.ListScales.class, ScalesCommand.Check.class})
public class ScalesCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List bundled scales (with --scales FILE laid over them).")
    static class ListScales implements Callable<Integer> {
        @Option(names = "--scales", paramLabel = "FILE", description = "User scale file to lay over the bundled ones.")
        Path scales;

        @Override
        public Integer call() {
            System.out.printf("%-8s %-18s %5s %9s %4s %6s  %s%n", "subject", "name", "grade", "from_year", "max", "cuts", "tasks");
            MarkScales.load(scales).entries().stream()
                    .sorted(Comparator.comparing(MarkScale::subject).thenComparingInt(MarkScale::grade).thenComparingInt(MarkScale::fromYear))
                    .forEach(s -> System.out.printf("%-8s %-18s %5d %9d %4d %2d/%d/%d  %d%n", s.subject(), s.subjectName(),
                            s.grade(), s.fromYear(), s.maxScore(), s.cut3(), s.cut4(), s.cut5(), s.taskCount()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Validate a user scale file; exit 0 when every entry is usable.")
    static class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            List<MarkScale> entries;
            try {
                entries = MarkScales.readFile(file);
            } catch (RuntimeException e) {
                System.out.println(file + ": cannot be read: " + e.getMessage());
                return ExitCodes.NOTHING_USABLE;
            }
            int bad = 0;
            MarkScales bundled = MarkScales.bundled();
            for (MarkScale s : entries) {
                List<String> problems = MarkScales.problems(s);
                boolean overrides = bundled.entries().stream().anyMatch(b -> b.key().equals(s.key()));
                System.out.printf("%s: %s%s%n", s.key(), problems.isEmpty() ? "ok" : String.join("; ", problems),
                        overrides ? " (overrides the bundled entry)" : "");
                bad += problems.isEmpty() ? 0 : 1;
            }
            System.out.printf("%d entries, %d with problems%n", entries.size(), bad);
            return bad == 0 ? ExitCodes.OK : ExitCodes.SOME_FILES_UNUSABLE;
        }
    }
}
