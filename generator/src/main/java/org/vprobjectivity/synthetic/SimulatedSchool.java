package org.vprobjectivity.synthetic;

import java.util.List;

/**
 * A simulated school: its plan, its sittings (subject × grade), the ground truth of what was injected, and its school
 * effect on ability (kept so the school's next session draws its new cohort from the same school).
 */
record SimulatedSchool(SchoolPlan plan, List<Sitting> sittings, List<GroundTruthRow> truth, double schoolEffect) {
}
