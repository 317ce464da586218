package org.vprobjectivity.synthetic;

/**
 * One pupil's sitting of one work, mutable while manipulations are applied. Scores: -1 = not attempted.
 * Marks are never stored: they are always recomputed from the scale, so files stay consistent.
 */
final class SimWork {

    final SimPupil pupil;
    boolean absent;
    int[] scores;
    /** The scores as the pupil earned them, before any manipulation: what an honest re-check finds. */
    final int[] honest;
    Integer journal;
    final int variant;

    SimWork(SimPupil pupil, boolean absent, int[] scores, Integer journal, int variant) {
        this.pupil = pupil;
        this.absent = absent;
        this.scores = scores;
        this.honest = scores.clone();
        this.journal = journal;
        this.variant = variant;
    }

    int primaryScore() {
        int sum = 0;
        for (int s : scores) {
            sum += Math.max(0, s);
        }
        return sum;
    }
}
