package org.vprobjectivity.flags;

import org.vprobjectivity.indicators.Aggregates;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.vprobjectivity.table.Keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

/**
 * Cells rolled up to the school ({@code flags/schools}): flagged if any cell is, {@code risk_score} = the largest of
 * its cells', {@code n_flagged_cells}, the flagged works, the strongest reasons over its cells (flagged cells first,
 * then by p-value), the official markers beside them, the school type (from {@code --school-types}, else from its
 * name), the persistence of its signs over the output's sessions ({@link Persistence}: {@code sessions_flagged_in_row},
 * {@code official_sessions_in_row}), and the rank across the region. The ranking rule: flagged schools first; among
 * them, the more consecutive sessions with our flag the higher (a school flagged again ranks above every school
 * flagged for the first time); then by risk score; then by login. A school flagged in two or more consecutive sessions
 * has that said first in its reasons («Признаки повторяются вторую сессию подряд»). Official persistence is shown, not
 * ranked on: the official list ranks nothing. The same shape serves teachers with their keys ({@link #rollUp}).
 */
public final class SchoolFlags {

    static final String[] SCHOOL = {"session", "region", "school_id"};
    private static final UserDefinedFunction TYPE = org.apache.spark.sql.functions.udf(
            (UDF1<String, String>) SchoolType::fromName, DataTypes.StringType);

    private SchoolFlags() {
    }

    /**
     * @param cellFlags {@link CellFlags#compute} at school-cell level
     * @param official  {@code indicators/official} (names, and the official markers per work)
     */
    public static Dataset<Row> compute(Dataset<Row> cellFlags, Dataset<Row> official, FlagConfig config, String lang) {
        return compute(cellFlags, official, null, config, lang);
    }

    /** As above, with the user's school types ({@link SchoolTypes#toDataset}), which win over the name's; may be null. */
    public static Dataset<Row> compute(Dataset<Row> cellFlags, Dataset<Row> official, Dataset<Row> givenTypes,
                                       FlagConfig config, String lang) {
        return compute(cellFlags, official, givenTypes, null, config, lang);
    }

    /**
     * As above, with the school's history: {@link Persistence#inRow} over the output's sessions, ours and the official
     * one; null when the output holds only this run's sessions (the runs are then this session's signs alone).
     */
    public static Dataset<Row> compute(Dataset<Row> cellFlags, Dataset<Row> official, Dataset<Row> givenTypes,
                                       Persistence.Runs history, FlagConfig config, String lang) {
        Dataset<Row> rolled = rollUp(cellFlags, SCHOOL, config, lang);
        Column marked = col("markers").gt(0).and(col("official_work"));
        Dataset<Row> names = official.groupBy(Keys.cols(SCHOOL)).agg(
                Aggregates.anyValue("school_name").as("school_name"),
                Aggregates.anyValue("municipality_code").as("__mcode"), Aggregates.anyValue("municipality").as("__mname"),
                sum(when(col("official_work"), col("markers")).otherwise(0)).as("official_markers"),
                sum(when(marked, 1).otherwise(0)).as("official_marked_works"),
                concat_ws(", ", array_sort(collect_list(when(marked, concat_ws(" ", col("grade").cast("string"),
                        col("subject")))))).as("official_works"));
        Dataset<Row> joined = Keys.join(rolled, names, SCHOOL, "left")
                .withColumn("municipality_code", coalesce(col("municipality_code"), col("__mcode")))
                .withColumn("municipality", coalesce(col("municipality"), col("__mname")))
                .drop("__mcode", "__mname")
                .withColumn("school_type", TYPE.apply(col("school_name")))
                .withColumn("official_markers", coalesce(col("official_markers"), lit(0L)))
                .withColumn("official_marked_works", coalesce(col("official_marked_works"), lit(0L)));
        if (givenTypes != null) {
            joined = Keys.join(joined, givenTypes, new String[] {"school_id"}, "left")
                    .withColumn("school_type", coalesce(col("school_type_given"), col("school_type")))
                    .drop("school_type_given");
        }
        if (history == null) {
            joined = joined.withColumn(Persistence.SESSIONS_FLAGGED_IN_ROW, when(col("flagged"), lit(1)).otherwise(lit(0)))
                    .withColumn(Persistence.OFFICIAL_SESSIONS_IN_ROW, when(col("official_markers").gt(0), lit(1)).otherwise(lit(0)));
        } else {
            joined = history.attach(joined, Persistence.SCHOOL);
        }
        Column inRow = col(Persistence.SESSIONS_FLAGGED_IN_ROW);
        Map<String, Column> repeatedFirst = new LinkedHashMap<>();
        for (Map.Entry<String, String> reasons : Bilingual.columns(Bilingual.REASONS, lang).entrySet()) {
            String column = reasons.getKey();
            ReasonText text = new ReasonText(reasons.getValue());
            UserDefinedFunction repeated = org.apache.spark.sql.functions.udf((UDF1<Integer, String>) text::persistence,
                    DataTypes.StringType);
            repeatedFirst.put(column, when(col("flagged").and(inRow.geq(2)),
                    org.apache.spark.sql.functions.concat(org.apache.spark.sql.functions.array(repeated.apply(inRow)),
                            col(column))).otherwise(col(column)));
        }
        return joined
                .withColumns(repeatedFirst)
                .withColumn("rank", row_number().over(Window.partitionBy(col("session"))
                        .orderBy(col("flagged").desc(), inRow.desc(), col("risk_score").desc(), col("school_id"))));
    }

    /**
     * Rolls cells up to {@code keys} (a school or a teacher): flagged, risk, counts, flagged works and reasons.
     */
    public static Dataset<Row> rollUp(Dataset<Row> cellFlags, String[] keys, FlagConfig config, String lang) {
        List<Column> perKeyAggregates = new ArrayList<>(List.of(
                Aggregates.anyValue("municipality_code").as("municipality_code"), Aggregates.anyValue("municipality").as("municipality"),
                max("risk_score").as("risk_score"),
                max("risk_score_journal").as("risk_score_journal"),
                max(col("flagged")).as("flagged"),
                max(col("flagged_results")).as("flagged_results"),
                max(col("flagged_journal")).as("flagged_journal"),
                sum(when(col("flagged"), 1).otherwise(0)).as("n_flagged_cells"),
                org.apache.spark.sql.functions.count(lit(1)).as("n_cells")));
        Map<String, String> worksColumns = Bilingual.columns(Bilingual.FLAGGED_WORKS, lang);
        for (Map.Entry<String, String> w : worksColumns.entrySet()) {
            ReasonText text = new ReasonText(w.getValue());
            UserDefinedFunction workLabel = org.apache.spark.sql.functions.udf(
                    (org.apache.spark.sql.api.java.UDF2<String, Integer, String>) text::work, DataTypes.StringType);
            perKeyAggregates.add(concat_ws("; ", array_sort(collect_list(when(col("flagged"),
                    workLabel.apply(col("subject"), col("grade")))))).as(w.getKey()));
        }
        Dataset<Row> perKey = cellFlags.groupBy(Keys.cols(keys)).agg(perKeyAggregates.get(0),
                perKeyAggregates.subList(1, perKeyAggregates.size()).toArray(Column[]::new));

        // Reasons: one row per (cell, reason), flagged cells first, then the smallest p; the top few per key. The
        // sentences in each language ride along with the run's, in its order.
        Map<String, String> reasonColumns = Bilingual.columns(Bilingual.REASONS, lang);
        Dataset<Row> reasons = cellFlags.select(concat(Keys.cols(keys), col("flagged"),
                        posexplode(col(Bilingual.REASONS)).as(new String[] {"__pos", "__reason"}),
                        col("reason_p"), struct(reasonColumns.keySet().stream().map(c -> col(c)).toArray(Column[]::new)).as("__all")))
                .withColumn("__p", col("reason_p").getItem(col("__pos")))
                .withColumn("__order", row_number().over(Window.partitionBy(Keys.cols(keys))
                        .orderBy(col("flagged").desc(), col("__p").asc(), col("__reason"))))
                .filter(col("__order").leq(config.maxReasons))
                .withColumn("__texts", struct(reasonColumns.keySet().stream()
                        .map(c -> col("__all." + c).getItem(col("__pos")).as(c)).toArray(Column[]::new)))
                .groupBy(Keys.cols(keys))
                .agg(slice(array_sort(collect_list(struct(col("__order"), col("__texts")))), 1, config.maxReasons)
                        .as("__top"));
        Map<String, Column> texts = new LinkedHashMap<>();
        Column empty = org.apache.spark.sql.functions.array().cast("array<string>");
        for (String c : reasonColumns.keySet()) {
            texts.put(c, coalesce(transform(col("__top"), x -> x.getField("__texts").getField(c)), empty));
        }
        return Keys.join(perKey, reasons, keys, "left").withColumns(texts).drop("__top");
    }

    private static Column[] concat(Column[] keys, Column... more) {
        Column[] out = java.util.Arrays.copyOf(keys, keys.length + more.length);
        System.arraycopy(more, 0, out, keys.length, more.length);
        return out;
    }
}
