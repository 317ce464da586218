package org.vprobjectivity.flags;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.recheck.RecheckTables;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.stats.Tails;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A default {@link CellRow} ("clean") has every p-value 0.5 and every effect at the reference: every group is
 * Simes{0.5, …} = 0.5, p_combined = truncated Cauchy{0.5, …} = 0.5 (every term cot(π/4) = 1, T = 1), p_independent = 0.5 &gt; support_p,
 * so p_results = max(0.5, 0.5) = 0.5. Without {@link CellRow#fitted()} the pupil model is not fitted and the indicator
 * families' signs are used.
 */
class CellScoringTest {

    private final SparkSession spark = SparkTestSession.get();
    private final FlagConfig config = new FlagConfig();

    private Map<String, Row> score(CellRow... rows) {
        return CellScoring.score(CellRow.table(spark, Arrays.asList(rows)), config).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
    }

    /** 30 clean cells plus the given ones, through {@link CellFlags#compute}, by school id. */
    private Map<String, Row> flags(CellRow... special) {
        List<CellRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(CellRow.of(String.format("clean%02d", i)));
        }
        rows.addAll(Arrays.asList(special));
        Map<String, Row> out = CellFlags.compute(CellRow.table(spark, rows), Keys.SCHOOL, config, "ru").collectAsList()
                .stream().collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        assertThat(out).hasSize(rows.size());
        for (int i = 0; i < 30; i++) {
            Row clean = out.get(String.format("clean%02d", i));
            assertThat(clean.<Boolean>getAs("flagged")).isFalse();
            assertThat(clean.<Double>getAs("p_results")).isCloseTo(0.5, within(1e-12));
        }
        return out;
    }

    private static <T> List<T> list(Row r, String column) {
        return r.getList(r.fieldIndex(column));
    }

    private static double d(Row r, String column) {
        return r.<Double>getAs(column);
    }

    @Test
    void signsUnderTheirFloorAreNotPracticallyRelevantAndShareSignsOfSmallCellsAreNotTested() {
        Map<String, Row> rows = score(
                // raised 7 points above the reference: under the 10-point floor
                CellRow.of("under").set("raised_p", 1e-6).set("raised_share", 0.15).set("raised_ref", 0.08)
                        .set("score_sd", 4.5).set("sd_p", 0.01) // 10% below the expected SD: under the 15% floor
                        .set("identical_vector_works", 2).set("identical_p", 0.01) // 2 < 3
                        .set("bunch3_excess", 0.5).set("bunch4_excess", 1.0).set("bunch_total_p", 0.01), // 1.5 < 2
                CellRow.of("over").set("raised_p", 1e-6).set("raised_share", 0.30).set("raised_ref", 0.08)
                        .set("score_sd", 4.0).set("sd_p", 0.01) // 20% below
                        .set("identical_vector_works", 3).set("identical_p", 0.02)
                        .set("bunch3_excess", 0.6).set("bunch4_excess", 1.5).set("bunch5_excess", null) // 2.1, null as 0
                        .set("bunch_total_p", 0.03)
                        .set("chi2_p", 0.04),
                CellRow.of("small").set("small_cell", true).set("works", 6)
                        .set("raised_p", 1e-6).set("raised_share", 0.30).set("raised_ref", 0.08)
                        .set("quality_p", 1e-6).set("quality_share", 0.90)
                        .set("guttman_p", 0.01),
                CellRow.of("missing").set("raised_p", null).set("raised_share", 0.30).set("guttman_p", null)
                        .set("score_sd", null).set("sd_p", 0.01));
        Row under = rows.get("under");
        // p-values are kept as they are; the floors decide only whether the sign is practically relevant
        assertThat(d(under, "sign_raised_p")).isEqualTo(1e-6);
        assertThat(under.<Boolean>getAs("sign_raised_effect")).isFalse();
        assertThat(under.<Boolean>getAs("sign_spread_effect")).isFalse();
        assertThat(under.<Boolean>getAs("sign_identical_effect")).isFalse();
        assertThat(under.<Boolean>getAs("sign_bunching_effect")).isFalse();
        assertThat(under.<Boolean>getAs("practical_results")).isFalse(); // every p < 0.05 has its effect under the floor
        Row over = rows.get("over");
        assertThat(d(over, "sign_raised_p")).isEqualTo(1e-6);
        assertThat(over.<Boolean>getAs("sign_raised_effect")).isTrue();
        assertThat(over.<Boolean>getAs("sign_spread_effect")).isTrue();
        assertThat(over.<Boolean>getAs("sign_identical_effect")).isTrue();
        assertThat(over.<Boolean>getAs("sign_bunching_effect")).isTrue();
        assertThat(over.<Boolean>getAs("sign_shape_effect")).isTrue(); // no floor
        assertThat(over.<Boolean>getAs("practical_results")).isTrue();
        Row small = rows.get("small");
        assertThat(small.<Double>getAs("sign_raised_p")).isNull();
        assertThat(small.<Double>getAs("sign_quality_p")).isNull();
        assertThat(small.<Double>getAs("sign_absent_p")).isNull();
        assertThat(small.<Double>getAs("sign_lowered_p")).isNull();
        assertThat(small.<Double>getAs("p_journal")).isNull();
        assertThat(small.<Boolean>getAs("practical_journal")).isFalse();
        assertThat(small.<Double>getAs(CellScoring.groupColumn(SignGroup.JOURNAL))).isNull();
        assertThat(small.<Double>getAs(CellScoring.groupColumn(SignGroup.HIGH))).isNull();
        assertThat(d(small, "sign_person_fit_p")).isEqualTo(0.01); // task patterns are tested in small cells
        Row missing = rows.get("missing");
        assertThat(missing.<Double>getAs("sign_raised_p")).isNull();
        assertThat(missing.<Double>getAs("sign_person_fit_p")).isNull();
        // a missing effect does not reach the floor
        assertThat(d(missing, "sign_spread_p")).isEqualTo(0.01);
        assertThat(missing.<Boolean>getAs("sign_spread_effect")).isFalse();
    }

    /**
     * Signs: quality 0.02, raised 0.0005 (mean shift up and score residual 0.5), bunching 0.01, spread 0.03, shape 0.2,
     * person fit 0.04, identical 0.002, omissions 0.5, absent 0.3. Groups (Simes, k·p_(i)/i):
     * high 0.02; journal Simes{0.0005, 0.5, 0.5} = 0.0015; distribution {0.01, 0.03, 0.2}: min(0.03, 0.045, 0.2) = 0.03;
     * tasks {0.002, 0.04, 0.5}: min(0.006, 0.06, 0.5) = 0.006; participation 0.3.
     * Across groups the truncated Cauchy combination: T = (1/5) Σ cot(πp/2) = (1/5)(cot(0.00075π) + cot(0.003π)
     * + cot(0.01π) + cot(0.015π) + cot(0.15π)) = (424.41 + 106.10 + 31.821 + 21.205 + 1.9626)/5 = 117.10,
     * p = (2/π)·arctan(1/117.10) = 0.005436.
     * Independent {0.0015, 0.006, 0.03, 0.3}: min(0.006, 0.012, 0.04, 0.3) = 0.006 ≤ support_p 0.01, so the high
     * results count: p_results = p_combined.
     */
    @Test
    void groupsAreSimesOfTheirMembersAndTheCellCombinesGroupsByTheTruncatedCauchyCombination() {
        Row r = score(CellRow.of("s")
                .set("quality_p", 0.02).set("quality_share", 0.70)
                .set("raised_p", 0.0005).set("raised_share", 0.30)
                .set("bunch_total_p", 0.01).set("bunch4_excess", 3.0)
                .set("sd_p", 0.03).set("score_sd", 3.0)
                .set("chi2_p", 0.2)
                .set("guttman_p", 0.04)
                .set("identical_p", 0.002).set("identical_vector_works", 4)
                .set("absent_p", 0.3).set("absent_share", 0.15)).get("s");
        assertThat(d(r, CellScoring.groupColumn(SignGroup.HIGH))).isCloseTo(0.02, within(1e-15));
        assertThat(d(r, CellScoring.groupColumn(SignGroup.JOURNAL))).isCloseTo(0.0015, within(1e-15))
                .isCloseTo(Tails.simes(new double[] {0.0005, 0.5, 0.5}), within(1e-15));
        assertThat(d(r, CellScoring.groupColumn(SignGroup.DISTRIBUTION))).isCloseTo(0.03, within(1e-15))
                .isCloseTo(Tails.simes(new double[] {0.01, 0.03, 0.2}), within(1e-15));
        assertThat(d(r, CellScoring.groupColumn(SignGroup.TASKS))).isCloseTo(0.006, within(1e-15))
                .isCloseTo(Tails.simes(new double[] {0.04, 0.002, 0.5}), within(1e-15));
        assertThat(d(r, CellScoring.groupColumn(SignGroup.PARTICIPATION))).isCloseTo(0.3, within(1e-15));
        assertThat(d(r, "p_combined")).isCloseTo(0.005436, within(1e-6))
                .isCloseTo(Tails.truncatedCauchy(new double[] {0.02, 0.0015, 0.03, 0.006, 0.3}), within(1e-15));
        assertThat(d(r, "p_independent")).isCloseTo(0.006, within(1e-15));
        assertThat(d(r, "p_results")).isCloseTo(d(r, "p_combined"), within(1e-15));
        assertThat(d(r, "p_journal")).isCloseTo(0.5, within(1e-15)); // Simes{lowered, shift down, residual down: 0.5}
        assertThat(r.<Boolean>getAs("practical_journal")).isFalse();
    }

    /**
     * Only raised marks: journal group Simes{1e-6, 0.5, 0.5} = 3e-6, groups {0.5, 3e-6, 0.5, 0.5, 0.5}: the four
     * 0.5 add tan(0) = 0, so T = cot(3e-6·π)/5 ≈ 1/(5·3e-6·π) and p ≈ 1/(πT) = 5·3e-6 = 1.5e-5, Bonferroni's price for
     * one strong group among five. Independent {3e-6, 0.5, 0.5, 0.5}: 1.2e-5, under support_p, so p_results = p_combined.
     */
    @Test
    void oneStrongGroupCostsAboutTheNumberOfGroups() {
        Row r = score(CellRow.of("s").set("raised_p", 1e-6).set("raised_share", 0.30)).get("s");
        assertThat(d(r, "p_combined")).isCloseTo(1.5e-5, within(1e-9));
        assertThat(d(r, "p_independent")).isCloseTo(1.2e-5, within(1e-18));
        assertThat(d(r, "p_results")).isCloseTo(d(r, "p_combined"), within(1e-18));
    }

    @Test
    void cleanGroupsCombineToOneHalf() {
        Row r = score(CellRow.of("clean")).get("clean");
        assertThat(d(r, "p_combined")).isCloseTo(0.5, within(1e-15));
        assertThat(d(r, "p_independent")).isCloseTo(0.5, within(1e-15));
    }

    /**
     * Where the reference's model is fitted, its signs replace the indicator families' that look at the same thing:
     * a raised share at p = 1e-9 is not used, works at the cuts at p = 1e-9 are (distribution group 1e-9, the other
     * groups 0.5: p_combined ≈ 5·1e-9), and journal marks above what the works predict make the journal kind.
     */
    @Test
    void theModelsSignsReplaceTheFamiliesWhereTheModelIsFitted() {
        Map<String, Row> out = flags(
                CellRow.of("fittedRaised").fitted().set("raised_p", 1e-9).set("raised_share", 0.50),
                CellRow.of("fittedCuts").fitted().set("cut_p", 1e-9).set("cut_at_works", 12).set("cut_expected", 3.0),
                CellRow.of("fittedJournal").fitted().set("journal_above_p", 1e-9).set("journal_resid", 0.7));
        Row raised = out.get("fittedRaised");
        assertThat(raised.<Double>getAs("sign_raised_p")).isNull();
        assertThat(d(raised, "sign_journal_below_p")).isEqualTo(0.5);
        assertThat(raised.<Boolean>getAs("flagged")).isFalse();
        Row cuts = out.get("fittedCuts");
        assertThat(cuts.<Double>getAs("sign_bunching_p")).isNull();
        assertThat(d(cuts, "p_results")).isCloseTo(5e-9, within(1e-12));
        assertThat(cuts.<String>getAs("flag_kind")).isEqualTo(CellFlags.INFLATED_RESULTS);
        assertThat(list(cuts, "reason_signs")).containsExactly("CUTS");
        Row journal = out.get("fittedJournal");
        assertThat(journal.<Double>getAs("sign_lowered_p")).isNull();
        assertThat(d(journal, "p_journal")).isEqualTo(1e-9);
        assertThat(journal.<String>getAs("flag_kind")).isEqualTo(CellFlags.INFLATED_JOURNAL);
        // the risk score ranks the journal kind too: −log10 of its p doubled for the two kinds
        assertThat(d(journal, "risk_score")).isCloseTo(-Math.log10(2e-9), within(1e-9));
        assertThat(CellScoringTest.<String>list(journal, "reasons").get(0)).contains("отметки по журналу выше");
    }

    /**
     * Quality 40 points above the reference with p = 1e-12 and nothing else: p_combined ≈ 5·1e-12, but
     * p_independent = 0.5 (the clean groups, see the class comment) > support_p, so p_results = max(p_combined, 0.5):
     * not flagged. With a raised share of 50% against 8% (p = 1e-9) the journal group (Simes{1e-9, 0.5, 0.5} = 3e-9) joins:
     * p_independent = Simes{3e-9, 0.5, 0.5, 0.5} = 1.2e-8 ≤ support_p, so p_results = p_combined = truncated Cauchy{1e-12, 3e-9,
     * 0.5, 0.5, 0.5}; the kind's p in the one family of both kinds is twice that, and its q-value among 32 cells
     * (the clean ones at p_any = 1) is 32·2·p_results ≪ 0.05.
     */
    @Test
    void aConfirmedRecheckIsAnIndependentSignAndAClearingOneLiftsTheFlag() {
        Map<String, Row> out = flags(
                // high results plus a re-check that lowered 8 of 10 works by 3 points (control +0.1): flagged
                CellRow.of("confirmed").set("quality_p", 1e-12).set("quality_share", 0.90)
                        .set(RecheckTables.EVIDENCE_P, 1e-6).set(RecheckTables.EVIDENCE_WORKS, 10L)
                        .set(RecheckTables.EVIDENCE_LOWERED, 8L).set(RecheckTables.EVIDENCE_POINT_DIFF, 3.0)
                        .set(RecheckTables.EVIDENCE_CONTROL_DIFF, 0.1).set(RecheckTables.EVIDENCE_MARK_CHANGED, 0.6)
                        .set(RecheckTables.EVIDENCE_CLEARED, false),
                // the same sign as "raised" below would flag, but the re-check found every mark as the school gave it
                CellRow.of("cleared").set("quality_p", 1e-12).set("quality_share", 0.90)
                        .set("raised_p", 1e-9).set("raised_share", 0.50)
                        .set(RecheckTables.EVIDENCE_P, 0.5).set(RecheckTables.EVIDENCE_WORKS, 12L)
                        .set(RecheckTables.EVIDENCE_LOWERED, 1L).set(RecheckTables.EVIDENCE_POINT_DIFF, 0.1)
                        .set(RecheckTables.EVIDENCE_CONTROL_DIFF, 0.1).set(RecheckTables.EVIDENCE_MARK_CHANGED, 0.0)
                        .set(RecheckTables.EVIDENCE_CLEARED, true),
                // weak pupils kept at home (40% absent, p = 1e-12): the commission rightly changes no mark, which says
                // nothing about who was absent, so the flag stays, with the re-check's finding said first
                CellRow.of("kept home").set("quality_p", 1e-12).set("quality_share", 0.90)
                        .set("absent_p", 1e-12).set("absent_share", 0.40)
                        .set(RecheckTables.EVIDENCE_P, 0.5).set(RecheckTables.EVIDENCE_WORKS, 12L)
                        .set(RecheckTables.EVIDENCE_LOWERED, 0L).set(RecheckTables.EVIDENCE_POINT_DIFF, 0.0)
                        .set(RecheckTables.EVIDENCE_CONTROL_DIFF, 0.1).set(RecheckTables.EVIDENCE_MARK_CHANGED, 0.0)
                        .set(RecheckTables.EVIDENCE_CLEARED, true));
        Row keptHome = out.get("kept home");
        assertThat(keptHome.<Boolean>getAs("flagged_results")).isTrue();
        assertThat(list(keptHome, "reason_signs")).startsWith(CellReasons.RECHECK_CLEARED).contains("ABSENT");
        Row confirmed = out.get("confirmed");
        assertThat(d(confirmed, CellScoring.groupColumn(SignGroup.RECHECK))).isCloseTo(1e-6, within(1e-18));
        assertThat(d(confirmed, "p_independent")).isCloseTo(5e-6, within(1e-18)); // Simes over five independent groups
        assertThat(confirmed.<Boolean>getAs("flagged_results")).isTrue();
        assertThat(list(confirmed, "reason_signs")).contains("RECHECK");

        Row cleared = out.get("cleared");
        assertThat(d(cleared, "p_results")).isLessThan(1e-7); // the evidence stays as it was
        assertThat(cleared.<Boolean>getAs("flagged_results")).isFalse();
        assertThat(cleared.<Boolean>getAs("flagged")).isFalse();
        assertThat(list(cleared, "reason_signs").get(0)).isEqualTo(CellReasons.RECHECK_CLEARED);
        assertThat(CellScoringTest.<String>list(cleared, "reasons").get(0)).contains("перепроверка подтвердила объективность оценивания")
                .contains("у 0 из 12 работ");
    }

    /**
     * Outside confirmation: high results (quality p = 1e-12) with a later exam that does not confirm them (exam_gap_p =
     * 1e-6, 95th percentile on the VPR, 40th on the exam, 1.5 z below the line): the exam group is independent,
     * p_independent = Simes{0.5, 0.5, 0.5, 0.5, 1e-6} = 5e-6, flagged. The same high results with an exam that confirms
     * them (p = 0.6): no sign, p_independent = Simes{0.5, 0.5, 0.5, 0.5, 0.6} = 0.6, not flagged, and the confirmation is said. The 30 clean cells have no exam columns at all (null):
     * their p-values stay 0.5, as without {@code --exam}.
     */
    @Test
    void anExamThatDoesNotConfirmHighResultsIsAnIndependentSignAndOneThatConfirmsThemIsSaid() {
        Map<String, Row> out = flags(
                CellRow.of("unconfirmed").set("quality_p", 1e-12).set("quality_share", 0.90)
                        .set(ExamConfirmation.EXAM_GAP_P, 1e-6).set(ExamConfirmation.VPR_PERCENTILE, 95.0)
                        .set(ExamConfirmation.EXAM_PERCENTILE, 40.0).set(ExamConfirmation.EXAM_Z, -0.3)
                        .set(ExamConfirmation.EXAM_EXPECTED_Z, 1.2).set(ExamConfirmation.EXAM_CONFIRMS, false)
                        .set(ExamConfirmation.EXAM_KIND, "OGE").set(ExamConfirmation.EXAM_YEAR, 2030),
                CellRow.of("confirmed").set("quality_p", 1e-12).set("quality_share", 0.90)
                        .set(ExamConfirmation.EXAM_GAP_P, 0.6).set(ExamConfirmation.VPR_PERCENTILE, 95.0)
                        .set(ExamConfirmation.EXAM_PERCENTILE, 90.0).set(ExamConfirmation.EXAM_Z, 1.3)
                        .set(ExamConfirmation.EXAM_EXPECTED_Z, 1.2).set(ExamConfirmation.EXAM_CONFIRMS, true)
                        .set(ExamConfirmation.EXAM_KIND, "OGE").set(ExamConfirmation.EXAM_YEAR, 2030));
        Row unconfirmed = out.get("unconfirmed");
        assertThat(d(unconfirmed, CellScoring.groupColumn(SignGroup.EXAM))).isCloseTo(1e-6, within(1e-18));
        assertThat(d(unconfirmed, "p_independent")).isCloseTo(5e-6, within(1e-18));
        assertThat(unconfirmed.<Boolean>getAs(Sign.EXAM.effectColumn())).isTrue();
        assertThat(unconfirmed.<Boolean>getAs("flagged_results")).isTrue();
        assertThat(list(unconfirmed, "reason_signs")).containsExactly("QUALITY", "EXAM");
        assertThat(CellScoringTest.<String>list(unconfirmed, "reasons").get(1))
                .contains("высокие результаты ВПР не подтверждаются ОГЭ 2030: школа в верхних 5% по ВПР и в 40-м процентиле");

        Row confirmed = out.get("confirmed");
        assertThat(d(confirmed, "p_independent")).isCloseTo(0.6, within(1e-12)); // Simes{0.5, 0.5, 0.5, 0.5, 0.6}
        assertThat(confirmed.<Boolean>getAs("flagged")).isFalse();
        assertThat(list(confirmed, "reason_signs")).containsExactly("QUALITY", CellReasons.EXAM_CONFIRMED);
        assertThat(CellScoringTest.<String>list(confirmed, "reasons").get(1))
                .isEqualTo("Математика, 4 кл.: результаты ОГЭ 2030 подтверждают высокие результаты ВПР (верхние 5% по ВПР, "
                        + "90-й процентиль по ОГЭ 2030)");
        assertThat(out.get("clean00").<Double>getAs(Sign.EXAM.signColumn())).isNull();
        assertThat(out.get("clean00").<Double>getAs(CellScoring.groupColumn(SignGroup.EXAM))).isNull();
    }

    @Test
    void highResultsAloneAreNotFlaggedButWithAnIndependentSignTheyAre() {
        Map<String, Row> out = flags(
                CellRow.of("high").set("quality_p", 1e-12).set("quality_share", 0.90),
                CellRow.of("highRaised").set("quality_p", 1e-12).set("quality_share", 0.90)
                        .set("raised_p", 1e-9).set("raised_share", 0.50));
        Row high = out.get("high");
        assertThat(d(high, "p_combined")).isLessThanOrEqualTo(1e-11);
        assertThat(d(high, "p_independent")).isCloseTo(0.5, within(1e-12));
        assertThat(d(high, "p_results")).isCloseTo(0.5, within(1e-12));
        assertThat(high.<Boolean>getAs("flagged")).isFalse();
        assertThat(high.<String>getAs("flag_kind")).isNull();
        assertThat(high.<Double>getAs("risk_score")).isCloseTo(0.0, within(1e-12)); // p of each kind doubled: 1
        // the reason is still written (p < reason_p), the cell is just not flagged
        assertThat(list(high, "reason_signs")).containsExactly("QUALITY");

        Row both = out.get("highRaised");
        double combined = Tails.truncatedCauchy(new double[] {1e-12, 3e-9, 0.5, 0.5, 0.5});
        assertThat(d(both, "p_independent")).isCloseTo(1.2e-8, within(1e-20));
        assertThat(d(both, "p_results")).isCloseTo(combined, within(combined * 1e-9));
        assertThat(d(both, "q_value")).isCloseTo(32 * 2 * combined, within(combined * 1e-7));
        assertThat(both.<Boolean>getAs("flagged")).isTrue();
        assertThat(both.<Boolean>getAs("flagged_results")).isTrue();
        assertThat(both.<Boolean>getAs("flagged_journal")).isFalse();
        assertThat(both.<String>getAs("flag_kind")).isEqualTo(CellFlags.INFLATED_RESULTS);
        assertThat(both.<Double>getAs("risk_score")).isCloseTo(-Math.log10(2 * combined), within(1e-9));
        assertThat(list(both, "reason_signs")).containsExactly("QUALITY", "RAISED");
        assertThat(list(both, "reason_p")).containsExactly(1e-12, 1e-9);
    }

    /**
     * A small cell (6 works) with every share sign at p = 1e-12: none is tested, groups high, journal and
     * participation are null, p_independent = Simes{0.5, 0.5} = 0.5, p_results = max(0.5, 0.5) = 0.5: never flagged.
     * With person fit p = 1e-12 it is: tasks = Simes{1e-12, 0.5, 0.5} = 3e-12, p_independent = Simes{0.5, 3e-12} =
     * 6e-12 ≤ support_p, p_results = p_combined = truncated Cauchy{0.5, 3e-12} ≈ 2·3e-12.
     */
    @Test
    void smallCellsAreNeverFlaggedOnSharesAloneButCanBeOnTaskPatterns() {
        Map<String, Row> out = flags(
                smallWithShares("smallShares"),
                smallWithShares("smallGuttman").set("guttman_p", 1e-12));
        Row shares = out.get("smallShares");
        assertThat(d(shares, "p_independent")).isCloseTo(0.5, within(1e-12));
        assertThat(d(shares, "p_results")).isCloseTo(0.5, within(1e-12));
        assertThat(shares.<Double>getAs("p_journal")).isNull();
        assertThat(shares.<Boolean>getAs("flagged")).isFalse();

        Row guttman = out.get("smallGuttman");
        assertThat(d(guttman, "p_independent")).isCloseTo(6e-12, within(1e-24));
        assertThat(d(guttman, "p_results")).isCloseTo(6e-12, within(1e-15))
                .isCloseTo(Tails.truncatedCauchy(new double[] {0.5, 3e-12}), within(1e-24));
        assertThat(guttman.<Boolean>getAs("flagged")).isTrue();
        assertThat(guttman.<String>getAs("flag_kind")).isEqualTo(CellFlags.INFLATED_RESULTS);
        assertThat(list(guttman, "reason_signs")).containsExactly("PERSON_FIT");
    }

    private static CellRow smallWithShares(String id) {
        return CellRow.of(id).set("small_cell", true).set("works", 6).set("n_journal", 6)
                .set("raised_p", 1e-12).set("raised_share", 0.67)
                .set("quality_p", 1e-12).set("quality_share", 1.0)
                .set("absent_p", 1e-12).set("absent_share", 0.40)
                .set("lowered_p", 1e-12).set("lowered_share", 0.50);
    }

    /** 3000 works, raised_p = 1e-15 but only 2 points above the reference: no flag; 12 points: flagged. */
    @Test
    void aTinyEffectInAHugeSchoolIsNotFlagged() {
        Map<String, Row> out = flags(
                CellRow.of("hugeTiny").set("works", 3000).set("n_journal", 3000)
                        .set("raised_p", 1e-15).set("raised_share", 0.10),
                CellRow.of("hugeReal").set("works", 3000).set("n_journal", 3000)
                        .set("raised_p", 1e-15).set("raised_share", 0.20));
        Row tiny = out.get("hugeTiny");
        // the p-value is tiny and stays so (it ranks high), but no sign is practically relevant: not flagged
        assertThat(d(tiny, "sign_raised_p")).isEqualTo(1e-15);
        assertThat(tiny.<Boolean>getAs("sign_raised_effect")).isFalse();
        assertThat(d(tiny, "q_value")).isLessThan(0.05);
        assertThat(tiny.<Boolean>getAs("practical_results")).isFalse();
        assertThat(tiny.<Boolean>getAs("flagged")).isFalse();
        // and it cannot rank above a cell that can be flagged: its risk is capped at −log10 reason_p
        assertThat(tiny.<Double>getAs("risk_score")).isCloseTo(-Math.log10(0.05), within(1e-12));
        assertThat(list(tiny, "reasons")).isEmpty();
        assertThat(out.get("hugeReal").<Boolean>getAs("flagged")).isTrue();
    }

    /**
     * Lowered share 40% against 10%, p = 1e-10: p_journal = Simes{1e-10, shift down 0.5, residual down 0.5} = 3e-10,
     * doubled for the two kinds (6e-10) in the one family; its q among 32 cells 32·6e-10/2 (two tied); p_results stays
     * 0.5 (the journal kind is in no group). A cell with both kinds gets "both".
     */
    @Test
    void inflatedJournalMarksAreTheirOwnKind() {
        Map<String, Row> out = flags(
                CellRow.of("journal").set("lowered_p", 1e-10).set("lowered_share", 0.40),
                CellRow.of("both").set("lowered_p", 1e-10).set("lowered_share", 0.40)
                        .set("raised_p", 1e-9).set("raised_share", 0.50));
        Row journal = out.get("journal");
        assertThat(d(journal, "p_journal")).isCloseTo(3e-10, within(1e-22));
        assertThat(d(journal, "p_results")).isCloseTo(0.5, within(1e-12));
        assertThat(d(journal, "q_value")).isCloseTo(32 * 6e-10 / 2, within(1e-20)); // rank 1 of 2 tied: min(32p/1, 32p/2)
        assertThat(journal.<Boolean>getAs("flagged_results")).isFalse();
        assertThat(journal.<Boolean>getAs("flagged_journal")).isTrue();
        assertThat(journal.<Boolean>getAs("flagged")).isTrue();
        assertThat(journal.<String>getAs("flag_kind")).isEqualTo(CellFlags.INFLATED_JOURNAL);
        assertThat(journal.<Double>getAs("risk_score_journal")).isCloseTo(-Math.log10(6e-10), within(1e-9));
        assertThat(journal.<Double>getAs("risk_score")).isCloseTo(-Math.log10(6e-10), within(1e-9));
        assertThat(list(journal, "reason_signs")).containsExactly("LOWERED");
        assertThat(CellScoringTest.<String>list(journal, "reasons").get(0)).contains("признаки завышения текущих отметок");
        assertThat(out.get("both").<String>getAs("flag_kind")).isEqualTo(CellFlags.BOTH);
    }

    @Test
    void riskIsMinusLog10OfPBoundedAt300AndZeroForMissing() {
        Dataset<Row> ps = spark.createDataFrame(List.of(
                org.apache.spark.sql.RowFactory.create("a", 1e-4), org.apache.spark.sql.RowFactory.create("b", 1.0),
                org.apache.spark.sql.RowFactory.create("c", 0.0), org.apache.spark.sql.RowFactory.create("d", null)),
                new org.apache.spark.sql.types.StructType().add("id", "string").add("p", "double"));
        Map<String, Double> risk = ps.withColumn("risk", CellScoring.riskOf(col("p"))).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("id"), r -> r.getAs("risk")));
        assertThat(risk.get("a")).isCloseTo(4.0, within(1e-12));
        assertThat(risk.get("b")).isCloseTo(0.0, within(1e-12));
        assertThat(risk.get("c")).isCloseTo(300.0, within(1e-12));
        assertThat(risk.get("d")).isEqualTo(0.0);
    }
}
