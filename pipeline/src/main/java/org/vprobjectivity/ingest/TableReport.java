package org.vprobjectivity.ingest;

import java.io.Serializable;

/**
 * What happened to one table (a sheet of an xlsx, or a text file): rows read and, when the table
 * could not be used, the problem and its detail. Counts of works, absent and rejects come from the
 * records themselves.
 */
public record TableReport(String sourceFile, String sheet, int rowsRead, FileProblem problem, String detail,
                          String session, String subject, Integer grade, String scaleKey) implements Serializable {

    /** Details quote headers and values from the file: bounded, so run.json and the report never carry a huge cell. */
    public TableReport {
        detail = Text.clip(detail, 2000);
    }

    public boolean ok() {
        return problem == null;
    }

    public static TableReport failed(String sourceFile, String sheet, int rowsRead, FileProblem problem, String detail) {
        return new TableReport(sourceFile, sheet, rowsRead, problem, detail, null, null, null, null);
    }

    public String messageRu() {
        return problem == null ? null : problem.messageRu() + (detail == null ? "" : ": " + detail);
    }

    public String messageEn() {
        return problem == null ? null : problem.messageEn() + (detail == null ? "" : ": " + detail);
    }
}
