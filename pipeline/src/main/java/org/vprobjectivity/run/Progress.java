package org.vprobjectivity.run;

import java.io.PrintStream;

/** Progress lines on stderr, so stdout stays clean for the summary and for scripts. */
public final class Progress {

    private final PrintStream err;
    private final long start = System.nanoTime();

    public Progress(PrintStream err) {
        this.err = err;
    }

    public void say(String format, Object... args) {
        err.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, String.format(format, args));
        err.flush();
    }
}
