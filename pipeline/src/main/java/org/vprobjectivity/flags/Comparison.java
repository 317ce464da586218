package org.vprobjectivity.flags;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF9;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.vprobjectivity.table.Keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * The official list and ours side by side ({@code flags/comparison}), one row per school with works: {@code category}
 * is {@code both}, {@code official_only}, {@code ours_only} or {@code neither}. Where only the official markers mark
 * a school, {@code explanation} says per marked work why we do not flag it (e.g. «средний балл выше региона, но
 * школа крупная и отметки подтверждаются журналом»); where only we flag it, our reasons stand in its place.
 */
public final class Comparison {

    public static final String BOTH = "both";
    public static final String OFFICIAL_ONLY = "official_only";
    public static final String OURS_ONLY = "ours_only";
    public static final String NEITHER = "neither";

    /** Schools at least this large get the «школа крупная» clause: marker 1's interval narrows as 1/√n. */
    static final long LARGE_SCHOOL_WORKS = 50;

    private Comparison() {
    }

    /**
     * @param schools   {@link SchoolFlags#compute}
     * @param cellFlags {@link CellFlags#compute} at school-cell level
     * @param official  {@code indicators/official}
     */
    public static Dataset<Row> compute(Dataset<Row> schools, Dataset<Row> cellFlags, Dataset<Row> official, String lang) {
        Map<String, UserDefinedFunction> why = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : Bilingual.columns(Bilingual.EXPLANATION, lang).entrySet()) {
            String language = column.getValue();
            why.put(column.getKey(), udf((UDF9<String, Integer, Boolean, Boolean, Double, Double, Double, Long, Row, String>)
                    (subject, grade, inflated, mismatch, schoolMean, regionMean, rs, n, cell) ->
                            explain(new ReasonText(language), subject, grade, inflated, mismatch, schoolMean, regionMean, rs, n, cell,
                                    Bilingual.EN.equals(language)),
                    DataTypes.StringType));
        }
        Dataset<Row> marked = official.filter(col("official_work").and(col("markers").gt(0)));
        Dataset<Row> cells = cellFlags.select(col("session"), col("region"), col("school_id"), col("subject"), col("grade"),
                struct(col("small_cell"), col("works"), col("raised_share"), col("raised_ref"),
                        col("q_value"), col("p_independent")).as("__cell"));
        Dataset<Row> withWhy = Keys.join(marked, cells, Keys.SCHOOL, "left");
        List<Column> explanations = new ArrayList<>();
        for (Map.Entry<String, UserDefinedFunction> w : why.entrySet()) {
            withWhy = withWhy.withColumn("__why_" + w.getKey(), w.getValue().apply(col("subject"), col("grade"),
                    col("marker_inflated_mean"), col("marker_mismatch"), col("school_mean"), col("region_mean"),
                    col("spearman_journal_score"), col("school_n"), col("__cell")));
            // Clauses by grade, then subject: collect_list keeps the order its rows arrive in, which a join and a
            // shuffle leave to chance (two runs over the same output gave two orders).
            Column clauses = sort_array(collect_list(struct(col("grade"), col("subject"), col("__why_" + w.getKey()).as("t"))));
            explanations.add(concat_ws("; ", clauses.getField("t")).as("__" + w.getKey()));
        }
        Dataset<Row> explained = withWhy.groupBy(Keys.cols(SchoolFlags.SCHOOL))
                .agg(explanations.get(0), explanations.subList(1, explanations.size()).toArray(Column[]::new));
        Column officialMarked = col("official_marked_works").gt(0);
        Column category = when(officialMarked.and(col("flagged")), lit(BOTH))
                .when(officialMarked, lit(OFFICIAL_ONLY))
                .when(col("flagged"), lit(OURS_ONLY))
                .otherwise(lit(NEITHER));
        // Where we flag, our reasons (in the same language) stand in the explanation's place.
        Map<String, Column> explanation = new LinkedHashMap<>();
        List<String> reasonNames = new ArrayList<>(Bilingual.columns(Bilingual.REASONS, lang).keySet());
        List<String> names = new ArrayList<>(why.keySet());
        for (int i = 0; i < names.size(); i++) {
            Column ours = concat_ws("; ", col(reasonNames.get(i)));
            explanation.put(names.get(i), when(col("category").equalTo(OFFICIAL_ONLY), col("__" + names.get(i)))
                    .when(col("category").equalTo(OURS_ONLY), ours)
                    .when(col("category").equalTo(BOTH), ours));
        }
        List<Column> out = new ArrayList<>(List.of(col("session"), col("region"), col("school_id"), col("school_name"),
                col("municipality_code"), col("municipality"), col("school_type"), col("official_markers"),
                col("official_works"), col("flagged"), col("risk_score"), col("rank"), col("category")));
        names.forEach(n -> out.add(col(n)));
        return Keys.join(schools, explained, SchoolFlags.SCHOOL, "left")
                .withColumn("category", category)
                .withColumns(explanation)
                .select(out.toArray(Column[]::new));
    }

    /** Why a marked work is not flagged by us, in one clause per marker. */
    static String explain(ReasonText text, String subject, Integer grade, Boolean inflated, Boolean mismatch,
                          Double schoolMean, Double regionMean, Double rs, Long n, Row cell, boolean english) {
        StringBuilder out = new StringBuilder(text.work(subject, grade)).append(": ");
        boolean small = cell != null && Boolean.TRUE.equals(cell.getAs("small_cell"));
        Double raised = cell == null ? null : cell.getAs("raised_share");
        Double raisedRef = cell == null ? null : cell.getAs("raised_ref");
        boolean confirmed = raised != null && raisedRef != null && raised - raisedRef < 0.10;
        if (Boolean.TRUE.equals(inflated)) {
            out.append(english ? String.format(java.util.Locale.ROOT, "mean score above the region's (%.1f vs %.1f), but ",
                    schoolMean, regionMean)
                    : String.format(java.util.Locale.ROOT, "средний балл выше региона (%.1f при %.1f), но ", schoolMean, regionMean)
                    .replace('.', ','));
            java.util.List<String> clauses = new java.util.ArrayList<>();
            if (n != null && n >= LARGE_SCHOOL_WORKS) {
                clauses.add(english ? "the school is large (" + n + " works), so a small excess leaves the interval"
                        : "школа крупная (" + n + " " + ReasonText.works(n) + "), и небольшое превышение выходит за доверительный интервал");
            }
            if (small) {
                clauses.add(english ? "too few works for a test" : "работ слишком мало для проверки");
            } else if (confirmed) {
                clauses.add(english ? "the marks are confirmed by the journal (raised for " + percent(raised) + ", region "
                        + percent(raisedRef) + ")" : "отметки подтверждаются журналом (повысили " + percent(raised)
                        + ", по региону " + percent(raisedRef) + ")");
            }
            clauses.add(english ? "no independent sign was found" : "независимых признаков не найдено");
            out.append(String.join(english ? ", " : ", ", clauses));
        }
        if (Boolean.TRUE.equals(mismatch)) {
            if (Boolean.TRUE.equals(inflated)) {
                out.append("; ");
            }
            out.append(english ? "journal marks and scores correlate negatively (r_s = " + fmt(rs) + ", n = " + n
                    + "), which alone is not a sign: no other sign supports it"
                    : "журнальные отметки и баллы связаны отрицательно (r_s = " + fmt(rs).replace('.', ',') + ", n = " + n
                    + "), но других признаков нет");
        }
        return out.toString();
    }

    private static String percent(Double v) {
        return v == null ? "—" : Math.round(100 * v) + "%";
    }

    private static String fmt(Double v) {
        return v == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
