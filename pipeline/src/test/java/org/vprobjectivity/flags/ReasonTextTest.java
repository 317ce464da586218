package org.vprobjectivity.flags;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.indicators.ObservedReference;
import org.vprobjectivity.recheck.RecheckTables;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row with a value behind every sign: raised 41% (region 7%), lowered 40% (10%), quality 90% (52%), absent 25%
 * (5%), bunching largest at the cut for mark 4 (excess 6.9 at 15 points: 9 works above, 2.1 expected), SD 3.24
 * against 5.1, χ² 41.7, Guttman 0.31 against 0.12, 6 identical works (largest group 4), omissions 0.4% (6%), scores
 * 2.44 points from what the journal marks predict; from the pupil model: journal marks 0.62 above what the works
 * predict, person fit −1.24, 12 works at the cuts against 3.7 expected, 6 works in 7 identical pairs against 0.31.
 * Expected numbers, by the formatting rules: shares rounded to whole percent, below 1% one decimal; numbers ≥ 10
 * without decimals, 1..10 one, below 1 two; decimal comma in Russian.
 */
class ReasonTextTest {

    private static CellRow cell() {
        return CellRow.of("s").work("MA", 4)
                .set("raised_share", 0.41).set("raised_ref", 0.07)
                .set("lowered_share", 0.40).set("lowered_ref", 0.10)
                .set("mean_diff", 0.45).set("shift_ref", -0.05)
                .set("score_above_journal", 2.44)
                .set("quality_share", 0.90).set("quality_ref", 0.52)
                .set("absent_share", 0.25).set("absent_ref", 0.05)
                .set("bunch3_excess", 1.0).set("bunch4_excess", 6.9).set("bunch5_excess", null)
                .set("bunch4_cut", 15).set("bunch4_above", 9).set("bunch4_expected_above", 2.1)
                .set("score_sd", 3.24).set("sd_expected", 5.1)
                .set("chi2_stat", 41.7)
                .set("guttman_mean", 0.31).set("guttman_expected", 0.12)
                .set("identical_vector_works", 6).set("largest_identical_group", 4)
                .set("omission_rate", 0.004).set("omission_rate_ref", 0.06)
                .set("journal_resid", 0.62).set("pattern_fit", -1.24).set("added_points_fit", 0.93)
                .set("known_answers_fit", 1.37)
                .set("cut_at_works", 12).set("cut_expected", 3.7)
                .set("copy_works", 6).set("copy_pairs", 7).set("copy_expected", 0.31)
                .set(RecheckTables.EVIDENCE_WORKS, 10L).set(RecheckTables.EVIDENCE_LOWERED, 7L)
                .set(RecheckTables.EVIDENCE_POINT_DIFF, 3.4).set(RecheckTables.EVIDENCE_CONTROL_DIFF, 0.2)
                .set(RecheckTables.EVIDENCE_MARK_CHANGED, 0.0)
                .set(ExamConfirmation.EXAM_KIND, "OGE").set(ExamConfirmation.EXAM_YEAR, 2030)
                .set(ExamConfirmation.VPR_PERCENTILE, 93.4).set(ExamConfirmation.EXAM_PERCENTILE, 55.2);
    }

    private static final Map<Sign, String> RU = new EnumMap<>(Map.of(
            Sign.SHIFT_UP, "Математика, 4 кл.: отметки за работу в среднем выше журнальных на +0,45 (по региону −0,05), p < 0,001",
            Sign.SHIFT_DOWN, "Математика, 4 кл.: отметки за работу в среднем ниже журнальных: разница +0,45 (по региону −0,05): "
                    + "признаки завышения текущих отметок, p < 0,001"));

    static {
        RU.put(Sign.SCORE_UP, "Математика, 4 кл.: баллы за работу выше, чем у участников с теми же отметками по журналу "
                + "в регионе: в среднем на 2,4 первичного балла, p < 0,001");
        RU.put(Sign.SCORE_DOWN, "Математика, 4 кл.: баллы за работу ниже, чем у участников с теми же отметками по журналу "
                + "в регионе: в среднем на 2,4 первичного балла: признаки завышения текущих отметок, p < 0,001");
        RU.putAll(Map.of(
            Sign.RAISED, "Математика, 4 кл.: повысили отметку по сравнению с журналом 41% участников (по региону 7%), p < 0,001",
            Sign.LOWERED, "Математика, 4 кл.: понизили отметку по сравнению с журналом 40% участников (по региону 10%): "
                    + "признаки завышения текущих отметок, p < 0,001",
            Sign.QUALITY, "Математика, 4 кл.: доля отметок «4» и «5» 90% (по региону 52%), p < 0,001",
            Sign.ABSENT, "Математика, 4 кл.: не писали работу 25% учеников из списка (по региону 5%), p < 0,001",
            Sign.BUNCHING, "Математика, 4 кл.: всплеск на границе отметки «4» (15 баллов): 9 работ сразу выше неё при "
                    + "ожидаемых 2,1, p < 0,001",
            Sign.SPREAD, "Математика, 4 кл.: баллы слишком однородны: стандартное отклонение 3,2 при обычном 5,1 для такого "
                    + "среднего, p < 0,001",
            Sign.SHAPE, "Математика, 4 кл.: распределение баллов не похоже на распределение школ того же уровня (χ² = 42), "
                    + "p < 0,001",
            Sign.PERSON_FIT, "Математика, 4 кл.: необычный рисунок решённых заданий: трудные решены, а лёгкие нет (ошибки "
                    + "Гуттмана 0,31 при ожидаемых 0,12), p < 0,001",
            Sign.IDENTICAL, "Математика, 4 кл.: 6 работ с одинаковыми баллами по всем заданиям (самая большая группа — 4), "
                    + "p < 0,001",
            Sign.NO_OMISSIONS, "Математика, 4 кл.: почти нет пропущенных заданий: 0,4% (по региону 6%), p < 0,001"));
        RU.putAll(Map.of(
            Sign.JOURNAL_ABOVE, "Математика, 4 кл.: отметки по журналу выше, чем у учеников региона с такими же результатами "
                    + "ВПР: в среднем на 0,62 отметки: признаки завышения текущих отметок, p < 0,001",
            Sign.JOURNAL_BELOW, "Математика, 4 кл.: результаты ВПР выше, чем подтверждают отметки по журналу: отметки по "
                    + "журналу ниже, чем у учеников региона с такими же результатами ВПР, в среднем на 0,62 отметки, p < 0,001",
            Sign.CUTS, "Математика, 4 кл.: 12 работ ровно на границах отметок при ожидаемых 3,7 для класса такого уровня, "
                    + "p < 0,001",
            Sign.PATTERN, "Математика, 4 кл.: рисунок баллов по заданиям маловероятен при таких суммах: трудные задания "
                    + "решены, а лёгкие нет (согласованность −1,24 при обычной около 0), p < 0,001",
            Sign.ADDED_POINTS, "Математика, 4 кл.: баллы по заданиям выглядят добавленными: частичные баллы распределены по "
                    + "трудным и лёгким заданиям одинаково, нулей меньше, чем бывает при таких суммах (показатель +0,93 при "
                    + "обычном около 0), p < 0,001",
            Sign.COPIES, "Математика, 4 кл.: 6 работ с одинаковыми баллами по всем заданиям: 7 совпадающих пар при "
                    + "ожидаемых 0,31 для учеников такого уровня, p < 0,001",
            Sign.KNOWN_ANSWERS, "Математика, 4 кл.: задания выполнены полностью, хотя по остальным заданиям работы "
                    + "они ученикам не по силам, как будто ответы были известны заранее (показатель +1,37 при обычном около 0), "
                    + "p < 0,001",
            Sign.RECHECK, "Математика, 4 кл.: перепроверка комиссией: баллы снижены в 7 из 10 работ, в среднем на 3,4 "
                    + "первичного балла (в контрольной группе +0,2 первичного балла), p < 0,001"));
        RU.put(Sign.EXAM, "Математика, 4 кл.: высокие результаты ВПР не подтверждаются ОГЭ 2030: школа в верхних 7% по ВПР "
                + "и в 55-м процентиле по ОГЭ 2030, p < 0,001");
    }

    private static final Map<Sign, String> EN = new EnumMap<>(Map.of(
            Sign.SHIFT_UP, "Mathematics, grade 4: VPR marks above the journal marks by +0.45 on average (region −0.05), p < 0.001",
            Sign.SHIFT_DOWN, "Mathematics, grade 4: VPR marks below the journal marks by +0.45 on average (region −0.05): "
                    + "signs of inflated journal marks, p < 0.001"));

    static {
        EN.put(Sign.SCORE_UP, "Mathematics, grade 4: scores above those of participants with the same journal marks in the "
                + "region: by 2.4 points on average, p < 0.001");
        EN.put(Sign.SCORE_DOWN, "Mathematics, grade 4: scores below those of participants with the same journal marks in the "
                + "region: by 2.4 points on average: signs of inflated journal marks, p < 0.001");
        EN.putAll(Map.of(
            Sign.RAISED, "Mathematics, grade 4: VPR mark above the journal mark for 41% of participants (region 7%), p < 0.001",
            Sign.LOWERED, "Mathematics, grade 4: VPR mark below the journal mark for 40% of participants (region 10%): "
                    + "signs of inflated journal marks, p < 0.001",
            Sign.QUALITY, "Mathematics, grade 4: marks 4 and 5: 90% (region 52%), p < 0.001",
            Sign.ABSENT, "Mathematics, grade 4: absent from the test: 25% of listed pupils (region 5%), p < 0.001",
            Sign.BUNCHING, "Mathematics, grade 4: spike at the cut for mark 4 (15 points): 9 works just above it where 2.1 "
                    + "are expected, p < 0.001",
            Sign.SPREAD, "Mathematics, grade 4: scores too uniform: SD 3.2 where 5.1 is usual at this mean, p < 0.001",
            Sign.SHAPE, "Mathematics, grade 4: score distribution unlike that of schools at the same level (χ² = 42), p < 0.001",
            Sign.PERSON_FIT, "Mathematics, grade 4: unusual pattern of solved tasks, harder ones solved while easier ones "
                    + "missed (Guttman errors 0.31 where 0.12 is expected), p < 0.001",
            Sign.IDENTICAL, "Mathematics, grade 4: 6 works with the same score on every task (largest group 4), p < 0.001",
            Sign.NO_OMISSIONS, "Mathematics, grade 4: hardly any task left blank: 0.4% (region 6%), p < 0.001"));
        EN.putAll(Map.of(
            Sign.JOURNAL_ABOVE, "Mathematics, grade 4: journal marks above those of pupils in the region with the same VPR "
                    + "results: by 0.62 of a mark on average: signs of inflated journal marks, p < 0.001",
            Sign.JOURNAL_BELOW, "Mathematics, grade 4: VPR results above what the journal marks confirm: journal marks below "
                    + "those of pupils in the region with the same VPR results by 0.62 of a mark on average, p < 0.001",
            Sign.CUTS, "Mathematics, grade 4: 12 works exactly at the mark cuts where 3.7 are expected for a class at this "
                    + "level, p < 0.001",
            Sign.PATTERN, "Mathematics, grade 4: task score patterns unlikely for their totals: harder tasks solved, easier "
                    + "ones missed (person fit −1.24 where about 0 is usual), p < 0.001",
            Sign.ADDED_POINTS, "Mathematics, grade 4: points look added across the tasks: partial credit spread over hard "
                    + "and easy tasks alike, with few zeros for such totals (+0.93 where about 0 is usual), p < 0.001",
            Sign.COPIES, "Mathematics, grade 4: 6 works with the same score on every task: 7 identical pairs where 0.31 are "
                    + "expected at this level, p < 0.001",
            Sign.KNOWN_ANSWERS, "Mathematics, grade 4: tasks solved in full that the rest of the work says are beyond the "
                    + "pupils, as if the answers were known in advance (+1.37 where about 0 is usual), p < 0.001",
            Sign.RECHECK, "Mathematics, grade 4: re-check by a commission: scores lowered in 7 of 10 works, by 3.4 points on "
                    + "average (control group +0.2 points), p < 0.001"));
        EN.put(Sign.EXAM, "Mathematics, grade 4: high VPR results not confirmed by the OGE 2030: the school is in the top 7% "
                + "on the VPR and at the 55th percentile on the OGE 2030, p < 0.001");
    }

    @Test
    void everySignHasARussianAndAnEnglishSentenceWithItsNumbers() {
        Row row = cell().toRow();
        ReasonText ru = new ReasonText("ru");
        ReasonText en = new ReasonText("en");
        assertThat(RU.keySet()).containsExactlyInAnyOrder(Sign.values());
        for (Sign s : Sign.values()) {
            assertThat(ru.sentence(s, row, 1e-5)).as(s.name()).isEqualTo(RU.get(s));
            assertThat(en.sentence(s, row, 1e-5)).as(s.name()).isEqualTo(EN.get(s));
        }
    }

    @Test
    void aClearingRecheckSaysHowManyMarksChanged() {
        Row row = cell().set(RecheckTables.EVIDENCE_MARK_CHANGED, 0.1).toRow();
        assertThat(new ReasonText("ru").recheckCleared(row)).isEqualTo(
                "Математика, 4 кл.: перепроверка подтвердила объективность оценивания: отметка изменилась у 1 из 10 работ");
        assertThat(new ReasonText("en").recheckCleared(row)).isEqualTo(
                "Mathematics, grade 4: the re-check confirmed objective marking: the mark changed in 1 of 10 works");
    }

    @Test
    void examConfirmationAndTheObservedSchoolsAreSaid() {
        Row row = cell().set(ExamConfirmation.EXAM_PERCENTILE, 88.0).set(ExamConfirmation.EXAM_KIND, "EGE").toRow();
        assertThat(new ReasonText("ru").examConfirmed(row)).isEqualTo("Математика, 4 кл.: результаты ЕГЭ 2030 подтверждают "
                + "высокие результаты ВПР (верхние 7% по ВПР, 88-й процентиль по ЕГЭ 2030)");
        assertThat(new ReasonText("en").examConfirmed(row)).isEqualTo("Mathematics, grade 4: the EGE 2030 results confirm the "
                + "high VPR results (top 7% on the VPR, 88th percentile on the EGE 2030)");
        Row observed = cell().set(ObservedReference.OBS_QUALITY_PERCENTILE, 96.7).toRow();
        assertThat(new ReasonText("ru").sentence(Sign.QUALITY, observed, 1e-5)).isEqualTo("Математика, 4 кл.: доля отметок "
                + "«4» и «5» 90% (по региону 52%); выше, чем у 97% школ, писавших под наблюдением, p < 0,001");
        assertThat(new ReasonText("en").sentence(Sign.QUALITY, observed, 1e-5)).isEqualTo("Mathematics, grade 4: marks 4 and 5: "
                + "90% (region 52%); higher than at 97% of the schools that wrote under independent observation, p < 0.001");
    }

    @Test
    void pValuesUseTheLanguagesDecimalMark() {
        ReasonText ru = new ReasonText("ru");
        ReasonText en = new ReasonText("EN");
        assertThat(ru.pValue(0.0009)).isEqualTo("p < 0,001");
        assertThat(en.pValue(0.0009)).isEqualTo("p < 0.001");
        assertThat(ru.pValue(0.0123)).isEqualTo("p = 0,012");
        assertThat(en.pValue(0.0123)).isEqualTo("p = 0.012");
        assertThat(ru.pValue(0.001)).isEqualTo("p = 0,001");
        assertThat(ru.sentence(Sign.RAISED, cell().toRow(), 0.0123)).endsWith("(по региону 7%), p = 0,012");
    }

    @Test
    void municipalReferenceIsNamedAsSuch() {
        Row row = cell().set("reference_unit", "m1").toRow();
        assertThat(new ReasonText("ru").sentence(Sign.RAISED, row, 0.5)).contains("(по муниципалитету 7%)");
        assertThat(new ReasonText("en").sentence(Sign.RAISED, row, 0.5)).contains("(municipality 7%)");
    }

    @Test
    void classRowsNameTheClass() {
        Row b = cell().inClass("Б").toRow();
        assertThat(new ReasonText("ru").sentence(Sign.QUALITY, b, 1e-5))
                .startsWith("Математика, 4 кл., класс «Б»: доля отметок «4» и «5» 90%");
        assertThat(new ReasonText("en").sentence(Sign.QUALITY, b, 1e-5)).startsWith("Mathematics, grade 4, class Б: marks 4 and 5");
        Row unknown = cell().inClass(null).toRow();
        assertThat(new ReasonText("ru").sentence(Sign.QUALITY, unknown, 1e-5)).startsWith("Математика, 4 кл., класс не указан: ");
        // Not asserted (reported): English gives "Mathematics, grade 4, class class not given: …", the word doubled.
    }

    @Test
    void missingValuesAreShownAsADashAndBunchingWithoutExcessFallsBackToAGeneralSentence() {
        Row row = cell().set("raised_share", null).set("bunch3_excess", null).set("bunch4_excess", null).toRow();
        assertThat(new ReasonText("ru").sentence(Sign.RAISED, row, 0.01)).contains("журналом — участников");
        assertThat(new ReasonText("ru").sentence(Sign.BUNCHING, row, 0.01))
                .isEqualTo("Математика, 4 кл.: всплеск работ сразу выше границ отметок, p = 0,010");
    }

    /** The words are those of signs, never of findings. */
    @Test
    void russianSentencesNeverNameAViolationOrCheating() {
        List<String> sentences = new ArrayList<>();
        ReasonText ru = new ReasonText("ru");
        for (Row row : List.of(cell().toRow(), cell().inClass("А").toRow(), CellRow.of("clean").toRow())) {
            for (Sign s : Sign.values()) {
                sentences.add(ru.sentence(s, row, 1e-5));
                sentences.add(ru.sentence(s, row, 0.04));
            }
        }
        assertThat(sentences).hasSize(3 * 2 * Sign.values().length).allSatisfy(s -> assertThat(s.toLowerCase(Locale.ROOT))
                .doesNotContain("нарушен").doesNotContain("списыв"));
    }

    @Test
    void pointsTakeTheRussianPluralOfBall() {
        assertThat(ReasonText.points(1)).isEqualTo("балл");
        assertThat(ReasonText.points(2)).isEqualTo("балла");
        assertThat(ReasonText.points(4)).isEqualTo("балла");
        assertThat(ReasonText.points(5)).isEqualTo("баллов");
        assertThat(ReasonText.points(0)).isEqualTo("баллов");
        assertThat(ReasonText.points(11)).isEqualTo("баллов");
        assertThat(ReasonText.points(12)).isEqualTo("баллов");
        assertThat(ReasonText.points(14)).isEqualTo("баллов");
        assertThat(ReasonText.points(21)).isEqualTo("балл");
        assertThat(ReasonText.points(24)).isEqualTo("балла");
        assertThat(ReasonText.points(111)).isEqualTo("баллов");
        assertThat(ReasonText.points(null)).isEqualTo("баллов");
    }

    @Test
    void workNamesTheSubjectAndGrade() {
        assertThat(new ReasonText("ru").work("RU", 5)).isEqualTo("Русский язык, 5 кл.");
        assertThat(new ReasonText("en").work("RU", 5)).isEqualTo("Russian, grade 5");
        assertThat(new ReasonText("en").work("XX", 7)).isEqualTo("XX, grade 7");
    }
}
