package org.vprobjectivity.jobs;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.flags.FlagConfig;
import org.vprobjectivity.indicators.IndicatorConfig;
import org.vprobjectivity.ingest.HeaderMapping;
import org.vprobjectivity.ingest.InputCatalog;
import org.vprobjectivity.ingest.InputUnit;
import org.vprobjectivity.io.AtomicOutput;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.OutputLock;
import org.vprobjectivity.io.RunReport;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.report.ReportWriter;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Wires the stages of a run into one atomic output replacement: ingest, then (for {@code run})
 * indicators; later stages (flags, reports) are added here and write into the same staging folder.
 */
final class PipelineRun {

    private final InputArgs args;
    private final PrintStream out;
    private final Progress progress;
    private final Texts text;

    private final boolean withIndicators;

    PipelineRun(InputArgs args, boolean withIndicators, PrintStream out, PrintStream err) {
        this.args = args;
        this.withIndicators = withIndicators;
        this.out = out;
        this.progress = new Progress(err);
        this.text = new Texts(args.lang);
    }

    int execute(SparkSession spark) throws Exception {
        long start = System.currentTimeMillis();
        try {
            IndicatorConfig.load(args.config).reference();
            FlagConfig.load(args.config);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            progress.say("configuration %s: %s", args.config, e.getMessage());
            return ExitCodes.USAGE;
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        AtomicOutput output = new AtomicOutput(args.output, conf);
        if (output.existsAsFile()) {
            // Replacing it would delete the user's file: the swap renames whatever is at --output aside and deletes it.
            progress.say(text.of("--output %s — это файл, а не папка; укажите папку для результатов (файл не тронут)",
                    "--output %s is a file, not a folder; give a folder for the outputs (the file is left as it is)", args.output));
            return ExitCodes.USAGE;
        }
        OutputLock lock;
        try {
            lock = OutputLock.acquire(args.output, conf, withIndicators ? "run" : "ingest");
        } catch (OutputLock.HeldException e) {
            progress.say(text.of("папку %s сейчас пишет другой запуск (pid %d на %s, с %s); ничего не сделано, повторите после его"
                            + " окончания. Если такого запуска нет, удалите файл блокировки %s",
                    "another run is writing %s (pid %d on %s, since %s); nothing was done, run again once it has finished."
                            + " If there is no such run, delete the lock file %s",
                    args.output, e.holder.pid(), e.holder.host(), e.holder.lockedAt(), e.lockFile));
            return ExitCodes.OUTPUT_LOCKED;
        }
        try (lock) {
            List<RunReport.Note> notes = new ArrayList<>();
            if (lock.takenOver() != null) {
                OutputLock.Holder h = lock.takenOver();
                notes.add(note("STALE_LOCK_TAKEN_OVER", lock.file(),
                        String.format("блокировка папки от прерванного запуска (pid %d, с %s) снята", h.pid(), h.lockedAt()),
                        String.format("the lock of an interrupted run (pid %d, since %s) was taken over", h.pid(), h.lockedAt())));
            }
            // Under the lock no other run is writing here: staging folders beside the output are a killed run's.
            for (AtomicOutput.Leftover l : output.cleanLeftovers()) {
                notes.add(switch (l.action()) {
                    case STAGING_DELETED -> note("LEFTOVER_STAGING_DELETED", l.path(),
                            "удалена недописанная папка прерванного запуска", "deleted the half-written folder of an interrupted run");
                    case OLD_DELETED -> note("LEFTOVER_OLD_DELETED", l.path(),
                            "удалена копия прежних результатов, оставленная прерванным запуском",
                            "deleted the copy of the previous output left by an interrupted run");
                    case OLD_RESTORED -> note("LEFTOVER_OLD_RESTORED", l.path(),
                            "прежние результаты, отодвинутые прерванным запуском, возвращены на место",
                            "the previous output moved aside by an interrupted run was moved back into place");
                });
            }
            notes.forEach(n -> progress.say("%s: %s", n.path, text.english() ? n.messageEn : n.messageRu));
            return execute(spark, output, notes, start);
        }
    }

    private static RunReport.Note note(String code, String path, String ru, String en) {
        return new RunReport.Note(code, path, ru, en);
    }

    private int execute(SparkSession spark, AtomicOutput output, List<RunReport.Note> notes, long start) throws Exception {
        MarkScales scales = MarkScales.load(args.scales);
        HeaderMapping mapping = HeaderMapping.load(args.mapping);
        List<InputUnit> units = InputCatalog.list(args.inputs, spark.sparkContext().hadoopConfiguration());
        progress.say("%d input files found under %s", units.size(), String.join(", ", args.inputs));
        RunReport report = newReport(units);
        report.notes.addAll(notes);
        try {
            output.replace(OutputLayout.PARTITIONED_TABLES, staging -> {
                IngestStage.run(spark, units, mapping, scales, args, staging, report, progress);
                if (withIndicators) {
                    IndicatorStage.run(spark, scales, args, staging, report, progress);
                    FlagStage.run(spark, args, staging, report, progress);
                    long t0 = System.currentTimeMillis();
                    int pages = ReportWriter.write(spark, staging, args.lang);
                    report.stageMillis.put("report", System.currentTimeMillis() - t0);
                    progress.say("wrote report: %s/%s, %d school pages, %s/%s", ReportWriter.DIR, ReportWriter.INDEX, pages,
                            ReportWriter.DIR, ReportWriter.XLSX);
                }
                org.apache.hadoop.fs.Path staged = new org.apache.hadoop.fs.Path(staging + "/staged_records");
                staged.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(staged, true);
                report.stageMillis.put("total", System.currentTimeMillis() - start);
                report.write(staging + "/" + OutputLayout.RUN_JSON, spark.sparkContext().hadoopConfiguration());
                return new HashSet<>(report.sessions);
            });
        } catch (IngestStage.NothingUsableException e) {
            new Summary(out, args.lang).print(e.report, null);
            return ExitCodes.NOTHING_USABLE;
        }
        new Summary(out, args.lang).print(report, args.output);
        return report.filesWithProblems() > 0 ? ExitCodes.SOME_FILES_UNUSABLE : ExitCodes.OK;
    }

    private RunReport newReport(List<InputUnit> units) {
        RunReport report = new RunReport();
        report.version = Version.get();
        report.startedAt = Instant.now().toString();
        report.inputs.addAll(units.stream().map(InputUnit::displayName).toList());
        report.options.put("session", args.session);
        report.options.put("subject", args.subject);
        report.options.put("grade", args.grade);
        report.options.put("school", args.school);
        report.options.put("encoding", args.encoding);
        report.options.put("scales", args.scales == null ? null : args.scales.toString());
        report.options.put("mapping", args.mapping == null ? null : args.mapping.toString());
        report.options.put("config", args.config == null ? null : args.config.toString());
        report.options.put("teachers", args.teachers == null ? null : args.teachers.toString());
        report.options.put("reference", args.reference == null ? null : args.reference.toString());
        report.options.put("school_types", args.schoolTypes == null ? null : args.schoolTypes.toString());
        return report;
    }
}
