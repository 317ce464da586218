package org.vprobjectivity.synthetic;

import java.util.Map;
import java.util.TreeMap;

/** Counts what a writer puts into one file, so the record states exactly what the ingest should find. */
final class FileTally {

    private final String path;
    private final OutputFormat format;
    private final String subject;
    private final int grade;
    private int dataRows;
    private int works;
    private int absent;
    private final Map<String, Integer> badRows = new TreeMap<>();

    FileTally(String path, OutputFormat format, String subject, int grade) {
        this.path = path;
        this.format = format;
        this.subject = subject;
        this.grade = grade;
    }

    void count(OutputRow row) {
        dataRows++;
        if (row.isBad()) {
            badRows.merge(row.injected().name(), 1, Integer::sum);
        } else if (row.absent()) {
            absent++;
        } else {
            works++;
        }
    }

    GenerationRecord.FileRecord toRecord() {
        return new GenerationRecord.FileRecord(path, format, subject, grade, dataRows, works, absent, badRows);
    }
}
