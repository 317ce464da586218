package org.vprobjectivity.synthetic;

import org.vprobjectivity.model.MarkScales;

import java.util.ArrayList;
import java.util.List;

/**
 * A region simulated school by school without writing files, so the tests can see what the files never show: each
 * pupil's ability and each class's journal leniency. The same schools as {@link SyntheticRegion#write} produces for
 * the config.
 */
final class InMemoryRegion {

    private InMemoryRegion() {
    }

    static List<SimulatedSchool> simulate(GeneratorConfig cfg) {
        RegionLayout layout = new RegionLayout(cfg);
        SchoolSimulator simulator = new SchoolSimulator(cfg, SyntheticRegion.models(cfg, MarkScales.bundled()));
        List<SimulatedSchool> out = new ArrayList<>();
        for (int i = 0; i < layout.schoolCount(); i++) {
            out.add(simulator.simulate(layout.school(i)));
        }
        return out;
    }

    /** {lowered, confirmed, raised}: shares of present works with a journal mark whose VPR mark is below, equal, above it. */
    static double[] journalComparison(List<SimulatedSchool> schools) {
        long[] n = new long[3];
        for (SimulatedSchool s : schools) {
            for (Sitting sitting : s.sittings()) {
                for (SimWork w : sitting.works()) {
                    if (w.absent || w.journal == null) {
                        continue;
                    }
                    int mark = sitting.model().scale().markFor(w.primaryScore());
                    n[Integer.compare(mark, w.journal) + 1]++;
                }
            }
        }
        double total = n[0] + n[1] + n[2];
        return new double[] {n[0] / total, n[1] / total, n[2] / total};
    }
}
