package org.vprobjectivity.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.ingest.HeaderMapping;
import org.vprobjectivity.ingest.IngestOptions;
import org.vprobjectivity.ingest.IngestRecordSchema;
import org.vprobjectivity.ingest.InputCatalog;
import org.vprobjectivity.ingest.SparkIngest;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.report.MethodologyWorkbooks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the executors open (input files) and write (the methodologists' workbooks) goes through the file system the
 * driver's Hadoop settings name: settings given as {@code spark.hadoop.*} (s3a credentials, an endpoint) exist only
 * there, not in a {@code new Configuration()} on an executor. Here a file system scheme {@code vprtest} exists only
 * in the session's Hadoop configuration (not cached, so no instance the driver made can stand in for it).
 */
class HadoopSettingsOnExecutorsTest {

    /** The local disk under another scheme, known only to whoever has the setting. */
    public static final class AliasFileSystem extends RawLocalFileSystem {
        @Override
        public URI getUri() {
            return URI.create("vprtest:///");
        }

        @Override
        public String getScheme() {
            return "vprtest";
        }
    }

    private final SparkSession spark = SparkTestSession.get();
    private final Configuration conf = spark.sparkContext().hadoopConfiguration();

    @BeforeEach
    void addScheme() {
        conf.set("fs.vprtest.impl", AliasFileSystem.class.getName());
        conf.setBoolean("fs.vprtest.impl.disable.cache", true);
    }

    @AfterEach
    void removeScheme() {
        conf.unset("fs.vprtest.impl");
        conf.unset("fs.vprtest.impl.disable.cache");
    }

    private static Path sample(String name) {
        for (Path p : List.of(Path.of("../data-samples/region"), Path.of("data-samples/region"))) {
            if (Files.isDirectory(p)) {
                return p.resolve(name);
            }
        }
        throw new IllegalStateException("data-samples/region not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void executorsReadInputsWithTheDriversSettings(@TempDir Path dir) throws Exception {
        Path file = Files.copy(sample("canonical_MA4.csv"), dir.resolve("canonical_MA4.csv"));
        // A file, not its folder: RawLocalFileSystem's listing of a folder insists on file: URIs.
        List<Row> tables = SparkIngest.read(spark, InputCatalog.list(List.of("vprtest://" + file.toAbsolutePath()), conf),
                        HeaderMapping.bundled(), MarkScales.bundled(), IngestOptions.NONE)
                .filter(col("record_type").equalTo(IngestRecordSchema.TABLE))
                .select("source_file", "problem_code", "message_en").collectAsList();
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).getString(0)).startsWith("vprtest:");
        assertThat(tables.get(0).isNullAt(1)).as("problem: %s", tables.get(0).getString(2)).isTrue();
    }

    @Test
    void executorsWriteWorkbooksWithTheDriversSettings(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        String work = "\"session\":\"2025-spring\",\"region\":\"22\",\"subject\":\"MA\",\"grade\":4,\"school_id\":\"s1\"";
        table(out, OutputLayout.INDICATORS_WEAK_SPOTS, "{" + work + ",\"municipality_code\":\"m1\",\"task\":\"1\",\"task_index\":0,"
                + "\"mark_group\":\"all\",\"group_level\":\"school\",\"teacher_id\":null,\"works\":10,\"solve_rate\":0.5}");
        table(out, OutputLayout.INDICATORS_CLASS, "{" + work + ",\"class\":\"А\",\"works\":12}");
        table(out, OutputLayout.INDICATORS_SCHOOL, "{" + work + ",\"municipality_code\":\"m1\",\"works\":12}");
        table(out, OutputLayout.FLAGS_CELLS, "{" + work + ",\"risk_score\":0.3,\"flagged\":false,\"reasons\":[]}");
        Path target = dir.resolve("methodology");
        assertThat(MethodologyWorkbooks.write(spark, out.toString(), "vprtest://" + target.toAbsolutePath(), "ru"))
                .isEqualTo(2);
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("municipality-m1.xlsx", "s1.xlsx");
        }
    }

    private void table(Path out, String name, String jsonRow) {
        spark.read().json(spark.createDataset(List.of(jsonRow), Encoders.STRING())).write()
                .parquet(out.resolve(name).toString());
    }
}
