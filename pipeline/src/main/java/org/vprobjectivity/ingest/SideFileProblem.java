package org.vprobjectivity.ingest;

/**
 * A line of a side file (teachers, reference, school types, id map, exam results, observed schools) that was left
 * out, and why: the one problem record every side-file reader reports, so the run's notes name the file, the line, the
 * column and the value the same way for all of them.
 *
 * @param line      the line (1-based, as an editor shows it)
 * @param column    the column as the file's header writes it, or its position; null where the line as a whole is wrong
 * @param value     the value found there, or null
 * @param messageRu why, in Russian
 * @param messageEn why, in English
 */
public record SideFileProblem(int line, String column, String value, String messageRu, String messageEn) {

    /** The line as a whole is wrong (too few fields, a duplicate): no column, no value. */
    public static SideFileProblem ofLine(int line, String messageRu, String messageEn) {
        return new SideFileProblem(line, null, null, messageRu, messageEn);
    }

    /** A value of the line is wrong, whatever its column. */
    public static SideFileProblem ofValue(int line, String value, String messageRu, String messageEn) {
        return new SideFileProblem(line, null, value, messageRu, messageEn);
    }

    /** The problem for a note after its line: «столбец «год» («20x5»): …», or the message alone. */
    public String describeRu() {
        return (column == null ? "" : "столбец «" + column + "»" + (value == null ? "" : " («" + value + "»)") + ": ")
                + messageRu;
    }

    public String describeEn() {
        return (column == null ? "" : "column '" + column + "'" + (value == null ? "" : " ('" + value + "')") + ": ")
                + messageEn;
    }
}
