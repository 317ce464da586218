package org.vprobjectivity.synthetic;

/** How far an injected manipulation reaches inside its school. */
public enum ManipulationLevel {
    /** One class, one subject: a single teacher's doing. */
    CLASS,
    /** Every class of one subject and grade: the school's policy. */
    SCHOOL
}
