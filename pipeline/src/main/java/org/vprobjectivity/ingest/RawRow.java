package org.vprobjectivity.ingest;

import java.util.List;

/** One spreadsheet or text row as read: its 1-based row number in the source and the cell texts. */
public record RawRow(int number, List<String> cells) {

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : null;
    }

    public boolean isEmpty() {
        return cells.stream().allMatch(Text::isBlank);
    }

    /** The first non-blank cell (group rows and header-block lines keep their text in one merged cell). */
    public String firstNonBlank() {
        return cells.stream().filter(c -> !Text.isBlank(c)).findFirst().orElse(null);
    }

    public long nonBlankCount() {
        return cells.stream().filter(c -> !Text.isBlank(c)).count();
    }
}
