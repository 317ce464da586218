package org.vprobjectivity.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The side files of outside confirmation: the exam results ({@code --exam}) and the observed schools ({@code --observed}). */
class ExamFileTest {

    @Test
    void russianHeaderBadRowsNamedGoodRowsKept() {
        String text = """
                Логин ОО;Предмет;Год;Вид экзамена;Количество участников;Средний балл;СКО;Доля «2»;Доля «3»;Доля «4»;Доля «5»
                sch220001;Русский язык;2026;ОГЭ;25;24,5;4,1;4;36;40;20
                sch220002;математика;2026;ЕГЭ;12;61,2;;;;;
                sch220003;Математика;2026;ГИА-9;8;17;3;0,1;0,2;0,3;0,4
                ;Математика;2026;ОГЭ;8;17;3;;;;
                sch220004;Физкультура;2026;ОГЭ;8;17;3;;;;
                sch220005;Математика;2026;ВПР;8;17;3;;;;
                sch220006;Математика;2026;ОГЭ;8,5;17;3;;;;
                sch220007;Математика;2026;ОГЭ;8;-1;3;;;;
                sch220008;Математика;2026;ОГЭ;8;17;3;30;30;30;30
                sch220001;Русский язык;2026;ОГЭ;25;24,5;4,1;;;;
                sch220009;Математика;1999;ОГЭ;8;17;3;;;;
                """;
        ExamFile f = ExamFile.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(f.entries()).hasSize(3);
        ExamFile.Entry ru = f.entries().get(0);
        assertThat(ru.schoolId()).isEqualTo("sch220001");
        assertThat(ru.subject()).isEqualTo("RU");
        assertThat(ru.year()).isEqualTo(2026);
        assertThat(ru.kind()).isEqualTo(ExamFile.OGE);
        assertThat(ru.n()).isEqualTo(25);
        assertThat(ru.mean()).isEqualTo(24.5);
        assertThat(ru.sd()).isEqualTo(4.1);
        assertThat(ru.shares()).containsExactly(new double[] {0.04, 0.36, 0.40, 0.20}, within(1e-12));
        ExamFile.Entry ege = f.entries().get(1);
        assertThat(ege.kind()).isEqualTo(ExamFile.EGE);
        assertThat(ege.sd()).isNull();
        assertThat(ege.shares()).isNull();
        assertThat(f.entries().get(2).shares()).containsExactly(new double[] {0.1, 0.2, 0.3, 0.4}, within(1e-12));

        assertThat(f.problems()).extracting(p -> p.line() + " " + p.describeRu()).containsExactly(
                "5 столбец «Логин ОО» («»): нет логина школы",
                "6 столбец «Предмет» («Физкультура»): предмет не распознан",
                "7 столбец «Вид экзамена» («ВПР»): экзамен должен быть ОГЭ или ЕГЭ",
                "8 столбец «Количество участников» («8,5»): число участников должно быть целым числом не меньше 1",
                "9 столбец «Средний балл» («-1»): средний балл должен быть неотрицательным числом",
                "10 столбец «Доля «2»» («30»): доли отметок в сумме дают 120, а не 100% (или 1)",
                "11 столбец «Логин ОО» («sch220001»): строка для этой школы, предмета, года и экзамена уже есть выше",
                "12 столбец «Год» («1999»): год должен быть целым числом от 2000 до 2100");
        assertThat(f.problems().get(1).describeEn()).isEqualTo("column 'Предмет' ('Физкультура'): subject not recognised");
    }

    @Test
    void englishHeaderWindows1251AndCommaDelimiter() {
        String text = "school,subject,year,mean,n,share_2,share_3,share_4,share_5\r\nsch220001,Математика,2026,3.9,20,0.05,0.25,0.45,0.25\r\n";
        ExamFile f = ExamFile.parse(text.getBytes(DelimitedReader.WINDOWS_1251));
        assertThat(f.problems()).isEmpty();
        assertThat(f.entries()).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo("MA");
            assertThat(e.kind()).isEqualTo(ExamFile.OGE); // no exam column: the ОГЭ
            assertThat(e.mean()).isEqualTo(3.9);
            assertThat(e.shares()[3]).isEqualTo(0.25, within(1e-12));
        });
    }

    @Test
    void aHeaderWithoutARequiredColumnUsesNothing() {
        ExamFile f = ExamFile.parse("school;subject;year;n\nsch220001;RU;2026;20\n".getBytes(StandardCharsets.UTF_8));
        assertThat(f.entries()).isEmpty();
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.messageRu()).isEqualTo("в заголовке нет столбца «средний балл»: файл не использован");
            assertThat(p.messageEn()).isEqualTo("the header has no column 'mean': the file is not used");
        });
    }

    @Test
    void idsMappedLikeTheInputs() {
        ExamFile f = ExamFile.parse("school;subject;year;mean;n\nsch220001;RU;2026;20;20\nsch220002;RU;2026;20;20\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(ExamFile.mapped(f, Map.of("sch220001", "edu220001")).entries()).extracting(ExamFile.Entry::schoolId)
                .containsExactly("edu220001", "sch220002");
    }

    @Test
    void observedSchools() {
        ObservedFile f = ObservedFile.parse(("школа;сессия;предмет;класс\nsch220001;2025-spring\nsch220002;2025;математика;4\n"
                + "sch220003;2025;химия;12\nsch220004;весна 2025\n;2025\nsch220005;2025;рисование\n").getBytes(StandardCharsets.UTF_8));
        assertThat(f.entries()).containsExactly(new ObservedFile.Entry(2, "sch220001", "2025-spring", null, null),
                new ObservedFile.Entry(3, "sch220002", "2025-spring", "MA", 4));
        assertThat(f.problems()).extracting(p -> p.line() + " " + p.describeRu()).containsExactly(
                "4 столбец «4» («12»): класс должен быть числом от 4 до 11",
                "5 столбец «2» («весна 2025»): сессия должна выглядеть как 2025-spring или 2025",
                "6 столбец «1» («»): нет логина школы",
                "7 столбец «3» («рисование»): предмет не распознан");
    }
}
