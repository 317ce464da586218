package org.vprobjectivity.flags;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.indicators.ModelSigns;
import org.vprobjectivity.indicators.ObservedReference;
import org.vprobjectivity.recheck.RecheckTables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of an {@code indicators/school} (or {@code class}) style table holding just the columns the flags code
 * reads, with "nothing suspicious" defaults: every p-value 0.5, every share equal to its reference, no bunching
 * excess, the SD as expected, no identical vectors, 40 works. A test overrides the few columns it is about.
 */
final class CellRow {

    /** The cell table's columns (keys first); {@link #CLASS_SCHEMA} adds {@code class} after the grade. */
    static final StructType SCHOOL_SCHEMA = new StructType()
            .add("session", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("school_id", DataTypes.StringType).add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType)
            .add("municipality_code", DataTypes.StringType).add("municipality", DataTypes.StringType)
            .add("works", DataTypes.LongType).add("n_journal", DataTypes.LongType)
            .add("small_cell", DataTypes.BooleanType).add("reference_unit", DataTypes.StringType)
            .add("raised_share", DataTypes.DoubleType).add("raised_ref", DataTypes.DoubleType).add("raised_p", DataTypes.DoubleType)
            .add("lowered_share", DataTypes.DoubleType).add("lowered_ref", DataTypes.DoubleType).add("lowered_p", DataTypes.DoubleType)
            .add("mean_diff", DataTypes.DoubleType).add("shift_ref", DataTypes.DoubleType)
            .add("shift_up_p", DataTypes.DoubleType).add("shift_down_p", DataTypes.DoubleType)
            .add("score_resid", DataTypes.DoubleType).add("resid_ref", DataTypes.DoubleType)
            .add("score_above_journal", DataTypes.DoubleType)
            .add("resid_up_p", DataTypes.DoubleType).add("resid_down_p", DataTypes.DoubleType)
            .add("quality_share", DataTypes.DoubleType).add("quality_ref", DataTypes.DoubleType).add("quality_p", DataTypes.DoubleType)
            .add("mean_score_pct", DataTypes.DoubleType)
            .add("absent_share", DataTypes.DoubleType).add("absent_ref", DataTypes.DoubleType).add("absent_p", DataTypes.DoubleType)
            .add("bunch3_excess", DataTypes.DoubleType).add("bunch4_excess", DataTypes.DoubleType)
            .add("bunch5_excess", DataTypes.DoubleType)
            .add("bunch3_cut", DataTypes.IntegerType).add("bunch4_cut", DataTypes.IntegerType).add("bunch5_cut", DataTypes.IntegerType)
            .add("bunch3_above", DataTypes.LongType).add("bunch4_above", DataTypes.LongType).add("bunch5_above", DataTypes.LongType)
            .add("bunch3_expected_above", DataTypes.DoubleType).add("bunch4_expected_above", DataTypes.DoubleType)
            .add("bunch5_expected_above", DataTypes.DoubleType)
            .add("bunch_total_p", DataTypes.DoubleType)
            .add("score_sd", DataTypes.DoubleType).add("sd_expected", DataTypes.DoubleType).add("sd_p", DataTypes.DoubleType)
            .add("chi2_stat", DataTypes.DoubleType).add("chi2_p", DataTypes.DoubleType)
            .add("guttman_mean", DataTypes.DoubleType).add("guttman_expected", DataTypes.DoubleType)
            .add("guttman_p", DataTypes.DoubleType)
            .add("identical_vector_works", DataTypes.IntegerType).add("largest_identical_group", DataTypes.IntegerType)
            .add("identical_p", DataTypes.DoubleType)
            .add("omission_rate", DataTypes.DoubleType).add("omission_rate_ref", DataTypes.DoubleType)
            .add("no_omission_p", DataTypes.DoubleType)
            .add("level_inversion", DataTypes.DoubleType).add("kappa_w", DataTypes.DoubleType)
            .add(ModelSigns.FITTED, DataTypes.BooleanType)
            .add(ModelSigns.JOURNAL_RESID, DataTypes.DoubleType).add(ModelSigns.JOURNAL_ABOVE_P, DataTypes.DoubleType)
            .add(ModelSigns.JOURNAL_BELOW_P, DataTypes.DoubleType)
            .add(ModelSigns.PATTERN_FIT, DataTypes.DoubleType).add(ModelSigns.PATTERN_P, DataTypes.DoubleType)
            .add(ModelSigns.ADDED_FIT, DataTypes.DoubleType).add(ModelSigns.ADDED_P, DataTypes.DoubleType)
            .add(ModelSigns.KNOWN_FIT, DataTypes.DoubleType).add(ModelSigns.KNOWN_P, DataTypes.DoubleType)
            .add(ModelSigns.CUT_AT, DataTypes.DoubleType).add(ModelSigns.CUT_EXPECTED, DataTypes.DoubleType)
            .add(ModelSigns.CUT_P, DataTypes.DoubleType)
            .add(ModelSigns.COPY_PAIRS, DataTypes.DoubleType).add(ModelSigns.COPY_EXPECTED, DataTypes.DoubleType)
            .add(ModelSigns.COPY_WORKS, DataTypes.DoubleType).add(ModelSigns.COPY_P, DataTypes.DoubleType)
            .add(RecheckTables.EVIDENCE_WORKS, DataTypes.LongType).add(RecheckTables.EVIDENCE_MARK_CHANGED, DataTypes.DoubleType)
            .add(RecheckTables.EVIDENCE_POINT_DIFF, DataTypes.DoubleType)
            .add(RecheckTables.EVIDENCE_CONTROL_DIFF, DataTypes.DoubleType)
            .add(RecheckTables.EVIDENCE_LOWERED, DataTypes.LongType).add(RecheckTables.EVIDENCE_P, DataTypes.DoubleType)
            .add(RecheckTables.EVIDENCE_CLEARED, DataTypes.BooleanType)
            // outside confirmation (--exam) and the observed schools (--observed): null unless a test sets them
            .add(ExamConfirmation.EXAM_KIND, DataTypes.StringType).add(ExamConfirmation.EXAM_YEAR, DataTypes.IntegerType)
            .add(ExamConfirmation.EXAM_Z, DataTypes.DoubleType).add(ExamConfirmation.EXAM_PERCENTILE, DataTypes.DoubleType)
            .add(ExamConfirmation.VPR_PERCENTILE, DataTypes.DoubleType)
            .add(ExamConfirmation.EXAM_EXPECTED_Z, DataTypes.DoubleType)
            .add(ExamConfirmation.EXAM_GAP_P, DataTypes.DoubleType).add(ExamConfirmation.EXAM_CONFIRMS, DataTypes.BooleanType)
            .add(ObservedReference.OBS_QUALITY_PERCENTILE, DataTypes.DoubleType);

    static final StructType CLASS_SCHEMA = withClass();

    private final Map<String, Object> values = new LinkedHashMap<>();

    private CellRow(String schoolId) {
        values.put("session", "2025-spring");
        values.put("region", "05");
        values.put("school_id", schoolId);
        values.put("subject", "MA");
        values.put("grade", 4);
        values.put("municipality_code", "m1");
        values.put("municipality", "Гунибский район");
        values.put("works", 40L);
        values.put("n_journal", 40L);
        values.put("small_cell", false);
        values.put("reference_unit", "region");
        share("raised", 0.08);
        share("lowered", 0.10);
        values.put("mean_diff", -0.1);
        values.put("shift_ref", -0.1);
        values.put("shift_up_p", 0.5);
        values.put("shift_down_p", 0.5);
        values.put("score_resid", 0.0);
        values.put("resid_ref", 0.0);
        values.put("score_above_journal", 0.0);
        values.put("resid_up_p", 0.5);
        values.put("resid_down_p", 0.5);
        share("quality", 0.50);
        values.put("mean_score_pct", 55.0);
        share("absent", 0.05);
        int[] cuts = {0, 0, 0, 6, 11, 16};
        for (int k = 3; k <= 5; k++) {
            values.put("bunch" + k + "_excess", 0.0);
            values.put("bunch" + k + "_cut", cuts[k]);
            values.put("bunch" + k + "_above", 3L);
            values.put("bunch" + k + "_expected_above", 3.0);
        }
        values.put("bunch_total_p", 0.5);
        values.put("score_sd", 5.0);
        values.put("sd_expected", 5.0);
        values.put("sd_p", 0.5);
        values.put("chi2_stat", 8.0);
        values.put("chi2_p", 0.5);
        values.put("guttman_mean", 0.10);
        values.put("guttman_expected", 0.10);
        values.put("guttman_p", 0.5);
        values.put("identical_vector_works", 0);
        values.put("largest_identical_group", 0);
        values.put("identical_p", 0.5);
        values.put("omission_rate", 0.05);
        values.put("omission_rate_ref", 0.05);
        values.put("no_omission_p", 0.5);
        values.put("level_inversion", 0.0);
        values.put("kappa_w", 0.6);
        values.put(ModelSigns.FITTED, false); // the indicator families' signs, unless a test fits the model
    }

    /**
     * The reference's pupil model fitted, with "nothing suspicious" values: journal residual 0, every model p 0.5, the
     * expected count at the cuts and of identical pairs observed.
     */
    CellRow fitted() {
        values.put(ModelSigns.FITTED, true);
        values.put(ModelSigns.JOURNAL_RESID, 0.0);
        values.put(ModelSigns.JOURNAL_ABOVE_P, 0.5);
        values.put(ModelSigns.JOURNAL_BELOW_P, 0.5);
        values.put(ModelSigns.PATTERN_FIT, 0.0);
        values.put(ModelSigns.PATTERN_P, 0.5);
        values.put(ModelSigns.ADDED_FIT, 0.0);
        values.put(ModelSigns.ADDED_P, 0.5);
        values.put(ModelSigns.KNOWN_FIT, 0.0);
        values.put(ModelSigns.KNOWN_P, 0.5);
        values.put(ModelSigns.CUT_AT, 4.0);
        values.put(ModelSigns.CUT_EXPECTED, 4.0);
        values.put(ModelSigns.CUT_P, 0.5);
        values.put(ModelSigns.COPY_PAIRS, 0.0);
        values.put(ModelSigns.COPY_EXPECTED, 0.1);
        values.put(ModelSigns.COPY_WORKS, 0.0);
        values.put(ModelSigns.COPY_P, 0.5);
        return this;
    }

    /** A clean cell of the school (mathematics, grade 4, 40 works). */
    static CellRow of(String schoolId) {
        return new CellRow(schoolId);
    }

    private void share(String name, double value) {
        values.put(name + "_share", value);
        values.put(name + "_ref", value);
        values.put(name + "_p", 0.5);
    }

    /** Overrides one column; numbers are converted to the column's type (null stays null). */
    CellRow set(String column, Object value) {
        DataType type = SCHEMA_TYPES.get(column);
        if (type == null) {
            throw new IllegalArgumentException("not a cell column: " + column);
        }
        values.put(column, convert(type, value));
        return this;
    }

    CellRow work(String subject, int grade) {
        values.put("subject", subject);
        values.put("grade", grade);
        return this;
    }

    /** Makes the row a class's (the {@code class} column, null = class unknown). */
    CellRow inClass(String letter) {
        values.put("class", letter);
        return this;
    }

    private boolean isClass() {
        return values.containsKey("class");
    }

    /** The row with its schema (so {@code getAs(name)} works without Spark). */
    Row toRow() {
        StructType schema = isClass() ? CLASS_SCHEMA : SCHOOL_SCHEMA;
        Object[] out = new Object[schema.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(schema.fields()[i].name());
        }
        return new GenericRowWithSchema(out, schema);
    }

    /** A school-cell table ({@link #SCHOOL_SCHEMA}). */
    static Dataset<Row> table(SparkSession spark, List<CellRow> rows) {
        return spark.createDataFrame(rows.stream().map(r -> {
            if (r.isClass()) {
                throw new IllegalArgumentException("a class row in a school table");
            }
            return r.toRow();
        }).toList(), SCHOOL_SCHEMA);
    }

    /** A class table ({@link #CLASS_SCHEMA}); every row needs {@link #inClass}. */
    static Dataset<Row> classTable(SparkSession spark, List<CellRow> rows) {
        return spark.createDataFrame(rows.stream().map(r -> {
            if (!r.isClass()) {
                throw new IllegalArgumentException("a school row in a class table");
            }
            return r.toRow();
        }).toList(), CLASS_SCHEMA);
    }

    private static final Map<String, DataType> SCHEMA_TYPES = new LinkedHashMap<>();

    static {
        for (StructField f : CLASS_SCHEMA.fields()) {
            SCHEMA_TYPES.put(f.name(), f.dataType());
        }
    }

    private static StructType withClass() {
        StructType out = new StructType();
        for (StructField f : SCHOOL_SCHEMA.fields()) {
            out = out.add(f);
            if (f.name().equals("grade")) {
                out = out.add("class", DataTypes.StringType);
            }
        }
        return out;
    }

    private static Object convert(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            if (type.equals(DataTypes.DoubleType)) {
                return n.doubleValue();
            }
            if (type.equals(DataTypes.LongType)) {
                return n.longValue();
            }
            if (type.equals(DataTypes.IntegerType)) {
                return n.intValue();
            }
        }
        return value;
    }
}
