package org.vprobjectivity.flags;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built {@code flags/cells} rows (the columns {@link SchoolFlags} and {@link Comparison} read) and
 * {@code indicators/official} rows, for the rollup and comparison tests. Session 2025-spring, region 05.
 */
final class FlagTables {

    static final StructType CELL_FLAGS = new StructType()
            .add("session", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("school_id", DataTypes.StringType).add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType)
            .add("municipality_code", DataTypes.StringType).add("municipality", DataTypes.StringType)
            .add("risk_score", DataTypes.DoubleType).add("risk_score_journal", DataTypes.DoubleType)
            .add("flagged", DataTypes.BooleanType).add("flagged_results", DataTypes.BooleanType)
            .add("flagged_journal", DataTypes.BooleanType)
            .add("q_value", DataTypes.DoubleType).add("p_independent", DataTypes.DoubleType)
            .add("small_cell", DataTypes.BooleanType).add("works", DataTypes.LongType)
            .add("raised_share", DataTypes.DoubleType).add("raised_ref", DataTypes.DoubleType)
            .add("reasons", DataTypes.createArrayType(DataTypes.StringType))
            .add("reason_p", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("reasons_ru", DataTypes.createArrayType(DataTypes.StringType))
            .add("reasons_en", DataTypes.createArrayType(DataTypes.StringType));

    static final StructType OFFICIAL = new StructType()
            .add("session", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("school_id", DataTypes.StringType).add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType).add("school_name", DataTypes.StringType)
            .add("municipality_code", DataTypes.StringType).add("municipality", DataTypes.StringType)
            .add("school_n", DataTypes.LongType).add("school_mean", DataTypes.DoubleType)
            .add("region_mean", DataTypes.DoubleType)
            .add("marker_inflated_mean", DataTypes.BooleanType).add("marker_mismatch", DataTypes.BooleanType)
            .add("spearman_journal_score", DataTypes.DoubleType)
            .add("official_work", DataTypes.BooleanType).add("markers", DataTypes.IntegerType);

    private final List<Row> cells = new ArrayList<>();
    private final List<Row> official = new ArrayList<>();

    /**
     * A cell's flag row: flagged as "results" when {@code flagged}; reasons with their p-values given as
     * alternating text, p ("r1", 0.001, "r2", 0.02), the run's (Russian) and {@code reasons_ru}; {@code reasons_en} the
 * same with "EN " in front ({@link #english}). 40 works, raised share at its reference.
     */
    FlagTables cell(String school, String subject, int grade, String municipalityCode, boolean flagged, double risk,
                    Object... reasonsAndPs) {
        return sizedCell(school, subject, grade, municipalityCode, flagged, risk, 40L, false, 0.08, reasonsAndPs);
    }

    /** A cell with its works, small-cell mark and raised share (reference 8%). */
    FlagTables sizedCell(String school, String subject, int grade, String municipalityCode, boolean flagged, double risk,
                    long works, boolean small, double raised, Object... reasonsAndPs) {
        List<String> reasons = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (int i = 0; i < reasonsAndPs.length; i += 2) {
            reasons.add((String) reasonsAndPs[i]);
            ps.add(((Number) reasonsAndPs[i + 1]).doubleValue());
        }
        cells.add(RowFactory.create("2025-spring", "05", school, subject, grade, municipalityCode,
                municipalityCode == null ? null : "район " + municipalityCode, risk, 0.0, flagged, flagged, false,
                flagged ? 1e-4 : 0.5, flagged ? 1e-6 : 1.0, small, works, raised, 0.08,
                scala.jdk.javaapi.CollectionConverters.asScala(reasons).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(ps).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(reasons).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(reasons.stream().map(FlagTables::english).toList()).toSeq()));
        return this;
    }

    /** The fixture's English sentence of a reason. */
    static String english(String reason) {
        return "EN " + reason;
    }

    /** An official row with neither marker unless {@link #marked} is used. */
    FlagTables official(String school, String subject, int grade, String name, String municipalityCode, int markers,
                        boolean officialWork) {
        official.add(RowFactory.create("2025-spring", "05", school, subject, grade, name, municipalityCode,
                "район " + municipalityCode, 40L, 12.0, 12.0, markers > 0, markers > 1, 0.5, officialWork, markers));
        return this;
    }

    /** An official work with the values behind its markers. */
    FlagTables marked(String school, String subject, int grade, String name, boolean inflated, boolean mismatch,
                      long n, double schoolMean, double regionMean, double spearman) {
        official.add(RowFactory.create("2025-spring", "05", school, subject, grade, name, "m1", "район m1", n, schoolMean,
                regionMean, inflated, mismatch, spearman, true, (inflated ? 1 : 0) + (mismatch ? 1 : 0)));
        return this;
    }

    Dataset<Row> cells(SparkSession spark) {
        return spark.createDataFrame(cells, CELL_FLAGS);
    }

    Dataset<Row> official(SparkSession spark) {
        return spark.createDataFrame(official, OFFICIAL);
    }
}
