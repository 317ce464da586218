package org.vprobjectivity.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NioLocalFileSystem} leaves the files and folders it creates with the permissions Hadoop's own local file
 * system (which starts {@code chmod}) leaves them with, and the sessions use it for {@code file:}.
 */
class NioLocalFileSystemTest {

    private static final URI LOCAL = URI.create("file:///");

    @TempDir
    java.nio.file.Path dir;

    @Test
    void permissionBitsAreTheNineOfTheHadoopPermission() {
        assertThat(PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) 0754))))
                .isEqualTo("rwxr-xr--");
        assertThat(PosixFilePermissions.toString(NioLocalFileSystem.posix(new FsPermission((short) 0640))))
                .isEqualTo("rw-r-----");
        assertThat(NioLocalFileSystem.posix(new FsPermission((short) 0))).isEmpty();
    }

    @Test
    void createdFilesAndFoldersGetHadoopsPermissions() throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.permissions.umask-mode", "027");
        try (FileSystem hadoop = newInstance(LocalFileSystem.class, conf);
             FileSystem nio = newInstance(NioLocalFileSystem.class, conf)) {
            for (short mode : new short[] {0644, 0600, 0755, 0777, 0444}) {
                FsPermission permission = new FsPermission(mode);
                String name = Integer.toOctalString(mode);
                assertThat(modeOf(createFile(nio, "nio/" + name + "/f", permission)))
                        .as("file created with %s", name)
                        .isEqualTo(modeOf(createFile(hadoop, "hadoop/" + name + "/f", permission)));
                assertThat(modeOf(mkdirs(nio, "nio-dirs/" + name, permission)))
                        .as("folder created with %s", name)
                        .isEqualTo(modeOf(mkdirs(hadoop, "hadoop-dirs/" + name, permission)));
            }
        }
    }

    @Test
    void setPermissionSetsWhatHadoopSetsTheStickyBitIncluded() throws IOException {
        Configuration conf = new Configuration(false);
        try (FileSystem hadoop = newInstance(LocalFileSystem.class, conf);
             FileSystem nio = newInstance(NioLocalFileSystem.class, conf)) {
            for (short mode : new short[] {0600, 0751, 01777}) {
                FsPermission permission = new FsPermission(mode);
                java.nio.file.Path a = Files.createDirectories(dir.resolve("set-nio-" + mode));
                java.nio.file.Path b = Files.createDirectories(dir.resolve("set-hadoop-" + mode));
                nio.setPermission(new Path(a.toUri()), permission);
                hadoop.setPermission(new Path(b.toUri()), permission);
                assertThat(modeOf(a)).as("mode %s", Integer.toOctalString(mode)).isEqualTo(modeOf(b));
                assertThat(nio.getFileStatus(new Path(a.toUri())).getPermission())
                        .isEqualTo(hadoop.getFileStatus(new Path(b.toUri())).getPermission());
            }
        }
    }

    @Test
    void sessionsUseItForLocalFiles() throws IOException {
        Configuration sessionConf = SparkTestSession.get().sparkContext().hadoopConfiguration();
        assertThat(sessionConf.get("fs.file.impl")).isEqualTo(NioLocalFileSystem.class.getName());
        try (FileSystem fs = FileSystem.newInstance(LOCAL, sessionConf)) {
            assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
            java.nio.file.Path written = createFile(fs, "session/f", FsPermission.getFileDefault());
            assertThat(Files.readString(written)).isEqualTo("x");
        }
    }

    private FileSystem newInstance(Class<? extends FileSystem> type, Configuration base) throws IOException {
        Configuration conf = new Configuration(base);
        conf.set("fs.file.impl", type.getName());
        return FileSystem.newInstance(LOCAL, conf);
    }

    private java.nio.file.Path createFile(FileSystem fs, String relative, FsPermission permission) throws IOException {
        java.nio.file.Path file = dir.resolve(relative);
        Path path = new Path(file.toUri());
        try (FSDataOutputStream out = fs.create(path, permission, true, 4096, (short) 1, 1 << 20, null)) {
            out.writeBytes("x");
        }
        return file;
    }

    private java.nio.file.Path mkdirs(FileSystem fs, String relative, FsPermission permission) throws IOException {
        java.nio.file.Path folder = dir.resolve(relative);
        assertThat(fs.mkdirs(new Path(folder.toUri()), permission)).isTrue();
        return folder;
    }

    private static String modeOf(java.nio.file.Path p) throws IOException {
        Set<PosixFilePermission> bits = Files.getPosixFilePermissions(p);
        return PosixFilePermissions.toString(bits);
    }
}
