package org.vprobjectivity.jobs;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.indicators.CellIndicators;
import org.vprobjectivity.indicators.IndicatorConfig;
import org.vprobjectivity.indicators.Keys;
import org.vprobjectivity.indicators.OfficialMarkers;
import org.vprobjectivity.indicators.RegionFigures;
import org.vprobjectivity.indicators.ScaleColumns;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.io.RunReport;
import org.vprobjectivity.model.MarkScales;

import static org.apache.spark.sql.functions.col;

/** Indicators over the ingested tables in the staging folder: official markers, cell and class tables, region figures. */
final class IndicatorStage {

    private IndicatorStage() {
    }

    static void run(SparkSession spark, MarkScales scales, IndicatorConfig config, String staging, RunReport report,
                    Progress progress) {
        long t0 = System.currentTimeMillis();
        Dataset<Row> results = ScaleColumns.join(spark.read().parquet(staging + "/" + OutputLayout.RESULTS), spark, scales);
        Dataset<Row> participation = spark.read().parquet(staging + "/" + OutputLayout.PARTICIPATION);

        ParquetTables.write(OfficialMarkers.compute(results), staging + "/" + OutputLayout.INDICATORS_OFFICIAL);
        ParquetTables.write(withSmallCell(CellIndicators.compute(results, participation, Keys.SCHOOL), config),
                staging + "/" + OutputLayout.INDICATORS_SCHOOL);
        ParquetTables.write(withSmallCell(CellIndicators.compute(results, participation, Keys.CLASS), config),
                staging + "/" + OutputLayout.INDICATORS_CLASS);
        ParquetTables.write(RegionFigures.compute(results), staging + "/" + OutputLayout.INDICATORS_REGION);
        report.stageMillis.put("indicators", System.currentTimeMillis() - t0);
        progress.say("wrote indicators: official, school, class, region");
    }

    private static Dataset<Row> withSmallCell(Dataset<Row> cells, IndicatorConfig config) {
        return cells.withColumn("small_cell", col("works").lt(config.minCellWorks));
    }
}
