package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.ManipulationKind;
import org.vprobjectivity.synthetic.OutputFormat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The pupil model on Spark over a generated region: a row per class and per cell, copied works found in the cells
 * that had them, the same values whatever the partitioning, and a reference too small to fit kept with its reason.
 */
class ModelSignsTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void everyClassAndCellGetsTheModelsSignsAndCopiesAreFound(@TempDir Path dir) throws Exception {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(60).seed(606).manipulatedShare(0.25)
                .kinds(ManipulationKind.COPIED_WORKS).subjects(List.of("MA")).grades(List.of(4))
                .formats(OutputFormat.CANONICAL_CSV).build();
        GeneratedRegion region = new GeneratedRegion(spark, dir, cfg);
        Dataset<Row> model = ModelSigns.compute(region.results, MarkScales.bundled()).cache();

        long classes = region.results.select("school_id", "class").distinct().count();
        long cells = region.results.select("school_id").distinct().count();
        assertThat(model.filter(col(ModelSigns.LEVEL).equalTo(ModelSigns.CLASS_LEVEL)).count()).isEqualTo(classes);
        assertThat(model.filter(col(ModelSigns.LEVEL).equalTo(ModelSigns.SCHOOL_LEVEL)).count()).isEqualTo(cells);
        assertThat(model.filter(col(ModelSigns.FITTED).equalTo(false)).count()).isZero();
        Row any = model.first();
        assertThat(any.<Double>getAs(ModelSigns.CLASS_SD)).isBetween(0.1, 0.8);
        assertThat(any.<Integer>getAs(ModelSigns.MODEL_WORKS)).isEqualTo((int) region.results.count());

        Map<String, Double> copyP = model.filter(col(ModelSigns.LEVEL).equalTo(ModelSigns.SCHOOL_LEVEL)).collectAsList()
                .stream().collect(Collectors.toMap(r -> r.getAs("school_id"), r -> r.<Double>getAs(ModelSigns.COPY_P)));
        List<String> copied = region.truth.manipulations(ManipulationKind.COPIED_WORKS).stream()
                .filter(t -> t.worksAffected() != null && t.worksAffected() >= 3).map(t -> t.schoolId()).distinct().toList();
        assertThat(copied).isNotEmpty();
        for (String school : copied) {
            assertThat(copyP.get(school)).as(school).isLessThan(1e-4);
        }
        long cleanBelow = copyP.entrySet().stream().filter(e -> !region.truth.manipulatedSchools().containsKey(e.getKey()))
                .filter(e -> e.getValue() != null && e.getValue() < 1e-4).count();
        assertThat(cleanBelow).isZero();

        // the same values from another partitioning of the same works
        Map<String, Row> again = ModelSigns.compute(region.results.repartition(3, col("participant")), MarkScales.bundled())
                .collectAsList().stream().collect(Collectors.toMap(ModelSignsTest::key, r -> r));
        for (Row r : model.collectAsList()) {
            Row other = again.get(key(r));
            for (String c : new String[] {ModelSigns.PATTERN_P, ModelSigns.CUT_P, ModelSigns.JOURNAL_Z, ModelSigns.COPY_P}) {
                Double a = r.getAs(c);
                Double b = other.getAs(c);
                if (a == null) {
                    assertThat(b).isNull();
                } else {
                    assertThat(b).as(c).isCloseTo(a, within(Math.abs(a) * 1e-12 + 1e-300));
                }
            }
        }
    }

    @Test
    void aReferenceTooSmallToFitKeepsItsRowsWithTheReason(@TempDir Path dir) throws Exception {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(4).seed(7).manipulatedShare(0)
                .subjects(List.of("RU")).grades(List.of(5)).formats(OutputFormat.CANONICAL_CSV).build();
        GeneratedRegion region = new GeneratedRegion(spark, dir, cfg);
        List<Row> rows = ModelSigns.compute(region.results, MarkScales.bundled()).collectAsList();
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.<Boolean>getAs(ModelSigns.FITTED)).isFalse();
            assertThat(r.<String>getAs(ModelSigns.STATUS)).startsWith("too small to fit");
            assertThat(r.<Double>getAs(ModelSigns.COPY_P)).isNull();
        });
    }

    private static String key(Row r) {
        return r.getAs(ModelSigns.LEVEL) + "|" + r.getAs("school_id") + "|" + r.getAs("class");
    }
}
