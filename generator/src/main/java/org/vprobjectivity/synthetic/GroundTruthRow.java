package org.vprobjectivity.synthetic;

/**
 * One line of {@code ground-truth.csv}: a manipulated class (school, subject, grade, class) with its kind,
 * or a strong honest school (kind, level, subject, grade and class empty; strongSchool true).
 *
 * @param classLetter   the class as the files name it (А, Б, …); empty when the school writes no letter
 * @param worksAffected works (or pupils) the manipulation actually changed; null for a strong-school row
 */
public record GroundTruthRow(String session, String schoolId, String municipalityCode, String subject, Integer grade,
                             String classLetter, ManipulationKind kind, ManipulationLevel level, Integer worksAffected,
                             boolean strongSchool) {

    static final String HEADER = "session;school_id;municipality_code;subject;grade;class;kind;level;works_affected;strong_school";

    static GroundTruthRow strongSchool(String session, String schoolId, String municipalityCode) {
        return new GroundTruthRow(session, schoolId, municipalityCode, null, null, null, null, null, null, true);
    }

    public boolean isManipulation() {
        return kind != null;
    }

    String toLine() {
        return String.join(";", session, schoolId, municipalityCode, text(subject), text(grade), text(classLetter),
                kind == null ? "" : kind.name(), level == null ? "" : level.name(), text(worksAffected),
                Boolean.toString(strongSchool));
    }

    static GroundTruthRow parse(String line) {
        String[] f = line.split(";", -1);
        if (f.length != 10) {
            throw new IllegalArgumentException("ground truth line needs 10 fields: " + line);
        }
        return new GroundTruthRow(f[0], f[1], f[2], emptyToNull(f[3]), intOrNull(f[4]), f[6].isEmpty() ? emptyToNull(f[5]) : f[5],
                f[6].isEmpty() ? null : ManipulationKind.valueOf(f[6]), f[7].isEmpty() ? null : ManipulationLevel.valueOf(f[7]),
                intOrNull(f[8]), Boolean.parseBoolean(f[9]));
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Integer intOrNull(String s) {
        return s.isEmpty() ? null : Integer.valueOf(s);
    }
}
