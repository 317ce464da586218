package org.vprobjectivity.io;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicOutputTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private void writeRun(String session, String content) throws Exception {
        new AtomicOutput(out().toString(), new Configuration()).replace(Set.of("results"), staging -> {
            // the partition folder as Spark names it (a session with '/', ':' or '%' is escaped)
            Path part = Path.of(staging, "results", ParquetTables.SESSION_FOLDER
                    + org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.escapePathName(session));
            Files.createDirectories(part);
            Files.writeString(part.resolve("part-0.txt"), content);
            Files.writeString(Path.of(staging, "run.json"), content);
            return Set.of(session);
        });
    }

    @Test
    void failedRunLeavesThePreviousOutputIntact() throws Exception {
        writeRun("2025-spring", "first");
        assertThatThrownBy(() -> new AtomicOutput(out().toString(), new Configuration()).replace(Set.of("results"), staging -> {
            Path part = Path.of(staging, "results", "session=2025-spring");
            Files.createDirectories(part);
            Files.writeString(part.resolve("part-0.txt"), "half-written");
            throw new IllegalStateException("stage failed midway");
        })).hasMessageContaining("midway");
        assertThat(Files.readString(out().resolve("results/session=2025-spring/part-0.txt"))).isEqualTo("first");
        assertThat(Files.readString(out().resolve("run.json"))).isEqualTo("first");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void rerunReplacesItsSessionAndKeepsTheOthers() throws Exception {
        writeRun("2024-spring", "old 2024");
        writeRun("2025-spring", "first 2025");
        writeRun("2025-spring", "second 2025");
        assertThat(Files.readString(out().resolve("results/session=2024-spring/part-0.txt"))).isEqualTo("old 2024");
        assertThat(Files.readString(out().resolve("results/session=2025-spring/part-0.txt"))).isEqualTo("second 2025");
        assertThat(Files.readString(out().resolve("run.json"))).isEqualTo("second 2025");
    }

    /** A session whose folder name Spark escapes is still recognised as the one the rerun replaces. */
    @Test
    void rerunReplacesASessionWhoseFolderNameIsEscaped() throws Exception {
        String session = "2025/26: 50%";
        String folder = "results/session=2025%2F26%3A 50%25";
        writeRun("2024-spring", "old 2024");
        writeRun(session, "first");
        assertThat(Files.readString(out().resolve(folder + "/part-0.txt"))).isEqualTo("first");
        writeRun(session, "second");
        assertThat(Files.readString(out().resolve(folder + "/part-0.txt"))).isEqualTo("second");
        try (Stream<Path> inside = Files.list(out().resolve(folder))) {
            assertThat(inside.map(p -> p.getFileName().toString())).containsExactly("part-0.txt");
        }
        assertThat(Files.readString(out().resolve("results/session=2024-spring/part-0.txt"))).isEqualTo("old 2024");
    }

    @Test
    void firstRunCreatesTheFolder() throws Exception {
        assertThat(out()).doesNotExist();
        writeRun("2025-spring", "x");
        assertThat(out().resolve("results/session=2025-spring/part-0.txt")).exists();
    }

    @Test
    void anExistingFileIsNeverReplaced() throws Exception {
        // Before the fix the file was renamed aside and deleted: a typo in --output destroyed a user's file.
        Files.writeString(out(), "a user's file");
        assertThatThrownBy(() -> writeRun("2025-spring", "x"))
                .isInstanceOf(AtomicOutput.NotAFolderException.class).hasMessageContaining(out().toString());
        assertThat(Files.readString(out())).isEqualTo("a user's file");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void leftoversOfKilledRunsAreCleanedAndTheOutputKept() throws Exception {
        writeRun("2025-spring", "first");
        // A run killed while writing leaves its staging folder; one killed after its swap leaves the old output aside.
        Files.createDirectories(dir.resolve(".out.staging-dead0001/results/session=2025-spring"));
        Files.writeString(dir.resolve(".out.staging-dead0001/results/session=2025-spring/part-0.txt"), "half");
        Files.createDirectories(dir.resolve(".out.old-dead0002/results"));
        Files.createDirectories(dir.resolve(".other.staging-keep0003"));
        List<AtomicOutput.Leftover> done = new AtomicOutput(out().toString(), new Configuration()).cleanLeftovers();
        assertThat(done).extracting(AtomicOutput.Leftover::action)
                .containsExactlyInAnyOrder(AtomicOutput.LeftoverAction.STAGING_DELETED, AtomicOutput.LeftoverAction.OLD_DELETED);
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", ".other.staging-keep0003");
        }
        assertThat(Files.readString(out().resolve("run.json"))).isEqualTo("first");
    }

    @Test
    void previousOutputLeftAsideBetweenTheRenamesIsMovedBack() throws Exception {
        writeRun("2025-spring", "first");
        // Killed between "output → old" and "staging → output": the output is missing, the previous one sits aside.
        Files.move(out(), dir.resolve(".out.old-dead0004"));
        Files.createDirectories(dir.resolve(".out.staging-dead0004"));
        List<AtomicOutput.Leftover> done = new AtomicOutput(out().toString(), new Configuration()).cleanLeftovers();
        assertThat(done).extracting(AtomicOutput.Leftover::action)
                .containsExactlyInAnyOrder(AtomicOutput.LeftoverAction.STAGING_DELETED, AtomicOutput.LeftoverAction.OLD_RESTORED);
        assertThat(Files.readString(out().resolve("run.json"))).isEqualTo("first");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void aRerunKeepsTheRecheckAsItWas() throws Exception {
        writeRun("2025-spring", "first");
        Path plan = out().resolve(OutputLayout.RECHECK).resolve("plan");
        Files.createDirectories(plan);
        Files.writeString(plan.resolve("part-0.txt"), "the commission's work");
        writeRun("2025-spring", "second");
        assertThat(Files.readString(out().resolve("run.json"))).isEqualTo("second");
        assertThat(Files.readString(plan.resolve("part-0.txt"))).isEqualTo("the commission's work");
    }
}
