package org.vprobjectivity.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** VPR subject codes and their Russian names, and recognition of a subject in free text. */
public final class Subjects {

    /** Code → Russian name, in the order FIS OKO lists them. */
    public static final Map<String, String> NAMES = new LinkedHashMap<>();
    /** Word stems that name a subject in file names and header blocks («по математике», «Русский язык»). */
    private static final Map<String, String> STEMS = new LinkedHashMap<>();

    static {
        NAMES.put("RU", "Русский язык");
        NAMES.put("MA", "Математика");
        NAMES.put("OM", "Окружающий мир");
        NAMES.put("HI", "История");
        NAMES.put("BI", "Биология");
        NAMES.put("GE", "География");
        NAMES.put("SO", "Обществознание");
        NAMES.put("PH", "Физика");
        NAMES.put("CH", "Химия");
        NAMES.put("EN", "Английский язык");
        NAMES.put("DE", "Немецкий язык");
        NAMES.put("FR", "Французский язык");
        STEMS.put("русск", "RU");
        STEMS.put("математик", "MA");
        STEMS.put("окружающ", "OM");
        STEMS.put("истори", "HI");
        STEMS.put("биолог", "BI");
        STEMS.put("географ", "GE");
        STEMS.put("обществ", "SO");
        STEMS.put("физик", "PH");
        STEMS.put("хими", "CH");
        STEMS.put("английск", "EN");
        STEMS.put("немецк", "DE");
        STEMS.put("французск", "FR");
    }

    private Subjects() {
    }

    /** A subject code from a code ("MA"), a name ("Математика") or text mentioning it ("по математике"). */
    public static Optional<String> recognise(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim().toUpperCase(Locale.ROOT);
        if (NAMES.containsKey(trimmed)) {
            return Optional.of(trimmed);
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        return STEMS.entrySet().stream().filter(e -> lower.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }
}
