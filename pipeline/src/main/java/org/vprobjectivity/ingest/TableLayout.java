package org.vprobjectivity.ingest;

import java.util.List;
import java.util.Map;

/**
 * Where a result table sits in a sheet and what its columns mean.
 *
 * @param headerIndex index (into the sheet's rows) of the header row
 * @param headerCells the header row's texts
 * @param roles       column index → role
 * @param tasks       task columns in sheet order
 * @param blockText   the header block above the table, joined, for session/subject/grade hints
 */
public record TableLayout(int headerIndex, List<String> headerCells, Map<ColumnRole, Integer> roles, List<TaskColumn> tasks,
                          String blockText) {

    /** The header text of a column as the file prints it, or "column N" for an unnamed one. */
    public String headerOf(int column) {
        String h = column < headerCells.size() ? headerCells.get(column) : null;
        return Text.isBlank(h) ? "column " + (column + 1) : h.trim();
    }

    /** The header text of the column holding {@code role}, or the role's name when the table has none. */
    public String headerOf(ColumnRole role) {
        Integer c = roles.get(role);
        return c == null ? role.name().toLowerCase() : headerOf(c);
    }


    /** Whether ingest reads this column (a role or a task); other columns (pupils' names, notes) it never uses. */
    public boolean isUsed(int column) {
        return roles.containsValue(column) || tasks.stream().anyMatch(t -> t.column() == column);
    }

    public Integer column(ColumnRole role) {
        return roles.get(role);
    }

    public boolean has(ColumnRole role) {
        return roles.containsKey(role);
    }

    /** A task column: by name ({@code key}, with the maximum its header states) or by 1-based position. */
    public record TaskColumn(int column, String header, String key, Integer statedMax, Integer position) {
        public boolean positional() {
            return position != null;
        }
    }
}
