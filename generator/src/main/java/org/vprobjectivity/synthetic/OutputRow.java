package org.vprobjectivity.synthetic;

import org.vprobjectivity.ingest.RejectReason;
import org.vprobjectivity.model.MarkScale;

/**
 * A row as it goes into a file, format-neutral. Valid rows carry the scale's total and mark; an injected
 * bad row carries the values that break its one rule and the reason the ingest should report.
 *
 * @param scores   task scores, -1 = not attempted; empty for an absent pupil
 * @param journal  journal mark, null = none
 * @param injected the rule this extra row breaks, or null for a real work or absent pupil
 */
record OutputRow(String participant, int serial, String classLetter, char sex, boolean absent, int variant,
                 int[] scores, int primaryScore, int mark, Integer journal, RejectReason injected) {

    static OutputRow of(SimWork w, MarkScale scale) {
        SimPupil p = w.pupil;
        if (w.absent) {
            return new OutputRow(p.code(), p.serial(), p.classLetter(), p.sex(), true, 0, new int[0], -1, -1, null, null);
        }
        int total = w.primaryScore();
        return new OutputRow(p.code(), p.serial(), p.classLetter(), p.sex(), false, w.variant, w.scores.clone(), total,
                scale.markFor(total), w.journal, null);
    }

    boolean isWork() {
        return !absent && injected == null;
    }

    boolean isBad() {
        return injected != null;
    }
}
