package org.vprobjectivity.synthetic;

import org.vprobjectivity.ingest.FileProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files a real delivery contains sooner or later, for the sample run to show quarantined: each one
 * breaks a whole-file rule and must be reported (with its problem) while the run goes on.
 */
public final class DeliberatelyBadFiles {

    private DeliberatelyBadFiles() {
    }

    /**
     * Writes the files under {@code dir} and returns file name → the problem the ingest must report.
     * {@code year} makes the session of each file resolvable, so only the intended problem remains.
     */
    public static Map<String, FileProblem> write(Path dir, int year) throws IOException {
        Files.createDirectories(dir);
        Map<String, FileProblem> expected = new LinkedHashMap<>();

        // A subject with no mark scale in the bundled file: the user must pass --scales.
        String noScale = "Проведение работы по французскому языку, 7 класс. ВПР " + year + ".csv";
        Files.writeString(dir.resolve(noScale), String.join("\n",
                "логин школы;регион;код обучающегося;отметка за предыдущую четверть/триместр;пол;класс;вариант;всего баллов;балл за 1;балл за 2",
                "sch229901;Алейский район;70001;4;ж;А;1;3;1;2",
                "sch229901;Алейский район;70002;5;м;А;2;4;2;2", ""), StandardCharsets.UTF_8);
        expected.put(noScale, FileProblem.NO_SCALE);

        // Truncated in transfer: not a readable xlsx.
        String broken = "Ф1 обрезанный при пересылке " + year + ".xlsx";
        Files.write(dir.resolve(broken), "PK\u0003\u0004 this archive was cut short".getBytes(StandardCharsets.ISO_8859_1));
        expected.put(broken, FileProblem.UNREADABLE);

        // A school form whose header states another maximum for task 1 than the scale (1 point).
        String wrongMax = "sch229902_MA4 " + year + ".csv";
        Files.writeString(dir.resolve(wrongMax), String.join("\n",
                "Код;Вариант;1 (2б);2 (1б);3 (2б);4 (1б);5.1 (1б);5.2 (1б);6.1 (1б);6.2 (1б);7 (1б);8 (2б);9.1 (1б);9.2 (1б);10 (2б);11 (2б);12 (2б);Наименование класса;Пол",
                "40001;1;2;1;2;1;1;1;1;1;1;2;1;1;2;2;2;А;ж", ""), StandardCharsets.UTF_8);
        expected.put(wrongMax, FileProblem.TASK_MAX_MISMATCH);
        return expected;
    }
}
