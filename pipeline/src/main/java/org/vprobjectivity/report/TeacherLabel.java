package org.vprobjectivity.report;

/**
 * How the report and the workbooks name a teacher: the pseudonymous id of the {@code --teachers} mapping, or, when
 * the run was given {@code --include-names} and the mapping has a name, the name with the id in brackets (two
 * teachers may share a name; the id tells them apart and matches the teacher tables). The name reaches the tables
 * only with {@code --include-names} ({@code TeacherMapping.toDataset}), so this shows what the run was asked to show.
 */
public final class TeacherLabel {

    private TeacherLabel() {
    }

    public static String of(String teacherId, String teacherName) {
        if (teacherName == null || teacherName.isBlank()) {
            return teacherId;
        }
        return teacherName.strip() + " (" + teacherId + ")";
    }
}
