package org.vprobjectivity.table;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.io.OutputLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The declared schema of every Parquet table {@code run} writes (issue 18: one column vocabulary). Each is the schema a
 * reader gets back, as Spark DDL, columns in order, {@code session} (the partition column) last; the columns a side file
 * adds ({@code --reference}, {@code --exam}, {@code --observed}) are declared once and marked optional where they go;
 * the official list has one column per work ({@link OutputTable.Pivot}). What each column means is in
 * docs/indicators-schema.md and docs/flags.md. {@link SchemaCheck} compares an output with them, and the end-to-end
 * tests run it on every table their runs write, so a column added, dropped, renamed or retyped without its declaration
 * fails there rather than in a reader's notebook. The words of the flag tables are in the run's language and in each
 * language ({@code reasons_ru}, {@code reasons_en}: {@link org.vprobjectivity.flags.Bilingual}).
 */
public final class OutputTables {

    /** The partition column of every table, last in each declaration. */
    public static final String SESSION = "session";

    /** With {@code --reference}: the external reference's mark shares and the cell against them. */
    private static final String REFERENCE_COLUMNS =
            "ext_share_2 DOUBLE, ext_share_3 DOUBLE, ext_share_4 DOUBLE, ext_share_5 DOUBLE, ext_quality DOUBLE, " +
            "ext_label STRING, ext_quality_p DOUBLE";

    /** With {@code --exam}: the later state exam and the gap to what the VPR predicts. */
    private static final String EXAM_COLUMNS =
            "exam_year INT, exam_kind STRING, exam_mean DOUBLE, exam_n BIGINT, exam_z DOUBLE, " +
            "exam_percentile DOUBLE, vpr_z DOUBLE, vpr_percentile DOUBLE, exam_expected_z DOUBLE, exam_gap_z DOUBLE, " +
            "exam_gap_p DOUBLE, exam_confirms BOOLEAN, exam_schools INT";

    /** With {@code --observed}: the cell among the schools that wrote under observation. */
    private static final String OBSERVED_COLUMNS =
            "observed BOOLEAN, obs_schools INT, obs_mean_pct_percentile DOUBLE, obs_quality_percentile DOUBLE, " +
            "obs_mean_pct_p95 DOUBLE, obs_quality_p95 DOUBLE, obs_above_p95 BOOLEAN";

    /** With {@code --exam}: the ОГЭ marker 1, computed as the official one. */
    private static final String OGE_COLUMNS =
            "oge_n BIGINT, oge_mean DOUBLE, oge_sd DOUBLE, oge_ci_lower DOUBLE, oge_region_n BIGINT, " +
            "oge_region_mean DOUBLE, oge_region_sd DOUBLE, oge_region_ci_upper DOUBLE, " +
            "oge_marker_inflated_mean BOOLEAN";

    public static final OutputTable RESULTS = declare(OutputLayout.RESULTS,
            "region STRING, municipality_code STRING, municipality STRING, school_id STRING, school_name STRING, " +
            "grade INT, class STRING, subject STRING, variant STRING, participant STRING, sex STRING, " +
            "scores ARRAY<INT>, primary_score INT, mark INT, journal_mark INT, scale_key STRING, source_file STRING, " +
            "sheet STRING, source_row INT, session STRING");

    public static final OutputTable TASK_SCORES = declare(OutputLayout.TASK_SCORES,
            "region STRING, municipality_code STRING, school_id STRING, class STRING, subject STRING, grade INT, " +
            "participant STRING, task_index INT, task STRING, score INT, task_max INT, level STRING, skill STRING, " +
            "attempted BOOLEAN, mark INT, journal_mark INT, session STRING");

    public static final OutputTable PARTICIPATION = declare(OutputLayout.PARTICIPATION,
            "region STRING, municipality_code STRING, municipality STRING, school_id STRING, class STRING, " +
            "subject STRING, grade INT, listed INT, absent INT, works INT, rejected INT, session STRING");

    public static final OutputTable REJECTS = declare(OutputLayout.REJECTS,
            "source_file STRING, sheet STRING, source_row INT, reject_column STRING, reason_code STRING, " +
            "message_ru STRING, message_en STRING, reject_value STRING, school_id STRING, subject STRING, grade INT, " +
            "class STRING, participant STRING, raw_row STRING, session STRING");

    public static final OutputTable INDICATORS_OFFICIAL = declare(OutputLayout.INDICATORS_OFFICIAL,
            "region STRING, school_id STRING, subject STRING, grade INT, municipality_code STRING, " +
            "municipality STRING, school_name STRING, school_n BIGINT, school_mean DOUBLE, school_sd DOUBLE, " +
            "school_ci_lower DOUBLE, school_ci_upper DOUBLE, region_n BIGINT, region_mean DOUBLE, region_sd DOUBLE, " +
            "region_ci_lower DOUBLE, region_ci_upper DOUBLE, n_with_journal BIGINT, spearman_journal_score DOUBLE, " +
            "spearman_sign_numerator DOUBLE, marker_inflated_mean BOOLEAN, marker_mismatch BOOLEAN, " +
            "marker_cohort_change BOOLEAN, official_work BOOLEAN, markers INT, session STRING",
            "session", optional("--exam", OGE_COLUMNS));

    /**
     * A cell's indicator families after its keys (journal, high results, participation, task patterns, distribution),
     * as every cell level's table has them and {@code indicators.ReferenceCells} computes them.
     */
    public static final String INDICATOR_COLUMNS =
            "municipality_code STRING, municipality STRING, reference_unit STRING, works BIGINT, n_journal BIGINT, " +
            "lowered BIGINT, confirmed BIGINT, raised BIGINT, mean_diff DOUBLE, score_resid DOUBLE, n_resid BIGINT, " +
            "score_above_journal DOUBLE, works_without_journal BIGINT, lowered_share DOUBLE, confirmed_share DOUBLE, " +
            "raised_share DOUBLE, mean_diff_se DOUBLE, kappa_w DOUBLE, raised_ref DOUBLE, raised_rho DOUBLE, " +
            "raised_p DOUBLE, raised_shrunk DOUBLE, lowered_ref DOUBLE, lowered_rho DOUBLE, lowered_p DOUBLE, " +
            "lowered_shrunk DOUBLE, shift_ref DOUBLE, shift_z DOUBLE, shift_up_p DOUBLE, shift_down_p DOUBLE, " +
            "resid_ref DOUBLE, resid_z DOUBLE, resid_up_p DOUBLE, resid_down_p DOUBLE, n BIGINT, marks_2 BIGINT, " +
            "marks_3 BIGINT, marks_4 BIGINT, marks_5 BIGINT, mean_score_pct DOUBLE, mean_score DOUBLE, " +
            "quality BIGINT, share_2 DOUBLE, share_3 DOUBLE, share_4 DOUBLE, share_5 DOUBLE, quality_share DOUBLE, " +
            "quality_ref DOUBLE, quality_rho DOUBLE, quality_p DOUBLE, quality_shrunk DOUBLE, " +
            "quality_percentile DOUBLE, mean_pct_percentile DOUBLE, listed BIGINT, absent BIGINT, " +
            "absent_share DOUBLE, absent_ref DOUBLE, absent_rho DOUBLE, absent_p DOUBLE, absent_shrunk DOUBLE, " +
            "tasks INT, task_rank_corr DOUBLE, solve_basic DOUBLE, solve_advanced DOUBLE, solve_basic_ref DOUBLE, " +
            "solve_advanced_ref DOUBLE, level_inversion DOUBLE, guttman_works INT, guttman_mean DOUBLE, " +
            "guttman_ref_mean DOUBLE, guttman_ref_sd DOUBLE, guttman_expected DOUBLE, guttman_z DOUBLE, " +
            "guttman_p DOUBLE, identical_vector_works INT, largest_identical_group INT, identical_share DOUBLE, " +
            "identical_pairs BIGINT, identical_pairs_expected DOUBLE, identical_p DOUBLE, concentration DOUBLE, " +
            "concentration_ref DOUBLE, omitted BIGINT, omission_items BIGINT, omission_rate DOUBLE, " +
            "omission_rate_ref DOUBLE, no_omission_p DOUBLE, score_mean DOUBLE, score_sd DOUBLE, bunch3_cut INT, " +
            "bunch3_window BIGINT, bunch3_above BIGINT, bunch3_region_share DOUBLE, bunch3_expected_above DOUBLE, " +
            "bunch3_excess DOUBLE, bunch3_p DOUBLE, bunch4_cut INT, bunch4_window BIGINT, bunch4_above BIGINT, " +
            "bunch4_region_share DOUBLE, bunch4_expected_above DOUBLE, bunch4_excess DOUBLE, bunch4_p DOUBLE, " +
            "bunch5_cut INT, bunch5_window BIGINT, bunch5_above BIGINT, bunch5_region_share DOUBLE, " +
            "bunch5_expected_above DOUBLE, bunch5_excess DOUBLE, bunch5_p DOUBLE, bunch_min_p DOUBLE, " +
            "bunch_total_p DOUBLE, chi2_stat DOUBLE, chi2_df INT, ks_distance DOUBLE, score_histogram ARRAY<BIGINT>, " +
            "sd_expected DOUBLE, " +
            "sd_z DOUBLE, sd_p DOUBLE, chi2_dispersion DOUBLE, chi2_p DOUBLE";

    /** The pupil model's signs of a school cell or class (docs/model.md). */
    private static final String MODEL_COLUMNS =
            "model_fitted BOOLEAN, model_status STRING, model_works INT, model_class_sd DOUBLE, " +
            "model_leniency_sd DOUBLE, model_cut_factors ARRAY<DOUBLE>, model_copy_factor DOUBLE, " +
            "ability_level DOUBLE, journal_resid DOUBLE, journal_resid_marks DOUBLE, journal_resid_z DOUBLE, " +
            "journal_above_p DOUBLE, journal_below_p DOUBLE, pattern_fit DOUBLE, pattern_works DOUBLE, " +
            "pattern_p DOUBLE, cut_at_works DOUBLE, cut_expected DOUBLE, cut_window_works DOUBLE, cut_p DOUBLE, " +
            "copy_pairs DOUBLE, copy_expected DOUBLE, copy_works DOUBLE, copy_p DOUBLE, added_points_fit DOUBLE, " +
            "added_points_works DOUBLE, added_points_p DOUBLE, known_answers_fit DOUBLE, known_answers_works DOUBLE, " +
            "known_answers_p DOUBLE";

    public static final OutputTable INDICATORS_SCHOOL = declare(OutputLayout.INDICATORS_SCHOOL,
            "region STRING, school_id STRING, subject STRING, grade INT, " + INDICATOR_COLUMNS + ", " + MODEL_COLUMNS
                    + ", small_cell BOOLEAN, session STRING",
            "session", optional("--reference", REFERENCE_COLUMNS), optional("--exam", EXAM_COLUMNS),
            optional("--observed", OBSERVED_COLUMNS));

    public static final OutputTable INDICATORS_CLASS = declare(OutputLayout.INDICATORS_CLASS,
            "region STRING, school_id STRING, subject STRING, grade INT, class STRING, " + INDICATOR_COLUMNS + ", "
                    + MODEL_COLUMNS + ", small_cell BOOLEAN, session STRING",
            "session", optional("--reference", REFERENCE_COLUMNS));

    public static final OutputTable INDICATORS_REGION = declare(OutputLayout.INDICATORS_REGION,
            "region STRING, subject STRING, grade INT, works BIGINT, mean_score DOUBLE, mean_score_pct DOUBLE, " +
            "share_2 DOUBLE, share_3 DOUBLE, share_4 DOUBLE, share_5 DOUBLE, journal_share_2 DOUBLE, " +
            "journal_share_3 DOUBLE, journal_share_4 DOUBLE, journal_share_5 DOUBLE, lowered_share DOUBLE, " +
            "confirmed_share DOUBLE, raised_share DOUBLE, works_without_journal BIGINT, quality_share DOUBLE, " +
            "bunching ARRAY<STRUCT<cut: INT, cut_score: INT, window_from: INT, window_to: INT, observed: ARRAY<BIGINT>, counterfactual: ARRAY<DOUBLE>, excess_mass: DOUBLE, missing_mass: DOUBLE, bunching_ratio: DOUBLE, bunching_se: DOUBLE, bunching_z: DOUBLE, bunching_p: DOUBLE, degree: INT, share_above_in_window: DOUBLE>>, " +
            "bunching3_excess DOUBLE, bunching3_p DOUBLE, bunching4_excess DOUBLE, bunching4_p DOUBLE, " +
            "bunching5_excess DOUBLE, bunching5_p DOUBLE, session STRING");

    public static final OutputTable INDICATORS_TEACHER = declare(OutputLayout.INDICATORS_TEACHER,
            "region STRING, teacher_id STRING, subject STRING, grade INT, " + INDICATOR_COLUMNS
                    + ", small_cell BOOLEAN, teacher_name STRING, session STRING",
            "teacher_name", optional("--reference", REFERENCE_COLUMNS));

    public static final OutputTable INDICATORS_WEAK_SPOTS = declare(OutputLayout.INDICATORS_WEAK_SPOTS,
            "region STRING, subject STRING, grade INT, group_level STRING, group_id STRING, " +
            "municipality_code STRING, school_id STRING, class STRING, teacher_id STRING, teacher_name STRING, " +
            "mark_group STRING, task_index INT, task STRING, level STRING, skill STRING, task_max INT, works BIGINT, " +
            "solve_rate DOUBLE, solve_rate_municipality DOUBLE, solve_rate_region DOUBLE, gap_to_region DOUBLE, " +
            "achieved BOOLEAN, weak BOOLEAN, small_group BOOLEAN, weak_rank INT, session STRING");

    public static final OutputTable INDICATORS_MODEL = declare(OutputLayout.INDICATORS_MODEL,
            "model_level STRING, region STRING, school_id STRING, subject STRING, grade INT, class STRING, "
                    + MODEL_COLUMNS + ", session STRING");

    public static final OutputTable INDICATORS_COHORT = declare(OutputLayout.INDICATORS_COHORT,
            "region STRING, school_id STRING, municipality_code STRING, municipality STRING, subject STRING, " +
            "grade_from INT, grade_to INT, session_from STRING, session_to STRING, s_from DOUBLE, s_to DOUBLE, " +
            "n_from BIGINT, n_to BIGINT, k DOUBLE, q25 DOUBLE, q75 DOUBLE, iqr DOUBLE, schools_compared BIGINT, " +
            "marker3_fall BOOLEAN, marker3_rise BOOLEAN, version_from STRING, version_to STRING, comparable BOOLEAN, " +
            "z_from DOUBLE, z_to DOUBLE, z_change DOUBLE, z_first DOUBLE, reversal_score DOUBLE, reversal BOOLEAN, " +
            "reversal_p DOUBLE, session STRING");

    public static final OutputTable INDICATORS_TEST_VERSIONS = declare(OutputLayout.INDICATORS_TEST_VERSIONS,
            "subject STRING, grade INT, version STRING, version_year INT, max_score INT, tasks INT, works BIGINT, " +
            "task_maxima ARRAY<INT>, session STRING");

    public static final OutputTable FLAGS_CELLS = declare(OutputLayout.FLAGS_CELLS,
            "region STRING, school_id STRING, subject STRING, grade INT, municipality_code STRING, " +
            "municipality STRING, risk_score DOUBLE, q_value DOUBLE, flagged BOOLEAN, flag_kind STRING, " +
            "flagged_results BOOLEAN, flagged_journal BOOLEAN, risk_score_journal DOUBLE, p_any DOUBLE, " +
            "p_results_kind DOUBLE, p_journal_kind DOUBLE, p_results DOUBLE, p_combined DOUBLE, " +
            "p_independent DOUBLE, p_journal DOUBLE, practical_results BOOLEAN, practical_journal BOOLEAN, " +
            "p_results_cell DOUBLE, p_results_classes DOUBLE, p_journal_cell DOUBLE, p_journal_classes DOUBLE, " +
            "classes_tested BIGINT, strongest_class STRING, group_high_p DOUBLE, group_journal_p DOUBLE, " +
            "group_distribution_p DOUBLE, group_tasks_p DOUBLE, group_participation_p DOUBLE, " +
            "group_recheck_p DOUBLE, group_exam_p DOUBLE, sign_journal_below_p DOUBLE, " +
            "sign_journal_below_effect BOOLEAN, sign_raised_p DOUBLE, sign_raised_effect BOOLEAN, " +
            "sign_shift_up_p DOUBLE, sign_shift_up_effect BOOLEAN, sign_score_up_p DOUBLE, " +
            "sign_score_up_effect BOOLEAN, sign_quality_p DOUBLE, sign_quality_effect BOOLEAN, sign_absent_p DOUBLE, " +
            "sign_absent_effect BOOLEAN, sign_cuts_p DOUBLE, sign_cuts_effect BOOLEAN, sign_bunching_p DOUBLE, " +
            "sign_bunching_effect BOOLEAN, sign_spread_p DOUBLE, sign_spread_effect BOOLEAN, sign_shape_p DOUBLE, " +
            "sign_shape_effect BOOLEAN, sign_pattern_p DOUBLE, sign_pattern_effect BOOLEAN, " +
            "sign_added_points_p DOUBLE, sign_added_points_effect BOOLEAN, sign_known_answers_p DOUBLE, " +
            "sign_known_answers_effect BOOLEAN, sign_copies_p DOUBLE, " +
            "sign_copies_effect BOOLEAN, sign_person_fit_p DOUBLE, sign_person_fit_effect BOOLEAN, " +
            "sign_identical_p DOUBLE, sign_identical_effect BOOLEAN, sign_no_omissions_p DOUBLE, " +
            "sign_no_omissions_effect BOOLEAN, sign_recheck_p DOUBLE, sign_recheck_effect BOOLEAN, " +
            "sign_exam_p DOUBLE, sign_exam_effect BOOLEAN, sign_journal_above_p DOUBLE, " +
            "sign_journal_above_effect BOOLEAN, sign_lowered_p DOUBLE, sign_lowered_effect BOOLEAN, " +
            "sign_shift_down_p DOUBLE, sign_shift_down_effect BOOLEAN, sign_score_down_p DOUBLE, " +
            "sign_score_down_effect BOOLEAN, works BIGINT, n_journal BIGINT, small_cell BOOLEAN, " +
            "reference_unit STRING, raised_share DOUBLE, raised_ref DOUBLE, lowered_share DOUBLE, " +
            "lowered_ref DOUBLE, mean_diff DOUBLE, shift_ref DOUBLE, score_resid DOUBLE, resid_ref DOUBLE, " +
            "score_above_journal DOUBLE, quality_share DOUBLE, quality_ref DOUBLE, mean_score_pct DOUBLE, " +
            "score_mean DOUBLE, absent_share DOUBLE, absent_ref DOUBLE, bunch3_excess DOUBLE, bunch4_excess DOUBLE, " +
            "bunch5_excess DOUBLE, bunch3_cut INT, bunch4_cut INT, bunch5_cut INT, bunch3_above BIGINT, " +
            "bunch4_above BIGINT, bunch5_above BIGINT, bunch3_expected_above DOUBLE, bunch4_expected_above DOUBLE, " +
            "bunch5_expected_above DOUBLE, score_sd DOUBLE, sd_expected DOUBLE, chi2_stat DOUBLE, " +
            "guttman_mean DOUBLE, guttman_expected DOUBLE, identical_vector_works INT, largest_identical_group INT, " +
            "omission_rate DOUBLE, omission_rate_ref DOUBLE, level_inversion DOUBLE, kappa_w DOUBLE, " +
            "model_fitted BOOLEAN, model_status STRING, model_works INT, model_class_sd DOUBLE, " +
            "model_leniency_sd DOUBLE, model_cut_factors ARRAY<DOUBLE>, model_copy_factor DOUBLE, " +
            "ability_level DOUBLE, journal_resid DOUBLE, journal_resid_marks DOUBLE, journal_resid_z DOUBLE, " +
            "journal_above_p DOUBLE, journal_below_p DOUBLE, pattern_fit DOUBLE, pattern_works DOUBLE, " +
            "pattern_p DOUBLE, cut_at_works DOUBLE, cut_expected DOUBLE, cut_window_works DOUBLE, cut_p DOUBLE, " +
            "copy_pairs DOUBLE, copy_expected DOUBLE, copy_works DOUBLE, copy_p DOUBLE, added_points_fit DOUBLE, " +
            "added_points_works DOUBLE, added_points_p DOUBLE, known_answers_fit DOUBLE, known_answers_works DOUBLE, " +
            "known_answers_p DOUBLE, recheck_works BIGINT, " +
            "recheck_mark_changed_share DOUBLE, recheck_point_diff DOUBLE, recheck_control_point_diff DOUBLE, " +
            "recheck_works_lowered BIGINT, recheck_p DOUBLE, recheck_cleared BOOLEAN, exam_kind STRING, " +
            "exam_year INT, exam_mean DOUBLE, exam_n BIGINT, exam_z DOUBLE, exam_percentile DOUBLE, vpr_z DOUBLE, " +
            "vpr_percentile DOUBLE, exam_expected_z DOUBLE, exam_gap_z DOUBLE, exam_gap_p DOUBLE, " +
            "exam_confirms BOOLEAN, exam_schools INT, observed BOOLEAN, obs_schools INT, " +
            "obs_mean_pct_percentile DOUBLE, obs_quality_percentile DOUBLE, obs_mean_pct_p95 DOUBLE, " +
            "obs_quality_p95 DOUBLE, obs_above_p95 BOOLEAN, reasons ARRAY<STRING>, reason_signs ARRAY<STRING>, " +
            "reason_p ARRAY<DOUBLE>, reasons_ru ARRAY<STRING>, reasons_en ARRAY<STRING>, " +
            "sessions_flagged_in_row INT, official_sessions_in_row INT, previous_session STRING, " +
            "mean_jump_pct DOUBLE, quality_jump DOUBLE, mean_jump_z DOUBLE, mean_jump_p DOUBLE, " +
            "quality_jump_z DOUBLE, quality_jump_p DOUBLE, region_mean_change_pct DOUBLE, jump_comparable BOOLEAN, " +
            "session STRING");

    public static final OutputTable FLAGS_SCHOOLS = declare(OutputLayout.FLAGS_SCHOOLS,
            "region STRING, school_id STRING, municipality_code STRING, municipality STRING, risk_score DOUBLE, " +
            "risk_score_journal DOUBLE, flagged BOOLEAN, flagged_results BOOLEAN, flagged_journal BOOLEAN, " +
            "n_flagged_cells BIGINT, n_cells BIGINT, flagged_works STRING, flagged_works_ru STRING, " +
            "flagged_works_en STRING, reasons ARRAY<STRING>, reasons_ru ARRAY<STRING>, reasons_en ARRAY<STRING>, " +
            "school_name STRING, official_markers BIGINT, official_marked_works BIGINT, official_works STRING, " +
            "school_type STRING, sessions_flagged_in_row INT, official_sessions_in_row INT, rank INT, " +
            "session STRING");

    public static final OutputTable FLAGS_TEACHERS = declare(OutputLayout.FLAGS_TEACHERS,
            "region STRING, teacher_id STRING, municipality_code STRING, municipality STRING, risk_score DOUBLE, " +
            "risk_score_journal DOUBLE, flagged BOOLEAN, flagged_results BOOLEAN, flagged_journal BOOLEAN, " +
            "n_flagged_cells BIGINT, n_cells BIGINT, flagged_works STRING, flagged_works_ru STRING, " +
            "flagged_works_en STRING, reasons ARRAY<STRING>, reasons_ru ARRAY<STRING>, reasons_en ARRAY<STRING>, " +
            "teacher_name STRING, session STRING");

    public static final OutputTable FLAGS_COMPARISON = declare(OutputLayout.FLAGS_COMPARISON,
            "region STRING, school_id STRING, school_name STRING, municipality_code STRING, municipality STRING, " +
            "school_type STRING, official_markers BIGINT, official_works STRING, flagged BOOLEAN, risk_score DOUBLE, " +
            "rank INT, category STRING, explanation STRING, explanation_ru STRING, explanation_en STRING, " +
            "session STRING");

    /** The official list: one {@code marker_<grade>_<subject>} column per work (and {@code marker_oge_<subject>} with {@code --exam}). */
    public static final OutputTable FLAGS_OFFICIAL = declare(OutputLayout.FLAGS_OFFICIAL,
            "year INT, region STRING, school_id STRING, municipality_code STRING, municipality STRING, " +
            "school_name STRING, markers INT, any_marker BOOLEAN, session STRING")
            .withPivot("marker_(oge|[0-9]+)_[a-z]+", DataTypes.IntegerType);

    public static final OutputTable FLAGS_OFFICIAL_INDEX = declare(OutputLayout.FLAGS_OFFICIAL_INDEX,
            "year INT, region STRING, municipality_code STRING, municipality STRING, schools_with_works BIGINT, " +
            "schools_with_markers BIGINT, objectivity_index DOUBLE, session STRING");

    public static final OutputTable FLAGS_LIST_OVERLAP = declare(OutputLayout.FLAGS_LIST_OVERLAP,
            "previous_session STRING, region STRING, schools_previous BIGINT, schools_now BIGINT, " +
            "schools_in_both BIGINT, ours_both BIGINT, ours_previous_only BIGINT, ours_now_only BIGINT, " +
            "official_both BIGINT, official_previous_only BIGINT, official_now_only BIGINT, both_lists_now BIGINT, " +
            "session STRING");

    /** Every declared table, in the order of the output's layout. */
    public static final List<OutputTable> ALL = List.of(
            RESULTS,
            TASK_SCORES,
            PARTICIPATION,
            REJECTS,
            INDICATORS_OFFICIAL,
            INDICATORS_SCHOOL,
            INDICATORS_CLASS,
            INDICATORS_REGION,
            INDICATORS_TEACHER,
            INDICATORS_WEAK_SPOTS,
            INDICATORS_MODEL,
            INDICATORS_COHORT,
            INDICATORS_TEST_VERSIONS,
            FLAGS_CELLS,
            FLAGS_SCHOOLS,
            FLAGS_TEACHERS,
            FLAGS_COMPARISON,
            FLAGS_OFFICIAL,
            FLAGS_OFFICIAL_INDEX,
            FLAGS_LIST_OVERLAP);

    private OutputTables() {
    }

    /** The declaration of the table at {@code path} (relative to the output, e.g. {@code flags/cells}). */
    public static Optional<OutputTable> of(String path) {
        return ALL.stream().filter(t -> t.path().equals(path)).findFirst();
    }

    private static OutputTable declare(String path, String ddl) {
        return new OutputTable(path, StructType.fromDDL(ddl));
    }

    /** A table whose optional groups go, in the order given, just before the column {@code before}. */
    private static OutputTable declare(String path, String ddl, String before, Group... groups) {
        List<StructField> fields = new ArrayList<>(Arrays.asList(StructType.fromDDL(ddl).fields()));
        int at = Arrays.asList(StructType.fromDDL(ddl).fieldNames()).indexOf(before);
        List<OutputTable.OptionalGroup> optional = new ArrayList<>();
        for (Group g : groups) {
            StructField[] added = StructType.fromDDL(g.ddl()).fields();
            fields.addAll(at, Arrays.asList(added));
            at += added.length;
            optional.add(new OutputTable.OptionalGroup(g.option(), Arrays.stream(added).map(StructField::name).toList()));
        }
        return new OutputTable(path, new StructType(fields.toArray(StructField[]::new)), List.copyOf(optional), null);
    }

    private record Group(String option, String ddl) {
    }

    private static Group optional(String option, String ddl) {
        return new Group(option, ddl);
    }
}
