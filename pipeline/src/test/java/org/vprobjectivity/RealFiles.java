package org.vprobjectivity;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real regional exports and lists (third-party data, never in the repository): found in the folder the system
 * property {@value #PROPERTY} names (the root pom passes {@code ../shared/real}); when it is unset or the file is
 * missing, the calling test is skipped with a message naming what is missing.
 */
public final class RealFiles {

    public static final String PROPERTY = "vpr.real.dir";
    public static final String MA4 = "altai-2021-ma4-regional-export.xlsx";

    private RealFiles() {
    }

    /** The real file, or the test is skipped with a message naming the missing path. */
    public static Path require(String name) {
        String dir = System.getProperty(PROPERTY);
        assumeTrue(dir != null && !dir.isBlank(),
                "real exports not configured: system property " + PROPERTY + " is empty or unset, so "
                        + name + " cannot be found; run with -D" + PROPERTY + "=<folder with the real exports>"
                        + " (e.g. -D" + PROPERTY + "=../shared/real, as .ci/run does)");
        Path folder = resolveFolder(Path.of(dir));
        assumeTrue(folder != null,
                "real exports folder " + Path.of(dir).toAbsolutePath().normalize() + " (from -D" + PROPERTY + "=" + dir
                        + ") does not exist; set -D" + PROPERTY + " to the folder holding " + name);
        Path file = folder.resolve(name);
        assumeTrue(Files.isRegularFile(file),
                "real file " + file + " is missing; set -D" + PROPERTY + " to the folder holding " + name);
        return file;
    }

    /** An absolute folder as is; a relative one against the working directory, else against its parents (Surefire runs in the module). */
    private static Path resolveFolder(Path given) {
        if (given.isAbsolute()) {
            return Files.isDirectory(given) ? given : null;
        }
        for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
            Path candidate = base.resolve(given).normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
