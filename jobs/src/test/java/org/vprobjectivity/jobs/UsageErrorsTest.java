package org.vprobjectivity.jobs;

import org.vprobjectivity.run.ExitCodes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad command lines and configuration end in exit 2 with a message naming what to fix, before any work. */
class UsageErrorsTest {

    @TempDir
    Path dir;

    private static String stderr(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandPrintsTheHelpAndExits2() {
        // Before: the help on stdout and exit 0, so a script with a forgotten command "succeeded".
        String err = stderr(() -> assertThat(Main.execute()).isEqualTo(ExitCodes.USAGE));
        assertThat(err).contains("Usage:").contains("run").contains("Exit codes").contains("6");
    }

    @Test
    void aConfigValueOutOfRangeOrAnUnknownFieldIsExit2NamingIt() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"indicators\": {\"min_cell_works\": -3}}");
        OutputSafetyTest.Outcome o = OutputSafetyTest.ingest("--input", OutputSafetyTest.sample().toString(), "--output",
                dir.resolve("out").toString(), "--config", config.toString());
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains("--config " + config).contains("indicators.min_cell_works должно быть не меньше 1, а не -3");
        assertThat(dir.resolve("out")).doesNotExist();

        Files.writeString(config, "{\"flags\": {\"q\": 0.05}, \"model\": {}}");
        o = OutputSafetyTest.ingest("--input", OutputSafetyTest.sample().toString(), "--output", dir.resolve("out").toString(),
                "--config", config.toString(), "--lang", "en");
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains("unknown section \"model\"");
    }

    /** The decision matrix's rule (section measures) is checked by run and by report alike, before any table is read. */
    @Test
    void aBadMeasuresSectionIsExit2ForRunAndReport() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"measures\": {\"help_weak_spots\": 50}}");
        OutputSafetyTest.Outcome o = OutputSafetyTest.ingest("--input", OutputSafetyTest.sample().toString(), "--output",
                dir.resolve("out").toString(), "--config", config.toString());
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains("measures.help_weak_spots должно быть в интервале [0, 20], а не 50");

        Files.writeString(config, "{\"measures\": {\"observers_min_risc\": 3}}");
        ReportCommand report = picocli.CommandLine.populateCommand(new ReportCommand(), "--output", dir.resolve("none").toString(),
                "--config", config.toString(), "--lang", "en");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(report.write(org.vprobjectivity.SparkTestSession.get(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown field measures.observers_min_risc");
    }

    @Test
    void onlyRussianOrEnglish() throws Exception {
        OutputSafetyTest.Outcome o = OutputSafetyTest.ingest("--input", OutputSafetyTest.sample().toString(), "--output",
                dir.resolve("out").toString(), "--lang", "de");
        assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.stderr()).contains("--lang: допустимо ru или en, а не «de»");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
