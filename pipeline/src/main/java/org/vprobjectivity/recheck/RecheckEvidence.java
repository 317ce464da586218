package org.vprobjectivity.recheck;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.io.ParquetTables;

import static org.apache.spark.sql.functions.col;

/**
 * A re-check's findings as evidence for the flags: per school × subject × grade of the targeted stratum, the works
 * re-checked, the share whose mark changed, the mean point difference beside the control group's, and the
 * discrepancy p against the control group ({@code recheck_p}; a sign of its own, the strongest second sign the flags
 * have: the commission saw the works). {@code recheck_cleared}: at least {@value #MIN_WORKS_TO_CLEAR} works
 * re-checked, no mark changed and no discrepancy at {@value RecheckResults#CONFIRM_P}: the re-check confirms the
 * school's marking, and its results flag is lifted with that reason. Journal flags are untouched (a re-check of works
 * says nothing of a journal).
 */
public final class RecheckEvidence {

    static final int MIN_WORKS_TO_CLEAR = 5;

    private RecheckEvidence() {
    }

    /** The evidence under {@code outputDir}, or null when no re-check has been read there. */
    public static Dataset<Row> read(SparkSession spark, String outputDir) {
        String table = outputDir + "/" + RecheckTables.SCHOOLS;
        return ParquetTables.exists(spark, table) ? of(spark.read().parquet(table)) : null;
    }

    /** @param schools {@code recheck/schools} */
    public static Dataset<Row> of(Dataset<Row> schools) {
        Column cleared = col(RecheckTables.WORKS_RECHECKED).geq(MIN_WORKS_TO_CLEAR)
                .and(col(RecheckTables.MARK_CHANGED_SHARE).equalTo(0))
                .and(col(RecheckTables.DISCREPANCY_P).isNull().or(col(RecheckTables.DISCREPANCY_P).geq(RecheckResults.CONFIRM_P)));
        return schools.filter(col(RecheckTables.STRATUM).equalTo(RecheckTables.TARGETED))
                .select(col("session"), col("region"), col("school_id"), col("subject"), col("grade"),
                        col(RecheckTables.WORKS_RECHECKED).cast("long").as(RecheckTables.EVIDENCE_WORKS),
                        col(RecheckTables.MARK_CHANGED_SHARE).as(RecheckTables.EVIDENCE_MARK_CHANGED),
                        col(RecheckTables.MEAN_POINT_DIFF).as(RecheckTables.EVIDENCE_POINT_DIFF),
                        col(RecheckTables.CONTROL_MEAN_DIFF).as(RecheckTables.EVIDENCE_CONTROL_DIFF),
                        col(RecheckTables.WORKS_LOWERED).cast("long").as(RecheckTables.EVIDENCE_LOWERED),
                        col(RecheckTables.DISCREPANCY_P).as(RecheckTables.EVIDENCE_P),
                        cleared.as(RecheckTables.EVIDENCE_CLEARED));
    }

    /** The cells with the evidence joined (left: cells never re-checked get nulls). */
    public static Dataset<Row> join(Dataset<Row> cells, Dataset<Row> evidence) {
        return evidence == null ? cells : Keys.join(cells, evidence, Keys.SCHOOL, "left");
    }
}
