package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flag tables' words in both languages. A column a person reads ({@link #REASONS}, {@link #FLAGGED_WORKS},
 * {@link #EXPLANATION}) is written in the run's language under its own name, as always, and in each language beside it
 * ({@code reasons_ru}, {@code reasons_en} …), so {@code report --lang en} over a Russian run shows English reasons:
 * the sentences carry numbers read from many columns and from the strongest class's row, which the report no longer
 * has, so they are written when those are at hand rather than re-rendered from {@code reason_signs} later.
 */
public final class Bilingual {

    public static final String RU = "ru";
    public static final String EN = "en";
    /** Every language a table's words are written in, in the order of their columns. */
    public static final List<String> LANGS = List.of(RU, EN);

    public static final String REASONS = "reasons";
    public static final String FLAGGED_WORKS = "flagged_works";
    public static final String EXPLANATION = "explanation";

    private Bilingual() {
    }

    /** "en" for English (any case), else "ru": the two languages of {@code --lang}. */
    public static String code(String lang) {
        return EN.equalsIgnoreCase(lang) ? EN : RU;
    }

    /** The column of {@code base} in {@code lang}: {@code reasons_en}. */
    public static String column(String base, String lang) {
        return base + "_" + code(lang);
    }

    /**
     * The table with each of {@code columns} read from its column in {@code lang}, under its own name, so a reader
     * (the report, the workbooks) speaks its language over a run in the other; an output written before both languages
     * were kept has only the run's, which stays.
     */
    public static Dataset<Row> inLanguage(Dataset<Row> table, String lang, String... columns) {
        List<String> have = Arrays.asList(table.columns());
        Map<String, Column> chosen = new LinkedHashMap<>();
        for (String c : columns) {
            String own = column(c, lang);
            if (have.contains(own)) {
                chosen.put(c, functions.col(own));
            }
        }
        return chosen.isEmpty() ? table : table.withColumns(chosen);
    }

    /**
     * The columns of {@code base}, each with the language it is written in: {@code base} itself in the run's language
     * first, then each language's column in the order of {@link #LANGS}.
     */
    static Map<String, String> columns(String base, String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(base, code(lang));
        LANGS.forEach(l -> out.put(column(base, l), l));
        return out;
    }
}
