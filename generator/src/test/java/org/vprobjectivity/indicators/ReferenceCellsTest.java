package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.ingest.IngestTables;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.ManipulationKind;
import org.vprobjectivity.synthetic.OutputFormat;
import org.vprobjectivity.table.Keys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference engine ({@link ReferenceCells}) against the families joined level by level ({@link CellIndicators}),
 * on a generated region with manipulated schools and a teacher mapping that leaves some classes without a teacher and
 * gives teachers classes in several schools' grades: every level, every column, the same schema and the same values
 * (doubles to a relative 1e-9, or 1e-12 where zero up to rounding: sums run in another order).
 */
class ReferenceCellsTest {

    private static final double TOLERANCE = 1e-9;
    private static final double ZERO = 1e-12;
    private static GeneratedRegion region;
    private static Dataset<Row> results;
    private static Dataset<Row> participation;
    private static Dataset<Row> teachers;
    private static Dataset<Row> catalog;
    private static Dataset<Row> bunching;

    @BeforeAll
    static void region(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkTestSession.get();
        GeneratorConfig cfg = GeneratorConfig.builder().schools(40).seed(4242).manipulatedShare(0.3)
                .kinds(ManipulationKind.BLANKET_INFLATION, ManipulationKind.LENIENT_NEAR_CUTS,
                        ManipulationKind.COPIED_WORKS)
                .formats(OutputFormat.CANONICAL_CSV).build();
        region = new GeneratedRegion(spark, dir, cfg);
        // One class in five has no teacher; the others share two teachers per school and subject.
        teachers = region.results.select("school_id", "class", "subject").distinct()
                .withColumn("teacher_id", when(pmod(hash(col("class"), col("school_id")), lit(5)).notEqual(0),
                        concat(col("school_id"), lit("-"), col("subject"), lit("-"),
                                pmod(hash(col("class")), lit(2)).cast("string"))))
                .filter(col("teacher_id").isNotNull());
        results = TeacherMapping.attach(region.results, teachers).cache();
        participation = TeacherMapping.attach(region.tables.participation(), teachers).cache();
        catalog = IngestTables.taskCatalog(spark, MarkScales.bundled());
        bunching = RegionBunching.compute(spark, region.results).cache();
    }

    @AfterAll
    static void release() {
        results.unpersist();
        participation.unpersist();
        bunching.unpersist();
    }

    @Test
    void everyLevelEqualsTheFamiliesJoinedWithTheRegionAsReference() {
        Dataset<Row> cells = ReferenceCells.compute(results, participation, catalog, bunching,
                List.of(ReferenceCells.Level.values()), ReferenceLevel.REGION).cache();
        try {
            for (ReferenceCells.Level level : ReferenceCells.Level.values()) {
                assertSameCells(level, ReferenceCells.level(cells, level), families(level, ReferenceLevel.REGION));
            }
        } finally {
            cells.unpersist();
        }
    }

    @Test
    void theMunicipalityAsReferenceToo() {
        Dataset<Row> cells = ReferenceCells.compute(results, participation, catalog, bunching,
                List.of(ReferenceCells.Level.SCHOOL, ReferenceCells.Level.CLASS), ReferenceLevel.MUNICIPALITY).cache();
        try {
            assertThat(cells.filter(col(ReferenceCells.LEVEL).equalTo("TEACHER")).count()).isZero();
            for (ReferenceCells.Level level : List.of(ReferenceCells.Level.SCHOOL, ReferenceCells.Level.CLASS)) {
                assertSameCells(level, ReferenceCells.level(cells, level), families(level, ReferenceLevel.MUNICIPALITY));
            }
        } finally {
            cells.unpersist();
        }
    }

    @Test
    void percentRankAsSparkRanks() {
        // values 0.5, null, 0.2, 0.5, 0.9: ascending null, 0.2, 0.5, 0.5, 0.9; ranks 1, 2, 3, 3, 5 over N − 1 = 4
        double[] ranks = ReferenceCells.percentRank(new Double[]{0.5, null, 0.2, 0.5, 0.9});
        assertThat(ranks).containsExactly(0.5, 0.0, 0.25, 0.5, 1.0);
        assertThat(ReferenceCells.percentRank(new Double[]{3.0})).containsExactly(0.0);
    }

    @Test
    void meansRoundedHalfUpOnTheirDecimalForm() {
        assertThat(ReferenceCells.rounded(66.6666666665)).isEqualTo(66.666666667);
        assertThat(ReferenceCells.rounded(1.0000000004)).isEqualTo(1.0);
        // 0.1 + 0.2 is 0.30000000000000004: the same as 0.3 once rounded, so two such means tie
        assertThat(ReferenceCells.rounded(0.1 + 0.2)).isEqualTo(ReferenceCells.rounded(0.3));
    }

    private static Dataset<Row> families(ReferenceCells.Level level, ReferenceLevel reference) {
        if (level == ReferenceCells.Level.TEACHER) {
            return CellIndicators.compute(results.filter(col("teacher_id").isNotNull()),
                    participation.filter(col("teacher_id").isNotNull()), catalog, bunching, Keys.TEACHER, reference);
        }
        return CellIndicators.compute(region.results, region.tables.participation(), catalog, bunching, level.keys(),
                reference);
    }

    private static void assertSameCells(ReferenceCells.Level level, Dataset<Row> actual, Dataset<Row> expected) {
        List<String> names = Arrays.asList(expected.columns());
        assertThat(actual.columns()).as(level + " columns").containsExactly(expected.columns());
        for (StructField f : expected.schema().fields()) {
            assertThat(actual.schema().apply(f.name()).dataType()).as(level + " " + f.name()).isEqualTo(f.dataType());
        }
        int keys = level.keys().length;
        Map<List<Object>, Row> byKey = new HashMap<>();
        for (Row r : expected.collectAsList()) {
            assertThat(byKey.put(key(r, keys), r)).as(level + " one expected row per cell").isNull();
        }
        List<Row> rows = actual.collectAsList();
        assertThat(rows).as(level + " cells").hasSize(byKey.size()).hasSizeGreaterThan(20);
        List<String> differences = new ArrayList<>();
        int tested = 0;
        for (Row a : rows) {
            Row e = byKey.get(key(a, keys));
            assertThat(e).as(level + " cell " + key(a, keys)).isNotNull();
            for (int i = keys; i < names.size(); i++) {
                if (!same(e.get(i), a.get(i))) {
                    differences.add(level + " " + key(a, keys) + " " + names.get(i) + ": " + e.get(i) + " vs " + a.get(i));
                }
                tested += e.isNullAt(i) ? 0 : 1;
            }
        }
        assertThat(differences).as(level + " values differing").isEmpty();
        assertThat(tested).as(level + " values compared").isGreaterThan(rows.size() * 50);
    }

    private static List<Object> key(Row r, int keys) {
        List<Object> k = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            k.add(r.get(i));
        }
        return k;
    }

    private static boolean same(Object e, Object a) {
        if (e instanceof Double x && a instanceof Double y) {
            // relative, or absolute for figures that are zero up to rounding (a mean of standardised residuals)
            return x.equals(y) || Math.abs(x - y) <= Math.max(TOLERANCE * Math.max(Math.abs(x), Math.abs(y)), ZERO);
        }
        if (e instanceof scala.collection.Seq<?> x && a instanceof scala.collection.Seq<?> y) {
            return x.equals(y);
        }
        return java.util.Objects.equals(e, a);
    }
}
