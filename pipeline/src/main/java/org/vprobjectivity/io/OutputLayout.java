package org.vprobjectivity.io;

import java.util.Set;

/** Names of what a run leaves under {@code --output}. */
public final class OutputLayout {

    public static final String RESULTS = "results";
    public static final String TASK_SCORES = "task_scores";
    public static final String PARTICIPATION = "participation";
    public static final String REJECTS = "rejects";
    public static final String REJECTS_CSV = "rejects.csv";
    public static final String RUN_JSON = "run.json";

    public static final String INDICATORS_OFFICIAL = "indicators/official";
    public static final String INDICATORS_SCHOOL = "indicators/school";
    public static final String INDICATORS_CLASS = "indicators/class";
    public static final String INDICATORS_REGION = "indicators/region";
    public static final String INDICATORS_TEACHER = "indicators/teacher";
    public static final String INDICATORS_WEAK_SPOTS = "indicators/weak_spots";
    /** The fitted pupil model's signs per class and cell, and each reference's fit ({@code indicators.ModelSigns}). */
    public static final String INDICATORS_MODEL = "indicators/model";
    /** The official marker 3 per school × subject × cohort, by the later session ({@code indicators.CohortMarker}). */
    public static final String INDICATORS_COHORT = "indicators/cohort";
    /** The test version (mark scale) of each work per session ({@code indicators.TestVersions}). */
    public static final String INDICATORS_TEST_VERSIONS = "indicators/test_versions";

    public static final String FLAGS_CELLS = "flags/cells";
    public static final String FLAGS_SCHOOLS = "flags/schools";
    public static final String FLAGS_TEACHERS = "flags/teachers";
    public static final String FLAGS_COMPARISON = "flags/comparison";
    public static final String FLAGS_OFFICIAL = "flags/official";
    /** The objectivity index per municipality ({@code OfficialList.municipalIndex}). */
    public static final String FLAGS_OFFICIAL_INDEX = "flags/official_index";
    /** How our list and the official one carry over between consecutive sessions ({@code flags.ListOverlap}). */
    public static final String FLAGS_LIST_OVERLAP = "flags/list_overlap";
    public static final String OFFICIAL_XLSX = "official-markers.xlsx";

    /** The re-check's plan, forms and results ({@code recheck} commands; a run never writes them). */
    public static final String RECHECK = "recheck";
    /** Folders a run keeps from the previous output as they are (see {@code AtomicOutput}). */
    public static final Set<String> KEPT_BY_RUNS = Set.of(RECHECK);

    /** Parquet tables partitioned by {@code session=}. */
    public static final Set<String> PARTITIONED_TABLES = Set.of(RESULTS, TASK_SCORES, PARTICIPATION, REJECTS,
            INDICATORS_OFFICIAL, INDICATORS_SCHOOL, INDICATORS_CLASS, INDICATORS_REGION, INDICATORS_TEACHER,
            INDICATORS_WEAK_SPOTS, INDICATORS_MODEL, INDICATORS_COHORT, INDICATORS_TEST_VERSIONS, FLAGS_CELLS, FLAGS_SCHOOLS, FLAGS_TEACHERS, FLAGS_COMPARISON, FLAGS_OFFICIAL,
            FLAGS_OFFICIAL_INDEX, FLAGS_LIST_OVERLAP);

    private OutputLayout() {
    }
}
