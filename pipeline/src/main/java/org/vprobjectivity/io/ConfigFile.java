package org.vprobjectivity.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The whole {@code --config} file checked before a run starts: a JSON object whose sections and fields are all known
 * (a misspelt {@code min_cel_works} silently kept its default before), each of the right type (no "10" for 10, no
 * 10.5 for an integer, no null), and each value in its range (each config class's {@code validate()}, which uses
 * {@link #range}). Every problem is a {@link Problem} naming the field, in Russian and English.
 */
public final class ConfigFile {

    /** A problem with the configuration: the field (or null for the file as a whole) and the message in both languages. */
    public static final class Problem extends IllegalArgumentException {
        public final String field;
        public final String messageRu;
        public final String messageEn;

        public Problem(String field, String messageRu, String messageEn) {
            super(messageEn);
            this.field = field;
            this.messageRu = messageRu;
            this.messageEn = messageEn;
        }

        public String message(boolean english) {
            return english ? messageEn : messageRu;
        }
    }

    private ConfigFile() {
    }

    /**
     * @param sections the known sections and the class each one is read into (its Jackson properties are the known
     *                 fields); a class's public {@code validate()} runs on the value read, when it has one
     * @return each section the file holds, read into its class and validated
     * @throws Problem on the first problem found
     */
    public static Map<String, Object> check(Path file, Map<String, Class<?>> sections, Consumer<Object> validate) {
        ObjectMapper strict = strictMapper();
        JsonNode root;
        try {
            root = strict.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : String.format(Locale.ROOT, " (%d:%d)", e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr());
            throw new Problem(null, "файл не является корректным JSON" + where + ": " + e.getOriginalMessage(),
                    "the file is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Problem(null, "файл не удалось прочитать: " + e.getMessage(), "the file could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Problem(null, "ожидался объект JSON с разделами " + sections.keySet(),
                    "expected a JSON object with the sections " + sections.keySet());
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!sections.containsKey(name)) {
                throw new Problem(name, "неизвестный раздел «" + name + "»; допустимы: " + new TreeSet<>(sections.keySet()),
                        "unknown section \"" + name + "\"; known: " + new TreeSet<>(sections.keySet()));
            }
        }
        Map<String, Object> read = new java.util.HashMap<>();
        for (Map.Entry<String, Class<?>> section : sections.entrySet()) {
            JsonNode node = root.get(section.getKey());
            if (node == null) {
                continue;
            }
            String s = section.getKey();
            if (!node.isObject()) {
                throw new Problem(s, "раздел «" + s + "» должен быть объектом JSON { … }", "section \"" + s + "\" must be a JSON object { … }");
            }
            Set<String> known = knownFields(strict, section.getValue());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    throw new Problem(s + "." + f, "неизвестное поле " + s + "." + f + "; в разделе «" + s + "» допустимы: " + known,
                            "unknown field " + s + "." + f + "; known in \"" + s + "\": " + known);
                }
            }
            Object value;
            try {
                value = strict.treeToValue(node, section.getValue());
            } catch (JsonMappingException e) {
                String field = s + e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : "." + r.getFieldName())
                        .reduce("", String::concat);
                JsonNode given = node.at("/" + (e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName()));
                throw new Problem(field, field + ": значение " + given + " не того типа (нужно число, целое где поле целое, или текст)",
                        field + ": the value " + given + " has the wrong type (a number, an integer where the field is one, or a text)");
            } catch (JsonProcessingException e) {
                throw new Problem(s, s + ": " + e.getOriginalMessage(), s + ": " + e.getOriginalMessage());
            }
            validate.accept(value);
            read.put(s, value);
        }
        return read;
    }

    /** {@code lo <= value <= hi} (or strict at an open end); NaN is out of every range. */
    public static void range(String field, double value, double lo, boolean loOpen, double hi, boolean hiOpen) {
        boolean ok = (loOpen ? value > lo : value >= lo) && (hiOpen ? value < hi : value <= hi);
        if (!ok) {
            String interval = (loOpen ? "(" : "[") + num(lo) + ", " + num(hi) + (hiOpen ? ")" : "]");
            throw new Problem(field, field + " должно быть в интервале " + interval + ", а не " + num(value),
                    field + " must be in " + interval + ", not " + num(value));
        }
    }

    /** An integer field's lower bound. */
    public static void atLeast(String field, long value, long min) {
        if (value < min) {
            throw new Problem(field, field + " должно быть не меньше " + min + ", а не " + value,
                    field + " must be at least " + min + ", not " + value);
        }
    }

    /** One of a few words. */
    public static void oneOf(String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value.trim().toLowerCase(Locale.ROOT))) {
            throw new Problem(field, field + " должно быть одним из " + new TreeSet<>(allowed) + ", а не \"" + value + "\"",
                    field + " must be one of " + new TreeSet<>(allowed) + ", not \"" + value + "\"");
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Set<String> knownFields(ObjectMapper mapper, Class<?> cls) {
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(mapper.constructType(cls)).findProperties()) {
            if (p.hasSetter() || p.hasField() || p.hasConstructorParameter()) {
                names.add(p.getName());
            }
        }
        return names;
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper m = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A field given twice: which one counts would be Jackson's choice, not the user's.
        m.getFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // "10" for 10 or true for 1 reads as a typo would: refuse rather than guess.
        for (LogicalType t : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }
}
