package org.vprobjectivity.io;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Hadoop's local file system ({@code file:}) with permissions set through {@link Files#setPosixFilePermissions}
 * instead of a {@code chmod} process.
 *
 * <p>Why: without Hadoop's native library (never bundled with Spark's Maven artifacts), {@code RawLocalFileSystem}
 * sets the permission of every file and folder it creates by starting {@code chmod} and waiting for it, and the
 * checksummed {@code LocalFileSystem} does so twice per file (the file and its {@code .crc}). Measured on the 2-core
 * workplace machine: 4.6–5.7 ms per file created, against 0.1 ms through {@code java.nio}; a run over 300k works
 * creates about 3,000 files (the report's school pages and workbooks, the tables' part files), seconds of its wall
 * time spent starting processes (docs/performance.md). The permissions set are the same: the nine read, write and
 * execute bits. A permission with the sticky bit, or a file system without POSIX attributes (Windows), goes the way
 * Hadoop goes.
 *
 * <p>Registered for the {@code file:} scheme by {@code run.SparkSettings.common} ({@code spark.hadoop.fs.file.impl});
 * other schemes (HDFS, S3 on a cluster) are untouched.
 */
public class NioLocalFileSystem extends LocalFileSystem {

    /** Hadoop instantiates file systems by their no-argument constructor. */
    public NioLocalFileSystem() {
        super(new NioRawLocalFileSystem());
    }

    /** The raw (unchecksummed) file system underneath, with the permission setter of the class comment. */
    public static class NioRawLocalFileSystem extends RawLocalFileSystem {

        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (permission.getStickyBit()) {
                super.setPermission(p, permission);
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
            } catch (UnsupportedOperationException e) {
                super.setPermission(p, permission);
            }
        }
    }

    /**
     * The nine permission bits of {@code permission} (user, group, others × read, write, execute), read from Hadoop's own
     * symbolic form ({@code rwxr-x---}); only called without the sticky bit, which that form would show as {@code t}.
     */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        return PosixFilePermissions.fromString(permission.toString());
    }
}
