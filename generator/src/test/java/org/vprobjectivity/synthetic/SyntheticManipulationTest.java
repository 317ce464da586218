package org.vprobjectivity.synthetic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each manipulation kind, injected into every school, leaves its signature on the manipulated classes
 * compared with the same region simulated clean (same seed: the same pupils), touches nothing else, and
 * changes exactly the number of works the ground truth states.
 */
class SyntheticManipulationTest {

    static final long SEED = 7; // the seed of the other tests: item calibration is cached per seed
    static final int SCHOOLS = 50;
    @TempDir
    static Path dir;
    static Map<String, CanonicalWorks.Work> clean;

    @BeforeAll
    static void generateClean() throws IOException {
        Path out = dir.resolve("clean");
        GenerationRecord rec = SyntheticRegion.write(out, config(0, ManipulationKind.values()[0]));
        clean = CanonicalWorks.byPupil(CanonicalWorks.read(out, rec));
    }

    static GeneratorConfig config(double share, ManipulationKind kind) {
        return GeneratorConfig.builder().schools(SCHOOLS).seed(SEED).manipulatedShare(share).kinds(kind)
                .formats(OutputFormat.CANONICAL_CSV).build();
    }

    @ParameterizedTest
    @EnumSource(ManipulationKind.class)
    void kindLeavesItsSignatureOnlyWhereTheGroundTruthSays(ManipulationKind kind) throws IOException {
        Path out = dir.resolve(kind.name());
        GenerationRecord rec = SyntheticRegion.write(out, config(1.0, kind));
        Map<String, CanonicalWorks.Work> manipulated = CanonicalWorks.byPupil(CanonicalWorks.read(out, rec));
        GroundTruth truth = GroundTruth.read(out);
        assertThat(truth.manipulatedSchools()).hasSize(SCHOOLS).containsValue(kind);
        Map<String, Integer> affected = truth.manipulations().stream().collect(Collectors.toMap(
                r -> r.schoolId() + "|" + r.subject() + "|" + r.grade() + "|" + r.classLetter(), GroundTruthRow::worksAffected));
        assertThat(manipulated.keySet()).isEqualTo(clean.keySet());

        Map<String, Integer> changed = new HashMap<>();
        for (Map.Entry<String, CanonicalWorks.Work> e : manipulated.entrySet()) {
            CanonicalWorks.Work m = e.getValue();
            CanonicalWorks.Work c = clean.get(e.getKey());
            boolean differs = m.absent() != c.absent() || !Arrays.equals(m.scores(), c.scores())
                    || !java.util.Objects.equals(m.journal(), c.journal());
            if (!affected.containsKey(m.classKey())) {
                assertThat(differs).as("untouched class " + m.classKey()).isFalse();
            } else if (differs) {
                changed.merge(m.classKey(), 1, Integer::sum);
            }
        }
        affected.forEach((cls, n) -> assertThat(changed.getOrDefault(cls, 0)).as(cls).isEqualTo(n));
        assertThat(affected.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(50);

        Predicate<CanonicalWorks.Work> hit = w -> affected.getOrDefault(w.classKey(), 0) > 0;
        List<CanonicalWorks.Work> after = manipulated.values().stream().filter(hit).toList();
        List<CanonicalWorks.Work> before = after.stream().map(w -> clean.get(w.classKey() + "|" + w.participant())).toList();
        switch (kind) {
            case LENIENT_NEAR_CUTS -> lenientSignature(after, before);
            case ANSWERS_KNOWN -> answersKnownSignature(after, before);
            case BLANKET_INFLATION -> {
                assertThat(meanPrimary(after) - meanPrimary(before)).isGreaterThan(1.0);
                for (int i = 0; i < after.size(); i++) {
                    assertThat(after.get(i).primary()).isGreaterThanOrEqualTo(before.get(i).primary());
                }
            }
            case COPIED_WORKS -> {
                assertThat(duplicateVectors(after)).isGreaterThan(duplicateVectors(before) + after.size() / 4);
                Map<String, List<CanonicalWorks.Work>> byClass = after.stream().collect(Collectors.groupingBy(CanonicalWorks.Work::classKey));
                byClass.values().forEach(cls -> assertThat(largestGroup(cls)).isGreaterThanOrEqualTo(2));
            }
            case INFLATED_JOURNAL -> assertThat(lowered(after)).isGreaterThan(lowered(before) + 0.3);
            case WEAK_KEPT_HOME -> {
                assertThat(absentShare(after)).isGreaterThan(absentShare(before) + 0.15);
                assertThat(meanPrimary(after)).isGreaterThan(meanPrimary(before) + 0.5);
            }
        }
    }

    private static void lenientSignature(List<CanonicalWorks.Work> after, List<CanonicalWorks.Work> before) {
        int justBelowBefore = 0;
        int justBelowAfter = 0;
        for (int i = 0; i < after.size(); i++) {
            CanonicalWorks.Work a = after.get(i);
            CanonicalWorks.Work b = before.get(i);
            if (a.absent()) {
                continue;
            }
            MarkScale s = scale(a);
            Set<Integer> cuts = Set.of(s.cut3(), s.cut4(), s.cut5());
            justBelowBefore += justBelow(b.primary(), cuts) ? 1 : 0;
            justBelowAfter += justBelow(a.primary(), cuts) ? 1 : 0;
            if (a.primary() != b.primary()) {
                assertThat(cuts).contains(a.primary()); // lifted exactly to the cut
                assertThat(justBelow(b.primary(), cuts)).isTrue();
            }
        }
        assertThat(justBelowAfter).isLessThan(justBelowBefore / 2);
    }

    private static boolean justBelow(int score, Set<Integer> cuts) {
        return cuts.contains(score + 1) || cuts.contains(score + 2);
    }

    private static void answersKnownSignature(List<CanonicalWorks.Work> after, List<CanonicalWorks.Work> before) {
        double[] hardAfter = solveRates(after, true);
        double[] hardBefore = solveRates(before, true);
        assertThat(hardAfter[0]).isGreaterThan(hardBefore[0] + 0.3);
        assertThat(hardAfter[0]).isGreaterThan(hardAfter[1]); // inversion: hard solved better than easy
        assertThat(hardBefore[0]).isLessThan(hardBefore[1]);
    }

    /** {hard tasks' mean score/max, easy tasks' mean score/max}. */
    private static double[] solveRates(List<CanonicalWorks.Work> works, boolean unused) {
        double[] sum = new double[2];
        int[] n = new int[2];
        for (CanonicalWorks.Work w : works) {
            if (w.absent()) {
                continue;
            }
            MarkScale s = scale(w);
            ItemBank bank = ItemBank.forScale(s, SEED);
            for (int i = 0; i < w.scores().length; i++) {
                int k = bank.isHard(i) ? 0 : 1;
                sum[k] += Math.max(0, w.scores()[i]) / (double) s.tasks().get(i).max();
                n[k]++;
            }
        }
        return new double[]{sum[0] / n[0], sum[1] / n[1]};
    }

    private static final MarkScales SCALES = MarkScales.bundled();

    private static MarkScale scale(CanonicalWorks.Work w) {
        return SCALES.inForce(w.subject(), w.grade(), 2025).orElseThrow();
    }

    private static double meanPrimary(List<CanonicalWorks.Work> works) {
        return works.stream().filter(w -> !w.absent()).mapToInt(CanonicalWorks.Work::primary).average().orElseThrow();
    }

    private static int duplicateVectors(List<CanonicalWorks.Work> works) {
        Map<String, Long> groups = works.stream().filter(w -> !w.absent())
                .collect(Collectors.groupingBy(w -> w.classKey() + w.vector(), Collectors.counting()));
        return (int) groups.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
    }

    private static long largestGroup(List<CanonicalWorks.Work> cls) {
        return cls.stream().filter(w -> !w.absent()).collect(Collectors.groupingBy(CanonicalWorks.Work::vector, Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static double lowered(List<CanonicalWorks.Work> works) {
        List<CanonicalWorks.Work> j = works.stream().filter(w -> !w.absent() && w.journal() != null).toList();
        return j.stream().filter(w -> w.mark() < w.journal()).count() / (double) j.size();
    }

    private static double absentShare(List<CanonicalWorks.Work> works) {
        return works.stream().filter(CanonicalWorks.Work::absent).count() / (double) works.size();
    }
}
