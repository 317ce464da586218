package org.vprobjectivity.synthetic;

/** The kinds of non-objective marking the simulator injects; each has a signature the indicators look for. */
public enum ManipulationKind {
    /** Works a point or two below a mark cut are "found" the missing points (bunching at cuts). */
    LENIENT_NEAR_CUTS,
    /** The advanced (П/В) tasks are solved regardless of ability (difficulty inversion, person misfit). */
    ANSWERS_KNOWN,
    /** Points added everywhere a task is not already full (higher mean, compressed spread). */
    BLANKET_INFLATION,
    /** A share of the class hands in the score vector of one or two strong works (duplicate vectors). */
    COPIED_WORKS,
    /** Journal marks raised, so the VPR mark looks "lowered" against them. */
    INFLATED_JOURNAL,
    /** The weakest pupils are kept at home on the day of the work (more absent, higher results). */
    WEAK_KEPT_HOME
}
