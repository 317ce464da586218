package org.vprobjectivity.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Expands the user's input paths into readable units: folders recursively, .zip archives by entry,
 * .xlsx/.csv/.txt files; other files (notes, ground truth in .json) are skipped. Runs on the driver and
 * lists names only.
 */
public final class InputCatalog {

    private InputCatalog() {
    }

    public static List<InputUnit> list(List<String> inputs, Configuration conf) {
        List<InputUnit> units = new ArrayList<>();
        for (String input : inputs) {
            try {
                Path path = new Path(input);
                FileSystem fs = path.getFileSystem(conf);
                FileStatus status = fs.getFileStatus(path);
                if (status.isDirectory()) {
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
                    List<String> files = new ArrayList<>();
                    while (it.hasNext()) {
                        files.add(it.next().getPath().toString());
                    }
                    files.sort(String::compareTo);
                    for (String f : files) {
                        addFile(units, f, fs);
                    }
                } else {
                    addFile(units, status.getPath().toString(), fs);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read input " + input + ": " + e.getMessage(), e);
            }
        }
        return units;
    }

    private static void addFile(List<InputUnit> units, String file, FileSystem fs) throws IOException {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (name.startsWith(".") || name.startsWith("~$")) {
            return;
        }
        if (name.toLowerCase().endsWith(".zip")) {
            try (InputStream in = fs.open(new Path(file)); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (!e.isDirectory() && InputUnit.isSupported(e.getName())) {
                        units.add(new InputUnit(file, e.getName()));
                    }
                }
            }
        } else if (InputUnit.isSupported(name)) {
            units.add(new InputUnit(file, null));
        }
    }
}
