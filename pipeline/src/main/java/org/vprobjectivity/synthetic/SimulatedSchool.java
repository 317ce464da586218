package org.vprobjectivity.synthetic;

import java.util.List;

/** A simulated school: its plan, its sittings (subject × grade) and the ground truth of what was injected. */
record SimulatedSchool(SchoolPlan plan, List<Sitting> sittings, List<GroundTruthRow> truth) {
}
