package org.vprobjectivity.flags;

/**
 * Aspects of a cell's results that give independent evidence (docs/design.md §7): within a group signs look at the same
 * data and are combined conservatively (Simes), across groups by Fisher's method. {@link #HIGH} is the one that
 * never counts alone (the two-signal rule).
 */
public enum SignGroup {
    /** Anomalously high results (quality share). */
    HIGH,
    /** VPR marks above the school's own journal marks. */
    JOURNAL,
    /** The primary-score distribution: bunching at the cuts, compressed spread, shape. */
    DISTRIBUTION,
    /** Task patterns: person fit, identical vectors, missing omissions. */
    TASKS,
    /** Participation: pupils absent. */
    PARTICIPATION,
    /** A re-check of the works by a commission (only where one was read back). */
    RECHECK,
    /** Outside confirmation: the school's later state exam results (only with {@code --exam}). */
    EXAM;

    /** Groups that are independent of the results' level: at least one must carry a sign for a flag. */
    public boolean independent() {
        return this != HIGH;
    }
}
