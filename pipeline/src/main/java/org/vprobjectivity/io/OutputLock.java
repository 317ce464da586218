package org.vprobjectivity.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * One run at a time per output folder: a lock file {@code .<name>.lock} beside the output (not inside it: the output
 * folder itself is swapped by renames) holding the holder's pid, host, process start and the time it was taken.
 * Without it two runs on one folder both succeed and the last silently replaces the other's output.
 * <p>
 * A lock whose holder ran on this host and is no longer alive (no such pid, or the pid now belongs to a process
 * started at another time) is stale: it is taken over and the caller is told so. A lock from another host cannot be
 * checked and is always respected; its file names the host so that a person can remove it.
 */
public final class OutputLock implements AutoCloseable {

    static final String PID = "pid";
    static final String HOST = "host";
    static final String PROCESS_START = "process_start";
    static final String LOCKED_AT = "locked_at";
    static final String COMMAND = "command";

    /** Who holds (or held) a lock, as its file says. */
    public record Holder(long pid, String host, String processStart, String lockedAt, String command) {

        static Holder parse(String text) throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(text));
            String pid = p.getProperty(PID);
            if (pid == null || !pid.trim().matches("\\d+")) {
                // Half-written or foreign: treated as held, never as stale, so it is never taken from a live run.
                return new Holder(-1, p.getProperty(HOST, "?"), null, p.getProperty(LOCKED_AT, "?"), p.getProperty(COMMAND, "?"));
            }
            return new Holder(Long.parseLong(pid.trim()), p.getProperty(HOST, "?"), p.getProperty(PROCESS_START),
                    p.getProperty(LOCKED_AT, "?"), p.getProperty(COMMAND, "?"));
        }

        String text() {
            return PID + "=" + pid + "\n" + HOST + "=" + host + "\n" + PROCESS_START + "=" + (processStart == null ? "" : processStart)
                    + "\n" + LOCKED_AT + "=" + lockedAt + "\n" + COMMAND + "=" + command + "\n";
        }

        /** True when the holder ran on this host and is gone; a holder on another host cannot be checked. */
        public boolean isStale() {
            if (pid < 0 || !host.equals(localHost())) {
                return false;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) {
                return true;
            }
            // The pid is alive but may have been reused by an unrelated process since: compare start times.
            Optional<Instant> start = process.get().info().startInstant();
            return processStart != null && !processStart.isEmpty() && start.isPresent()
                    && !start.get().toString().equals(processStart);
        }
    }

    /** The output folder is locked by a live (or uncheckable) holder. */
    public static final class HeldException extends IOException {
        public final transient Holder holder;
        public final String lockFile;

        HeldException(Holder holder, String lockFile) {
            super("the output is locked by pid " + holder.pid() + " on " + holder.host() + " since " + holder.lockedAt()
                    + " (" + lockFile + ")");
            this.holder = holder;
            this.lockFile = lockFile;
        }
    }

    private final FileSystem fs;
    private final Path lock;
    private final Holder holder;
    private final Holder takenOver;
    private boolean released;

    private OutputLock(FileSystem fs, Path lock, Holder holder, Holder takenOver) {
        this.fs = fs;
        this.lock = lock;
        this.holder = holder;
        this.takenOver = takenOver;
    }

    /** The lock file of an output folder: {@code .<name>.lock} in its parent. */
    public static Path lockFile(Path output) {
        return new Path(output.getParent(), "." + output.getName() + ".lock");
    }

    /**
     * Takes the output folder's lock for this process, taking over a stale one.
     *
     * @throws HeldException when another live run (or one on another host) holds it
     */
    public static OutputLock acquire(String output, Configuration conf, String command) throws IOException {
        Path out = new Path(output);
        FileSystem fs = out.getFileSystem(conf);
        Path lock = fs.makeQualified(lockFile(out));
        fs.mkdirs(lock.getParent());
        Holder me = current(command);
        Holder stale = null;
        // A few attempts: between reading a stale lock and taking it over, another run may take it first.
        for (int attempt = 0; attempt < 5; attempt++) {
            if (createExclusive(fs, lock, me.text())) {
                return new OutputLock(fs, lock, me, stale);
            }
            Optional<String> text = read(fs, lock);
            if (text.isEmpty()) {
                continue; // released between our attempt and the read
            }
            Holder other = Holder.parse(text.get());
            if (!other.isStale()) {
                throw new HeldException(other, lock.toString());
            }
            // Move the stale lock aside under a unique name: of two runs taking it over, only one rename succeeds.
            Path aside = new Path(lock.getParent(), lock.getName() + ".stale-" + UUID.randomUUID().toString().substring(0, 8));
            if (fs.rename(lock, aside)) {
                Optional<String> moved = read(fs, aside);
                if (moved.isPresent() && !moved.get().equals(text.get())) {
                    // A live run replaced the stale lock between our read and the rename: give its lock back.
                    createExclusive(fs, lock, moved.get());
                    fs.delete(aside, false);
                    throw new HeldException(Holder.parse(moved.get()), lock.toString());
                }
                fs.delete(aside, false);
                stale = other;
            }
        }
        throw new HeldException(read(fs, lock).map(t -> {
            try {
                return Holder.parse(t);
            } catch (IOException e) {
                return null;
            }
        }).orElse(new Holder(-1, "?", null, "?", "?")), lock.toString());
    }

    /** The holder this lock was taken over from (a run that died holding it), or null. */
    public Holder takenOver() {
        return takenOver;
    }

    public Holder holder() {
        return holder;
    }

    public String file() {
        return lock.toString();
    }

    /** Releases the lock if its file is still ours. */
    @Override
    public void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        Optional<String> text = read(fs, lock);
        if (text.isPresent() && text.get().equals(holder.text())) {
            fs.delete(lock, false);
        }
    }

    static Holder current(String command) {
        ProcessHandle self = ProcessHandle.current();
        return new Holder(self.pid(), localHost(), self.info().startInstant().map(Instant::toString).orElse(""),
                Instant.now().toString(), command);
    }

    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "localhost" : env;
        }
    }

    /** Creates the lock file with its whole content, failing when it exists; atomic on a local disk and on HDFS. */
    private static boolean createExclusive(FileSystem fs, Path lock, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if ("file".equals(fs.getUri().getScheme())) {
            // Hadoop's local create(overwrite=false) checks then creates (a race); a hard link to a complete temporary
            // file is created atomically and never shows a half-written lock.
            java.nio.file.Path target = java.nio.file.Path.of(lock.toUri());
            java.nio.file.Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
            Files.write(tmp, bytes);
            try {
                Files.createLink(target, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                // No hard links on this file system: an exclusive create (the content follows at once).
                try {
                    Files.write(target, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                    return true;
                } catch (FileAlreadyExistsException e2) {
                    return false;
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        try (FSDataOutputStream out = fs.create(lock, false)) {
            out.write(bytes);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    private static Optional<String> read(FileSystem fs, Path lock) throws IOException {
        try (FSDataInputStream in = fs.open(lock)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        }
    }
}
