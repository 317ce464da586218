package org.vprobjectivity.ingest;

import java.util.List;

/** A sheet (or a whole text file) as rows of cell texts; {@code name} is null for text files. */
public record RawSheet(String name, List<RawRow> rows) {
}
