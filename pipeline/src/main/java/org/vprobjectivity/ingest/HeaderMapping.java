package org.vprobjectivity.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header vocabulary as data ({@code header-mapping.json}): synonyms per column role, task header
 * patterns and the words that mean "absent", "not attempted" and "no mark". Users extend it with a
 * file of the same shape; its entries are added to the bundled ones.
 */
public final class HeaderMapping implements Serializable {

    public static final String BUNDLED_RESOURCE = "/org/vprobjectivity/header-mapping.json";

    private final Map<ColumnRole, Set<String>> synonyms = new EnumMap<>(ColumnRole.class);
    private final Map<ColumnRole, List<Pattern>> patterns = new EnumMap<>(ColumnRole.class);
    private final Set<String> regionAsMunicipality = new HashSet<>();
    private final List<Pattern> positionalTasks = new ArrayList<>();
    private Pattern namedTask;
    private Pattern groupRow;
    private final List<Pattern> schoolLogins = new ArrayList<>();
    private final Set<String> absentVariants = new HashSet<>();
    private final Set<String> notAttempted = new HashSet<>();
    private final Set<String> noJournalMark = new HashSet<>();
    private final Set<String> unknownClass = new HashSet<>();
    private final Set<String> male = new HashSet<>();
    private final Set<String> female = new HashSet<>();

    private HeaderMapping() {
    }

    public static HeaderMapping bundled() {
        HeaderMapping m = new HeaderMapping();
        try (InputStream in = HeaderMapping.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            m.add(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** Bundled vocabulary extended with the user's file, if any. */
    public static HeaderMapping load(Path userFile) {
        HeaderMapping m = bundled();
        if (userFile != null) {
            try (InputStream in = Files.newInputStream(userFile)) {
                m.add(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read header mapping " + userFile + ": " + e.getMessage(), e);
            }
        }
        return m;
    }

    private void add(JsonNode root) {
        root.path("roles").fields().forEachRemaining(e -> {
            ColumnRole role = ColumnRole.valueOf(e.getKey().toUpperCase());
            for (JsonNode s : e.getValue()) {
                String text = s.asText();
                if (text.startsWith("re:")) {
                    patterns.computeIfAbsent(role, r -> new ArrayList<>()).add(Pattern.compile(text.substring(3)));
                } else {
                    synonyms.computeIfAbsent(role, r -> new HashSet<>()).add(Text.fold(text));
                }
            }
        });
        root.path("region_as_municipality").path("headers").forEach(h -> regionAsMunicipality.add(Text.fold(h.asText())));
        root.path("positional_tasks").forEach(p -> positionalTasks.add(Pattern.compile(p.asText())));
        if (root.has("named_task")) {
            namedTask = Pattern.compile(root.get("named_task").asText());
        }
        if (root.has("group_row")) {
            groupRow = Pattern.compile(root.get("group_row").asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        root.path("school_login").forEach(p -> schoolLogins.add(Pattern.compile(p.asText(), Pattern.CASE_INSENSITIVE)));
        addFolded(root, "absent_variants", absentVariants);
        addFolded(root, "not_attempted", notAttempted);
        addFolded(root, "no_journal_mark", noJournalMark);
        addFolded(root, "unknown_class", unknownClass);
        addFolded(root, "sex_male", male);
        addFolded(root, "sex_female", female);
    }

    private static void addFolded(JsonNode root, String field, Set<String> into) {
        root.path(field).forEach(v -> into.add(Text.fold(v.asText())));
    }

    /** The role a header names, if any. «регион» is reported separately: see {@link #isRegionOrMunicipality}. */
    public Optional<ColumnRole> roleOf(String header) {
        String folded = Text.fold(header);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<ColumnRole, Set<String>> e : synonyms.entrySet()) {
            if (e.getValue().contains(folded)) {
                return Optional.of(e.getKey());
            }
        }
        String normalized = Text.normalize(header);
        for (Map.Entry<ColumnRole, List<Pattern>> e : patterns.entrySet()) {
            for (Pattern p : e.getValue()) {
                if (p.matcher(normalized).matches()) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** «регион»: the region where the table also has a municipality column, else the municipality. */
    public boolean isRegionOrMunicipality(String header) {
        return regionAsMunicipality.contains(Text.fold(header));
    }

    /** A positional task header ("балл за 3", "a-3-grade") → its 1-based position. */
    public Optional<Integer> taskPosition(String header) {
        String normalized = Text.normalize(header);
        for (Pattern p : positionalTasks) {
            Matcher m = p.matcher(normalized);
            if (m.matches()) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** A named task header ("9.1 (1б)", "1K2", "3(1)") → its folded name and the maximum it states, if any. */
    public Optional<NamedTask> namedTask(String header) {
        String normalized = Text.normalize(header);
        Matcher m = namedTask.matcher(normalized);
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer max = m.group(2) == null ? null : Integer.parseInt(m.group(2));
        return Optional.of(new NamedTask(taskKey(m.group(1)), max));
    }

    /** The comparison key of a task name: folded, without spaces ("1 К 2" = "1K2"). */
    public static String taskKey(String name) {
        return Text.fold(name).replace(" ", "");
    }

    /**
     * A group row inside a table ("МБОУ «СОШ №1»(edu203389) | Кол-во участников: 89") → name and login.
     * Exporting tools put its text in one merged cell or split it over two or more cells
     * ("МБОУ «СОШ №1»(edu203389)" | "Кол-во участников: 89"), so the row's non-blank cells are read as
     * one text, joined by " | ", whatever the split.
     */
    public Optional<String[]> groupRow(RawRow row) {
        if (groupRow == null || row.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String c : row.cells()) {
            if (!Text.isBlank(c)) {
                parts.add(c.trim());
            }
        }
        String joined = String.join(" | ", parts);
        // Every known group row names its participants' count; data rows never do, and skipping them keeps
        // the pattern off long rows.
        if (!Text.normalize(joined).contains("участник")) {
            return Optional.empty();
        }
        // Matched on the text with its case kept (the pattern is case-insensitive) so that the name keeps it.
        String text = joined.replace('\u00A0', ' ').replaceAll("\\s+", " ");
        Matcher m = groupRow.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).trim();
        // A split before the login ("МБОУ «СОШ №1»" | "(edu203389)") leaves a joining bar at the name's end.
        while (name.endsWith("|")) {
            name = name.substring(0, name.length() - 1).trim();
        }
        return Optional.of(new String[]{name, m.group(2).trim().toLowerCase(Locale.ROOT)});
    }

    /** Whether a value is a school login by one of the configured patterns (sch…, edu…, or the user's). */
    public boolean isSchoolLogin(String v) {
        if (Text.isBlank(v)) {
            return false;
        }
        String t = v.trim();
        return schoolLogins.stream().anyMatch(p -> p.matcher(t).matches());
    }

    public boolean isAbsentVariant(String v) {
        return absentVariants.contains(Text.fold(v));
    }

    public boolean isNotAttempted(String v) {
        return Text.isBlank(v) || notAttempted.contains(Text.fold(v));
    }

    public boolean isNoJournalMark(String v) {
        return Text.isBlank(v) || noJournalMark.contains(Text.fold(v));
    }

    public boolean isUnknownClass(String v) {
        return Text.isBlank(v) || unknownClass.contains(Text.fold(v));
    }

    /** "м"/"ж" in any case and spelling → "м"/"ж"; anything else → null. */
    public String sex(String v) {
        String f = Text.fold(v);
        if (male.contains(f)) {
            return "м";
        }
        return female.contains(f) ? "ж" : null;
    }

    /** A task header's name and the maximum it states ("(2б)"), if any. */
    public record NamedTask(String key, Integer statedMax) implements Serializable {
    }
}
