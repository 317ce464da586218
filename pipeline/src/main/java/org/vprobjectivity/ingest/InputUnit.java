package org.vprobjectivity.ingest;

import java.io.Serializable;

/**
 * One readable input: a file, or an entry of a .zip archive. {@code path} is a Hadoop path string
 * (a local path, or hdfs://, s3a:// on a cluster). {@code problem} is set when listing already found
 * the unit unusable (an archive entry whose name cannot be decoded, a damaged archive): reading it then
 * only reports the problem, so the run goes on with the other units.
 */
public record InputUnit(String path, String zipEntry, FileProblem problem, String detail) implements Serializable {

    public InputUnit(String path, String zipEntry) {
        this(path, zipEntry, null, null);
    }

    /** How the unit is named in reports: "dir/file.xlsx" or "archive.zip!/inner/file.csv". */
    public String displayName() {
        String shown = path.startsWith("file:") ? path.substring("file:".length()) : path;
        return zipEntry == null ? shown : shown + "!/" + zipEntry;
    }

    /** The file's own name, where file-name hints (subject, grade, year, login) are read from. */
    public String fileName() {
        String full = zipEntry == null ? path : zipEntry;
        int slash = Math.max(full.lastIndexOf('/'), full.lastIndexOf('\\'));
        return full.substring(slash + 1);
    }

    public static boolean isSupported(String name) {
        String n = name.toLowerCase();
        return n.endsWith(".xlsx") || n.endsWith(".csv") || n.endsWith(".txt");
    }
}
