package org.vprobjectivity.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every header named in docs/input-format.md maps to its meaning; task headers by name and by position. */
class HeaderMappingTest {

    private final HeaderMapping mapping = HeaderMapping.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Год|SESSION", "Сессия|SESSION", "Предмет|SUBJECT", "Параллель|GRADE", "Код региона|REGION_CODE",
            "Код МО|MUNICIPALITY_CODE", "Муниципалитет|MUNICIPALITY", "МО|MUNICIPALITY", "Район|MUNICIPALITY",
            "Логин ОО|SCHOOL_ID", "логин школы|SCHOOL_ID", "ОО|SCHOOL_ID", "Код ОО|SCHOOL_ID", "Логин|SCHOOL_ID",
            "Пользователь|SCHOOL_ID", "user|SCHOOL_ID", "Школа|SCHOOL", "Наименование ОО|SCHOOL_NAME",
            "Название ОО|SCHOOL_NAME", "Класс|CLASS", "класс|CLASS", "Литера|CLASS", "Наименование класса|CLASS",
            "Порядковый номер класса|CLASS", "klass|CLASS", "Код участника|PARTICIPANT", "код обучающегося|PARTICIPANT",
            "Код|PARTICIPANT", "code|PARTICIPANT", "№ участника|PARTICIPANT", "Вариант|VARIANT", "вариант|VARIANT",
            "var-1|VARIANT", "Первичный балл|PRIMARY_SCORE", "Сумма баллов|PRIMARY_SCORE", "всего баллов|PRIMARY_SCORE",
            "Итого баллов|PRIMARY_SCORE", "Балл|PRIMARY_SCORE", "sum|PRIMARY_SCORE", "Отметка|MARK",
            "Отметка за работу|MARK", "Отметка по журналу|JOURNAL_MARK",
            "отметка за предыдущую четверть/триместр|JOURNAL_MARK",
            "Отметка за предыдущий триместр/ четверть/полугодие|JOURNAL_MARK", "otc|JOURNAL_MARK", "Пол|SEX",
            "пол|SEX", "gender|SEX", "  ПЕРВИЧНЫЙ   БАЛЛ |PRIMARY_SCORE", "Отмётка|MARK"})
    void knownHeadersMapToTheirRole(String header, ColumnRole role) {
        assertThat(mapping.roleOf(header)).contains(role);
    }

    @ParameterizedTest
    @CsvSource({"номер обучающегося", "Учебник", "groups", "Дата загрузки ОО и прочее", "Др.уч. автор", "id"})
    void unneededHeadersMapToNothing(String header) {
        assertThat(mapping.roleOf(header)).isEmpty();
        assertThat(mapping.taskPosition(header)).isEmpty();
        assertThat(mapping.namedTask(header)).isEmpty();
    }

    @Test
    void regionColumnIsSpecial() {
        assertThat(mapping.roleOf("регион")).isEmpty();
        assertThat(mapping.isRegionOrMunicipality("Регион")).isTrue();
    }

    @ParameterizedTest(name = "{0} → task {1}, max {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "1|1|null", "3(1)|3(1)|null", "1К2|1к2|null", "1K2|1к2|null", "4.1|4.1|null", "9.1 (1б)|9.1|1",
            "4К1 (3б)|4к1|3", "4K1 (3б)|4к1|3", "11.1 (1б)|11.1|1", "14 (2б)|14|2", "1 (2б)|1|2"})
    void namedTaskHeaders(String header, String key, Integer max) {
        assertThat(mapping.namedTask(header)).get()
                .satisfies(t -> {
                    assertThat(t.key()).isEqualTo(key);
                    assertThat(t.statedMax()).isEqualTo(max);
                });
    }

    @Test
    void latinAndCyrillicTaskNamesShareAKey() {
        assertThat(HeaderMapping.taskKey("1K2")).isEqualTo(HeaderMapping.taskKey("1К2"));
        assertThat(HeaderMapping.taskKey("1 К 2")).isEqualTo(HeaderMapping.taskKey("1К2"));
    }

    @ParameterizedTest(name = "{0} → position {1}")
    @CsvSource(delimiter = '|', value = {"балл за 1|1", "Балл за 15|15", "a-1-grade|1", "a-40-grade|40", "task_7|7"})
    void positionalTaskHeaders(String header, int position) {
        assertThat(mapping.taskPosition(header)).contains(position);
    }

    @Test
    void valueVocabulary() {
        assertThat(mapping.isAbsentVariant("отсутствовал")).isTrue();
        assertThat(mapping.isAbsentVariant(" Отсутствовал ")).isTrue();
        assertThat(mapping.isAbsentVariant("1")).isFalse();
        for (String na : new String[]{"X", "x", "Х", "х", "не пройд.", "", null}) {
            assertThat(mapping.isNotAttempted(na)).as("«%s»", na).isTrue();
        }
        assertThat(mapping.isNotAttempted("0")).isFalse();
        assertThat(mapping.isNoJournalMark("нет отметки")).isTrue();
        assertThat(mapping.isNoJournalMark("4")).isFalse();
        assertThat(mapping.sex("М")).isEqualTo("м");
        assertThat(mapping.sex("ж")).isEqualTo("ж");
        assertThat(mapping.sex("?")).isNull();
    }

    @Test
    void groupRowGivesSchoolNameAndLogin() {
        assertThat(mapping.groupRow(row("МБОУ «СОШ №1»(edu203389) | Кол-во участников: 89")))
                .get().satisfies(g -> assertThat(g).containsExactly("МБОУ «СОШ №1»", "edu203389"));
        assertThat(mapping.groupRow(row("МБОУ «СОШ №1»"))).isEmpty();
    }

    /** The same group row as exporting tools split it over cells (issue 17: 120 group rows became rejects). */
    @Test
    void groupRowSplitOverCellsReadsAsTheMergedOne() {
        for (RawRow split : List.of(
                row("МБОУ «СОШ №1»(edu203389)", "Кол-во участников: 89"),
                row(null, "МБОУ «СОШ №1»(edu203389)", null, null, "Кол-во участников: 89"),
                row("МБОУ «СОШ №1»", "(edu203389)", "Кол-во участников: 89"),
                row("МБОУ «СОШ №1»", "edu203389", "Кол-во участников:", "89"),
                row("МБОУ «СОШ №1» (EDU203389)   КОЛ-ВО УЧАСТНИКОВ: 89"))) {
            assertThat(mapping.groupRow(split)).as(split.toString())
                    .get().satisfies(g -> assertThat(g).containsExactly("МБОУ «СОШ №1»", "edu203389"));
        }
        assertThat(mapping.groupRow(row("sch220001", "Иванов", "40001", "1", "2"))).isEmpty();
    }

    private static RawRow row(String... cells) {
        return new RawRow(1, java.util.Arrays.asList(cells));
    }
}
