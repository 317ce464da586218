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

class CliTest {

    private static String stdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        String help = stdout(() -> assertThat(Main.execute("--help")).isZero());
        assertThat(help).contains("run", "ingest", "scales", "generate", "Exit codes", "nothing usable");
        String runHelp = stdout(() -> assertThat(Main.execute("run", "--help")).isZero());
        assertThat(runHelp).contains("--input", "--output", "--session", "--subject", "--grade", "--school", "--scales",
                "--config", "--teachers", "--encoding");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        assertThat(Main.execute("run", "--output", "x")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void scalesListShowsBundledEntries() {
        String list = stdout(() -> assertThat(Main.execute("scales", "list")).isZero());
        assertThat(list).contains("MA", "RU", "2021", "2025");
    }

    @Test
    void scalesCheckNamesTheProblem(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("s.json");
        Files.writeString(bad, """
                {"scales": [{"subject": "MA", "grade": 4, "from_year": 2026, "max_score": 5,
                  "cuts": {"3": 2, "4": 4, "5": 3}, "tasks": [{"name": "1", "max": 2}, {"name": "2", "max": 2}]}]}""");
        String out = stdout(() -> assertThat(Main.execute("scales", "check", bad.toString())).isEqualTo(ExitCodes.SOME_FILES_UNUSABLE));
        assertThat(out).contains("MA-4-2026").contains("add up to 4").contains("cuts must rise");
    }
}
