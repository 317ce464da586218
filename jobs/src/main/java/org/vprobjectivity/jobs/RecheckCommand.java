package org.vprobjectivity.jobs;

import org.vprobjectivity.run.ExitCodes;

import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.recheck.FormReader;
import org.vprobjectivity.recheck.RecheckForms;
import org.vprobjectivity.recheck.RecheckPlan;
import org.vprobjectivity.recheck.RecheckResults;
import org.vprobjectivity.recheck.RecheckTables;
import org.vprobjectivity.synthetic.RecheckSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The re-check loop over an earlier run's output: plan and blind forms, read back, simulate (generated regions). */
@Command(name = "recheck", mixinStandardHelpOptions = true,
        description = "Selective re-check of works (выборочная перепроверка) over the output folder of an earlier 'run'.",
        subcommands = {RecheckCommand.Plan.class, RecheckCommand.Read.class, RecheckCommand.Simulate.class})
public class RecheckCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: plan, read or simulate");
    }

    static MarkScales scales(Path file) {
        return file == null ? MarkScales.bundled() : MarkScales.load(file);
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Draw a reproducible sample of works (flagged cells and a control group) and write blind forms"
                    + " to recheck/forms.")
    static class Plan implements Callable<Integer> {
        @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder of a run.")
        String output;
        @Option(names = "--works-per-cell", defaultValue = "10", paramLabel = "N",
                description = "Works per school, subject and grade (default: ${DEFAULT-VALUE}).")
        int worksPerCell;
        @Option(names = "--control-share", defaultValue = "0.25", paramLabel = "F",
                description = "Share of the plan's cells drawn from unflagged schools (default: ${DEFAULT-VALUE}).")
        double controlShare;
        @Option(names = "--borderline", defaultValue = "0", paramLabel = "N",
                description = "Also target the N unflagged cells with the highest risk per session: evidence just short of"
                        + " the cut, which a re-check can decide (default: ${DEFAULT-VALUE}).")
        int borderline;
        @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The same seed gives the same sample (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--by", defaultValue = "municipality", paramLabel = "municipality|subject",
                description = "One commission per municipality or per subject (default: ${DEFAULT-VALUE}).")
        String by;
        @Option(names = "--scales", paramLabel = "FILE", description = "Mark scale file the run used, if not the bundled one.")
        Path scales;

        @Override
        public Integer call() throws Exception {
            return SparkSessions.run("vpr-objectivity recheck plan", spark -> execute(spark, System.out, System.err));
        }

        int execute(SparkSession spark, PrintStream out, PrintStream err) {
            RecheckPlan.Commissions commissions;
            try {
                commissions = RecheckPlan.Commissions.valueOf(by.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("--by must be municipality or subject, not " + by);
                return ExitCodes.USAGE;
            }
            RecheckPlan.Options options;
            try {
                options = new RecheckPlan.Options(worksPerCell, controlShare, seed, commissions, borderline);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return ExitCodes.USAGE;
            }
            if (!ParquetTables.exists(spark, output + "/" + OutputLayout.FLAGS_CELLS)) {
                err.println("no " + OutputLayout.FLAGS_CELLS + " under " + output + ": run 'run' first");
                return ExitCodes.USAGE;
            }
            MarkScales s = scales(scales);
            RecheckPlan.Result plan = RecheckPlan.write(spark, output, s, options);
            int forms = RecheckForms.write(spark, output, s);
            out.printf("План перепроверки %s: %d работ целевой выборки, %d контрольной; %d бланков в %s/%s%n",
                    plan.planId(), plan.works(RecheckTables.TARGETED), plan.works(RecheckTables.CONTROL), forms,
                    output, RecheckTables.FORMS);
            for (RecheckPlan.Stratum st : plan.strata()) {
                out.printf("  %-8s %-40s %s %d %s: %d школ, %d работ%n", st.stratum(), st.commission(), st.session(),
                        st.grade(), st.subject(), st.cells(), st.works());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Read filled forms back into recheck/works, recheck/schools, recheck/tasks and recheck/rejects.")
    static class Read implements Callable<Integer> {
        @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder of a run with a plan.")
        String output;
        @Option(names = "--forms", required = true, arity = "1..*", paramLabel = "PATH",
                description = "Filled forms (xlsx files or folders of them).")
        List<Path> forms;
        @Option(names = "--scales", paramLabel = "FILE", description = "Mark scale file the run used, if not the bundled one.")
        Path scales;

        @Override
        public Integer call() throws Exception {
            return SparkSessions.run("vpr-objectivity recheck read", spark -> execute(spark, System.out, System.err));
        }

        int execute(SparkSession spark, PrintStream out, PrintStream err) {
            if (!ParquetTables.exists(spark, output + "/" + RecheckTables.PLAN)) {
                err.println("no " + RecheckTables.PLAN + " under " + output + ": run 'recheck plan' first");
                return ExitCodes.USAGE;
            }
            Map<String, Integer> tasks = new HashMap<>();
            String planId = null;
            // The codes and task counts only (no school, no pupil): what checking a form needs.
            for (org.apache.spark.sql.Row r : spark.read().parquet(output + "/" + RecheckTables.PLAN)
                    .selectExpr(RecheckTables.WORK_ID, "size(" + RecheckTables.ORIGINAL_SCORES + ")", RecheckTables.PLAN_ID)
                    .collectAsList()) {
                tasks.put(r.getString(0), r.getInt(1));
                planId = r.getString(2);
            }
            FormReader.Reading reading = FormReader.read(forms, planId, tasks);
            RecheckResults.Summary s = RecheckResults.write(spark, output, scales(scales), reading);
            out.printf("Прочитано бланков: %d, работ: %d, отклонено ячеек и строк: %d (%s/%s); школ с подтверждённым "
                            + "расхождением: %d, с подтверждённой объективностью: %d%n", s.formsRead(), s.worksRead(),
                    s.problems(), output, RecheckTables.REJECTS, s.schoolsConfirmed(), s.schoolsCleared());
            for (FormReader.Problem p : reading.problems().stream().limit(20).toList()) {
                err.println("  " + p.file() + (p.sheet() == null ? "" : ", лист «" + p.sheet() + "»")
                        + (p.row() == null ? "" : ", строка " + p.row()) + (p.column() == null ? "" : ", столбец «" + p.column() + "»")
                        + ": " + p.reason() + (p.value() == null ? "" : " (" + p.value() + ")"));
            }
            if (s.formsRead() == 0) {
                return ExitCodes.NOTHING_USABLE;
            }
            return reading.problems().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FILES_UNUSABLE;
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Fill a plan's blank forms as an honest commission would, from a generated region's truth"
                    + " (for testing the loop end to end).")
    static class Simulate implements Callable<Integer> {
        @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder of a run with a plan.")
        String output;
        @Option(names = "--truth", required = true, paramLabel = "DIR", description = "The generator's truth folder.")
        Path truth;
        @Option(names = "--filled", required = true, paramLabel = "DIR", description = "Where to write the filled forms.")
        Path filled;
        @Option(names = "--noise", defaultValue = "0.02", paramLabel = "P",
                description = "Probability that the commission's score of a task is one point off (default: ${DEFAULT-VALUE}).")
        double noise;
        @Option(names = "--borderline", defaultValue = "0", paramLabel = "N",
                description = "Also target the N unflagged cells with the highest risk per session: evidence just short of"
                        + " the cut, which a re-check can decide (default: ${DEFAULT-VALUE}).")
        int borderline;
        @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the marking noise.")
        long seed;

        @Override
        public Integer call() throws Exception {
            return SparkSessions.run("vpr-objectivity recheck simulate", spark -> {
                int n = RecheckSimulator.fill(spark, output, truth, filled, noise, seed);
                System.out.printf("Filled %d works into %s%n", n, filled);
                return ExitCodes.OK;
            });
        }
    }
}
