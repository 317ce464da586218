package org.vprobjectivity.synthetic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The same config gives the same files; another seed gives another region. */
class SyntheticDeterminismTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameFilesOtherSeedOtherData() throws IOException {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(8).seed(7).badRows(true).strongShare(0.2).build();
        GenerationRecord a = SyntheticRegion.write(dir.resolve("a"), cfg);
        GenerationRecord b = SyntheticRegion.write(dir.resolve("b"), cfg);
        assertThat(b).isEqualTo(a);
        List<Path> files = list(dir.resolve("a"));
        assertThat(list(dir.resolve("b"))).isEqualTo(files);
        for (Path rel : files) {
            Path fa = dir.resolve("a").resolve(rel);
            Path fb = dir.resolve("b").resolve(rel);
            if (rel.toString().endsWith(".xlsx")) {
                for (int sheet = 0; sheet < (rel.toString().contains("school-forms") ? 2 : 1); sheet++) {
                    assertThat(ReadBack.sheetText(fb, sheet)).as(rel.toString()).isEqualTo(ReadBack.sheetText(fa, sheet));
                }
            } else {
                assertThat(Files.readAllBytes(fb)).as(rel.toString()).isEqualTo(Files.readAllBytes(fa));
            }
        }
        SyntheticRegion.write(dir.resolve("c"), cfg.toBuilder().seed(8).build());
        assertThat(Files.readAllBytes(dir.resolve("c/canonical_MA4.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a/canonical_MA4.csv")));
        assertThat(Files.readAllBytes(dir.resolve("c/ground-truth.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a/ground-truth.csv")));
    }

    @Test
    void strengthAndClassLeniencyAreReproducedToo() throws IOException {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(12).seed(9).manipulatedShare(0.5).strongShare(0.2)
                .strength(1.5).classLeniencySd(0.3).formats(OutputFormat.CANONICAL_CSV).build();
        GenerationRecord a = SyntheticRegion.write(dir.resolve("a"), cfg);
        GenerationRecord b = SyntheticRegion.write(dir.resolve("b"), cfg);
        assertThat(b).isEqualTo(a);
        List<Path> files = list(dir.resolve("a"));
        assertThat(list(dir.resolve("b"))).isEqualTo(files);
        for (Path rel : files) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(rel))).as(rel.toString())
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(rel)));
        }
        // Another class leniency changes the journal marks only; another strength changes what was manipulated only.
        SyntheticRegion.write(dir.resolve("c"), cfg.toBuilder().classLeniencySd(0.1).build());
        assertThat(Files.readString(dir.resolve("c/canonical_MA4.csv"))).isNotEqualTo(Files.readString(dir.resolve("a/canonical_MA4.csv")));
        assertThat(Files.readString(dir.resolve("c/ground-truth.csv"))).isEqualTo(Files.readString(dir.resolve("a/ground-truth.csv")));
        SyntheticRegion.write(dir.resolve("d"), cfg.toBuilder().strength(0.5).build());
        assertThat(Files.readString(dir.resolve("d/ground-truth.csv"))).isNotEqualTo(Files.readString(dir.resolve("a/ground-truth.csv")));
    }

    @Test
    void schoolsDoNotDependOnEachOther() throws IOException {
        // A school is simulated from its own streams: the first school of a 10- and of a 12-school region (same
        // municipality count, so the same municipality and name) are the same.
        GeneratorConfig small = GeneratorConfig.builder().schools(10).seed(7).manipulatedShare(0)
                .formats(OutputFormat.CANONICAL_CSV).build();
        GenerationRecord a = SyntheticRegion.write(dir.resolve("s"), small);
        GenerationRecord b = SyntheticRegion.write(dir.resolve("t"), small.toBuilder().schools(12).build());
        List<String> first = firstSchoolLines(dir.resolve("s/canonical_RU4.csv"));
        List<String> second = firstSchoolLines(dir.resolve("t/canonical_RU4.csv"));
        assertThat(second).isEqualTo(first);
        assertThat(a.totals().works()).isLessThan(b.totals().works());
    }

    private static List<String> firstSchoolLines(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String school = lines.get(1).split(",")[4];
        return lines.stream().filter(l -> l.contains("," + school + ",")).toList();
    }

    private static List<Path> list(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
