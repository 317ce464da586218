package org.vprobjectivity.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkScalesTest {

    @Test
    void entryInForceIsTheLatestNotAfterTheYear() {
        MarkScales scales = MarkScales.bundled();
        // Russian grade 4 changed form in 2025 (38 → 24 points).
        assertThat(scales.inForce("RU", 4, 2024)).get().extracting(MarkScale::fromYear, MarkScale::maxScore).containsExactly(2021, 38);
        assertThat(scales.inForce("RU", 4, 2025)).get().extracting(MarkScale::fromYear, MarkScale::maxScore).containsExactly(2025, 24);
        assertThat(scales.inForce("RU", 4, 2020)).isEmpty();
        assertThat(scales.inForce("FR", 7, 2020)).isEmpty();
    }

    @Test
    void everyBundledEntryIsConsistent() {
        for (MarkScale s : MarkScales.bundled().entries()) {
            assertThat(MarkScales.problems(s)).as(s.key()).isEmpty();
        }
    }

    @Test
    void markFollowsTheCuts() {
        MarkScale ma4 = MarkScales.bundled().inForce("MA", 4, 2021).orElseThrow();
        int[] expected = new int[ma4.maxScore() + 1];
        for (int x = 0; x <= ma4.maxScore(); x++) {
            expected[x] = x >= ma4.cut5() ? 5 : x >= ma4.cut4() ? 4 : x >= ma4.cut3() ? 3 : 2;
            assertThat(ma4.markFor(x)).as("score %d", x).isEqualTo(expected[x]);
        }
        assertThat(ma4.markFor(ma4.cut3() - 1)).isEqualTo(2);
        assertThat(ma4.markFor(ma4.cut3())).isEqualTo(3);
    }

    @Test
    void userFileAddsAndOverridesEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scales.json");
        Files.writeString(file, """
                {"scales": [
                  {"subject": "FR", "grade": 7, "from_year": 2020, "cuts": {"3": 3, "4": 5, "5": 7},
                   "tasks": [{"name": "1", "max": 4}, {"name": "2", "max": 4}]},
                  {"subject": "MA", "grade": 4, "from_year": 2021, "max_score": 2, "cuts": {"3": 1, "4": 2, "5": 2},
                   "tasks": [{"name": "1", "max": 2}]}
                ]}""");
        MarkScales scales = MarkScales.load(file);
        assertThat(scales.inForce("FR", 7, 2020)).get().extracting(MarkScale::maxScore).isEqualTo(8);
        assertThat(scales.inForce("MA", 4, 2022)).get().extracting(MarkScale::maxScore).isEqualTo(2);
        assertThat(scales.entries()).hasSize(MarkScales.bundled().entries().size() + 1);
        assertThat(MarkScales.problems(scales.inForce("MA", 4, 2022).orElseThrow())).isNotEmpty();
    }

    @Test
    void missingFieldIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"scales\": [{\"subject\": \"MA\", \"grade\": 4, \"cuts\": {\"3\": 1, \"4\": 2, \"5\": 3}, \"tasks\": []}]}");
        assertThatThrownBy(() -> MarkScales.readFile(file)).hasMessageContaining("from_year");
    }
}
