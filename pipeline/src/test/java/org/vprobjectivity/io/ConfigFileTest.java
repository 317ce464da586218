package org.vprobjectivity.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.flags.FlagConfig;
import org.vprobjectivity.indicators.IndicatorConfig;
import org.vprobjectivity.report.MeasureConfig;
import org.vprobjectivity.run.AnalysisConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The --config file is checked whole: sections, fields, types and ranges, each problem naming its field. */
class ConfigFileTest {

    static final Map<String, Class<?>> SECTIONS = AnalysisConfig.SECTIONS;

    @TempDir
    Path dir;

    private void check(String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        ConfigFile.check(file, SECTIONS, AnalysisConfig::validate);
    }

    private void refused(String json, String field, String ru) {
        assertThatThrownBy(() -> check(json)).as(json).isInstanceOfSatisfying(ConfigFile.Problem.class, p -> {
            assertThat(p.field).isEqualTo(field);
            assertThat(p.messageRu).contains(ru);
            assertThat(p.messageRu + p.messageEn).doesNotContain("Exception").doesNotContain("org.vprobjectivity");
        });
    }

    @Test
    void theDocumentedExampleAndTheDefaultsPass() throws Exception {
        String doc = Files.readString(docs().resolve("configuration.md"));
        String json = doc.substring(doc.indexOf("```json") + 7, doc.indexOf("```", doc.indexOf("```json") + 7));
        assertThatCode(() -> check(json)).doesNotThrowAnyException();
        assertThatCode(() -> check("{}")).doesNotThrowAnyException();
        assertThatCode(() -> new IndicatorConfig().validate()).doesNotThrowAnyException();
        assertThatCode(() -> new FlagConfig().validate()).doesNotThrowAnyException();
        assertThatCode(() -> new MeasureConfig().validate()).doesNotThrowAnyException();
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheField() {
        // Accepted before: every cell counted as large, shares tested on one-work classes.
        refused("{\"indicators\": {\"min_cell_works\": -3}}", "indicators.min_cell_works", "не меньше 1");
        refused("{\"indicators\": {\"weak_solve_rate\": 1.5}}", "indicators.weak_solve_rate", "в интервале (0, 1]");
        refused("{\"indicators\": {\"weak_min_group_works\": 0}}", "indicators.weak_min_group_works", "не меньше 1");
        refused("{\"flags\": {\"min_raised_excess\": -0.1}}", "flags.min_raised_excess", "[0, 1]");
        refused("{\"flags\": {\"min_shift_marks\": 4}}", "flags.min_shift_marks", "[0, 3]");
        refused("{\"flags\": {\"q\": 0}}", "flags.q", "(0, 1)");
        refused("{\"flags\": {\"max_reasons\": 0}}", "flags.max_reasons", "не меньше 1");
        refused("{\"indicators\": {\"reference_level\": \"district\"}}", "indicators.reference_level", "district");
    }

    @Test
    void unknownSectionsAndFieldsAreRefusedByName() {
        refused("{\"flag\": {\"q\": 0.1}}", "flag", "неизвестный раздел «flag»");
        refused("{\"indicators\": {\"min_cel_works\": 5}}", "indicators.min_cel_works", "неизвестное поле indicators.min_cel_works");
        refused("{\"flags\": [1, 2]}", "flags", "должен быть объектом");
        refused("[1]", null, "ожидался объект");
    }

    @Test
    void wrongTypesAndDuplicatesAreRefused() {
        refused("{\"indicators\": {\"min_cell_works\": \"10\"}}", "indicators.min_cell_works", "не того типа");
        refused("{\"indicators\": {\"min_cell_works\": 10.5}}", "indicators.min_cell_works", "не того типа");
        refused("{\"flags\": {\"q\": null}}", "flags.q", "не того типа");
        refused("{\"flags\": {\"q\": 0.1, \"q\": 0.2}}", null, "не является корректным JSON");
        refused("{\"flags\": {\"q\": 0.1}", null, "не является корректным JSON (1:");
    }

    private static Path docs() {
        for (Path p : List.of(Path.of("../docs"), Path.of("docs"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("docs/ not found from " + Path.of("").toAbsolutePath());
    }
}
