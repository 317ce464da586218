package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.ingest.ExamFile;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.GroundTruthRow;
import org.vprobjectivity.synthetic.HonestExams;
import org.vprobjectivity.synthetic.ManipulationKind;
import org.vprobjectivity.synthetic.ManipulationLevel;
import org.vprobjectivity.synthetic.OutputFormat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside confirmation in Spark: which exam row a cell is matched with, and on a generated region whose exam results are
 * simulated honestly from each school's latent ability ({@link HonestExams}) the null check of {@code exam_gap_p}
 * (clean cells) and its power (schools that inflate their VPR results, and strong honest schools left alone).
 */
class ExamConfirmationTest {

    private final SparkSession spark = SparkTestSession.get();

    private static final StructType CELLS = new StructType().add("session", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("school_id", DataTypes.StringType).add("subject", DataTypes.StringType).add("grade", DataTypes.IntegerType)
            .add("works", DataTypes.LongType).add("mean_score", DataTypes.DoubleType).add("score_sd", DataTypes.DoubleType);

    private static ExamFile.Entry exam(String school, int year, String kind, double mean) {
        return new ExamFile.Entry(0, school, "MA", year, kind, mean, 20, null, null);
    }

    @Test
    void theCohortsExamIsMatchedElseTheNearestLaterYear() {
        Dataset<Row> cells = spark.createDataFrame(List.of(
                RowFactory.create("2025-spring", "22", "a", "MA", 4, 20L, 10.0, 3.0),
                RowFactory.create("2025-spring", "22", "b", "MA", 4, 20L, 11.0, 3.0),
                RowFactory.create("2025-spring", "22", "c", "MA", 4, 20L, 12.0, 3.0),
                RowFactory.create("2025-spring", "22", "d", "MA", 11, 20L, 12.0, 3.0)), CELLS);
        List<ExamFile.Entry> entries = List.of(
                exam("a", 2025, ExamFile.OGE, 10), // the VPR's own year: not later
                exam("a", 2026, ExamFile.OGE, 11), exam("a", 2030, ExamFile.OGE, 12), // 2030: grade 4 of 2025 in grade 9
                exam("b", 2026, ExamFile.OGE, 13), exam("b", 2027, ExamFile.OGE, 14), // no 2030: the nearest later year
                exam("b", 2030, ExamFile.EGE, 50), // ЕГЭ: not the exam grade 4 leads to
                exam("c", 2026, ExamFile.OGE, 15), exam("c", 2026, ExamFile.EGE, 60),
                exam("d", 2026, ExamFile.OGE, 16), exam("d", 2026, ExamFile.EGE, 70)); // grade 11: the ЕГЭ
        IndicatorConfig config = new IndicatorConfig();
        config.examMinSchools = 3;
        List<Row> out = ExamConfirmation.attach(cells, ExamConfirmation.standings(spark, entries), config)
                .orderBy("school_id").collectAsList();
        assertThat(out).extracting(r -> r.getAs("school_id") + " " + r.getAs(ExamConfirmation.EXAM_KIND) + " "
                + r.getAs(ExamConfirmation.EXAM_YEAR)).containsExactly("a OGE 2030", "b OGE 2027", "c OGE 2026", "d EGE 2026");
        // exam_z within the file's schools of the same subject, year and exam: ОГЭ 2026 has a 11, b 13, c 15, d 16
        double m = (11 + 13 + 15 + 16) / 4.0;
        double s = Math.sqrt(((11 - m) * (11 - m) + (13 - m) * (13 - m) + (15 - m) * (15 - m) + (16 - m) * (16 - m)) / 4);
        assertThat(out.get(2).<Double>getAs(ExamConfirmation.EXAM_Z)).isCloseTo((15 - m) / s, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(out.get(2).<Double>getAs(ExamConfirmation.EXAM_PERCENTILE)).isEqualTo(62.5);
        // a's ОГЭ 2030 and b's ОГЭ 2027 have no other school to stand among (exam_z null): in the grade-4 reference
        // only c has both standings, fewer than the three the line needs, so no p-value anywhere
        assertThat(out.get(0).<Double>getAs(ExamConfirmation.EXAM_Z)).isNull();
        assertThat(out.get(0).<Integer>getAs(ExamConfirmation.EXAM_SCHOOLS)).isEqualTo(1);
        assertThat(out).allSatisfy(r -> assertThat(r.<Double>getAs(ExamConfirmation.EXAM_GAP_P)).isNull());
    }

    @Test
    void calibratedOnHonestSchoolsAndPowerfulWhereVprIsInflated(@TempDir Path dir) throws Exception {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(60).seed(7).manipulatedShare(0.3).strongShare(0.1)
                .kinds(ManipulationKind.BLANKET_INFLATION, ManipulationKind.ANSWERS_KNOWN)
                .formats(OutputFormat.CANONICAL_CSV).build();
        GeneratedRegion region = new GeneratedRegion(spark, dir.resolve("region"), cfg);
        HonestExams.write(dir.resolve("exam.csv"), cfg, 2026);
        Dataset<Row> cells = region.results.groupBy(Keys.cols(Keys.SCHOOL)).agg(count("primary_score").as("works"),
                avg("primary_score").as("mean_score"), stddev_samp("primary_score").as("score_sd"));
        List<Row> out = ExamConfirmation.attach(cells, ExamConfirmation.standings(spark,
                ExamFile.read(dir.resolve("exam.csv")).entries()), new IndicatorConfig()).collectAsList();
        assertThat(out).hasSize(240).allSatisfy(r -> assertThat(r.<Double>getAs(ExamConfirmation.EXAM_GAP_P)).isNotNull());

        Set<String> manipulated = region.truth.manipulations().stream().map(ExamConfirmationTest::cell).collect(Collectors.toSet());
        Set<String> wholeSchool = region.truth.manipulations().stream().filter(t -> t.level() == ManipulationLevel.SCHOOL)
                .map(ExamConfirmationTest::cell).collect(Collectors.toSet());
        Set<String> strong = region.truth.strongSchools();
        List<Double> clean = out.stream().filter(r -> !manipulated.contains(cell(r)) && !strong.contains(r.<String>getAs("school_id")))
                .map(r -> r.<Double>getAs(ExamConfirmation.EXAM_GAP_P)).toList();
        List<Double> inflated = out.stream().filter(r -> wholeSchool.contains(cell(r)))
                .map(r -> r.<Double>getAs(ExamConfirmation.EXAM_GAP_P)).toList();
        List<Double> strongP = out.stream().filter(r -> strong.contains(r.<String>getAs("school_id")))
                .map(r -> r.<Double>getAs(ExamConfirmation.EXAM_GAP_P)).toList();
        double cleanRate = share(clean, 0.05);
        double inflatedRate = share(inflated, 0.05);
        System.out.printf("exam_gap_p < 0.05: clean %.3f of %d, whole-school inflation %.3f of %d, strong honest %.3f of %d%n",
                cleanRate, clean.size(), inflatedRate, inflated.size(), share(strongP, 0.05), strongP.size());
        assertThat(cleanRate).isBetween(0.02, 0.08);
        assertThat(inflated).hasSizeGreaterThanOrEqualTo(10);
        assertThat(inflatedRate).isGreaterThan(3 * cleanRate);
        assertThat(share(strongP, 0.05)).isLessThanOrEqualTo(0.1);
    }

    private static double share(List<Double> ps, double below) {
        return ps.stream().filter(p -> p < below).count() / (double) ps.size();
    }

    private static String cell(GroundTruthRow t) {
        return t.schoolId() + "|" + t.subject() + "|" + t.grade();
    }

    private static String cell(Row r) {
        return r.getAs("school_id") + "|" + r.getAs("subject") + "|" + r.getAs("grade");
    }
}
