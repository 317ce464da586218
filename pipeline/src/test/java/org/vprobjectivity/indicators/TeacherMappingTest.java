package org.vprobjectivity.indicators;

import org.vprobjectivity.ingest.SideFileProblem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.ingest.DelimitedReader;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TeacherMappingTest {

    private static final String BODY = """
            sch001;4А;Математика;T1;Иванова Ирина Ивановна
            sch001;"4 ""Б\""";MA;T2
            sch002 | МБОУ СОШ № 2;;русский язык;T3;Петров П.П.
            sch002;б;RU;T4
            """;

    private static final TeacherMapping.Entry[] EXPECTED = {
            new TeacherMapping.Entry(1, "sch001", "А", 4, "MA", "T1", "Иванова Ирина Ивановна"),
            new TeacherMapping.Entry(2, "sch001", "Б", 4, "MA", "T2", null),
            new TeacherMapping.Entry(3, "sch002", null, null, "RU", "T3", "Петров П.П."),
            new TeacherMapping.Entry(4, "sch002", "Б", null, "RU", "T4", null)};

    @Test
    void readsUtf8WithHeader() {
        String text = "school_id;class;subject;teacher_id;teacher_name\n" + BODY;
        TeacherMapping m = TeacherMapping.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(m.problems()).isEmpty();
        assertThat(m.entries()).containsExactly(shifted(1));
    }

    @Test
    void readsWindows1251WithoutHeader() {
        TeacherMapping m = TeacherMapping.parse(BODY.getBytes(DelimitedReader.WINDOWS_1251));
        assertThat(m.problems()).isEmpty();
        assertThat(m.entries()).containsExactly(shifted(0));
    }

    @Test
    void readsRussianHeaderWithCrLf() {
        String text = ("Логин ОО;Класс;Предмет;Учитель\n" + BODY).replace("\n", "\r\n");
        TeacherMapping m = TeacherMapping.parse(text.getBytes(DelimitedReader.WINDOWS_1251));
        assertThat(m.problems()).isEmpty();
        assertThat(m.entries()).containsExactly(shifted(1));
    }

    @Test
    void badLinesAreReportedWithTheirNumbers() {
        String text = String.join("\n",
                "sch001;4А;MA;T1",              // 1 good
                "sch001;4А;Пение;T9",           // 2 subject not recognised
                "sch001;4Б;MA",                 // 3 too few fields
                "",                              // 4 blank: ignored
                "МБОУ СОШ 1;4А;MA;T5",          // 5 a school name, not a login
                "sch001;4В;MA;;Сидорова",       // 6 no teacher id
                "sch001;4 А;математика;T7",     // 7 another teacher for line 1's class
                "sch001;4А;MA;T1;Иванова",      // 8 same teacher again: merged, name kept
                "sch001;4Г;MA;T8;x;y",          // 9 too many fields
                "sch003;5А;OM;T6");             // 10 good
        TeacherMapping m = TeacherMapping.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(m.problems()).extracting(SideFileProblem::line).containsExactly(2, 3, 5, 6, 7, 9);
        assertThat(m.problems().get(4).messageEn()).contains("line 1");
        assertThat(m.problems()).allSatisfy(p -> assertThat(p.messageRu()).isNotBlank());
        assertThat(m.entries()).containsExactly(
                new TeacherMapping.Entry(1, "sch001", "А", 4, "MA", "T1", "Иванова"),
                new TeacherMapping.Entry(10, "sch003", "А", 5, "OM", "T6", null));
    }

    @Test
    void namesAreHiddenUnlessAskedFor() {
        SparkSession spark = SparkTestSession.get();
        TeacherMapping m = TeacherMapping.parse(BODY.getBytes(StandardCharsets.UTF_8));
        List<Row> hidden = m.toDataset(spark, false).collectAsList();
        assertThat(hidden).hasSize(4).allSatisfy(r -> assertThat(r.<String>getAs("teacher_name")).isNull());
        Map<String, String> shown = new HashMap<>();
        for (Row r : m.toDataset(spark, true).collectAsList()) {
            shown.put(r.getAs("teacher_id"), r.getAs("teacher_name"));
        }
        assertThat(shown).containsEntry("T1", "Иванова Ирина Ивановна").containsEntry("T3", "Петров П.П.")
                .containsEntry("T2", null);
        assertThat(m.toDataset(spark, false).columns())
                .containsExactly("school_id", "class", "grade", "subject", "teacher_id", "teacher_name");
    }

    /**
     * Issue 17: the teacher tables get {@code teacher_name} from the mapping as the run read it: the names with
     * {@code --include-names}, null without (what the report and the workbooks then show as the id).
     */
    @Test
    void teacherTablesCarryNamesOnlyWhenAskedFor() {
        SparkSession spark = SparkTestSession.get();
        TeacherMapping m = TeacherMapping.parse(BODY.getBytes(StandardCharsets.UTF_8));
        StructType schema = new StructType().add(TeacherMapping.TEACHER_ID, DataTypes.StringType).add("works", DataTypes.LongType)
                .add(TeacherMapping.TEACHER_NAME, DataTypes.StringType);
        Dataset<Row> cells = spark.createDataFrame(List.of(RowFactory.create("T1", 20L, "stale"), RowFactory.create("T2", 9L, null)),
                schema);
        Map<String, String> without = new HashMap<>();
        TeacherMapping.withNames(cells, m.toDataset(spark, false)).collectAsList()
                .forEach(r -> without.put(r.getAs(TeacherMapping.TEACHER_ID), r.getAs(TeacherMapping.TEACHER_NAME)));
        assertThat(without).containsEntry("T1", null).containsEntry("T2", null).hasSize(2);
        Map<String, String> with = new HashMap<>();
        TeacherMapping.withNames(cells, m.toDataset(spark, true)).collectAsList()
                .forEach(r -> with.put(r.getAs(TeacherMapping.TEACHER_ID), r.getAs(TeacherMapping.TEACHER_NAME)));
        assertThat(with).containsEntry("T1", "Иванова Ирина Ивановна").containsEntry("T2", null).hasSize(2);
    }

    @Test
    void attachMatchesUnknownClassAndPrefersTheClassOfTheGrade() {
        SparkSession spark = SparkTestSession.get();
        String text = String.join("\n",
                "sch001;4А;MA;T1;Учитель Один",  // 4А only
                "sch001;А;MA;T2;Учитель Два",    // А of any other grade
                "sch001;;MA;T3",                 // unknown class
                "sch002;Б;русский;T4");
        TeacherMapping m = TeacherMapping.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(m.problems()).isEmpty();
        StructType schema = new StructType()
                .add("participant", DataTypes.StringType)
                .add("school_id", DataTypes.StringType)
                .add("class", DataTypes.StringType)
                .add("grade", DataTypes.IntegerType)
                .add("subject", DataTypes.StringType)
                .add("teacher_id", DataTypes.StringType); // a stale column: replaced
        Dataset<Row> results = spark.createDataFrame(List.of(
                RowFactory.create("p1", "sch001", "А", 4, "MA", "old"),
                RowFactory.create("p2", "sch001", "А", 5, "MA", null),
                RowFactory.create("p3", "sch001", null, 4, "MA", null),
                RowFactory.create("p4", "sch002", "Б", 4, "RU", null),
                RowFactory.create("p5", "sch001", "Б", 4, "MA", null),
                RowFactory.create("p6", "sch002", "Б", 4, "MA", null),
                RowFactory.create("p7", "sch002", null, 4, "RU", null)), schema);

        Map<String, String> ids = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<Row> hidden = TeacherMapping.attach(results, m.toDataset(spark, false)).collectAsList();
        assertThat(hidden).hasSize(7);
        for (Row r : hidden) {
            ids.put(r.getAs("participant"), r.getAs("teacher_id"));
            assertThat(r.<String>getAs("teacher_name")).isNull();
        }
        assertThat(ids).containsEntry("p1", "T1").containsEntry("p2", "T2").containsEntry("p3", "T3")
                .containsEntry("p4", "T4").containsEntry("p5", null).containsEntry("p6", null).containsEntry("p7", null);
        for (Row r : TeacherMapping.attach(results, m.toDataset(spark, true)).collectAsList()) {
            names.put(r.getAs("participant"), r.getAs("teacher_name"));
        }
        assertThat(names).containsEntry("p1", "Учитель Один").containsEntry("p2", "Учитель Два").containsEntry("p3", null);
    }

    @Test
    void attachWorksWithAMappingWithoutGrade() {
        SparkSession spark = SparkTestSession.get();
        StructType mappingSchema = new StructType()
                .add("school_id", DataTypes.StringType)
                .add("class", DataTypes.StringType)
                .add("subject", DataTypes.StringType)
                .add("teacher_id", DataTypes.StringType);
        Dataset<Row> mapping = spark.createDataFrame(List.of(
                RowFactory.create("sch001", null, "MA", "T9")), mappingSchema);
        StructType schema = new StructType()
                .add("school_id", DataTypes.StringType)
                .add("class", DataTypes.StringType)
                .add("grade", DataTypes.IntegerType)
                .add("subject", DataTypes.StringType);
        Dataset<Row> results = spark.createDataFrame(List.of(
                RowFactory.create("sch001", null, 4, "MA"),
                RowFactory.create("sch001", "А", 4, "MA")), schema);
        List<Row> rows = TeacherMapping.attach(results, mapping).orderBy("class").collectAsList();
        assertThat(rows).extracting(r -> r.<String>getAs("teacher_id")).containsExactly("T9", null);
    }

    private static TeacherMapping.Entry[] shifted(int lines) {
        return Arrays.stream(EXPECTED).map(e -> new TeacherMapping.Entry(e.line() + lines, e.schoolId(), e.classLabel(),
                e.grade(), e.subject(), e.teacherId(), e.teacherName())).toArray(TeacherMapping.Entry[]::new);
    }
}
