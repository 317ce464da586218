package org.vprobjectivity.flags;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.table.Keys;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * School s: the cell is clean (p_results 0.5, see {@link CellScoringTest}); class А clean, class Б raised 50% against
 * 8% with p = 1e-9. Class Б: journal group Simes{1e-9, shift 0.5, residual 0.5} = 3e-9, groups {0.5, 3e-9, 0.5, 0.5,
 * 0.5}, truncated Cauchy ≈ 5·3e-9 = 1.5e-8; independent Simes{3e-9, 0.5, 0.5, 0.5} = 1.2e-8 ≤ support_p, so p = 1.5e-8. Two
 * classes tested: p_classes = 2·1.5e-8; the cell's p = min(1, 2·min(0.5, 3e-8)) = 6e-8. School t has no class rows: its
 * p stays the cell's. School u has one class: that class is the cell, so its p is the cell's without a second look.
 */
class ClassScanTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void strongestClassIsBonferroniAdjustedAndItsReasonsJoinTheCell() {
        var cells = CellRow.table(spark, List.of(CellRow.of("s"), CellRow.of("t"),
                CellRow.of("u").set("raised_p", 1e-9).set("raised_share", 0.50)));
        var classes = CellRow.classTable(spark, List.of(CellRow.of("s").inClass("А"),
                CellRow.of("s").inClass("Б").set("raised_p", 1e-9).set("raised_share", 0.50),
                CellRow.of("u").inClass("А").set("raised_p", 1e-9).set("raised_share", 0.50)));
        Map<String, Row> out = CellFlags.compute(cells, classes, Keys.SCHOOL, new FlagConfig(), "ru").collectAsList()
                .stream().collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        assertThat(out).hasSize(3);
        Row s = out.get("s");
        assertThat(s.<Long>getAs("classes_tested")).isEqualTo(2L);
        assertThat(s.<String>getAs("strongest_class")).isEqualTo("Б");
        assertThat(s.<Double>getAs("p_results_cell")).isCloseTo(0.5, within(1e-12));
        assertThat(s.<Double>getAs("p_results_classes")).isCloseTo(3e-8, within(1e-12));
        assertThat(s.<Double>getAs("p_results")).isCloseTo(6e-8, within(1e-12));
        // journal kind: every lowered p is 0.5 → classes min(1, 2·0.5) = 1, cell min(1, 2·min(0.5, 1)) = 1
        assertThat(s.<Double>getAs("p_journal")).isEqualTo(1.0);
        List<String> reasons = s.getList(s.fieldIndex("reasons"));
        assertThat(reasons).hasSize(1);
        assertThat(reasons.get(0)).startsWith("Математика, 4 кл., класс «Б»: повысили отметку по сравнению с журналом 50%");
        assertThat(s.getList(s.fieldIndex("reason_signs"))).containsExactly("RAISED");
        // the class's sentence in both languages, in the same place as the run's (Bilingual)
        assertThat(s.getList(s.fieldIndex("reasons_ru"))).isEqualTo(reasons);
        List<String> english = s.getList(s.fieldIndex("reasons_en"));
        assertThat(english).hasSize(1);
        assertThat(english.get(0)).startsWith("Mathematics, grade 4, class Б: ");
        assertThat(Arrays.asList(s.schema().fieldNames())).noneMatch(n -> n.startsWith("__"));
        Row t = out.get("t");
        assertThat(t.<Long>getAs("classes_tested")).isZero();
        assertThat(t.<Double>getAs("p_results_classes")).isNull();
        assertThat(t.<Double>getAs("p_results")).isCloseTo(0.5, within(1e-12));
        assertThat(t.getList(t.fieldIndex("reasons"))).isEmpty();
        Row u = out.get("u");
        assertThat(u.<Long>getAs("classes_tested")).isEqualTo(1L);
        assertThat(u.<Double>getAs("p_results")).isCloseTo(u.<Double>getAs("p_results_cell"), within(1e-20))
                .isCloseTo(1.5e-8, within(1e-11));
    }

    /** Classes equally clean: the strongest is the first by name, whatever order the class rows arrive in. */
    @Test
    void tiedClassesGoToTheFirstByName() {
        var cells = CellRow.table(spark, List.of(CellRow.of("v")));
        var classes = CellRow.classTable(spark, List.of(CellRow.of("v").inClass("В"), CellRow.of("v").inClass("Г"),
                CellRow.of("v").inClass("А"), CellRow.of("v").inClass("Б")));
        Row v = CellFlags.compute(cells, classes, Keys.SCHOOL, new FlagConfig(), "ru").collectAsList().get(0);
        assertThat(v.<Long>getAs("classes_tested")).isEqualTo(4L);
        assertThat(v.<String>getAs("strongest_class")).isEqualTo("А");
    }
}
