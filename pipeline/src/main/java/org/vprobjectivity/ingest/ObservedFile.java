package org.vprobjectivity.ingest;

import org.vprobjectivity.model.Session;
import org.vprobjectivity.model.Subjects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Schools that wrote the VPR under independent observation («ВПР с контролем объективности», {@code --observed FILE}):
 * {@code school;session[;subject[;grade]]} per line (CSV/TXT read by {@link DelimitedReader}; a header line such as
 * {@code школа;сессия;предмет;класс} is skipped). The session is {@code 2025-spring}, {@code 2024-autumn} or a year
 * (its spring session); an empty subject or grade means every work of the school in that session. Bad lines are
 * listed in {@link #problems()} with the column and value and left out; the good lines are kept.
 */
public record ObservedFile(List<Entry> entries, List<SideFileProblem> problems) {

    /** One observed school's works: {@code subject} and {@code grade} null for all of them. */
    public record Entry(int row, String schoolId, String session, String subject, Integer grade) {
        public Entry withSchool(String id) {
            return new Entry(row, id, session, subject, grade);
        }
    }

    /** The same file with its school ids mapped ({@code --id-map}: old → new; an id the map does not name is kept). */
    public static ObservedFile mapped(ObservedFile file, java.util.Map<String, String> idMap) {
        return new ObservedFile(file.entries.stream().map(e -> e.withSchool(idMap.getOrDefault(e.schoolId(), e.schoolId()))).toList(),
                file.problems);
    }

    public static ObservedFile read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the observed schools file " + file + ": " + e.getMessage(), e);
        }
    }

    public static ObservedFile parse(byte[] bytes) {
        List<Entry> entries = new ArrayList<>();
        List<SideFileProblem> problems = new ArrayList<>();
        boolean first = true;
        for (RawRow row : DelimitedReader.read(bytes, null).rows()) {
            if (row.isEmpty()) {
                continue;
            }
            String school = cell(row, 0);
            String sessionText = cell(row, 1);
            if (first && isHeader(school, sessionText)) {
                first = false;
                continue;
            }
            first = false;
            if (school.isEmpty()) {
                problems.add(new SideFileProblem(row.number(), "1", school, "нет логина школы", "no school login"));
                continue;
            }
            var session = Session.tryParse(sessionText);
            if (session.isEmpty()) {
                problems.add(new SideFileProblem(row.number(), "2", sessionText, "сессия должна выглядеть как 2025-spring или 2025",
                        "the session must look like 2025-spring or 2025"));
                continue;
            }
            String subjectText = cell(row, 2);
            String subject = null;
            if (!subjectText.isEmpty()) {
                subject = Subjects.recognise(subjectText).orElse(null);
                if (subject == null) {
                    problems.add(new SideFileProblem(row.number(), "3", subjectText, "предмет не распознан", "subject not recognised"));
                    continue;
                }
            }
            String gradeText = cell(row, 3);
            Integer grade = null;
            if (!gradeText.isEmpty()) {
                try {
                    grade = Integer.valueOf(gradeText.replaceAll("\\s*(кл\\.?|класс)$", ""));
                } catch (NumberFormatException e) {
                    grade = -1;
                }
                if (grade < 4 || grade > 11) {
                    problems.add(new SideFileProblem(row.number(), "4", gradeText, "класс должен быть числом от 4 до 11",
                            "the grade must be a number from 4 to 11"));
                    continue;
                }
            }
            entries.add(new Entry(row.number(), school, session.get().toString(), subject, grade));
        }
        return new ObservedFile(entries, problems);
    }

    private static String cell(RawRow row, int i) {
        String v = row.cell(i);
        return v == null ? "" : v.replace("\uFEFF", "").trim();
    }

    /** A first line of column titles («школа;сессия», "school;session"), not a school. */
    private static boolean isHeader(String school, String session) {
        String a = school.toLowerCase(Locale.ROOT);
        String b = session.toLowerCase(Locale.ROOT);
        return a.matches("логин.*|login|school(_id)?|школа|оо|код( оо)?") || b.matches("сессия|session|год|year");
    }
}
