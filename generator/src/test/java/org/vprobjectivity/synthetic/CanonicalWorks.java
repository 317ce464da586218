package org.vprobjectivity.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The canonical CSVs of a run, parsed into typed rows for the statistical tests. */
final class CanonicalWorks {

    record Work(String school, String subject, int grade, String classLetter, String participant, boolean absent,
                int[] scores, int primary, int mark, Integer journal) {

        String cell() {
            return school + "|" + subject + "|" + grade;
        }

        String classKey() {
            return cell() + "|" + classLetter;
        }

        String vector() {
            return Arrays.toString(scores);
        }
    }

    private CanonicalWorks() {
    }

    static List<Work> read(Path dir, GenerationRecord rec) throws IOException {
        List<Work> out = new ArrayList<>();
        for (GenerationRecord.FileRecord f : rec.files(OutputFormat.CANONICAL_CSV)) {
            List<List<String>> lines = ReadBack.csv(dir.resolve(f.path()), StandardCharsets.UTF_8, ',');
            List<String> h = lines.get(0);
            int first = h.indexOf("task_1");
            for (List<String> l : lines.subList(1, lines.size())) {
                boolean absent = l.get(h.indexOf("variant")).equals("absent");
                int[] scores = new int[l.size() - first];
                for (int i = 0; i < scores.length; i++) {
                    Integer s = absent ? null : ReadBack.score(l.get(first + i));
                    scores[i] = s == null ? -1 : s;
                }
                String journal = l.get(h.indexOf("journal_mark"));
                out.add(new Work(l.get(h.indexOf("school_id")), l.get(h.indexOf("subject")),
                        Integer.parseInt(l.get(h.indexOf("grade"))), l.get(h.indexOf("class")),
                        l.get(h.indexOf("participant")), absent, scores,
                        absent ? -1 : Integer.parseInt(l.get(h.indexOf("primary_score"))),
                        absent ? -1 : Integer.parseInt(l.get(h.indexOf("mark"))),
                        journal.isEmpty() ? null : Integer.valueOf(journal)));
            }
        }
        return out;
    }

    /** Key: cell|class|participant → work, for comparing two runs pupil by pupil. */
    static Map<String, Work> byPupil(List<Work> works) {
        return works.stream().collect(Collectors.toMap(w -> w.classKey() + "|" + w.participant(), w -> w));
    }
}
