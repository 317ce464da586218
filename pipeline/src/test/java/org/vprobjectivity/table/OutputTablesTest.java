package org.vprobjectivity.table;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

class OutputTablesTest {

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void everyTableOfTheLayoutIsDeclaredOnceWithTheSessionLast() throws Exception {
        // the Parquet tables of OutputLayout: its string constants naming a folder of results, indicators or flags
        Set<String> layout = new TreeSet<>();
        for (Field f : OutputLayout.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String path = (String) f.get(null);
                if (path.startsWith("indicators/") || path.startsWith("flags/") || OutputLayout.PARTITIONED_TABLES.contains(path)) {
                    layout.add(path);
                }
            }
        }
        Set<String> declared = new TreeSet<>();
        OutputTables.ALL.forEach(t -> assertThat(declared.add(t.path())).as(t.path()).isTrue());
        assertThat(declared).isEqualTo(layout);
        for (OutputTable t : OutputTables.ALL) {
            List<String> columns = Arrays.asList(t.columns());
            assertThat(columns.get(columns.size() - 1)).as(t.path()).isEqualTo("session");
            assertThat(new TreeSet<>(columns)).as(t.path() + ": no column twice").hasSize(columns.size());
            assertThat(OutputTables.of(t.path())).contains(t);
        }
    }

    @Test
    void differencesNameTheTableAndTheColumn() {
        OutputTable t = new OutputTable("flags/x", StructType.fromDDL("school_id STRING, risk DOUBLE, reasons ARRAY<STRING>, session STRING"));
        assertThat(t.differences(StructType.fromDDL("school_id STRING, risk DOUBLE, reasons ARRAY<STRING>, session STRING"))).isEmpty();
        assertThat(t.differences(new StructType().add("school_id", DataTypes.StringType, false).add("risk", DataTypes.DoubleType, false)
                .add("reasons", DataTypes.createArrayType(DataTypes.StringType, false)).add("session", DataTypes.StringType)))
                .as("nullability is not compared: Parquet reads every column as nullable").isEmpty();
        assertThat(t.differences(StructType.fromDDL("school_id STRING, risk DOUBLE, reasons ARRAY<STRING>, extra INT, session STRING")))
                .containsExactly("flags/x: column extra is not declared");
        assertThat(t.differences(StructType.fromDDL("school_id STRING, reasons ARRAY<STRING>, session STRING")))
                .containsExactly("flags/x: declared column risk is missing");
        assertThat(t.differences(StructType.fromDDL("school_id STRING, risk FLOAT, reasons ARRAY<STRING>, session STRING")))
                .containsExactly("flags/x: column risk is float, declared double");
        assertThat(t.differences(StructType.fromDDL("risk DOUBLE, school_id STRING, reasons ARRAY<STRING>, session STRING")))
                .singleElement().asString().startsWith("flags/x: columns in another order than declared");
    }

    @Test
    void aSideFilesColumnsComeWholeOrNotAtAllAndTheOfficialListHasAColumnPerWork() {
        OutputTable school = OutputTables.INDICATORS_SCHOOL;
        List<String> exam = school.optional().stream().filter(g -> g.option().equals("--exam")).findFirst().orElseThrow().columns();
        assertThat(exam).contains("exam_gap_p", "exam_confirms");
        List<String> reference = school.optional().get(0).columns();
        StructType without = new StructType(Arrays.stream(school.schema().fields())
                .filter(f -> school.optional().stream().noneMatch(g -> g.columns().contains(f.name()))).toArray(StructField[]::new));
        assertThat(school.differences(without)).as("a run without side files").isEmpty();
        assertThat(school.differences(school.schema())).as("a run with every side file").isEmpty();
        StructType partly = new StructType(Arrays.stream(school.schema().fields())
                .filter(f -> !f.name().equals(exam.get(0))).toArray(StructField[]::new));
        assertThat(school.differences(partly)).containsExactly("indicators/school: the columns of --exam are there only in part, without ["
                + exam.get(0) + "]");
        assertThat(OutputTables.INDICATORS_CLASS.optional()).singleElement().satisfies(g -> assertThat(g.columns()).isEqualTo(reference));

        OutputTable official = OutputTables.FLAGS_OFFICIAL;
        StructType twoWorks = StructType.fromDDL("year INT, region STRING, school_id STRING, municipality_code STRING, "
                + "municipality STRING, school_name STRING, marker_4_ma INT, marker_oge_ru INT, markers INT, any_marker BOOLEAN, session STRING");
        assertThat(official.differences(twoWorks)).isEmpty();
        assertThat(official.differences(StructType.fromDDL(twoWorks.toDDL().replace("marker_4_ma INT", "marker_4_ma STRING"))))
                .containsExactly("flags/official: column marker_4_ma is string, declared int");
        assertThat(official.differences(StructType.fromDDL(twoWorks.toDDL().replace("marker_4_ma", "mark_4_ma"))))
                .containsExactly("flags/official: column mark_4_ma is not declared");
    }

    @Test
    void anOutputIsCheckedTableByTableAndAnEmptyTableReadsAsItsDeclaration(@TempDir Path dir) {
        String out = dir.toString();
        OutputTable rejects = OutputTables.of(OutputLayout.REJECTS).orElseThrow();
        // a clean region's rejects: written without rows, so without a Parquet file to infer a schema from
        ParquetTables.write(spark.createDataFrame(List.of(), rejects.schema()), out + "/" + OutputLayout.REJECTS);
        Dataset<Row> read = SchemaCheck.read(spark, out, rejects);
        assertThat(read.count()).isZero();
        assertThat(read.schema().fieldNames()).containsExactly(rejects.columns());
        assertThat(SchemaCheck.differences(spark, out)).isEmpty();

        // a declared table with a column too many, and a table nobody declared
        OutputTable versions = OutputTables.of(OutputLayout.INDICATORS_TEST_VERSIONS).orElseThrow();
        StructType withSurprise = versions.schema().add("surprise", DataTypes.IntegerType);
        ParquetTables.write(spark.createDataFrame(List.of(RowFactory.create(new Object[withSurprise.size()])), withSurprise)
                .withColumn("session", lit("2025-spring")), out + "/" + OutputLayout.INDICATORS_TEST_VERSIONS);
        ParquetTables.write(spark.sql("SELECT 'x' AS a, '2025-spring' AS session"), out + "/flags/unknown");
        assertThat(SchemaCheck.differences(spark, out)).containsExactlyInAnyOrder(
                OutputLayout.INDICATORS_TEST_VERSIONS + ": column surprise is not declared",
                "flags/unknown: a table without a declaration in OutputTables");
    }
}
