package org.vprobjectivity.jobs;

import org.vprobjectivity.run.PipelineRun;
import org.vprobjectivity.run.ExitCodes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.io.OutputLock;
import org.vprobjectivity.io.RunReport;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No run destroys what is at --output unless it is an earlier output it replaces whole: an existing file is refused,
 * a second run on a locked folder is refused with its own exit code, and a killed run's lock and leftovers are
 * taken over and cleaned (with a note in the summary and run.json). Real files, the real ingest in Spark.
 */
class OutputSafetyTest {

    @TempDir
    Path dir;

    record Outcome(int exit, String stdout, String stderr) {
    }

    static Path sample() {
        for (Path p : List.of(Path.of("../data-samples/region/canonical_MA4.csv"), Path.of("data-samples/region/canonical_MA4.csv"))) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("data-samples/region/canonical_MA4.csv not found from " + Path.of("").toAbsolutePath());
    }

    /** {@code ingest} (the same PipelineRun as {@code run}, without the later stages) in the tests' Spark session. */
    static Outcome ingest(String... args) throws Exception {
        IngestCommand cmd = CommandLine.populateCommand(new IngestCommand(), args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new PipelineRun(cmd.args.options(), false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(SparkTestSession.get());
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anOutputThatIsAFileIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("report-for-the-head.xlsx");
        Files.writeString(file, "the user's own file");
        Outcome o = ingest("--input", sample().toString(), "--output", file.toString());
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains(file.toString()).contains("это файл, а не папка");
        assertThat(Files.readString(file)).isEqualTo("the user's own file");
        Outcome en = ingest("--input", sample().toString(), "--output", file.toString(), "--lang", "en");
        assertThat(en.stderr()).contains("is a file, not a folder");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSecondRunOnALockedFolderIsRefusedWithItsOwnCode() throws Exception {
        Path out = dir.resolve("out");
        // The first run is this JVM holding the lock, as a run in progress does.
        try (OutputLock first = OutputLock.acquire(out.toString(), new org.apache.hadoop.conf.Configuration(), "run")) {
            Outcome o = ingest("--input", sample().toString(), "--output", out.toString());
            assertThat(o.exit()).isEqualTo(ExitCodes.OUTPUT_LOCKED);
            assertThat(o.stderr()).contains("сейчас пишет другой запуск").contains("pid " + ProcessHandle.current().pid())
                    .contains(".out.lock");
            assertThat(out).doesNotExist();
        }
        Outcome o = ingest("--input", sample().toString(), "--output", out.toString());
        assertThat(o.exit()).as(o.stderr()).isZero();
        assertThat(dir.resolve(".out.lock")).doesNotExist();
    }

    @Test
    void aKilledRunsLockAndLeftoversAreTakenOverAndCleaned() throws Exception {
        Path out = dir.resolve("out");
        assertThat(ingest("--input", sample().toString(), "--output", out.toString()).exit()).isZero();
        byte[] firstResults = Files.readAllBytes(out.resolve("run.json"));
        // What kill -9 during a run leaves: its lock (its process gone) and its half-written staging folder.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve(".out.lock"), "pid=" + gone.pid() + "\nhost=" + localHost() + "\nprocess_start="
                + Instant.now() + "\nlocked_at=2026-12-01T10:00:00Z\ncommand=run\n");
        Files.createDirectories(dir.resolve(".out.staging-0badf00d/results/session=2025-spring"));
        Files.writeString(dir.resolve(".out.staging-0badf00d/results/session=2025-spring/part-0.parquet"), "half-written");

        Outcome o = ingest("--input", sample().toString(), "--output", out.toString());
        assertThat(o.exit()).as(o.stderr()).isZero();
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("out");
        }
        assertThat(o.stdout()).contains("Замечание:").contains("блокировка папки от прерванного запуска (pid " + gone.pid())
                .contains(".out.staging-0badf00d").contains("удалена недописанная папка");
        RunReport report = RunReport.read(out.resolve("run.json"));
        assertThat(report.notes).extracting(n -> n.code)
                .containsExactlyInAnyOrder("STALE_LOCK_TAKEN_OVER", "LEFTOVER_STAGING_DELETED");
        assertThat(Files.readAllBytes(out.resolve("run.json"))).isNotEqualTo(firstResults);
    }

    private static String localHost() throws Exception {
        return java.net.InetAddress.getLocalHost().getHostName();
    }

    @Test
    void aMissingInputOrSideFileIsAUsageErrorBeforeAnyWork() throws Exception {
        Path out = dir.resolve("out");
        Path typo = dir.resolve("regoin");
        Outcome o = ingest("--input", sample().toString(), typo.toString(), "--output", out.toString(),
                "--teachers", dir.resolve("teachers.csv").toString(), "--school-types", dir.toString());
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains("--input: нет такого файла или папки: " + typo)
                .contains("--teachers: нет такого файла: " + dir.resolve("teachers.csv"))
                .contains("--school-types: " + dir + " — это папка")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve(".out.lock")).doesNotExist();
        Outcome en = ingest("--input", typo.toString(), "--output", out.toString(), "--lang", "en");
        assertThat(en.stderr()).contains("--input: no such file or folder: " + typo);
    }

    @Test
    void aBrokenScaleFileIsAUsageErrorWithoutExceptionNames() throws Exception {
        Path scales = dir.resolve("scales.json");
        Files.writeString(scales, "{\"scales\": [ {\"subject\": \"MA\", ");
        Outcome o = ingest("--input", sample().toString(), "--output", dir.resolve("out").toString(), "--scales", scales.toString());
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains("--scales " + scales + ": файл шкал не прочитан").contains("строка 1")
                .doesNotContain("Exception");
    }

    @Test
    void reportIsRefusedWhileARunHoldsTheFolder() throws Exception {
        Path out = dir.resolve("out");
        SparkTestSession.get().range(1).write().parquet(out.resolve("flags/schools").toString());
        try (OutputLock run = OutputLock.acquire(out.toString(), new org.apache.hadoop.conf.Configuration(), "run")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ReportCommand report = CommandLine.populateCommand(new ReportCommand(), "--output", out.toString());
            assertThat(report.write(SparkTestSession.get(), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(ExitCodes.OUTPUT_LOCKED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("сейчас пишет другой запуск");
        }
        assertThat(out.resolve("report")).doesNotExist();
    }

    /** The summary in the run's language ends with the exit code explained in one line. */
    @Test
    void theSummaryExplainsItsExitCodeInTheRunsLanguage() throws Exception {
        Path bad = sample().resolveSibling("bad").resolve("Ф1 обрезанный при пересылке 2025.xlsx");
        Outcome en = ingest("--input", sample().toString(), bad.toString(), "--output", dir.resolve("out").toString(), "--lang", "en");
        assertThat(en.exit()).isEqualTo(ExitCodes.SOME_FILES_UNUSABLE);
        assertThat(en.stdout()).contains("Not used: ").contains("Outputs in ")
                .contains("Exit code 3: outputs written, but 1 input files or tables could not be used").doesNotContain("Код");
        Outcome ru = ingest("--input", sample().toString(), "--output", dir.resolve("out").toString());
        assertThat(ru.exit()).isZero();
        assertThat(ru.stdout()).contains("Строки:").contains("Результаты в ").contains("Код завершения 0: всё прочитано и записано.")
                .doesNotContain("Rows:");
    }
}
