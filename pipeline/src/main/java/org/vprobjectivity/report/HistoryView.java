package org.vprobjectivity.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.flags.HistoryJump;
import org.vprobjectivity.flags.ListOverlap;
import org.vprobjectivity.flags.Persistence;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The sessions an output holds as the report shows them (issue 19, item 8), read from stored tables only, never from
 * {@code results}: per school with a page, each work's mean score and share of «4»–«5» against the region's, our flag and
 * the official markers, session by session ({@code flags/cells}, {@code indicators/official}); per municipality and
 * session the objectivity index ({@code flags/official_index}) beside our flagged schools ({@code flags/schools}); and how
 * the lists carried over between consecutive sessions ({@code flags/list_overlap}). One row per cell, municipality or
 * region reaches the driver.
 *
 * @param sessions       every session the output holds, in time order ({@link Persistence#inTimeOrder})
 * @param trends         per school id, its works over the sessions (only with two sessions or more)
 * @param municipalities per session and municipality, then the region's line per session ({@link MunicipalRow#region()})
 * @param overlap        per region and pair of consecutive sessions
 */
public record HistoryView(List<String> sessions, Map<String, List<WorkTrend>> trends, List<MunicipalRow> municipalities,
                          List<OverlapRow> overlap) {

    /** An output without the tables (hand-made in tests, or written before them). */
    public static final HistoryView NONE = new HistoryView(List.of(), Map.of(), List.of(), List.of());

    /**
     * A work of a school in one session. {@code meanPct}: mean primary score in % of the maximum ({@code mean_score_pct});
     * {@code quality}: share of «4» and «5» ({@code quality_share}); the region's are the means over its works of the
     * same subject and grade (cells weighted by their works, as {@link HistoryJump}). {@code officialMarkers}: the
     * FIOKO markers (1, 2, 3) set on the work, null where the work is not an official one.
     */
    public record TrendPoint(String session, long works, double meanPct, double regionMeanPct, double quality,
                             double regionQuality, boolean flagged, List<Integer> officialMarkers) {
    }

    /** A work (subject × grade) of a school: its points in time order, only the sessions it was written in. */
    public record WorkTrend(String subject, int grade, List<TrendPoint> points) {
    }

    /**
     * A municipality's (or, with {@code region} true, the whole region's) line: schools that wrote an official work,
     * those with a FIOKO marker, the objectivity index {@code 100 − 100 · marked / with works} (NaN without official
     * works), and the schools our method flagged.
     */
    public record MunicipalRow(String session, String regionCode, String municipalityCode, String municipality,
                               long schoolsWithWorks, long schoolsWithMarkers, double objectivityIndex, long flaggedSchools,
                               boolean region) {
    }

    /** A row of {@code flags/list_overlap}: the counts by {@link ListOverlap#COUNTS} name. */
    public record OverlapRow(String session, String previousSession, String region, Map<String, Long> counts) {

        public long get(String column) {
            return counts.getOrDefault(column, 0L);
        }
    }

    /** Several sessions: the report shows the school's history and the lists' overlap. */
    public boolean several() {
        return sessions.size() > 1;
    }

    /**
     * @param outputDir  the folder the report is written for: during a run the staging folder, holding this run's sessions
     * @param earlierDir the output folder holding the earlier sessions (during a run they join the staging folder only at
     *                   the swap, after the report is written); the same as {@code outputDir} for the {@code report} command
     * @param schoolIds  the schools that get a page: their trends are read
     */
    public static HistoryView load(SparkSession spark, String outputDir, String earlierDir, Collection<String> schoolIds) {
        Tables tables = new Tables(spark, outputDir, earlierDir);
        Dataset<Row> cells = tables.read(OutputLayout.FLAGS_CELLS);
        if (cells == null) {
            return NONE;
        }
        List<String> sessions = Persistence.inTimeOrder(tables.sessions(OutputLayout.FLAGS_CELLS));
        Map<String, List<WorkTrend>> trends = sessions.size() > 1 && !schoolIds.isEmpty()
                ? trends(spark, tables, cells, sessions, schoolIds) : Map.of();
        return new HistoryView(sessions, trends, municipalities(tables, sessions), overlap(tables, sessions));
    }

    /**
     * The tables of the report's folder, with the earlier sessions of the output folder where it is another one: a
     * session the report's folder holds is taken from there (this run's), the others from the output folder.
     */
    private record Tables(SparkSession spark, String dir, String earlierDir) {

        /** The sessions {@link #read} gives of the table, from the folders' partition names (no query). */
        java.util.Set<String> sessions(String table) {
            java.util.Set<String> all = new java.util.TreeSet<>(ParquetTables.sessions(spark, dir + "/" + table));
            if (earlierDir != null && !earlierDir.equals(dir)) {
                all.addAll(ParquetTables.sessions(spark, earlierDir + "/" + table));
            }
            return all;
        }

        /** The table over every session at hand, or null where neither folder has it. */
        Dataset<Row> read(String table) {
            Dataset<Row> now = ParquetTables.exists(spark, dir + "/" + table) ? spark.read().parquet(dir + "/" + table) : null;
            if (earlierDir == null || earlierDir.equals(dir) || !ParquetTables.exists(spark, earlierDir + "/" + table)) {
                return now;
            }
            Dataset<Row> earlier = spark.read().parquet(earlierDir + "/" + table);
            if (now == null) {
                return earlier;
            }
            // The earlier rows of the sessions this folder does not hold, named by its partition folders (no query).
            // An earlier run may have written fewer columns (an older version): missing ones are null.
            Object[] held = ParquetTables.sessions(spark, dir + "/" + table).toArray();
            return now.unionByName(earlier.filter(not(col("session").isin(held))), true);
        }
    }

    private static Map<String, List<WorkTrend>> trends(SparkSession spark, Tables tables, Dataset<Row> cells,
                                                       List<String> sessions, Collection<String> schoolIds) {
        String[] work = {"session", "region", "subject", "grade"};
        Dataset<Row> region = cells.filter(col(HistoryJump.MEAN).isNotNull()).groupBy(Keys.cols(work)).agg(
                sum(col(HistoryJump.MEAN).multiply(col(HistoryJump.WORKS))).divide(sum(col(HistoryJump.WORKS))).as("region_mean_pct"),
                sum(col(HistoryJump.QUALITY).multiply(col(HistoryJump.WORKS))).divide(sum(col(HistoryJump.WORKS)))
                        .as("region_quality"));
        Dataset<Row> ids = spark.createDataset(new ArrayList<>(schoolIds), Encoders.STRING()).toDF("school_id");
        Dataset<Row> school = Keys.join(cells, ids, new String[]{"school_id"}, "left_semi")
                .select("session", "region", "school_id", "subject", "grade", HistoryJump.WORKS, HistoryJump.MEAN,
                        HistoryJump.QUALITY, "flagged");
        Map<String, List<Integer>> markers = officialMarkers(tables, ids);
        Map<String, Integer> order = positions(sessions);
        Map<String, Map<String, List<TrendPoint>>> bySchool = new TreeMap<>();
        List<Row> rows = new ArrayList<>(Keys.join(school, region, work, "left").collectAsList());
        rows.sort(Comparator.comparing((Row r) -> r.<String>getAs("school_id")).thenComparing(r -> r.<String>getAs("subject"))
                .thenComparing(r -> r.<Integer>getAs("grade")).thenComparing(r -> order.getOrDefault(r.<String>getAs("session"), -1)));
        for (Row r : rows) {
            String cell = r.<String>getAs("session") + "|" + r.getAs("school_id") + "|" + r.getAs("subject") + "|" + r.getAs("grade");
            bySchool.computeIfAbsent(r.getAs("school_id"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getAs("subject") + "|" + r.getAs("grade"), k -> new ArrayList<>())
                    .add(new TrendPoint(r.getAs("session"), r.getAs(HistoryJump.WORKS) instanceof Number n ? n.longValue() : 0L,
                            orNaN(r.getAs(HistoryJump.MEAN)), orNaN(r.getAs("region_mean_pct")), orNaN(r.getAs(HistoryJump.QUALITY)),
                            orNaN(r.getAs("region_quality")), Boolean.TRUE.equals(r.getAs("flagged")), markers.get(cell)));
        }
        Map<String, List<WorkTrend>> out = new LinkedHashMap<>();
        bySchool.forEach((id, works) -> works.forEach((w, points) -> out.computeIfAbsent(id, k -> new ArrayList<>())
                .add(new WorkTrend(w.substring(0, w.indexOf('|')),
                        Integer.parseInt(w.substring(w.indexOf('|') + 1)), points))));
        return out;
    }

    /** The markers (1, 2, 3) set on each official work of the schools, by {@code session|school|subject|grade}. */
    private static Map<String, List<Integer>> officialMarkers(Tables tables, Dataset<Row> ids) {
        Map<String, List<Integer>> out = new HashMap<>();
        Dataset<Row> official = tables.read(OutputLayout.INDICATORS_OFFICIAL);
        if (official == null) {
            return out;
        }
        boolean cohort = List.of(official.columns()).contains("marker_cohort_change");
        for (Row r : Keys.join(official.filter(col("official_work")), ids, new String[]{"school_id"}, "left_semi").collectAsList()) {
            List<Integer> set = new ArrayList<>();
            if (Boolean.TRUE.equals(r.getAs("marker_inflated_mean"))) {
                set.add(1);
            }
            if (Boolean.TRUE.equals(r.getAs("marker_mismatch"))) {
                set.add(2);
            }
            if (cohort && Boolean.TRUE.equals(r.getAs("marker_cohort_change"))) {
                set.add(3);
            }
            out.put(r.<String>getAs("session") + "|" + r.getAs("school_id") + "|" + r.getAs("subject") + "|" + r.getAs("grade"), set);
        }
        return out;
    }

    /**
     * {@code flags/official_index} beside our flagged schools per municipality ({@code flags/schools}), matched by session,
     * region and municipality (code, else name); then the region's line per session, summed from the municipalities'
     * (each school counts in its one municipality, so the sums are the region's own counts).
     */
    private static List<MunicipalRow> municipalities(Tables tables, List<String> sessions) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String[]> names = new HashMap<>();
        Dataset<Row> index = tables.read(OutputLayout.FLAGS_OFFICIAL_INDEX);
        if (index != null) {
            for (Row r : index.collectAsList()) {
                long[] c = counts.computeIfAbsent(municipalityKey(r, names), k -> new long[3]);
                c[0] += r.<Long>getAs("schools_with_works");
                c[1] += r.<Long>getAs("schools_with_markers");
            }
        }
        Dataset<Row> schools = tables.read(OutputLayout.FLAGS_SCHOOLS);
        if (schools != null) {
            for (Row r : schools.groupBy("session", "region", "municipality_code", "municipality")
                    .agg(sum(when(col("flagged"), 1L).otherwise(0L)).as("flagged_schools")).collectAsList()) {
                counts.computeIfAbsent(municipalityKey(r, names), k -> new long[3])[2] += r.<Long>getAs("flagged_schools");
            }
        }
        Map<String, Integer> order = positions(sessions);
        List<MunicipalRow> rows = new ArrayList<>();
        Map<String, long[]> regions = new TreeMap<>();
        Map<String, String[]> regionNames = new HashMap<>();
        counts.forEach((key, c) -> {
            String[] n = names.get(key);
            rows.add(new MunicipalRow(n[0], n[1], n[2], n[3], c[0], c[1], index(c[0], c[1]), c[2], false));
            String region = n[0] + "|" + n[1];
            regionNames.put(region, n);
            long[] r = regions.computeIfAbsent(region, k -> new long[3]);
            for (int i = 0; i < 3; i++) {
                r[i] += c[i];
            }
        });
        rows.sort(Comparator.comparing((MunicipalRow m) -> m.municipality() == null ? m.municipalityCode() == null ? "" : m.municipalityCode()
                : m.municipality()).thenComparing(m -> order.getOrDefault(m.session(), Integer.MAX_VALUE)));
        List<MunicipalRow> regionRows = new ArrayList<>();
        regions.forEach((key, c) -> regionRows.add(new MunicipalRow(regionNames.get(key)[0], regionNames.get(key)[1], null, null,
                c[0], c[1], index(c[0], c[1]), c[2], true)));
        regionRows.sort(Comparator.comparing((MunicipalRow m) -> order.getOrDefault(m.session(), Integer.MAX_VALUE)));
        rows.addAll(regionRows);
        return rows;
    }

    /** {@code 100 − 100 · marked / with works}, as {@code OfficialList.index}; NaN without official works. */
    static double index(long withWorks, long marked) {
        return withWorks == 0 ? Double.NaN : 100.0 - 100.0 * marked / withWorks;
    }

    /** session|region|municipality (code, else name); the names kept for the row. */
    private static String municipalityKey(Row r, Map<String, String[]> names) {
        String code = r.getAs("municipality_code");
        String name = r.getAs("municipality");
        String key = r.getAs("session") + "|" + r.getAs("region") + "|" + (code != null ? "c:" + code : "n:" + name);
        String[] seen = names.get(key);
        if (seen == null || seen[3] == null) {
            names.put(key, new String[]{r.getAs("session"), r.getAs("region"), code, name});
        }
        return key;
    }

    private static List<OverlapRow> overlap(Tables tables, List<String> sessions) {
        List<OverlapRow> out = new ArrayList<>();
        Dataset<Row> table = sessions.size() < 2 ? null : tables.read(OutputLayout.FLAGS_LIST_OVERLAP);
        if (table == null) {
            return out;
        }
        for (Row r : table.collectAsList()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            ListOverlap.COUNTS.forEach(c -> counts.put(c, r.<Long>getAs(c)));
            out.add(new OverlapRow(r.getAs("session"), r.getAs(ListOverlap.PREVIOUS_SESSION), r.getAs("region"), counts));
        }
        Map<String, Integer> order = positions(sessions);
        out.sort(Comparator.comparing((OverlapRow o) -> order.getOrDefault(o.session(), Integer.MAX_VALUE))
                .thenComparing(o -> o.region() == null ? "" : o.region()));
        return out;
    }

    /** Each session's position in time. */
    private static Map<String, Integer> positions(List<String> sessions) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            order.put(sessions.get(i), i);
        }
        return order;
    }

    private static double orNaN(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
