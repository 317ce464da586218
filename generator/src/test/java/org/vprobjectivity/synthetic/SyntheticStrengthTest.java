package org.vprobjectivity.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strength scales every manipulation kind: same seed, same schools and classes hit, more changed the stronger. */
class SyntheticStrengthTest {

    static final int SCHOOLS = 60;

    static GeneratorConfig config(ManipulationKind kind, double strength) {
        return GeneratorConfig.builder().schools(SCHOOLS).seed(11).manipulatedShare(1).kinds(kind).strength(strength)
                .formats(OutputFormat.CANONICAL_CSV).build();
    }

    @ParameterizedTest
    @EnumSource(ManipulationKind.class)
    void strongerManipulationChangesMoreWorks(ManipulationKind kind) {
        List<SimulatedSchool> weak = InMemoryRegion.simulate(config(kind, 0.5));
        List<SimulatedSchool> normal = InMemoryRegion.simulate(config(kind, 1.0));
        List<SimulatedSchool> strong = InMemoryRegion.simulate(config(kind, 1.5));
        long[] affected = {affected(weak), affected(normal), affected(strong)};
        // The same pupils without any manipulation (the manipulation has a random stream of its own).
        long clean = points(InMemoryRegion.simulate(config(kind, 1.0).toBuilder().manipulatedShare(0).build()));
        long[] added = {points(weak) - clean, points(normal) - clean, points(strong) - clean};
        System.out.printf("%s works changed at strength 0.5 / 1 / 1.5: %d / %d / %d; points added %d / %d / %d%n", kind,
                affected[0], affected[1], affected[2], added[0], added[1], added[2]);
        // The same classes are hit at every strength (the subject, grade and level are drawn before the kind acts).
        assertThat(classesHit(strong)).isEqualTo(classesHit(weak));
        assertThat(affected[0]).isGreaterThan(0);
        assertThat(affected[2]).isGreaterThan(affected[0]);
        assertThat(affected[1]).isBetween(affected[0], affected[2]);
        switch (kind) {
            // Kinds whose probability or share does not saturate over this range change clearly more: at least
            // twice as many works (the scaling is threefold before the caps at 1 and 0.9).
            case LENIENT_NEAR_CUTS, INFLATED_JOURNAL, WEAK_KEPT_HOME, COPIED_WORKS ->
                    assertThat(affected[2]).isGreaterThan(2 * affected[0]);
            // Nearly every work has some task that changes even at 0.5 (a hard task known, a point somewhere): the
            // points added grow instead.
            case BLANKET_INFLATION, ANSWERS_KNOWN -> {
                assertThat(added[0]).isGreaterThan(0);
                assertThat(added[1]).isGreaterThan(added[0]);
                assertThat(added[2]).isGreaterThan(added[1]);
                assertThat(added[2]).isGreaterThan(2 * added[0]);
            }
        }
    }

    @Test
    void strengthOneIsTheDefaultAndChangesNothingElse() {
        for (ManipulationKind kind : ManipulationKind.values()) {
            GeneratorConfig byDefault = GeneratorConfig.builder().schools(SCHOOLS).seed(11).manipulatedShare(1).kinds(kind)
                    .formats(OutputFormat.CANONICAL_CSV).build();
            assertThat(byDefault.strength()).isEqualTo(1.0);
            assertThat(truthLines(InMemoryRegion.simulate(byDefault))).isEqualTo(truthLines(InMemoryRegion.simulate(config(kind, 1.0))));
        }
    }

    @Test
    void strengthMustBePositiveAndFinite() {
        for (double bad : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> GeneratorConfig.builder().strength(bad).build())
                    .as("strength " + bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strength");
        }
        assertThat(GeneratorConfig.builder().strength(0.01).build().strength()).isEqualTo(0.01);
    }

    @Test
    void theRecordKeepsTheStrengthAndOlderRecordsReadAsStrengthOne(@TempDir Path dir) throws IOException {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(6).seed(3).strength(1.5).classLeniencySd(0.3)
                .formats(OutputFormat.CANONICAL_CSV).build();
        GenerationRecord rec = SyntheticRegion.write(dir, cfg);
        Path file = dir.resolve(GenerationRecord.FILE_NAME);
        assertThat(Files.readString(file)).contains("\"strength\" : 1.5").contains("\"classLeniencySd\" : 0.3");
        assertThat(GenerationRecord.read(dir).config().strength()).isEqualTo(1.5);
        assertThat(GenerationRecord.read(dir)).isEqualTo(rec);
        // A record from before the strength and the class leniency existed.
        ObjectMapper json = new ObjectMapper();
        ObjectNode old = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) old.get("config")).remove(List.of("strength", "classLeniencySd"));
        json.writeValue(file.toFile(), old);
        assertThat(Files.readString(file)).doesNotContain("strength").doesNotContain("classLeniencySd");
        GeneratorConfig read = GenerationRecord.read(dir).config();
        assertThat(read.strength()).isEqualTo(1.0);
        assertThat(read.classLeniencySd()).isEqualTo(0.0);
    }

    private static long affected(List<SimulatedSchool> schools) {
        return schools.stream().flatMap(s -> s.truth().stream()).filter(GroundTruthRow::isManipulation)
                .mapToLong(GroundTruthRow::worksAffected).sum();
    }

    private static List<String> classesHit(List<SimulatedSchool> schools) {
        return schools.stream().flatMap(s -> s.truth().stream()).filter(GroundTruthRow::isManipulation)
                .map(r -> r.schoolId() + "|" + r.subject() + r.grade() + "|" + r.classLetter() + "|" + r.level()).toList();
    }

    private static List<String> truthLines(List<SimulatedSchool> schools) {
        return schools.stream().flatMap(s -> s.truth().stream()).map(GroundTruthRow::toLine).toList();
    }

    /** Primary points of present works over the region: what the score kinds add. */
    private static long points(List<SimulatedSchool> schools) {
        long sum = 0;
        for (SimulatedSchool s : schools) {
            for (Sitting st : s.sittings()) {
                for (SimWork w : st.works()) {
                    sum += w.absent ? 0 : w.primaryScore();
                }
            }
        }
        return sum;
    }
}
