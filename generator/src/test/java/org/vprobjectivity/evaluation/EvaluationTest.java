package org.vprobjectivity.evaluation;

import org.junit.jupiter.api.Test;
import org.vprobjectivity.synthetic.GroundTruth;
import org.vprobjectivity.synthetic.GroundTruthRow;
import org.vprobjectivity.synthetic.ManipulationKind;
import org.vprobjectivity.synthetic.ManipulationLevel;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationTest {

    /**
     * Positives {3, 2, 2}, negatives {1, 2, 4}: 3 beats 1 and 2 (2), 2 beats 1 and ties 2 (1.5), the other 2 the same
     * (1.5): (2 + 1.5 + 1.5) / 9 = 5/9.
     */
    @Test
    void aucCountsTiesAsHalf() {
        assertThat(Evaluation.auc(new double[] {3, 2, 2}, new double[] {1, 2, 4})).isCloseTo(5.0 / 9, within(1e-15));
        assertThat(Evaluation.auc(new double[] {5}, new double[] {1, 2})).isEqualTo(1.0);
        assertThat(Evaluation.auc(new double[] {1}, new double[] {1, 1})).isEqualTo(0.5);
        assertThat(Evaluation.auc(new double[] {}, new double[] {1})).isNaN();
        assertThat(Evaluation.auc(new double[] {1}, new double[] {})).isNaN();
    }

    @Test
    void aucAgreesWithPairCountingOnRandomScores() {
        Random random = new Random(7);
        double[] pos = new double[57];
        double[] neg = new double[83];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = random.nextInt(12);
        }
        for (int i = 0; i < neg.length; i++) {
            neg[i] = random.nextInt(10);
        }
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        assertThat(Evaluation.auc(pos, neg)).isCloseTo(wins / (pos.length * neg.length), within(1e-12));
    }

    private static GroundTruthRow manipulated(String school, String subject, String cls, ManipulationKind kind) {
        return new GroundTruthRow("2025-spring", school, "m1", subject, 4, cls, kind, ManipulationLevel.CLASS, 5, false);
    }

    /**
     * <pre>
     * cell     truth (class, works)          risk res/jour  flagged res/jour  official
     * s1 MA 4  BLANKET_INFLATION (А, 25)     8 / 0          yes / no          yes
     * s1 RU 4  clean                         1 / 0          no / no           no
     * s2 MA 4  BLANKET_INFLATION (Б, 8)      2 / 0          no / no           yes
     * s3 MA 4  INFLATED_JOURNAL (А, 12)      0.5 / 6        no / yes          no
     * s4 MA 4  clean                         3 / 0          yes / no          no
     * s5 RU 4  clean                         0.2 / 0        no / no           yes
     * s6 MA 4  clean (strong school)         2 / 0          no / no           no
     * </pre>
     * BLANKET_INFLATION, cells: positives s1, s2; clean s1RU, s4, s5, s6 (s3 is neither). Recall 1/2; in classes of
     * ≥ 10 works only s1: 1/1; precision 1/(1 + s4) = 1/2; clean flag rate 1/4; AUC on the results risk:
     * 8 beats all four (4), 2 beats 1 and 0.2, ties 2 (2.5): 6.5/8. Official: recall 2/2, false mark s5: precision
     * 2/3, clean rate 1/4, balanced accuracy (1 + 1 − 1/4)/2 = 0.875.
     * INFLATED_JOURNAL: s3 against the same clean four, journal risk 6 against 0s: recall 1, precision 1, AUC 1.
     * All kinds: positives s1, s2, s3, flagged s1, s3: recall 2/3, precision 2/3; risk max of both: 8, 2, 6 against
     * 1, 3, 0.2, 2 → (4 + 2.5 + 4)/12 = 0.875.
     * Schools: manipulated s1 (risk 8, flagged), s2 (2, no), s3 (6, flagged); clean s4 (3, flagged), s5 (0.2), s6
     * (2): recall 2/3, precision 2/3, clean rate 1/3, AUC (3 + 3 + 1.5)/9; official s1, s2 / s5: recall 2/3,
     * precision 2/3, clean rate 1/3.
     */
    @Test
    void recallPrecisionAndCleanRatePerKindAndSchool() {
        List<Evaluation.Cell> cells = List.of(
                new Evaluation.Cell("s1", "MA", 4, 8, 0, true, false, true),
                new Evaluation.Cell("s1", "RU", 4, 1, 0, false, false, false),
                new Evaluation.Cell("s2", "MA", 4, 2, 0, false, false, true),
                new Evaluation.Cell("s3", "MA", 4, 0.5, 6, false, true, false),
                new Evaluation.Cell("s4", "MA", 4, 3, 0, true, false, false),
                new Evaluation.Cell("s5", "RU", 4, 0.2, 0, false, false, true),
                new Evaluation.Cell("s6", "MA", 4, 2, 0, false, false, false));
        GroundTruth truth = new GroundTruth(List.of(
                manipulated("s1", "MA", "А", ManipulationKind.BLANKET_INFLATION),
                manipulated("s2", "MA", "Б", ManipulationKind.BLANKET_INFLATION),
                manipulated("s3", "MA", "А", ManipulationKind.INFLATED_JOURNAL),
                new GroundTruthRow("2025-spring", "s6", "m1", null, null, null, null, null, null, true)));
        Map<String, Long> classWorks = Map.of("s1|MA|4|А", 25L, "s2|MA|4|Б", 8L, "s3|MA|4|А", 12L);
        Map<String, Evaluation.Line> lines = Evaluation.evaluate(cells, truth, classWorks).stream()
                .collect(Collectors.toMap(l -> l.level() + "/" + l.kind(), Function.identity()));
        assertThat(lines).hasSize(ManipulationKind.values().length + 2);

        Evaluation.Line blanket = lines.get("cell/BLANKET_INFLATION");
        assertThat(blanket.positives()).isEqualTo(2);
        assertThat(blanket.negatives()).isEqualTo(4);
        assertThat(blanket.recall()).isEqualTo(0.5);
        assertThat(blanket.recallLargeClasses()).isEqualTo(1.0);
        assertThat(blanket.precision()).isEqualTo(0.5);
        assertThat(blanket.cleanFlagRate()).isEqualTo(0.25);
        assertThat(blanket.auc()).isCloseTo(6.5 / 8, within(1e-15));
        assertThat(blanket.officialRecall()).isEqualTo(1.0);
        assertThat(blanket.officialPrecision()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(blanket.officialCleanRate()).isEqualTo(0.25);
        assertThat(blanket.officialAuc()).isCloseTo(0.875, within(1e-15));

        Evaluation.Line journal = lines.get("cell/INFLATED_JOURNAL");
        assertThat(journal.positives()).isEqualTo(1);
        assertThat(journal.recall()).isEqualTo(1.0);
        assertThat(journal.recallLargeClasses()).isEqualTo(1.0);
        assertThat(journal.precision()).isEqualTo(1.0);
        assertThat(journal.cleanFlagRate()).isEqualTo(0.0);
        assertThat(journal.auc()).isEqualTo(1.0);

        Evaluation.Line copied = lines.get("cell/COPIED_WORKS");
        assertThat(copied.positives()).isZero();
        assertThat(copied.recall()).isNaN();
        assertThat(copied.auc()).isNaN();

        Evaluation.Line all = lines.get("cell/all");
        assertThat(all.positives()).isEqualTo(3);
        assertThat(all.negatives()).isEqualTo(4);
        assertThat(all.recall()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(all.precision()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(all.auc()).isCloseTo(0.875, within(1e-15));

        Evaluation.Line school = lines.get("school/all (strong honest schools among the clean)");
        assertThat(school).isNotNull();
        assertThat(school.positives()).isEqualTo(3);
        assertThat(school.negatives()).isEqualTo(3);
        assertThat(school.recall()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(school.precision()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(school.cleanFlagRate()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(school.auc()).isCloseTo(7.5 / 9, within(1e-15));
        assertThat(school.officialRecall()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(school.officialPrecision()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(school.officialCleanRate()).isCloseTo(1.0 / 3, within(1e-15));

        // strong honest schools: s6 alone, flagged by neither; with s4 and s5 too: one of three each
        assertThat(Evaluation.strongSchoolRates(cells, truth.strongSchools())).containsExactly(1.0, 0.0, 0.0);
        assertThat(Evaluation.strongSchoolRates(cells, Set.of("s4", "s5", "s6")))
                .containsExactly(new double[] {3.0, 1.0 / 3, 1.0 / 3}, within(1e-15));
        assertThat(Evaluation.markdown(List.of(blanket, copied))).contains("| cell | BLANKET_INFLATION | 2 | 4 | 0.500 | 1.000 |")
                .contains("| cell | COPIED_WORKS | 0 | 4 | — |");
    }

    /** A school-level manipulation lists several classes: the cell counts once, with its largest class. */
    @Test
    void aCellWithSeveralManipulatedClassesUsesItsLargestClass() {
        List<Evaluation.Cell> cells = List.of(
                new Evaluation.Cell("s2", "MA", 4, 2, 0, true, false, false),
                new Evaluation.Cell("s9", "MA", 4, 1, 0, false, false, false));
        GroundTruth truth = new GroundTruth(List.of(
                manipulated("s2", "MA", "А", ManipulationKind.COPIED_WORKS),
                manipulated("s2", "MA", "Б", ManipulationKind.COPIED_WORKS)));
        Map<String, Evaluation.Line> lines = Evaluation.evaluate(cells, truth, Map.of("s2|MA|4|А", 8L, "s2|MA|4|Б", 15L))
                .stream().collect(Collectors.toMap(l -> l.level() + "/" + l.kind(), Function.identity()));
        Evaluation.Line copied = lines.get("cell/COPIED_WORKS");
        assertThat(copied.positives()).isEqualTo(1);
        assertThat(copied.recallLargeClasses()).isEqualTo(1.0);
        assertThat(lines).containsKey("school/all"); // no strong schools in the truth
        Map<String, Evaluation.Line> small = Evaluation.evaluate(cells, truth, Map.of("s2|MA|4|А", 8L)).stream()
                .collect(Collectors.toMap(l -> l.level() + "/" + l.kind(), Function.identity()));
        assertThat(small.get("cell/COPIED_WORKS").recallLargeClasses()).isNaN(); // no class of ≥ 10 works
    }
}
