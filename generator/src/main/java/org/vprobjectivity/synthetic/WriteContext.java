package org.vprobjectivity.synthetic;

import org.vprobjectivity.model.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where and for what a run writes; collects the tally of every file opened. */
final class WriteContext {

    final Path root;
    final GeneratorConfig cfg;
    final Session session;
    final String regionName;
    private final List<FileTally> tallies = new ArrayList<>();

    WriteContext(Path root, GeneratorConfig cfg) {
        this.root = root;
        this.cfg = cfg;
        this.session = cfg.parsedSession();
        this.regionName = RussianNames.region(cfg.regionCode());
    }

    /** Registers a file (path relative to the root) and makes its folder. */
    FileTally open(String relativePath, OutputFormat format, WorkModel model) throws IOException {
        Path parent = root.resolve(relativePath).getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileTally t = new FileTally(relativePath, format, model.subject(), model.grade());
        tallies.add(t);
        return t;
    }

    Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    List<FileTally> tallies() {
        return tallies;
    }
}
