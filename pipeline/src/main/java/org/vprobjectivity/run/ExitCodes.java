package org.vprobjectivity.run;

/** Exit codes, documented in the README and in {@code --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    /** Outputs written, but some input files or tables could not be used (see run.json). */
    public static final int SOME_FILES_UNUSABLE = 3;
    /** No input yielded a single work; the previous output is left as it was. */
    public static final int NOTHING_USABLE = 4;
    /** {@code compare}: the two outputs differ (tables, run.json or file lists). */
    public static final int OUTPUTS_DIFFER = 5;
    /**
     * Another run holds the output folder's lock ({@code .<name>.lock} beside it): nothing was read or written.
     * Its own code so that a scheduler can tell "try later" from a failure.
     */
    public static final int OUTPUT_LOCKED = 6;

    private ExitCodes() {
    }
}
