package org.vprobjectivity.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the header row of a result table by content, not position: the row among the first ones
 * whose cells name the most known columns, with at least one task column and a participant or score
 * column. Rows above it are the header block.
 */
public final class HeaderDetector {

    /** Header blocks seen in real reports are under ten lines; search a little further. */
    static final int SEARCH_ROWS = 40;

    private final HeaderMapping mapping;

    public HeaderDetector(HeaderMapping mapping) {
        this.mapping = mapping;
    }

    public Optional<TableLayout> detect(RawSheet sheet) {
        TableLayout best = null;
        int bestScore = 0;
        int limit = Math.min(SEARCH_ROWS, sheet.rows().size());
        for (int i = 0; i < limit; i++) {
            TableLayout candidate = layoutOf(sheet.rows(), i);
            boolean looksLikeResults = !candidate.tasks().isEmpty()
                    && (candidate.has(ColumnRole.PARTICIPANT) || candidate.has(ColumnRole.PRIMARY_SCORE));
            int score = candidate.roles().size() + Math.min(candidate.tasks().size(), 3);
            if (looksLikeResults && score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private TableLayout layoutOf(List<RawRow> rows, int index) {
        RawRow header = rows.get(index);
        Map<ColumnRole, Integer> roles = new EnumMap<>(ColumnRole.class);
        List<TableLayout.TaskColumn> tasks = new ArrayList<>();
        Integer regionOrMunicipality = null;
        for (int c = 0; c < header.cells().size(); c++) {
            String h = header.cell(c);
            if (Text.isBlank(h)) {
                continue;
            }
            final int col = c;
            Optional<ColumnRole> role = mapping.roleOf(h);
            if (role.isPresent()) {
                roles.putIfAbsent(role.get(), col);
                continue;
            }
            if (mapping.isRegionOrMunicipality(h)) {
                regionOrMunicipality = regionOrMunicipality == null ? col : regionOrMunicipality;
                continue;
            }
            Optional<Integer> position = mapping.taskPosition(h);
            if (position.isPresent()) {
                tasks.add(new TableLayout.TaskColumn(col, h.trim(), null, null, position.get()));
                continue;
            }
            mapping.namedTask(h).ifPresent(t -> tasks.add(new TableLayout.TaskColumn(col, h.trim(), t.key(), t.statedMax(), null)));
        }
        if (regionOrMunicipality != null) {
            roles.putIfAbsent(roles.containsKey(ColumnRole.MUNICIPALITY) ? ColumnRole.REGION : ColumnRole.MUNICIPALITY,
                    regionOrMunicipality);
        }
        String block = rows.subList(0, index).stream()
                .map(r -> r.cells().stream().filter(x -> !Text.isBlank(x)).collect(Collectors.joining(" ")))
                .filter(s -> !s.isBlank())
                .collect(Collectors.joining("\n"));
        return new TableLayout(index, header.cells(), roles, tasks, block);
    }
}
