package org.vprobjectivity.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClassLabelTest {

    @ParameterizedTest(name = "«{0}» → {1}, grade {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "а|А|null", "А|А|null", "4А|А|4", "4 \"А\"|А|4", "4 «б»|Б|4", "10а|А|10", "1|1|null", "2|2|null",
            "нет|null|null", "НЕТ|null|null", "''|null|null", "A|А|null", "5-В|В|5"})
    void parsesClassTexts(String raw, String label, Integer grade) {
        ClassLabel c = ClassLabel.parse(raw, HeaderMapping.bundled());
        assertThat(c.label()).isEqualTo(label);
        assertThat(c.grade()).isEqualTo(grade);
    }
}
