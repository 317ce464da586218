package org.vprobjectivity.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.model.TaskSpec;
import org.vprobjectivity.table.OutputTables;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode_outer;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Derives the output tables of ingest from the staging records: {@code results} (one row per work),
 * {@code task_scores} (work × task), {@code participation} (listed/absent/works per class) and
 * {@code rejects}. The duplicate-participant rule is applied here because it spans files.
 */
public final class IngestTables {

    /** The columns of {@code results} as written, the session first (the declaration's: {@link OutputTables#RESULTS}). */
    public static final String[] RESULT_COLUMNS = OutputTables.RESULTS.sessionFirst();
    /** The columns of {@code rejects} and of rejects.csv, the session first ({@link OutputTables#REJECTS}). */
    public static final String[] REJECT_COLUMNS = OutputTables.REJECTS.sessionFirst();

    private final Dataset<Row> classified;
    private final Dataset<Row> works;
    private final Dataset<Row> rejects;
    private final Dataset<Row> absent;

    /** @param staging rows of {@link IngestRecordSchema} (TABLE rows are ignored here) */
    public IngestTables(Dataset<Row> staging) {
        WindowSpec sameParticipant = Window.partitionBy("session", "school_id", "subject", "grade", "participant");
        // Persisted once: every output table and the run report read the rows, and the municipality codes and the
        // window each cost a shuffle. Every row goes through one window, the absent and rejected ones too (few): a work's
        // copies count only the works of its participant (issue 18: ingest persists once).
        this.classified = withMunicipalityCodes(staging)
                .withColumn("copies", count(when(col("record_type").equalTo("WORK"), lit(1))).over(sameParticipant))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> candidates = classified.filter(col("record_type").equalTo("WORK"));
        Dataset<Row> others = classified.filter(col("record_type").notEqual("WORK")).drop("copies");
        RejectReason dup = RejectReason.DUPLICATE_PARTICIPANT;
        Dataset<Row> duplicates = candidates.filter(col("copies").gt(1))
                .withColumn("record_type", lit("REJECT"))
                .withColumn("reason_code", lit(dup.name()))
                .withColumn("reject_column", lit("participant"))
                .withColumn("reject_value", col("participant"))
                .withColumn("message_ru", lit(dup.messageRu()))
                .withColumn("message_en", lit(dup.messageEn()))
                .withColumn("raw_row", lit(null).cast(DataTypes.StringType))
                .drop("copies");
        this.works = candidates.filter(col("copies").equalTo(1)).drop("copies");
        this.rejects = others.filter(col("record_type").equalTo("REJECT")).unionByName(duplicates);
        this.absent = others.filter(col("record_type").equalTo("ABSENT"));
    }

    /**
     * Fills {@code municipality_code} where an export gives the municipality only by name (the regional export's
     * «Район» column): the code another row of the same school carries, else the code another row of the region gives
     * the same name (case and spaces aside), else the name itself. Without this the works of name-only exports had no
     * municipality key (70% of the sample's works fell into {@code municipality-unknown}): no municipal weak spots,
     * no municipality workbook.
     */
    static Dataset<Row> withMunicipalityCodes(Dataset<Row> staging) {
        String[] order = staging.columns();
        Column code = col("municipality_code");
        Column name = org.apache.spark.sql.functions.lower(org.apache.spark.sql.functions.trim(col("municipality")));
        Dataset<Row> bySchool = staging.filter(code.isNotNull().and(col("school_id").isNotNull()))
                .groupBy(col("school_id").as("__school")).agg(org.apache.spark.sql.functions.min(code).as("__code_school"));
        Dataset<Row> byName = staging.filter(code.isNotNull().and(name.isNotNull()))
                .groupBy(col("region").as("__region"), name.as("__name")).agg(org.apache.spark.sql.functions.min(code).as("__code_name"));
        Dataset<Row> filled = staging
                .join(broadcast(bySchool), col("school_id").equalTo(col("__school")), "left")
                .join(broadcast(byName), col("region").equalTo(col("__region")).and(name.equalTo(col("__name"))), "left")
                .withColumn("municipality_code", org.apache.spark.sql.functions.coalesce(code, col("__code_school"),
                        col("__code_name"), org.apache.spark.sql.functions.trim(col("municipality"))));
        return filled.select(java.util.Arrays.stream(order).map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    /** Frees the cached intermediates once the tables are written. */
    public void release() {
        classified.unpersist();
    }

    public Dataset<Row> results() {
        return works.select(columns(RESULT_COLUMNS));
    }

    /** Absent participants, kept out of results but counted in participation. */
    public Dataset<Row> absent() {
        return absent;
    }

    public Dataset<Row> rejects() {
        return rejects.select(columns(REJECT_COLUMNS));
    }

    /**
     * Per school × class × subject × grade: pupils listed (works + absent + rejected rows), absent and works.
     * Absent share feeds the participation indicator (weak pupils kept at home).
     */
    public Dataset<Row> participation() {
        Column[] keys = columns("session", "region", "municipality_code", "municipality", "school_id", "class", "subject", "grade");
        Dataset<Row> all = works.select(keys).withColumn("kind", lit("work"))
                .unionByName(absent.select(keys).withColumn("kind", lit("absent")))
                .unionByName(rejects.select(keys).withColumn("kind", lit("reject")));
        return all.groupBy(keys)
                .agg(count(lit(1)).as("listed"),
                        sum(when(col("kind").equalTo("absent"), 1).otherwise(0)).cast(DataTypes.IntegerType).as("absent"),
                        sum(when(col("kind").equalTo("work"), 1).otherwise(0)).cast(DataTypes.IntegerType).as("works"),
                        sum(when(col("kind").equalTo("reject"), 1).otherwise(0)).cast(DataTypes.IntegerType).as("rejected"))
                .withColumn("listed", col("listed").cast(DataTypes.IntegerType));
    }

    /** Long form: one row per work and task, with the task's name, maximum, level and checked skill. */
    public Dataset<Row> taskScores(SparkSession spark, MarkScales scales) {
        Dataset<Row> tasks = broadcast(taskCatalog(spark, scales));
        Dataset<Row> exploded = works.select(col("session"), col("region"), col("municipality_code"), col("school_id"),
                col("class"), col("subject"), col("grade"), col("participant"), col("scale_key"), col("mark"),
                col("journal_mark"), posexplode_outer(col("scores")).as(new String[]{"task_index", "score"}));
        return exploded.join(tasks, scala.jdk.javaapi.CollectionConverters.asScala(List.of("scale_key", "task_index")).toSeq(),
                        "left")
                .withColumn("attempted", col("score").isNotNull())
                .select("session", "region", "municipality_code", "school_id", "class", "subject", "grade", "participant",
                        "task_index", "task", "score", "task_max", "level", "skill", "attempted", "mark", "journal_mark");
    }

    /** Every task of every scale in force, keyed by scale entry and 0-based column position. */
    public static Dataset<Row> taskCatalog(SparkSession spark, MarkScales scales) {
        StructType schema = new StructType()
                .add("scale_key", DataTypes.StringType, false)
                .add("task_index", DataTypes.IntegerType, false)
                .add("task", DataTypes.StringType, false)
                .add("task_max", DataTypes.IntegerType, false)
                .add("level", DataTypes.StringType)
                .add("skill", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (MarkScale s : scales.entries()) {
            for (int i = 0; i < s.tasks().size(); i++) {
                TaskSpec t = s.tasks().get(i);
                rows.add(RowFactory.create(s.key(), i, t.name(), t.max(), t.level(), t.skill()));
            }
        }
        return spark.createDataFrame(rows, schema);
    }

    private static Column[] columns(String... names) {
        Column[] out = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = col(names[i]);
        }
        return out;
    }
}
