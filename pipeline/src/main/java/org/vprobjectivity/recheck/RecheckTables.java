package org.vprobjectivity.recheck;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The re-check's folders under a run's output and the columns of its tables. */
public final class RecheckTables {

    public static final String DIR = org.vprobjectivity.io.OutputLayout.RECHECK;
    public static final String PLAN = DIR + "/plan";
    public static final String STRATA = DIR + "/strata";
    public static final String FORMS = DIR + "/forms";
    public static final String WORKS = DIR + "/works";
    public static final String SCHOOLS = DIR + "/schools";
    public static final String TASKS = DIR + "/tasks";
    public static final String REJECTS = DIR + "/rejects";

    public static final String PLAN_ID = "plan_id";
    public static final String WORK_ID = "work_id";
    public static final String STRATUM = "stratum";
    public static final String TARGETED = "targeted";
    public static final String CONTROL = "control";
    public static final String REASON = "reason";
    public static final String COMMISSION = "commission";
    public static final String FORM = "form";
    public static final String ORIGINAL_SCORES = "original_scores";
    public static final String ORIGINAL_SCORE = "original_score";
    public static final String ORIGINAL_MARK = "original_mark";
    public static final String PRIORITY = "priority";

    public static final String EXPERT_SCORES = "expert_scores";
    public static final String EXPERT_SCORE = "expert_score";
    public static final String EXPERT_MARK = "expert_mark";
    public static final String POINT_DIFF = "point_diff";
    public static final String TASK_DIFFS = "task_diffs";
    public static final String MARK_CHANGED = "mark_changed";
    /** Per work the share of its task scores the commission left as they were. */
    public static final String TASKS_AGREEING = "tasks_agreeing_share";
    public static final String FORM_FILE = "form_file";
    public static final String FORM_ROW = "form_row";

    public static final String WORKS_RECHECKED = "works_rechecked";
    public static final String MARK_CHANGED_SHARE = "mark_changed_share";
    public static final String MEAN_POINT_DIFF = "mean_point_diff";
    public static final String POINT_DIFF_SD = "point_diff_sd";
    public static final String WORKS_LOWERED = "works_points_lowered";
    public static final String WORKS_RAISED = "works_points_raised";
    public static final String OBJECTIVE_SHARE = "objective_share";
    public static final String EXACT_AGREEMENT = "exact_agreement";
    public static final String CONTROL_WORKS = "control_works";
    public static final String CONTROL_LOWERED = "control_works_lowered";
    public static final String CONTROL_MEAN_DIFF = "control_mean_point_diff";
    public static final String DISCREPANCY_P = "discrepancy_p";
    public static final String CONFIRMED = "discrepancy_confirmed";

    public static final String TASK_INDEX = "task_index";
    public static final String TASK = "task";
    public static final String TASK_MAX = "task_max";
    public static final String MEAN_DIFF = "mean_diff";
    public static final String WEIGHTED_KAPPA = "weighted_kappa";

    /** A re-check's evidence joined into a run's cells ({@link RecheckEvidence}). */
    public static final String EVIDENCE_WORKS = "recheck_works";
    public static final String EVIDENCE_MARK_CHANGED = "recheck_mark_changed_share";
    public static final String EVIDENCE_POINT_DIFF = "recheck_point_diff";
    public static final String EVIDENCE_CONTROL_DIFF = "recheck_control_point_diff";
    public static final String EVIDENCE_LOWERED = "recheck_works_lowered";
    public static final String EVIDENCE_P = "recheck_p";
    public static final String EVIDENCE_CLEARED = "recheck_cleared";

    public static final StructType EVIDENCE_SCHEMA = new StructType()
            .add(EVIDENCE_WORKS, DataTypes.LongType)
            .add(EVIDENCE_MARK_CHANGED, DataTypes.DoubleType)
            .add(EVIDENCE_POINT_DIFF, DataTypes.DoubleType)
            .add(EVIDENCE_CONTROL_DIFF, DataTypes.DoubleType)
            .add(EVIDENCE_LOWERED, DataTypes.LongType)
            .add(EVIDENCE_P, DataTypes.DoubleType)
            .add(EVIDENCE_CLEARED, DataTypes.BooleanType);

    /** Where a reading problem was found, and why (as ingest's rejects: file, sheet, row, column). */
    public static final StructType REJECTS_SCHEMA = new StructType()
            .add(FORM_FILE, DataTypes.StringType, false)
            .add("sheet", DataTypes.StringType)
            .add("row", DataTypes.IntegerType)
            .add("column", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add(REASON, DataTypes.StringType, false);

    /** One row per work read back: the expert's scores beside the work's code (joined to the plan later). */
    public static final StructType EXPERT_SCHEMA = new StructType()
            .add(WORK_ID, DataTypes.StringType, false)
            .add(EXPERT_SCORES, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add(FORM_FILE, DataTypes.StringType, false)
            .add(FORM_ROW, DataTypes.IntegerType, false);

    private RecheckTables() {
    }
}
