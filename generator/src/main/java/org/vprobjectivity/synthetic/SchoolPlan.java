package org.vprobjectivity.synthetic;

/**
 * What the region decides about a school before simulating it: identity, kind and whether it cheats.
 *
 * @param manipulation      the kind injected here, or null for an honest school
 * @param classLettersOmitted a small rural school that writes «нет» for its single class (regional and form shapes only)
 * @param firstOfFormat     the first school written in its format (gets the forced bad rows and the formula cells)
 */
record SchoolPlan(int index, String login, String name, Municipality municipality, boolean urban, boolean strong,
                  ManipulationKind manipulation, boolean classLettersOmitted, boolean firstOfFormat) {

    /** The same school with another manipulation (or none): its next session ({@link SessionHistory}). */
    SchoolPlan withManipulation(ManipulationKind kind) {
        return new SchoolPlan(index, login, name, municipality, urban, strong, kind, classLettersOmitted, firstOfFormat);
    }

    OutputFormat format() {
        return municipality.format();
    }
}
