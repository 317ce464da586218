package org.vprobjectivity.io;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputLockTest {

    @TempDir
    Path dir;

    private String out() {
        return dir.resolve("out").toString();
    }

    private Path lockFile() {
        return dir.resolve(".out.lock");
    }

    private static String lockText(long pid, String host, String processStart) {
        return "pid=" + pid + "\nhost=" + host + "\nprocess_start=" + processStart + "\nlocked_at=2026-01-01T00:00:00Z\ncommand=run\n";
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        try (OutputLock first = OutputLock.acquire(out(), new Configuration(), "run")) {
            assertThat(lockFile()).exists();
            assertThat(Files.readString(lockFile())).contains("pid=" + ProcessHandle.current().pid());
            assertThatThrownBy(() -> OutputLock.acquire(out(), new Configuration(), "run"))
                    .isInstanceOfSatisfying(OutputLock.HeldException.class, e -> {
                        assertThat(e.holder.pid()).isEqualTo(ProcessHandle.current().pid());
                        assertThat(e.lockFile).endsWith(".out.lock");
                    });
        }
        assertThat(lockFile()).doesNotExist();
        try (OutputLock again = OutputLock.acquire(out(), new Configuration(), "run")) {
            assertThat(again.takenOver()).isNull();
        }
    }

    @Test
    void aLockWhoseProcessIsGoneIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(lockFile(), lockText(gone.pid(), OutputLock.localHost(), Instant.now().toString()));
        try (OutputLock lock = OutputLock.acquire(out(), new Configuration(), "run")) {
            assertThat(lock.takenOver()).isNotNull();
            assertThat(lock.takenOver().pid()).isEqualTo(gone.pid());
            assertThat(Files.readString(lockFile())).contains("pid=" + ProcessHandle.current().pid());
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aLiveProcessHoldsItsLockAndAReusedPidDoesNot() throws Exception {
        Process live = new ProcessBuilder("sleep", "30").start();
        try {
            String start = live.info().startInstant().orElseThrow().toString();
            Files.writeString(lockFile(), lockText(live.pid(), OutputLock.localHost(), start));
            assertThatThrownBy(() -> OutputLock.acquire(out(), new Configuration(), "run"))
                    .isInstanceOf(OutputLock.HeldException.class);
            // Same pid, another start time: the process that took the lock is gone and its pid was reused.
            Files.writeString(lockFile(), lockText(live.pid(), OutputLock.localHost(), "2001-01-01T00:00:00Z"));
            try (OutputLock lock = OutputLock.acquire(out(), new Configuration(), "run")) {
                assertThat(lock.takenOver().pid()).isEqualTo(live.pid());
            }
        } finally {
            live.destroy();
        }
    }

    @Test
    void aLockFromAnotherHostOrUnreadableIsRespected() throws Exception {
        Files.writeString(lockFile(), lockText(1, "some-other-host.example", "2001-01-01T00:00:00Z"));
        assertThatThrownBy(() -> OutputLock.acquire(out(), new Configuration(), "run"))
                .isInstanceOfSatisfying(OutputLock.HeldException.class, e -> assertThat(e.holder.host()).isEqualTo("some-other-host.example"));
        Files.writeString(lockFile(), "");
        assertThatThrownBy(() -> OutputLock.acquire(out(), new Configuration(), "run")).isInstanceOf(OutputLock.HeldException.class);
        assertThat(Files.readString(lockFile())).isEmpty();
    }
}
