package org.vprobjectivity.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading {@code --id-map}: header optional, delimiters as for exports, every bad line named with its value. */
class SchoolIdMapTest {

    private static SchoolIdMap parse(String text) {
        return SchoolIdMap.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsPairsWithOrWithoutHeader() {
        assertThat(parse("old;new\nsch220001;edu220001\nsch220002;edu220002\n").entries())
                .containsExactly(java.util.Map.entry("sch220001", "edu220001"), java.util.Map.entry("sch220002", "edu220002"));
        SchoolIdMap comma = parse("sch220001,edu220001\r\nsch220001,edu220001\r\n");
        assertThat(comma.entries()).containsExactly(java.util.Map.entry("sch220001", "edu220001")); // a repeated line merged
        assertThat(comma.problems()).isEmpty();
        assertThat(parse("старый;новый\nsch1 ; edu1\n").entries()).containsEntry("sch1", "edu1");
    }

    @Test
    void badLinesAreNamedWithTheirValues() {
        SchoolIdMap m = parse("old;new\nsch220001;edu220001\nsch220001;edu220009\n;edu220003\nsch220004;\n"
                + "sch220005;edu220005;x\nsch220006;edu220006\n");
        assertThat(m.problems()).extracting(SideFileProblem::line, SideFileProblem::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "sch220001"), org.assertj.core.groups.Tuple.tuple(4, "edu220003"),
                org.assertj.core.groups.Tuple.tuple(5, "sch220004"), org.assertj.core.groups.Tuple.tuple(6, "x"));
        assertThat(m.problems().get(0).messageRu()).contains("уже указан другой новый идентификатор edu220001 (строка 2)");
        assertThat(m.problems().get(1).messageEn()).isEqualTo("the old id is empty");
        assertThat(m.problems().get(2).messageEn()).isEqualTo("the new id is empty");
        assertThat(m.entries()).containsOnlyKeys("sch220001", "sch220006"); // the good lines are read
    }
}
