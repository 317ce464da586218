package org.vprobjectivity.flags;

import org.vprobjectivity.indicators.Aggregates;
import org.vprobjectivity.indicators.ExamMarker;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

/**
 * The official FIOKO list of schools with signs of non-objective results, in the shape districts receive
 * ({@code Год | Логин | Муниципалитет | ОО | 4 РУ | 4 МА | 5 РУ | 5 МА | Количество маркеров}), and the
 * region's objectivity index. Source: FIOKO, «Методика расчета показателя "Уровень объективности оценки
 * образовательных результатов в субъекте Российской Федерации"» and its appendix «Математический алгоритм
 * маркировки образовательных организаций» (docs/design.md, section 0).
 * <ul>
 * <li>A work column ({@code marker_4_ru} …) is 1 when the school has at least one marker on that work
 * (marker 1, 2 or 3), 0 when it wrote the work unmarked, null when it did not write it.</li>
 * <li>{@code markers}, «Количество маркеров», is the number of works marked, i.e. the sum of the work
 * columns (a work with markers 1 and 2 counts once). Checked on the real Dagestan list 2023–2025
 * (OfficialListTest#realListLayout): on each of its 599 rows the count equals the number of 1s in the four
 * work columns, and every row has a count ≥ 1 (the list names only marked schools). Since marker 2 rarely
 * fires, the file cannot fully rule out "markers counted"; "works marked" is the reading it supports. The
 * real list writes a work without marker as empty (2023) or 0 (2024, 2025); it never tells an unwritten
 * work apart, which this table does with null.</li>
 * <li>Index: {@code И = 100 − 100 · N_marked / N_works}, N_works the schools that wrote at least one
 * official work, N_marked those with at least one marked work.</li>
 * </ul>
 */
public final class OfficialList {

    /** The official works (subject, grade) in the column order of the official list. */
    public static final List<String> WORKS = List.of("4_ru", "4_ma", "5_ru", "5_ma");
    public static final String WORK_PREFIX = "marker_";

    /**
     * The ОГЭ marker 1 columns ({@code marker_oge_ru}, {@code marker_oge_ma}; with {@code --exam}): shown beside the four
     * works, not counted in {@code markers}, since the lists districts receive (Dagestan 2023–2025) carry only the four
     * VPR works and their count.
     */
    public static final String OGE_PREFIX = "marker_oge_";
    static final List<String> OGE_SUBJECTS = List.of("RU", "MA");

    private OfficialList() {
    }

    /**
     * @param officialMarkers the {@code indicators/official} table (one row per school × work)
     * @return one row per (session, school) that wrote an official work: {@code session, year, region,
     * school_id, municipality_code, municipality, school_name}, one int column {@code marker_<grade>_<subject>}
     * per official work present in the data (in {@link #WORKS} order), {@code markers} (int) and
     * {@code any_marker} (boolean)
     */
    public static Dataset<Row> compute(Dataset<Row> officialMarkers) {
        Dataset<Row> works = officialMarkers.filter(col("official_work"))
                .withColumn("work", concat(col("grade").cast("string"), lit("_"), lower(col("subject"))))
                .withColumn("marked", when(col("marker_inflated_mean")
                        .or(col("marker_mismatch"))
                        .or(coalesce(col("marker_cohort_change"), lit(false))), 1).otherwise(0));
        List<String> present = presentWorks(works);

        List<Column> aggs = new ArrayList<>();
        aggs.add(Aggregates.anyValue("municipality_code").as("municipality_code"));
        aggs.add(Aggregates.anyValue("municipality").as("municipality"));
        aggs.add(Aggregates.anyValue("school_name").as("school_name"));
        // max over the school's rows of that work: null when the school did not write it.
        for (String w : present) {
            aggs.add(max(when(col("work").equalTo(w), col("marked"))).as(WORK_PREFIX + w));
        }
        boolean oge = java.util.Arrays.asList(officialMarkers.columns()).contains(ExamMarker.OGE_MARKER);
        if (oge) {
            // the ОГЭ marker 1 (--exam with SDs, ExamMarker), carried by each VPR row of the school in that subject
            for (String subject : OGE_SUBJECTS) {
                aggs.add(max(when(col("subject").equalTo(subject), col(ExamMarker.OGE_MARKER).cast("int")))
                        .as(OGE_PREFIX + subject.toLowerCase(java.util.Locale.ROOT)));
            }
        }
        Dataset<Row> list = works.groupBy(col("session"), col("region"), col("school_id"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));

        Column markers = lit(0);
        for (String w : present) {
            markers = markers.plus(coalesce(col(WORK_PREFIX + w), lit(0)));
        }
        List<Column> out = new ArrayList<>(List.of(col("session"),
                col("session").substr(1, 4).try_cast("int").as("year"), col("region"), col("school_id"),
                col("municipality_code"), col("municipality"), col("school_name")));
        for (String w : present) {
            out.add(col(WORK_PREFIX + w).cast("int").as(WORK_PREFIX + w));
        }
        if (oge) {
            for (String subject : OGE_SUBJECTS) {
                out.add(col(OGE_PREFIX + subject.toLowerCase(java.util.Locale.ROOT)));
            }
        }
        out.add(markers.cast("int").as("markers"));
        out.add(markers.gt(0).as("any_marker"));
        return list.select(out.toArray(Column[]::new));
    }

    /**
     * The region's objectivity index per (session, region), by aggregation over the per-school list:
     * {@code session, year, region, schools_with_works (long), schools_with_markers (long),
     * objectivity_index (double) = 100 − 100 · schools_with_markers / schools_with_works}.
     */
    public static Dataset<Row> index(Dataset<Row> list) {
        return list.groupBy(col("session"), col("year"), col("region"))
                .agg(count(lit(1)).as("schools_with_works"),
                        sum(when(col("any_marker"), 1L).otherwise(0L)).as("schools_with_markers"))
                .withColumn("objectivity_index", lit(100.0).minus(
                        try_divide(col("schools_with_markers").multiply(100.0), col("schools_with_works"))))
                .orderBy("session", "region");
    }

    /**
     * The objectivity index of each municipality, as {@link #index} for the region: {@code session, year, region,
     * municipality_code, municipality, schools_with_works, schools_with_markers, objectivity_index}, ordered by
     * session and municipality. Districts are judged by it too, so each gets its own figure.
     */
    public static Dataset<Row> municipalIndex(Dataset<Row> list) {
        return list.groupBy(col("session"), col("year"), col("region"), col("municipality_code"), col("municipality"))
                .agg(count(lit(1)).as("schools_with_works"),
                        sum(when(col("any_marker"), 1L).otherwise(0L)).as("schools_with_markers"))
                .withColumn("objectivity_index", lit(100.0).minus(
                        try_divide(col("schools_with_markers").multiply(100.0), col("schools_with_works"))))
                .orderBy("session", "municipality", "municipality_code");
    }

    /** The official work columns of {@code list}, in {@link #WORKS} order. */
    public static List<String> workColumns(String[] columns) {
        Set<String> have = Set.of(columns);
        return WORKS.stream().map(w -> WORK_PREFIX + w).filter(have::contains).collect(Collectors.toList());
    }

    /** Which official works occur in the data: a distinct over at most four values. */
    private static List<String> presentWorks(Dataset<Row> works) {
        Set<String> seen = works.select("work").distinct().collectAsList().stream()
                .map(r -> r.getString(0)).collect(Collectors.toSet());
        return WORKS.stream().filter(seen::contains).collect(Collectors.toList());
    }
}
