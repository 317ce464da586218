package org.vprobjectivity.ingest;

import org.junit.jupiter.api.Test;
import org.vprobjectivity.model.Session;

import static org.assertj.core.api.Assertions.assertThat;

class ContextHintsTest {

    @Test
    void regionalExportFileName() {
        ContextHints h = ContextHints.fromText("Проведение работы по математике, 4 класс. ВПР 2021.xlsx");
        assertThat(h.session()).isEqualTo(new Session(2021, "spring"));
        assertThat(h.subject()).isEqualTo("MA");
        assertThat(h.grade()).isEqualTo(4);
    }

    @Test
    void headerBlockDateDecidesTheSeason() {
        ContextHints h = ContextHints.fromText("ВПР 2020 Французский язык 7 класс\nДата: 14.10.2020");
        assertThat(h.session()).isEqualTo(new Session(2020, "autumn"));
        assertThat(h.subject()).isEqualTo("FR");
        assertThat(h.grade()).isEqualTo(7);
    }

    @Test
    void schoolFormFileNameGivesLoginSubjectGrade() {
        ContextHints h = ContextHints.fromText("sch220013_RU5.xlsx");
        assertThat(h.school()).isEqualTo("sch220013");
        assertThat(h.subject()).isEqualTo("RU");
        assertThat(h.grade()).isEqualTo(5);
        assertThat(h.session()).isNull();
    }

    @Test
    void layersFillOnlyWhatIsMissing() {
        ContextHints block = new ContextHints(null, "RU", null, null);
        ContextHints options = new ContextHints(new Session(2025, "spring"), "MA", 4, "sch220001");
        ContextHints merged = block.orElse(options);
        assertThat(merged.subject()).isEqualTo("RU");
        assertThat(merged.grade()).isEqualTo(4);
        assertThat(merged.session()).isEqualTo(new Session(2025, "spring"));
    }
}
