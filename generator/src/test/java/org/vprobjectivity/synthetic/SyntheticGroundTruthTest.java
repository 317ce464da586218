package org.vprobjectivity.synthetic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strong schools, manipulated schools and the session's year, as the ground truth and the files state them. */
class SyntheticGroundTruthTest {

    @TempDir
    Path dir;

    @Test
    void strongSchoolsAreListedScoreHighAndNeverCheat() throws IOException {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(40).seed(7).manipulatedShare(0.25).strongShare(0.2)
                .session("2024-autumn").formats(OutputFormat.CANONICAL_CSV, OutputFormat.F1_REPORT_XLSX).build();
        GenerationRecord rec = SyntheticRegion.write(dir, cfg);
        GroundTruth truth = GroundTruth.read(dir.resolve(GroundTruth.FILE_NAME));
        Set<String> strong = truth.strongSchools();
        assertThat(strong).hasSize(8);
        assertThat(rec.strongSchools()).isEqualTo(8);
        assertThat(truth.manipulatedSchools()).hasSize(10);
        assertThat(truth.manipulatedSchools().keySet()).doesNotContainAnyElementsOf(strong);
        truth.rows().stream().filter(GroundTruthRow::strongSchool).forEach(r -> {
            assertThat(r.kind()).isNull();
            assertThat(r.subject()).isNull();
            assertThat(r.grade()).isNull();
            assertThat(r.session()).isEqualTo("2024-autumn");
        });

        List<ReadBack.Row0> rows = new java.util.ArrayList<>();
        for (GenerationRecord.FileRecord f : rec.files()) {
            rows.addAll(ReadBack.rows(dir, f));
        }
        Map<Boolean, Double> meanMark = rows.stream().filter(r -> !r.absent())
                .collect(Collectors.partitioningBy(r -> strong.contains(r.school()), Collectors.averagingInt(r -> Integer.parseInt(r.mark()))));
        assertThat(meanMark.get(true)).isGreaterThan(meanMark.get(false) + 0.3);
        assertThat(rows.stream().filter(r -> strong.contains(r.school())).map(ReadBack.Row0::schoolName))
                .isNotEmpty().allMatch(n -> n.contains("Лицей") || n.contains("Гимназия"));
        // 2024 uses the 2021 Russian grade 4 form (38 points); the F1 header block carries the autumn date.
        GenerationRecord.FileRecord f1 = rec.files(OutputFormat.F1_REPORT_XLSX).stream()
                .filter(f -> f.subject().equals("RU") && f.grade() == 4).findFirst().orElseThrow();
        List<List<String>> lines = ReadBack.sheetText(dir.resolve(f1.path()), 0);
        assertThat(lines.get(0).get(0)).isEqualTo("ВПР 2024 Русский язык 4 класс");
        assertThat(lines.get(2).get(0)).isEqualTo("Максимальный первичный балл: 38");
        assertThat(lines.get(3).get(0)).isEqualTo("Дата: 20.10.2024");
    }

    @Test
    void groundTruthRoundTripsAndRejectsForeignFiles() throws IOException {
        GroundTruthRow m = new GroundTruthRow("2025-spring", "sch220001", "reg22_m001", "MA", 4, "Б",
                ManipulationKind.COPIED_WORKS, ManipulationLevel.CLASS, 12, false);
        GroundTruthRow s = GroundTruthRow.strongSchool("2025-spring", "sch220002", "reg22_m001");
        Path file = dir.resolve("gt.csv");
        try (GroundTruth.Writer w = new GroundTruth.Writer(file)) {
            w.write(m);
            w.write(s);
        }
        assertThat(GroundTruth.read(file).rows()).containsExactly(m, s);
        assertThat(GroundTruth.read(file).kindOf("sch220001", "MA", 4)).isEqualTo(ManipulationKind.COPIED_WORKS);
        assertThat(GroundTruth.read(file).kindOf("sch220001", "RU", 4)).isNull();
        java.nio.file.Files.writeString(dir.resolve("other.csv"), "a;b\n");
        assertThatThrownBy(() -> GroundTruth.read(dir.resolve("other.csv"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configRejectsNonsense() {
        assertThatThrownBy(() -> GeneratorConfig.builder().schools(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorConfig.builder().manipulatedShare(1.5).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorConfig.builder().session("2025").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorConfig.builder().formats(List.of()).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorConfig.builder().subjects(List.of("XX")).build()).isInstanceOf(IllegalArgumentException.class);
        GeneratorConfig d = GeneratorConfig.builder().build();
        assertThat(d.manipulatedShare()).isEqualTo(0.2);
        assertThat(d.formats()).containsExactly(OutputFormat.values());
        assertThat(d.kinds()).containsExactly(ManipulationKind.values());
        assertThat(d.toBuilder().build()).isEqualTo(d);
    }
}
