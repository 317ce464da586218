package org.vprobjectivity.ingest;

import java.io.Serializable;

/**
 * One readable input: a file, or an entry of a .zip archive. {@code path} is a Hadoop path string
 * (a local path, or hdfs://, s3a:// on a cluster).
 */
public record InputUnit(String path, String zipEntry) implements Serializable {

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
