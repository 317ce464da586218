package org.vprobjectivity.flags;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * <pre>
 * school  our flag (reasons)   official                                   → category
 * a       MA 4 yes (ra)        MA 4 marker 1                              both, our reasons
 * b       MA 4 no, 80 works,   MA 4 marker 1 (mean 15.2 vs 12.4, n 80)   official_only: «средний балл выше региона
 *         raised 9% (ref 8%)                                                (15,2 при 12,4)», «школа крупная (80 работ)»,
 *                                                                            journal confirms (9% vs 8%)
 * c       RU 4 yes (rc1, rc2)  RU 4 no markers                            ours_only, «rc1; rc2»
 * d       MA 4 no              BI 5 marker 1, not an official work         neither, no explanation
 * e       MA 4 no, small cell  MA 4 marker 1 (n 8), RU 4 marker 2          official_only: too few works; r_s −0,12
 * f       MA 5, RU 4 no,       MA 5 and RU 4 marker 1, given in that      official_only: RU 4 explained before MA 5
 *         small cells          order                                      (by grade, then subject)
 * </pre>
 */
class ComparisonTest {

    private final SparkSession spark = SparkTestSession.get();

    private Map<String, Row> compare(String lang) {
        FlagTables t = new FlagTables()
                .cell("a", "MA", 4, "m1", true, 6.0, "ra", 1e-7)
                .sizedCell("b", "MA", 4, "m1", false, 0.3, 80L, false, 0.09)
                .cell("c", "RU", 4, "m1", true, 5.0, "rc1", 1e-6, "rc2", 1e-3)
                .cell("d", "MA", 4, "m1", false, 0.1)
                .sizedCell("e", "MA", 4, "m1", false, 0.0, 8L, true, 0.5)
                .sizedCell("e", "RU", 4, "m1", false, 0.0, 8L, true, 0.5)
                .sizedCell("f", "MA", 5, "m1", false, 0.0, 7L, true, 0.5)
                .sizedCell("f", "RU", 4, "m1", false, 0.0, 7L, true, 0.5)
                .marked("a", "MA", 4, "Школа a", true, false, 40, 14.0, 12.4, 0.4)
                .marked("b", "MA", 4, "Школа b", true, false, 80, 15.2, 12.4, 0.5)
                .official("c", "RU", 4, "Школа c", "m1", 0, true)
                .official("d", "BI", 5, "Школа d", "m1", 1, false)
                .official("d", "MA", 4, "Школа d", "m1", 0, true)
                .marked("e", "MA", 4, "Школа e", true, false, 8, 14.0, 12.4, 0.3)
                .marked("e", "RU", 4, "Школа e", false, true, 8, 11.0, 12.4, -0.12)
                .marked("f", "MA", 5, "Школа f", true, false, 7, 14.0, 12.4, 0.3)
                .marked("f", "RU", 4, "Школа f", true, false, 7, 16.0, 12.4, 0.3);
        Dataset<Row> cells = t.cells(spark);
        Dataset<Row> official = t.official(spark);
        Dataset<Row> schools = SchoolFlags.compute(cells, official, new FlagConfig(), lang);
        List<Row> rows = Comparison.compute(schools, cells, official, lang).collectAsList();
        Map<String, Row> out = rows.stream().collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        assertThat(out).as("every school exactly once").hasSize(rows.size()).containsOnlyKeys("a", "b", "c", "d", "e", "f");
        return out;
    }

    @Test
    void fourCategoriesEachSchoolOnce() {
        Map<String, Row> c = compare("ru");
        assertThat(c.get("a").<String>getAs("category")).isEqualTo(Comparison.BOTH);
        assertThat(c.get("a").<String>getAs("explanation")).isEqualTo("ra");
        assertThat(c.get("b").<String>getAs("category")).isEqualTo(Comparison.OFFICIAL_ONLY);
        assertThat(c.get("c").<String>getAs("category")).isEqualTo(Comparison.OURS_ONLY);
        assertThat(c.get("c").<String>getAs("explanation")).isEqualTo("rc1; rc2");
        assertThat(c.get("d").<String>getAs("category")).isEqualTo(Comparison.NEITHER);
        assertThat(c.get("d").<String>getAs("explanation")).isNull();
        assertThat(c.get("e").<String>getAs("category")).isEqualTo(Comparison.OFFICIAL_ONLY);
    }

    @Test
    void aRussianRunExplainsInEnglishToo() {
        Map<String, Row> c = compare("ru");
        assertThat(c.get("c").<String>getAs("explanation_en"))
                .isEqualTo(FlagTables.english("rc1") + "; " + FlagTables.english("rc2"));
        assertThat(c.get("b").<String>getAs("explanation_ru")).isEqualTo(c.get("b").<String>getAs("explanation"));
        assertThat(c.get("b").<String>getAs("explanation_en")).startsWith("Mathematics, grade 4: mean score above the region's (15.2 vs 12.4), but ");
        assertThat(compare("en").get("b").<String>getAs("explanation")).isEqualTo(c.get("b").<String>getAs("explanation_en"));
    }

    @Test
    void officialOnlyExplainsEachMarkedWork() {
        Map<String, Row> c = compare("ru");
        assertThat(c.get("b").<String>getAs("explanation")).isEqualTo("Математика, 4 кл.: средний балл выше региона "
                + "(15,2 при 12,4), но школа крупная (80 работ), и небольшое превышение выходит за доверительный интервал, "
                + "отметки подтверждаются журналом (повысили 9%, по региону 8%), независимых признаков не найдено");
        String e = c.get("e").getAs("explanation");
        // one clause per marked work, by grade, then subject
        assertThat(e.split("; ")).containsExactly(
                "Математика, 4 кл.: средний балл выше региона (14,0 при 12,4), но работ слишком мало для проверки, "
                        + "независимых признаков не найдено",
                "Русский язык, 4 кл.: журнальные отметки и баллы связаны отрицательно (r_s = -0,12, n = 8), но других "
                        + "признаков нет");
        assertThat(e).doesNotContain("школа крупная");
    }

    @Test
    void clausesFollowGradeThenSubjectWhateverOrderTheWorksArriveIn() {
        String f = compare("ru").get("f").getAs("explanation");
        assertThat(f.split("; ")).extracting(clause -> clause.substring(0, clause.indexOf(':')))
                .containsExactly("Русский язык, 4 кл.", "Математика, 5 кл.");
    }

    private static final StructType CELL = new StructType().add("small_cell", DataTypes.BooleanType)
            .add("works", DataTypes.LongType).add("raised_share", DataTypes.DoubleType).add("raised_ref", DataTypes.DoubleType)
            .add("q_value", DataTypes.DoubleType).add("p_independent", DataTypes.DoubleType);

    private static Row cell(boolean small, double raised, double ref) {
        return new GenericRowWithSchema(new Object[] {small, 60L, raised, ref, 0.5, 1.0}, CELL);
    }

    @Test
    void explainNamesALargeSchoolFromFiftyWorks() {
        ReasonText ru = new ReasonText("ru");
        String at49 = Comparison.explain(ru, "MA", 4, true, false, 13.0, 12.0, 0.3, 49L, cell(false, 0.30, 0.08), false);
        String at50 = Comparison.explain(ru, "MA", 4, true, false, 13.0, 12.0, 0.3, 50L, cell(false, 0.30, 0.08), false);
        assertThat(at49).startsWith("Математика, 4 кл.: средний балл выше региона (13,0 при 12,0), но ")
                .doesNotContain("школа крупная")
                .doesNotContain("подтверждаются журналом") // raised 22 points above the reference: not confirmed
                .endsWith("независимых признаков не найдено");
        assertThat(at50).contains("школа крупная (50 работ)");
    }

    @Test
    void explainWithoutAFlagCellAndInEnglish() {
        assertThat(Comparison.explain(new ReasonText("ru"), "RU", 5, true, false, 20.5, 18.25, null, 30L, null, false))
                .isEqualTo("Русский язык, 5 кл.: средний балл выше региона (20,5 при 18,3), но независимых признаков не найдено");
        String en = Comparison.explain(new ReasonText("en"), "MA", 4, true, true, 15.2, 12.4, -0.25, 80L,
                cell(false, 0.09, 0.08), true);
        assertThat(en).isEqualTo("Mathematics, grade 4: mean score above the region's (15.2 vs 12.4), but the school is large "
                + "(80 works), so a small excess leaves the interval, the marks are confirmed by the journal (raised for 9%, "
                + "region 8%), no independent sign was found; journal marks and scores correlate negatively "
                + "(r_s = -0.25, n = 80), which alone is not a sign: no other sign supports it");
    }
}
