package org.vprobjectivity.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mark scales in force: the bundled copy of {@code mark-scales.json}, plus entries from a user file
 * that add to it or replace an entry with the same (subject, grade, from_year).
 */
public final class MarkScales implements Serializable {

    public static final String BUNDLED_RESOURCE = "/org/vprobjectivity/mark-scales.json";

    private final List<MarkScale> entries;

    public MarkScales(List<MarkScale> entries) {
        this.entries = List.copyOf(entries);
    }

    public static MarkScales bundled() {
        try (InputStream in = MarkScales.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled mark scales missing: " + BUNDLED_RESOURCE);
            }
            return new MarkScales(parse(in, BUNDLED_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bundled scales with the user's file (if any) laid over them. */
    public static MarkScales load(Path userFile) {
        MarkScales bundled = bundled();
        return userFile == null ? bundled : bundled.overriddenBy(readFile(userFile));
    }

    public static List<MarkScale> readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scale file " + file + ": " + e.getMessage(), e);
        }
    }

    public MarkScales overriddenBy(List<MarkScale> user) {
        Map<String, MarkScale> byKey = new LinkedHashMap<>();
        entries.forEach(s -> byKey.put(s.key(), s));
        user.forEach(s -> byKey.put(s.key(), s));
        return new MarkScales(new ArrayList<>(byKey.values()));
    }

    /** The entry in force: the latest whose from_year is not after the session's year. */
    public Optional<MarkScale> inForce(String subject, int grade, int year) {
        return entries.stream()
                .filter(s -> s.subject().equals(subject) && s.grade() == grade && s.fromYear() <= year)
                .max(Comparator.comparingInt(MarkScale::fromYear));
    }

    public List<MarkScale> entries() {
        return entries;
    }

    /** Problems that make an entry unusable or suspicious; empty when the entry is consistent. */
    public static List<String> problems(MarkScale s) {
        List<String> out = new ArrayList<>();
        if (s.tasks().isEmpty()) {
            out.add("no tasks");
        }
        if (s.sumOfTaskMaxima() != s.maxScore()) {
            out.add("task maxima add up to " + s.sumOfTaskMaxima() + ", max_score is " + s.maxScore());
        }
        if (!(0 < s.cut3() && s.cut3() < s.cut4() && s.cut4() < s.cut5() && s.cut5() <= s.maxScore())) {
            out.add("cuts must rise strictly and stay within max_score: 3→" + s.cut3() + ", 4→" + s.cut4()
                    + ", 5→" + s.cut5() + ", max " + s.maxScore());
        }
        if (!Subjects.NAMES.containsKey(s.subject())) {
            out.add("unknown subject code " + s.subject());
        }
        if (s.grade() < 4 || s.grade() > 11) {
            out.add("grade " + s.grade() + " outside 4..11");
        }
        s.tasks().stream().filter(t -> t.max() <= 0).forEach(t -> out.add("task " + t.name() + " has max " + t.max()));
        return out;
    }

    private static List<MarkScale> parse(InputStream in, String origin) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        JsonNode list = root.isArray() ? root : root.path("scales");
        if (!list.isArray()) {
            throw new IllegalArgumentException(origin + ": expected a \"scales\" array");
        }
        List<MarkScale> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list) {
            out.add(parseEntry(n, origin + " entry " + i++));
        }
        return out;
    }

    private static MarkScale parseEntry(JsonNode n, String where) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (JsonNode t : n.path("tasks")) {
            tasks.add(new TaskSpec(required(t, "name", where).asText(), required(t, "max", where).asInt(),
                    textOrNull(t, "level"), textOrNull(t, "skill")));
        }
        JsonNode cuts = required(n, "cuts", where);
        String subject = required(n, "subject", where).asText().toUpperCase();
        int maxScore = n.has("max_score") ? n.get("max_score").asInt() : tasks.stream().mapToInt(TaskSpec::max).sum();
        return new MarkScale(subject, n.has("subject_name") ? n.get("subject_name").asText() : Subjects.name(subject),
                required(n, "grade", where).asInt(), required(n, "from_year", where).asInt(), maxScore,
                required(cuts, "3", where).asInt(), required(cuts, "4", where).asInt(), required(cuts, "5", where).asInt(),
                tasks, textOrNull(n, "source"));
    }

    private static JsonNode required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
        }
        return v;
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
