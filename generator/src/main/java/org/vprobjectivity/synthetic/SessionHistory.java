package org.vprobjectivity.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Whether a school manipulates in its next session ({@code generate --sessions N}). A school that manipulated keeps
 * doing it with probability {@link #PERSIST}, with the same kind in the same subject and grade (a habit of the school
 * or of the teacher of that work), else it stops; an honest ordinary school starts with the probability that keeps
 * the region's share of manipulating schools where the config put it in the first session:
 * {@code f·P + (1 − f)·s = f}, so {@code s = f·(1 − P)/(1 − f)}, f the share among the schools that are not strong.
 * Strong schools stay honest. One stream per school and session, so the decision does not move the pupils.
 */
final class SessionHistory {

    static final double PERSIST = 0.6;

    private final GeneratorConfig cfg;
    private final List<ManipulationKind> kinds;
    private final double start;

    SessionHistory(GeneratorConfig cfg, RegionLayout layout) {
        this.cfg = cfg;
        this.kinds = new ArrayList<>(cfg.kinds());
        long ordinary = layout.schoolCount() - layout.strongCount();
        double f = ordinary == 0 ? 0 : (double) layout.manipulatedCount() / ordinary;
        this.start = f >= 1 ? 1 : f * (1 - PERSIST) / (1 - f);
    }

    /**
     * @param before  the kind the school manipulated with in the session before, null when it was honest
     * @param session the session's index, 1 for the second
     * @return the kind for this session, null for an honest session
     */
    ManipulationKind next(SchoolPlan plan, ManipulationKind before, int session) {
        if (plan.strong()) {
            return null;
        }
        Random r = SeededRandom.of(cfg.seed(), SeededRandom.HISTORY, plan.index(), session);
        if (before != null) {
            return r.nextDouble() < PERSIST ? before : null;
        }
        return r.nextDouble() < start ? kinds.get(r.nextInt(kinds.size())) : null;
    }
}
