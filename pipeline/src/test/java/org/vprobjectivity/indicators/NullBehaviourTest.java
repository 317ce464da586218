package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.ingest.IngestTables;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.OutputFormat;

import java.nio.file.Path;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calibration on a region without manipulation: the share of school cells with p &lt; 0.05 stays near
 * the nominal 5% for each clustered share test (the beta-binomial is discrete, so a little below).
 */
class NullBehaviourTest {

    static final String[] P_COLUMNS = {"raised_p", "lowered_p", "quality_p", "absent_p"};

    @Test
    void pValuesOfCleanCellsAreCalibrated(@TempDir Path dir) throws Exception {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(120).seed(77).manipulatedShare(0)
                .formats(OutputFormat.CANONICAL_CSV).build();
        GeneratedRegion region = new GeneratedRegion(SparkTestSession.get(), dir, cfg);
        Dataset<Row> catalog = IngestTables.taskCatalog(SparkTestSession.get(), MarkScales.bundled());
        Dataset<Row> bunching = RegionBunching.compute(SparkTestSession.get(), region.results);
        Dataset<Row> cells = CellIndicators.compute(region.results, region.tables.participation(), catalog, bunching, Keys.SCHOOL).cache();
        for (String p : P_COLUMNS) {
            Row r = cells.filter(col(p).isNotNull())
                    .agg(count(col(p)), sum(when(col(p).lt(0.05), 1).otherwise(0))).first();
            double rate = (double) r.getLong(1) / r.getLong(0);
            System.out.printf("null rate %-10s %.3f over %d cells%n", p, rate, r.getLong(0));
            assertThat(rate).as(p).isBetween(0.02, 0.08);
        }
    }
}
