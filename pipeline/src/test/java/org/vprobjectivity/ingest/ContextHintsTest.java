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

    @Test
    void aYearWithoutSeasonYieldsToTheOptionsSeason() {
        ContextHints fileName = ContextHints.fromText("altai-2020-fr7-raw-export.xlsx");
        ContextHints options = new ContextHints(new Session(2020, "autumn"), "FR", 7, null);
        assertThat(fileName.orElse(options).session()).isEqualTo(new Session(2020, "autumn"));
        assertThat(fileName.orElse(ContextHints.NONE).session()).isEqualTo(new Session(2020, "spring"));
        // A stated season or another year is not overridden.
        assertThat(ContextHints.fromText("ВПР весна 2020").orElse(options).session()).isEqualTo(new Session(2020, "spring"));
        assertThat(ContextHints.fromText("ВПР 2021").orElse(options).session()).isEqualTo(new Session(2021, "spring"));
    }
}
