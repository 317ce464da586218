package org.vprobjectivity.ingest;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
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
import java.util.Optional;

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
            addArchive(units, file, fs);
        } else if (InputUnit.isSupported(name)) {
            units.add(new InputUnit(file, null));
        }
    }

    /**
     * Lists an archive's entries. A name that cannot be decoded becomes a unit reporting just that entry;
     * a damaged archive keeps the entries listed before the damage and reports the rest, so neither
     * aborts the run nor loses the good files beside it.
     */
    private static void addArchive(List<InputUnit> units, String file, FileSystem fs) {
        int index = 0;
        try (InputStream in = fs.open(new Path(file)); ZipArchiveInputStream zip = ZipEntries.open(in)) {
            for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry(), index++) {
                if (e.isDirectory()) {
                    continue;
                }
                Optional<String> entryName = ZipEntries.name(e);
                if (entryName.isEmpty()) {
                    String shown = ZipEntries.lenientName(e);
                    units.add(new InputUnit(file, shown, FileProblem.ENTRY_NAME_UNREADABLE,
                            "entry " + (index + 1) + " «" + shown + "»"));
                } else if (InputUnit.isSupported(entryName.get())) {
                    units.add(new InputUnit(file, entryName.get()));
                }
            }
        } catch (IOException | RuntimeException e) {
            units.add(new InputUnit(file, null, FileProblem.UNREADABLE,
                    "damaged zip archive after " + index + " entries: " + Text.describe(e)));
        }
    }
}
