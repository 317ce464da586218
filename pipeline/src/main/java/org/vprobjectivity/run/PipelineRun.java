package org.vprobjectivity.run;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.ingest.HeaderMapping;
import org.vprobjectivity.ingest.SchoolIdMap;
import org.vprobjectivity.ingest.InputCatalog;
import org.vprobjectivity.ingest.InputUnit;
import org.vprobjectivity.io.AtomicOutput;
import org.vprobjectivity.io.ConfigFile;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.OutputLock;
import org.vprobjectivity.io.ParquetTables;
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
public final class PipelineRun {

    private final RunOptions args;
    /** The {@code --config} file, read and checked once before any work. */
    private AnalysisConfig config = AnalysisConfig.defaults();
    private final PrintStream out;
    private final Progress progress;
    private final Texts text;

    private final boolean withIndicators;

    /** The {@code --id-map} read before any work; null without the option. */
    private SchoolIdMap idMap;

    public PipelineRun(RunOptions args, boolean withIndicators, PrintStream out, PrintStream err) {
        this.args = args;
        this.withIndicators = withIndicators;
        this.out = out;
        this.progress = new Progress(err);
        this.text = new Texts(args.lang());
    }

    public int execute(SparkSession spark) throws Exception {
        long start = System.currentTimeMillis();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        // Every path the user named is checked before any work: a typo is a usage error (exit 2) with the option
        // and the path, not a stack trace after minutes of reading.
        List<String> missing = missingPaths(conf);
        if (!missing.isEmpty()) {
            missing.forEach(m -> progress.say("%s", m));
            return ExitCodes.USAGE;
        }
        if (args.idMap() != null) {
            idMap = SchoolIdMap.read(args.idMap());
            if (!idMap.problems().isEmpty()) {
                // A wrong map merges or splits schools silently: every bad line is named and nothing is read or written.
                idMap.problems().forEach(pr -> progress.say(text.of("--id-map %s, строка %d: %s (значение «%s»)",
                        "--id-map %s, line %d: %s (value «%s»)", args.idMap(), pr.line(),
                        text.english() ? pr.messageEn() : pr.messageRu(), pr.value() == null ? "" : pr.value())));
                return ExitCodes.USAGE;
            }
        }
        if (!Texts.LANGUAGES.contains(args.lang())) {
            progress.say("%s", Texts.badLang(args.lang()));
            return ExitCodes.USAGE;
        }
        try {
            config = AnalysisConfig.load(args.config());
        } catch (ConfigFile.Problem e) {
            progress.say("--config %s: %s", args.config(), e.message(text.english()));
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            progress.say("--config %s: %s", args.config(), plain(e));
            return ExitCodes.USAGE;
        }
        AtomicOutput output = new AtomicOutput(args.output(), conf);
        if (output.existsAsFile()) {
            // Replacing it would delete the user's file: the swap renames whatever is at --output aside and deletes it.
            progress.say(text.of("--output %s — это файл, а не папка; укажите папку для результатов (файл не тронут)",
                    "--output %s is a file, not a folder; give a folder for the outputs (the file is left as it is)", args.output()));
            return ExitCodes.USAGE;
        }
        OutputLock lock;
        try {
            lock = OutputLock.acquire(args.output(), conf, withIndicators ? "run" : "ingest");
        } catch (OutputLock.HeldException e) {
            progress.say("%s", text.locked(args.output(), e));
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

    /** Messages for the inputs and side files that do not exist or are not what the option needs; empty when all are. */
    private List<String> missingPaths(Configuration conf) {
        List<String> problems = new ArrayList<>();
        for (String input : args.inputs()) {
            try {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
                if (!p.getFileSystem(conf).exists(p)) {
                    problems.add(text.of("--input: нет такого файла или папки: %s", "--input: no such file or folder: %s", input));
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                problems.add(text.of("--input: путь не удаётся открыть: %s", "--input: the path cannot be opened: %s", input));
            }
        }
        sideFile(problems, "--scales", args.scales());
        sideFile(problems, "--mapping", args.mapping());
        sideFile(problems, "--config", args.config());
        sideFile(problems, "--teachers", args.teachers());
        sideFile(problems, "--reference", args.reference());
        sideFile(problems, "--school-types", args.schoolTypes());
        sideFile(problems, "--id-map", args.idMap());
        sideFile(problems, "--exam", args.exam());
        sideFile(problems, "--observed", args.observed());
        historyFolder(problems, conf);
        return problems;
    }

    /**
     * {@code --history}: an earlier output folder, read only. It must exist, be a folder and hold a readable
     * {@code results} table: a typo there would otherwise silently drop the history from the over-time tables.
     */
    private void historyFolder(List<String> problems, Configuration conf) {
        if (args.history() == null) {
            return;
        }
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(args.history());
            org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                problems.add(text.of("--history: нет такой папки: %s", "--history: no such folder: %s", args.history()));
            } else if (!fs.getFileStatus(p).isDirectory()) {
                problems.add(text.of("--history: %s — это файл, а нужна папка результатов прежнего запуска",
                        "--history: %s is a file, the output folder of an earlier run is needed", args.history()));
            } else if (!fs.exists(new org.apache.hadoop.fs.Path(p, OutputLayout.RESULTS))) {
                problems.add(text.of("--history: в папке %s нет таблицы %s: это не папка результатов прежнего запуска",
                        "--history: the folder %s holds no %s table: not the output folder of an earlier run",
                        args.history(), OutputLayout.RESULTS));
            } else {
                fs.listStatus(new org.apache.hadoop.fs.Path(p, OutputLayout.RESULTS)); // unreadable: IOException
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            problems.add(text.of("--history: папку не удаётся прочитать: %s (%s)", "--history: the folder cannot be read: %s (%s)",
                    args.history(), plain(e)));
        }
    }

    private void sideFile(List<String> problems, String option, java.nio.file.Path file) {
        if (file == null) {
            return;
        }
        if (!java.nio.file.Files.exists(file)) {
            problems.add(text.of("%s: нет такого файла: %s", "%s: no such file: %s", option, file));
        } else if (!java.nio.file.Files.isRegularFile(file)) {
            problems.add(text.of("%s: %s — это папка, а нужен файл", "%s: %s is a folder, a file is needed", option, file));
        } else if (!java.nio.file.Files.isReadable(file)) {
            problems.add(text.of("%s: нет прав на чтение файла %s", "%s: no permission to read %s", option, file));
        }
    }

    private static RunReport.Note note(String code, String path, String ru, String en) {
        return new RunReport.Note(code, path, ru, en);
    }

    private int execute(SparkSession spark, AtomicOutput output, List<RunReport.Note> notes, long start) throws Exception {
        MarkScales scales;
        HeaderMapping mapping;
        try {
            scales = MarkScales.load(args.scales());
        } catch (RuntimeException e) {
            progress.say(text.of("--scales %s: файл шкал не прочитан: %s", "--scales %s: the scale file could not be read: %s",
                    args.scales(), plain(e)));
            return ExitCodes.USAGE;
        }
        try {
            mapping = HeaderMapping.load(args.mapping());
        } catch (RuntimeException e) {
            progress.say(text.of("--mapping %s: файл заголовков не прочитан: %s", "--mapping %s: the header mapping could not be read: %s",
                    args.mapping(), plain(e)));
            return ExitCodes.USAGE;
        }
        List<InputUnit> units = InputCatalog.list(args.inputs(), spark.sparkContext().hadoopConfiguration());
        progress.say("%d input files found under %s", units.size(), String.join(", ", args.inputs()));
        RunReport report = newReport(units);
        report.notes.addAll(notes);
        try {
            output.replace(OutputLayout.PARTITIONED_TABLES, staging -> {
                SparkSettings.stage(spark, "ingest", "read " + units.size() + " input files");
                List<String> sessions = IngestStage.run(spark, units, mapping, scales, args, idMap, staging, report, progress);
                if (withIndicators) {
                    long works = report.totals.getOrDefault("works", 0L);
                    int partitions = SparkSettings.sizeFor(spark, works);
                    progress.say("%,d works: %d shuffle partitions", works, partitions);
                    SparkSettings.stage(spark, "indicators", "official markers, pupil model, indicators per cell");
                    IndicatorStage.run(spark, scales, args, idMap, config.indicators(), staging, sessions, report, progress);
                    SparkSettings.stage(spark, "flags", "signs combined, false discovery rate, schools ranked");
                    FlagStage.run(spark, args, config.flags(), staging, sessions, report, progress);
                    SparkSettings.stage(spark, "report", "district head's report and workbooks");
                    long t0 = System.currentTimeMillis();
                    // recheck/ is read from the output, as the flag stage reads it: the swap carries it into place only afterwards.
                    int pages = ReportWriter.write(spark, staging, args.output(), args.lang(), config.measures());
                    report.stageMillis.put("report", System.currentTimeMillis() - t0);
                    progress.say("wrote report: %s/%s, %d school pages, %s/%s", ReportWriter.DIR, ReportWriter.INDEX, pages,
                            ReportWriter.DIR, ReportWriter.XLSX);
                }
                report.stageMillis.put("total", System.currentTimeMillis() - start);
                report.write(staging + "/" + OutputLayout.RUN_JSON, spark.sparkContext().hadoopConfiguration());
                return new HashSet<>(report.sessions);
            });
        } catch (IngestStage.NothingUsableException e) {
            new Summary(out, args.lang()).print(e.report, null);
            return ExitCodes.NOTHING_USABLE;
        } catch (IngestStage.IdMapConflictException e) {
            e.conflicts.forEach(c -> progress.say(text.of(
                    "--id-map %s: в сессии %s — разные школы получили бы один идентификатор; исправьте файл (результаты не изменены)",
                    "--id-map %s: in session %s — different schools would get one id; correct the file (the output is unchanged)",
                    args.idMap(), c)));
            return ExitCodes.USAGE;
        }
        new Summary(out, args.lang()).print(report, args.output());
        return report.filesWithProblems() > 0 ? ExitCodes.SOME_FILES_UNUSABLE : ExitCodes.OK;
    }

    /**
     * An exception's own message without Java's wrapping (class names of causes, Jackson's source locations): what
     * the user can act on.
     */
    String plain(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof java.io.UncheckedIOException)) {
            t = t.getCause();
        }
        String m = t instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            m += text.of(" (строка %d, столбец %d)", " (line %d, column %d)", j.getLocation().getLineNr(), j.getLocation().getColumnNr());
        }
        return m == null ? "" : m.replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error): ?", "");
    }

    private RunReport newReport(List<InputUnit> units) {
        RunReport report = new RunReport();
        report.version = Version.get();
        report.startedAt = Instant.now().toString();
        report.inputs.addAll(units.stream().map(InputUnit::displayName).toList());
        report.options.put("session", args.session());
        report.options.put("subject", args.subject());
        report.options.put("grade", args.grade());
        report.options.put("school", args.school());
        report.options.put("encoding", args.encoding());
        report.options.put("scales", args.scales() == null ? null : args.scales().toString());
        report.options.put("mapping", args.mapping() == null ? null : args.mapping().toString());
        report.options.put("config", args.config() == null ? null : args.config().toString());
        report.options.put("teachers", args.teachers() == null ? null : args.teachers().toString());
        report.options.put("reference", args.reference() == null ? null : args.reference().toString());
        report.options.put("school_types", args.schoolTypes() == null ? null : args.schoolTypes().toString());
        report.options.put("id_map", args.idMap() == null ? null : args.idMap().toString());
        report.options.put("history", args.history());
        return report;
    }
}
