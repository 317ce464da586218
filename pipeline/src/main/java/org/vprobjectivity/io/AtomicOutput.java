package org.vprobjectivity.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Replaces an output folder so that readers see either the old or the new one, never a half-written
 * one. The new output is built in a sibling staging folder; partitions of other sessions are carried
 * over from the old output (a rerun of a session replaces only that session); then two renames swap
 * the folders. Folders only later steps write (a re-check) are carried over whole. A failure before the swap deletes the staging folder and leaves the old output as it was.
 */
public final class AtomicOutput {

    /** Builds the new output's content in the staging folder it is given and names the sessions it wrote. */
    @FunctionalInterface
    public interface Writer {
        Set<String> write(String stagingDir) throws Exception;
    }

    /** The output path is an existing file: replacing it would delete a file the user never meant to lose. */
    public static final class NotAFolderException extends IOException {
        public final String path;

        NotAFolderException(String path) {
            super(path + " is a file, not an output folder");
            this.path = path;
        }
    }

    /** What {@link #cleanLeftovers()} did with a folder a killed run left beside the output. */
    public enum LeftoverAction {
        /** A half-written staging folder: deleted. */
        STAGING_DELETED,
        /** The previous output moved aside by a run killed after its swap: deleted (the output is whole). */
        OLD_DELETED,
        /** The previous output moved aside by a run killed between its two renames: moved back into place. */
        OLD_RESTORED
    }

    public record Leftover(String path, LeftoverAction action) {
    }

    static final String STAGING = ".staging-";
    static final String OLD = ".old-";

    private final Path output;
    private final FileSystem fs;

    public AtomicOutput(String output, Configuration conf) {
        try {
            this.output = new Path(output);
            this.fs = this.output.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param partitionedTables tables (relative folders such as {@code results}) partitioned by {@code session=}
     * @param writer            builds the new output; the sessions it returns replace theirs in the old output,
     *                          other sessions' partitions are kept
     */
    public void replace(Set<String> partitionedTables, Writer writer) throws Exception {
        if (existsAsFile()) {
            throw new NotAFolderException(output.toString());
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path staging = new Path(output.getParent(), "." + output.getName() + STAGING + id);
        Path old = new Path(output.getParent(), "." + output.getName() + OLD + id);
        try {
            Set<String> newSessions = writer.write(staging.toString());
            carryOverOtherSessions(staging, partitionedTables, newSessions);
            carryOverKeptFolders(staging);
        } catch (Exception | Error e) {
            fs.delete(staging, true);
            throw e;
        }
        boolean hadOld = fs.exists(output);
        if (hadOld && !fs.rename(output, old)) {
            fs.delete(staging, true);
            throw new IOException("cannot move the previous output " + output + " aside");
        }
        if (!fs.rename(staging, output)) {
            if (hadOld) {
                fs.rename(old, output);
            }
            throw new IOException("cannot move the new output into " + output + " (left in " + staging + ")");
        }
        if (hadOld) {
            fs.delete(old, true);
        }
    }

    /** True when the output path exists and is a file (or anything but a folder). */
    public boolean existsAsFile() throws IOException {
        return fs.exists(output) && !fs.getFileStatus(output).isDirectory();
    }

    /**
     * Removes what killed runs left beside the output: their staging folders, and their copies of the previous output
     * (moved back into place when the kill came between the two renames, so that no earlier output is ever lost).
     * Call it only while holding the output's {@link OutputLock}: a concurrent run's staging folder is not a leftover.
     */
    public List<Leftover> cleanLeftovers() throws IOException {
        List<Leftover> done = new ArrayList<>();
        Path parent = output.getParent();
        if (parent == null || !fs.exists(parent)) {
            return done;
        }
        String staging = "." + output.getName() + STAGING;
        String old = "." + output.getName() + OLD;
        List<FileStatus> olds = new ArrayList<>();
        for (FileStatus s : fs.listStatus(parent)) {
            String name = s.getPath().getName();
            if (name.startsWith(staging)) {
                fs.delete(s.getPath(), true);
                done.add(new Leftover(s.getPath().toString(), LeftoverAction.STAGING_DELETED));
            } else if (name.startsWith(old) && s.isDirectory()) {
                olds.add(s);
            }
        }
        // Newest first: when the output is missing, the most recent previous output is the one to restore.
        olds.sort(Comparator.comparingLong(FileStatus::getModificationTime).reversed());
        for (FileStatus s : olds) {
            if (!fs.exists(output) && fs.rename(s.getPath(), output)) {
                done.add(new Leftover(s.getPath().toString(), LeftoverAction.OLD_RESTORED));
            } else {
                fs.delete(s.getPath(), true);
                done.add(new Leftover(s.getPath().toString(), LeftoverAction.OLD_DELETED));
            }
        }
        return done;
    }

    /**
     * Folders a run never writes but later steps add to its output ({@link OutputLayout#KEPT_BY_RUNS}: a re-check's
     * plan and the commission's results, human work that no rerun may lose) are copied whole into the new output.
     */
    private void carryOverKeptFolders(Path staging) throws IOException {
        if (!fs.exists(output)) {
            return;
        }
        for (String folder : OutputLayout.KEPT_BY_RUNS) {
            Path old = new Path(output, folder);
            Path target = new Path(staging, folder);
            if (fs.exists(old) && !fs.exists(target)) {
                FileUtil.copy(fs, old, fs, target, false, fs.getConf());
            }
        }
    }

    private void carryOverOtherSessions(Path staging, Set<String> tables, Set<String> newSessions) throws IOException {
        if (!fs.exists(output)) {
            return;
        }
        for (String table : tables) {
            Path oldTable = new Path(output, table);
            if (!fs.exists(oldTable)) {
                continue;
            }
            for (FileStatus partition : fs.listStatus(oldTable)) {
                String name = partition.getPath().getName();
                if (!partition.isDirectory() || !name.startsWith(ParquetTables.SESSION_FOLDER)
                        || newSessions.contains(ParquetTables.sessionOf(name))) {
                    continue;
                }
                Path target = new Path(new Path(staging, table), name);
                // Copy, never move: until the swap the old output must stay whole.
                FileUtil.copy(fs, partition.getPath(), fs, target, false, fs.getConf());
            }
        }
    }
}
