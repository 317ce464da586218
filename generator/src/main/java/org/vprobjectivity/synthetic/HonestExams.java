package org.vprobjectivity.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The generated schools' ОГЭ results in Russian and mathematics, as a school-level exam file ({@code --exam}),
 * simulated honestly from each school's latent ability: the same school effect its VPR pupils are drawn around
 * ({@link SchoolSimulator}), a cohort of its own (N(0, {@value #COHORT_SD}) beside the school effect), and pupils around
 * them (SD 1, 0.75 in a strong school), scored on the ОГЭ's primary scale (Russian 0–33, mathematics 0–31) with the
 * ОГЭ cuts for marks 3, 4, 5. No school manipulates its exam: a manipulated school's VPR results are above what its
 * exam shows, as in the outside confirmation the sign looks for.
 */
public final class HonestExams {

    /** The spread of a cohort's mean ability around its school's effect. */
    static final double COHORT_SD = 0.15;
    static final long EXAM_STREAM = 10;
    public static final String HEADER = "Логин;Предмет;Год;Экзамен;Участников;Средний балл;СКО;«2»;«3»;«4»;«5»";

    private record Scale(String subject, String name, int max, int[] cuts) {
    }

    private static final List<Scale> SCALES = List.of(new Scale("RU", "Русский язык", 33, new int[] {15, 23, 29}),
            new Scale("MA", "Математика", 31, new int[] {8, 15, 22}));

    private HonestExams() {
    }

    /** Writes the exam file of {@code year} for the schools of {@code cfg} (UTF-8, {@code ;}, decimal comma). */
    public static void write(Path file, GeneratorConfig cfg, int year) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        RegionLayout layout = new RegionLayout(cfg);
        for (int i = 0; i < layout.schoolCount(); i++) {
            SchoolPlan plan = layout.school(i);
            // the school effect exactly as SchoolSimulator draws it: the first draw of the school's pupil stream
            double effect = SeededRandom.of(cfg.seed(), SeededRandom.PUPILS, plan.index()).nextGaussian() * SchoolSimulator.SCHOOL_SD
                    + (plan.strong() ? SchoolSimulator.STRONG_BONUS : 0);
            double pupilSd = plan.strong() ? SchoolSimulator.STRONG_PUPIL_SD : SchoolSimulator.PUPIL_SD;
            Random r = SeededRandom.of(cfg.seed(), EXAM_STREAM, plan.index(), year);
            int n = plan.urban() ? 20 + r.nextInt(60) : 5 + r.nextInt(20);
            double cohort = effect + r.nextGaussian() * COHORT_SD;
            for (Scale s : SCALES) {
                int[] scores = new int[n];
                int[] marks = new int[4];
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    double theta = cohort + r.nextGaussian() * pupilSd;
                    scores[k] = (int) Math.max(0, Math.min(s.max(), Math.round(s.max() * (0.55 + 0.2 * theta))));
                    sum += scores[k];
                    int mark = scores[k] >= s.cuts()[2] ? 5 : scores[k] >= s.cuts()[1] ? 4 : scores[k] >= s.cuts()[0] ? 3 : 2;
                    marks[mark - 2]++;
                }
                double mean = sum / n;
                double ss = 0;
                for (int score : scores) {
                    ss += (score - mean) * (score - mean);
                }
                double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
                lines.add(String.join(";", plan.login(), s.name(), String.valueOf(year), "ОГЭ", String.valueOf(n),
                        decimal(mean, 2), decimal(sd, 2), decimal(100.0 * marks[0] / n, 1), decimal(100.0 * marks[1] / n, 1),
                        decimal(100.0 * marks[2] / n, 1), decimal(100.0 * marks[3] / n, 1)));
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String decimal(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v).replace('.', ',');
    }
}
