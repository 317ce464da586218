package org.vprobjectivity.synthetic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A clean region (no manipulation) looks like a real one: class sizes, marks, journal agreement, blanks, absence. */
class SyntheticPopulationTest {

    @TempDir
    static Path dir;
    static List<CanonicalWorks.Work> works;

    @BeforeAll
    static void generate() throws IOException {
        GenerationRecord rec = SyntheticRegion.write(dir, GeneratorConfig.builder().schools(120).seed(7)
                .manipulatedShare(0).formats(OutputFormat.CANONICAL_CSV).build());
        works = CanonicalWorks.read(dir, rec);
        assertThat(works).hasSize((int) (rec.totals().works() + rec.totals().absent()));
    }

    @Test
    void classSizesAndCountsAreInRange() {
        Map<String, Long> sizes = works.stream().collect(Collectors.groupingBy(CanonicalWorks.Work::classKey, Collectors.counting()));
        assertThat(sizes.values()).allMatch(n -> (n >= 5 && n <= 12) || (n >= 20 && n <= 30));
        assertThat(sizes.values()).anyMatch(n -> n <= 12).anyMatch(n -> n >= 20);
        Map<String, Set<String>> classesPerCell = new HashMap<>();
        works.forEach(w -> classesPerCell.computeIfAbsent(w.cell(), k -> new HashSet<>()).add(w.classLetter()));
        assertThat(classesPerCell.values()).allMatch(c -> c.size() <= 4);
        assertThat(works).allMatch(w -> w.classLetter().matches("[АБВГ]"));
    }

    @Test
    void participantCodesAreFiveDigitsAndUniquePerCell() {
        assertThat(works).allMatch(w -> w.participant().matches(w.grade() + "\\d{4}"));
        Set<String> seen = new HashSet<>();
        works.forEach(w -> assertThat(seen.add(w.cell() + "|" + w.participant())).isTrue());
    }

    @Test
    void marksSpreadRoughly10_35_40_15PerWork() {
        Map<String, List<CanonicalWorks.Work>> byWork = works.stream().filter(w -> !w.absent())
                .collect(Collectors.groupingBy(w -> w.subject() + w.grade()));
        assertThat(byWork).hasSize(4);
        byWork.forEach((work, list) -> {
            double[] share = new double[6];
            list.forEach(w -> share[w.mark()] += 1.0 / list.size());
            System.out.printf("%s marks 2..5: %.3f %.3f %.3f %.3f%n", work, share[2], share[3], share[4], share[5]);
            assertThat(share[2]).as(work + " share of 2").isBetween(0.05, 0.16);
            assertThat(share[3]).as(work + " share of 3").isBetween(0.25, 0.45);
            assertThat(share[4]).as(work + " share of 4").isBetween(0.30, 0.50);
            assertThat(share[5]).as(work + " share of 5").isBetween(0.08, 0.24);
        });
    }

    @Test
    void vprAgainstJournalIsMostlyConfirmedOftenLoweredRarelyRaised() {
        List<CanonicalWorks.Work> compared = works.stream().filter(w -> !w.absent() && w.journal() != null).toList();
        double lowered = compared.stream().filter(w -> w.mark() < w.journal()).count() / (double) compared.size();
        double confirmed = compared.stream().filter(w -> w.mark() == w.journal()).count() / (double) compared.size();
        double raised = compared.stream().filter(w -> w.mark() > w.journal()).count() / (double) compared.size();
        System.out.printf("lowered %.3f confirmed %.3f raised %.3f%n", lowered, confirmed, raised);
        assertThat(lowered).isBetween(0.25, 0.36);
        assertThat(confirmed).isBetween(0.53, 0.65);
        assertThat(raised).isBetween(0.05, 0.11);
        long present = works.stream().filter(w -> !w.absent()).count();
        double noJournal = works.stream().filter(w -> !w.absent() && w.journal() == null).count() / (double) present;
        assertThat(noJournal).isBetween(0.01, 0.04);
    }

    @Test
    void blanksAndAbsenceAreAtRealisticLevels() {
        long cells = 0;
        long blank = 0;
        double lowBlank = 0;
        double highBlank = 0;
        int low = 0;
        int high = 0;
        for (CanonicalWorks.Work w : works) {
            if (w.absent()) {
                continue;
            }
            int b = 0;
            for (int s : w.scores()) {
                b += s < 0 ? 1 : 0;
            }
            cells += w.scores().length;
            blank += b;
            if (w.mark() == 2) {
                lowBlank += b / (double) w.scores().length;
                low++;
            } else if (w.mark() == 5) {
                highBlank += b / (double) w.scores().length;
                high++;
            }
        }
        double share = blank / (double) cells;
        System.out.printf("not attempted %.3f (mark 2: %.3f, mark 5: %.3f)%n", share, lowBlank / low, highBlank / high);
        assertThat(share).isBetween(0.03, 0.08);
        assertThat(lowBlank / low).isGreaterThan(3 * highBlank / high); // weak pupils leave more blank
        double absent = works.stream().filter(CanonicalWorks.Work::absent).count() / (double) works.size();
        assertThat(absent).isBetween(0.045, 0.075);
    }
}
