package org.vprobjectivity.synthetic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.model.MarkScales;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate --sessions N}: the first session is the one-session region, cohorts move up, manipulation persists. */
class MultiSessionRegionTest {

    @TempDir
    Path dir;

    private static final GeneratorConfig CFG = GeneratorConfig.builder().schools(24).seed(11).manipulatedShare(0.5)
            .strongShare(0.1).formats(OutputFormat.CANONICAL_CSV).build();

    @Test
    void firstSessionIsTheOneSessionRegionAndTheTruthCarriesEverySession() throws IOException {
        SyntheticRegion.write(dir.resolve("one"), CFG);
        List<GenerationRecord> records = MultiSessionRegion.write(dir.resolve("multi"), CFG, 3, MarkScales.bundled());
        assertThat(records).hasSize(3);
        assertThat(MultiSessionRegion.sessions(CFG, 3)).containsExactly("2025-spring", "2026-spring", "2027-spring");
        for (String name : List.of("canonical_MA4.csv", "canonical_RU5.csv", GroundTruth.FILE_NAME, HonestScores.FILE_NAME)) {
            assertThat(Files.readAllBytes(dir.resolve("multi/2025-spring").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(name)));
        }
        GroundTruth all = GroundTruth.read(dir.resolve("multi"));
        assertThat(all.rows().stream().map(GroundTruthRow::session).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("2025-spring", "2026-spring", "2027-spring");
        // Per school and session the manipulated work; a school that manipulates in consecutive sessions with the same
        // kind keeps the subject and grade.
        Map<String, GroundTruthRow> first = new HashMap<>();
        int persisted = 0;
        int started = 0;
        int stopped = 0;
        for (GroundTruthRow r : all.manipulations()) {
            first.putIfAbsent(r.session() + "|" + r.schoolId(), r);
        }
        for (String school : all.manipulations().stream().map(GroundTruthRow::schoolId).collect(Collectors.toSet())) {
            GroundTruthRow a = first.get("2025-spring|" + school);
            GroundTruthRow b = first.get("2026-spring|" + school);
            if (a != null && b != null && a.kind() == b.kind()) {
                persisted++;
                assertThat(b.subject() + b.grade()).as(school).isEqualTo(a.subject() + a.grade());
            } else if (a == null && b != null) {
                started++;
            } else if (a != null && b == null) {
                stopped++;
            }
        }
        assertThat(persisted).isGreaterThan(0);
        assertThat(started + stopped).isGreaterThan(0);
        assertThat(all.strongSchools()).isNotEmpty();
        assertThat(all.manipulations().stream().noneMatch(r -> all.strongSchools().contains(r.schoolId()))).isTrue();
    }

    @Test
    void cohortsMoveUpWithMostlyTheSamePupilsAndTheirAbility() {
        MarkScales scales = MarkScales.bundled();
        GeneratorConfig next = CFG.toBuilder().session("2026-spring").build();
        SchoolSimulator s0 = new SchoolSimulator(CFG, SyntheticRegion.models(CFG, scales));
        SchoolSimulator s1 = new SchoolSimulator(next, SyntheticRegion.models(next, scales));
        RegionLayout layout = new RegionLayout(CFG);
        int kept = 0;
        int pupils = 0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < layout.schoolCount(); i++) {
            SchoolPlan plan = layout.school(i).withManipulation(null);
            SimulatedSchool a = s0.simulate(plan);
            SimulatedSchool b = s1.next(a, plan, 1, null);
            assertThat(b.schoolEffect()).isEqualTo(a.schoolEffect());
            Map<String, SimPupil> before = pupilsOf(a, 4);
            Map<String, SimPupil> after = pupilsOf(b, 5);
            assertThat(after.size()).isEqualTo(before.size());
            Set<String> letters4 = lettersOf(a, 4);
            assertThat(lettersOf(b, 5)).isEqualTo(letters4);
            for (SimPupil p : after.values()) {
                pupils++;
                SimPupil was = before.get(p.serial() + p.classLetter());
                if (was != null) {
                    kept++;
                    assertThat(p.code()).isEqualTo("5" + was.code().substring(1));
                    sxy += was.theta() * p.theta();
                    sxx += was.theta() * was.theta();
                    syy += p.theta() * p.theta();
                }
            }
            // The new grade 4 is a new cohort: nobody of the old grade 4 is in it.
            assertThat(pupilsOf(b, 4).values().stream().map(SimPupil::theta).toList())
                    .doesNotContainAnyElementsOf(before.values().stream().map(SimPupil::theta).toList());
        }
        double stayed = (double) kept / pupils;
        assertThat(stayed).isBetween(0.85, 0.97);
        assertThat(sxy / Math.sqrt(sxx * syy)).isGreaterThan(0.9);
    }

    private static Map<String, SimPupil> pupilsOf(SimulatedSchool school, int grade) {
        Map<String, SimPupil> out = new HashMap<>();
        school.sittings().stream().filter(s -> s.grade() == grade).findFirst().orElseThrow().classes()
                .forEach(c -> c.pupils().forEach(p -> out.put(p.serial() + p.classLetter(), p)));
        return out;
    }

    private static Set<String> lettersOf(SimulatedSchool school, int grade) {
        return school.sittings().stream().filter(s -> s.grade() == grade).findFirst().orElseThrow().classes().stream()
                .map(SimClass::letter).collect(Collectors.toSet());
    }
}
