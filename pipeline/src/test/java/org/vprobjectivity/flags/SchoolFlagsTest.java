package org.vprobjectivity.flags;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * <pre>
 * school cell  flagged risk reasons (p)                    official (markers, official work)
 * s1     MA 4  yes     5    r1a 0.001, r1b 0.02            «Лицей № 2»: MA 4 (1, yes), RU 4 (2, yes), BI 5 (1, no)
 *        RU 4  no      7    r2a 1e-5, r2b 0.03
 * s2     MA 4  no      9    r3 0.01                        «Гимназия № 5», municipality m2 (none in its cells)
 *        RU 4  no      1    –                              markers 0
 * s3     MA 4  yes     12   r4 1e-12                       «Кадетская школа-интернат»: MA 4 (1, yes)
 *        RU 4  yes     2    –
 * s4     MA 4  no      0.5  –                              not in the official table
 * s5     MA 5  yes     7    r5 0.04                        «МБОУ СОШ № 1»: markers 0
 * </pre>
 * s1: flagged (one cell), risk max(5, 7) = 7, 1 flagged cell; reasons flagged cell first: r1a, r1b, then r2a (whose
 * p is the smallest of all, but its cell is not flagged); official markers 1 + 2 = 3 (BI 5 is not an official work),
 * 2 marked works «4 MA, 4 RU». Rank: flagged first by risk (s3 12, s1 7, s5 7 — tie broken by id), then s2 9, s4 0.5.
 */
class SchoolFlagsTest {

    private final SparkSession spark = SparkTestSession.get();

    private static FlagTables fixture() {
        return new FlagTables()
                .cell("s1", "MA", 4, "m1", true, 5.0, "r1a", 0.001, "r1b", 0.02)
                .cell("s1", "RU", 4, "m1", false, 7.0, "r2a", 1e-5, "r2b", 0.03)
                .cell("s2", "MA", 4, null, false, 9.0, "r3", 0.01)
                .cell("s2", "RU", 4, null, false, 1.0)
                .cell("s3", "MA", 4, "m1", true, 12.0, "r4", 1e-12)
                .cell("s3", "RU", 4, "m1", true, 2.0)
                .cell("s4", "MA", 4, "m3", false, 0.5)
                .cell("s5", "MA", 5, "m1", true, 7.0, "r5", 0.04)
                .official("s1", "MA", 4, "МБОУ «Лицей № 2»", "m1", 1, true)
                .official("s1", "RU", 4, "МБОУ «Лицей № 2»", "m1", 2, true)
                .official("s1", "BI", 5, "МБОУ «Лицей № 2»", "m1", 1, false)
                .official("s2", "MA", 4, "Гимназия № 5", "m2", 0, true)
                .official("s2", "RU", 4, "Гимназия № 5", "m2", 0, true)
                .official("s3", "MA", 4, "Кадетская школа-интернат", "m1", 1, true)
                .official("s5", "MA", 5, "МБОУ СОШ № 1", "m1", 0, true);
    }

    private Map<String, Row> compute(FlagConfig config) {
        FlagTables t = fixture();
        List<Row> rows = SchoolFlags.compute(t.cells(spark), t.official(spark), config, "ru").collectAsList();
        Map<String, Row> out = rows.stream().collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r));
        assertThat(out).hasSize(rows.size()); // one row per school
        return out;
    }

    private static List<String> reasons(Row r) {
        return r.getList(r.fieldIndex("reasons"));
    }

    @Test
    void schoolIsFlaggedIfAnyCellIsWithTheLargestRiskAndItsFlaggedCellsReasonsFirst() {
        Map<String, Row> s = compute(new FlagConfig());
        assertThat(s).containsOnlyKeys("s1", "s2", "s3", "s4", "s5");
        Row s1 = s.get("s1");
        assertThat(s1.<Boolean>getAs("flagged")).isTrue();
        assertThat(s1.<Double>getAs("risk_score")).isEqualTo(7.0);
        assertThat(s1.<Number>getAs("n_flagged_cells").longValue()).isEqualTo(1);
        assertThat(s1.<Number>getAs("n_cells").longValue()).isEqualTo(2);
        assertThat(s1.<String>getAs("flagged_works")).isEqualTo("Математика, 4 кл.");
        assertThat(reasons(s1)).containsExactly("r1a", "r1b", "r2a");

        Row s2 = s.get("s2");
        assertThat(s2.<Boolean>getAs("flagged")).isFalse();
        assertThat(s2.<Double>getAs("risk_score")).isEqualTo(9.0);
        assertThat(s2.<Number>getAs("n_flagged_cells").longValue()).isZero();
        assertThat(reasons(s2)).containsExactly("r3");

        Row s3 = s.get("s3");
        assertThat(s3.<Number>getAs("n_flagged_cells").longValue()).isEqualTo(2);
        assertThat(s3.<String>getAs("flagged_works")).isEqualTo("Математика, 4 кл.; Русский язык, 4 кл.");
        assertThat(reasons(s.get("s4"))).isEmpty();
    }

    @Test
    void eachLanguagesReasonsAndWorksFollowTheRunsOrder() {
        Map<String, Row> s = compute(new FlagConfig());
        Row s1 = s.get("s1");
        assertThat(s1.<String>getList(s1.fieldIndex("reasons_ru"))).containsExactly("r1a", "r1b", "r2a");
        assertThat(s1.<String>getList(s1.fieldIndex("reasons_en"))).containsExactly(FlagTables.english("r1a"),
                FlagTables.english("r1b"), FlagTables.english("r2a"));
        assertThat(s1.<String>getAs("flagged_works")).isEqualTo("Математика, 4 кл.");
        assertThat(s1.<String>getAs("flagged_works_ru")).isEqualTo("Математика, 4 кл.");
        assertThat(s1.<String>getAs("flagged_works_en")).isEqualTo("Mathematics, grade 4");
        assertThat(s.get("s4").<String>getList(s.get("s4").fieldIndex("reasons_en"))).isEmpty();
    }

    @Test
    void reasonsAreCutAtMaxReasons() {
        FlagConfig config = new FlagConfig();
        config.maxReasons = 2;
        assertThat(reasons(compute(config).get("s1"))).containsExactly("r1a", "r1b");
        config.maxReasons = 1;
        assertThat(reasons(compute(config).get("s2"))).containsExactly("r3");
    }

    @Test
    void rankPutsFlaggedSchoolsFirstThenTheHighestRisk() {
        Map<String, Row> s = compute(new FlagConfig());
        Map<String, Integer> rank = s.values().stream().collect(Collectors.toMap(r -> r.getAs("school_id"),
                r -> r.<Number>getAs("rank").intValue()));
        assertThat(rank).containsExactlyInAnyOrderEntriesOf(Map.of("s3", 1, "s1", 2, "s5", 3, "s2", 4, "s4", 5));
    }

    @Test
    void officialMarkersNamesAndTypesAreJoined() {
        Map<String, Row> s = compute(new FlagConfig());
        Row s1 = s.get("s1");
        assertThat(s1.<String>getAs("school_name")).isEqualTo("МБОУ «Лицей № 2»");
        assertThat(s1.<String>getAs("school_type")).isEqualTo("лицей");
        assertThat(s1.<Number>getAs("official_markers").longValue()).isEqualTo(3);
        assertThat(s1.<Number>getAs("official_marked_works").longValue()).isEqualTo(2);
        assertThat(s1.<String>getAs("official_works")).isEqualTo("4 MA, 4 RU");
        Row s2 = s.get("s2");
        assertThat(s2.<String>getAs("school_type")).isEqualTo("гимназия");
        assertThat(s2.<Number>getAs("official_markers").longValue()).isZero();
        assertThat(s2.<Number>getAs("official_marked_works").longValue()).isZero();
        assertThat(s2.<String>getAs("official_works")).isEmpty();
        // the cells have no municipality: the official table's is used
        assertThat(s2.<String>getAs("municipality_code")).isEqualTo("m2");
        assertThat(s2.<String>getAs("municipality")).isEqualTo("район m2");
        assertThat(s.get("s3").<String>getAs("school_type")).isEqualTo("кадетская школа");
        assertThat(s.get("s3").<String>getAs("official_works")).isEqualTo("4 MA");
        Row s4 = s.get("s4");
        assertThat(s4.<String>getAs("school_name")).isNull();
        assertThat(s4.<String>getAs("school_type")).isNull();
        assertThat(s4.<Number>getAs("official_markers").longValue()).isZero();
        assertThat(s4.<String>getAs("municipality_code")).isEqualTo("m3");
        assertThat(s.get("s5").<String>getAs("school_type")).isNull();
    }

    @Test
    void schoolTypeFromName() {
        assertThat(SchoolType.fromName("МАОУ «Лицей № 1»")).isEqualTo("лицей");
        assertThat(SchoolType.fromName("ЛИЦЕЙ-ИНТЕРНАТ № 4")).isEqualTo("лицей");
        assertThat(SchoolType.fromName("МБОУ «Гимназия № 7 им. А. С. Пушкина»")).isEqualTo("гимназия");
        assertThat(SchoolType.fromName("ГБОУ «Кадетская школа № 2»")).isEqualTo("кадетская школа");
        assertThat(SchoolType.fromName("МБОУ «СОШ № 3 с углублённым изучением отдельных предметов»"))
                .isEqualTo("с углублённым изучением");
        assertThat(SchoolType.fromName("МБОУ «СОШ № 3 с углубленным изучением математики»"))
                .isEqualTo("с углублённым изучением");
        assertThat(SchoolType.fromName("МКОУ «Средняя общеобразовательная школа № 12»")).isNull();
        assertThat(SchoolType.fromName(null)).isNull();
    }
}
