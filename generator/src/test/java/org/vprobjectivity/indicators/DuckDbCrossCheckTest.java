package org.vprobjectivity.indicators;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.ingest.HeaderMapping;
import org.vprobjectivity.ingest.IngestOptions;
import org.vprobjectivity.ingest.IngestTables;
import org.vprobjectivity.ingest.InputCatalog;
import org.vprobjectivity.ingest.SparkIngest;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.SyntheticRegion;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Independent cross-check of the first indicator families: the project's Spark code and plain DuckDB SQL
 * (no project statistics code) read the SAME {@code results} Parquet files of a generated region, and every
 * value of every school × work (and every region × work) must agree: reals to 1e-9, counts and flags exactly.
 * <p>
 * The DuckDB side computes Spearman's r_s as the Pearson formula on average ranks, with ranks doubled so that
 * they are integers ({@code 2·avg rank = 2·min rank + ties − 1}): its numerator n·Σxy − Σx·Σy is exact, so the
 * sign that decides marker 2 is exact too.
 */
class DuckDbCrossCheckTest {

    private static final double TOL = 1e-9;
    private static final String[] SCHOOL = Keys.SCHOOL;
    private static final String[] WORK = Keys.WORK;

    @TempDir
    Path tmp;

    private enum Kind { COUNT, REAL, FLAG }

    private record Col(String name, Kind kind) {
    }

    private static Col count(String n) {
        return new Col(n, Kind.COUNT);
    }

    private static Col real(String n) {
        return new Col(n, Kind.REAL);
    }

    private static Col flag(String n) {
        return new Col(n, Kind.FLAG);
    }

    @Test
    void projectIndicatorsAgreeWithIndependentDuckDbSql() throws Exception {
        long started = System.nanoTime();
        SparkSession spark = SparkTestSession.get();
        MarkScales scales = MarkScales.bundled();

        Path regionDir = tmp.resolve("region");
        SyntheticRegion.write(regionDir, GeneratorConfig.builder().schools(40).seed(2025).manipulatedShare(0.25).build());
        Dataset<Row> staged = SparkIngest.read(spark, InputCatalog.list(List.of(regionDir.toString()), new Configuration()),
                HeaderMapping.bundled(), scales, IngestOptions.NONE);
        lap("generate", started);
        String parquet = tmp.resolve("results").toString();
        ParquetTables.write(new IngestTables(staged.filter(col("record_type").notEqual("TABLE"))).results(), parquet);

        lap("ingest + write Parquet", started);
        Dataset<Row> results = ScaleColumns.join(spark.read().parquet(parquet), spark, scales).cache();
        long sparkRows = results.count();
        lap("read back", started);
        Map<String, Row> markers = byKey(OfficialMarkers.compute(results), SCHOOL);
        lap("OfficialMarkers", started);
        Map<String, Row> journal = byKey(JournalComparison.compute(results, SCHOOL), SCHOOL);
        lap("JournalComparison", started);
        Map<String, Row> high = byKey(HighResults.compute(results, SCHOOL), SCHOOL);
        lap("HighResults", started);
        Map<String, Row> region = byKey(RegionFigures.compute(results), WORK);
        lap("RegionFigures", started);
        results.unpersist();

        Checker check = new Checker();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement st = db.createStatement()) {
                st.execute("CREATE TABLE scales (scale_key VARCHAR, max_score INTEGER)");
            }
            try (PreparedStatement ins = db.prepareStatement("INSERT INTO scales VALUES (?, ?)")) {
                for (MarkScale s : scales.entries()) {
                    ins.setString(1, s.key());
                    ins.setInt(2, s.maxScore());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            String files = parquet.replace("'", "''") + "/**/*.parquet";
            try (Statement st = db.createStatement()) {
                st.execute("CREATE VIEW r AS SELECT p.*, s.max_score FROM read_parquet('" + files
                        + "', hive_partitioning = true, hive_types = {'session': VARCHAR}) p"
                        + " LEFT JOIN scales s ON p.scale_key = s.scale_key");
            }
            assertThat(queryLong(db, "SELECT count(*) FROM r")).isEqualTo(sparkRows);

            check.compare("OfficialMarkers", markers, query(db, MARKERS_SQL, SCHOOL), SCHOOL, List.of(
                    count("school_n"), real("school_mean"), real("school_sd"), real("school_ci_lower"), real("school_ci_upper"),
                    count("region_n"), real("region_mean"), real("region_sd"), real("region_ci_lower"), real("region_ci_upper"),
                    count("n_with_journal"), real("spearman_journal_score"),
                    flag("marker_inflated_mean"), flag("marker_mismatch"), flag("official_work"), count("markers")));
            check.compare("JournalComparison", journal, query(db, JOURNAL_SQL, SCHOOL), SCHOOL, List.of(
                    count("works"), count("n_journal"), count("lowered"), count("confirmed"), count("raised"),
                    count("works_without_journal"), real("lowered_share"), real("confirmed_share"), real("raised_share"),
                    real("mean_diff"), real("mean_diff_se")));
            check.compare("HighResults", high, query(db, HIGH_SQL, SCHOOL), SCHOOL, List.of(
                    count("n"), count("marks_2"), count("marks_3"), count("marks_4"), count("marks_5"), count("quality"),
                    real("share_2"), real("share_3"), real("share_4"), real("share_5"), real("quality_share"),
                    real("mean_score_pct"), real("mean_score")));
            check.compare("RegionFigures", region, query(db, REGION_SQL, WORK), WORK, List.of(
                    count("works"), count("works_without_journal"), real("mean_score"), real("mean_score_pct"),
                    real("share_2"), real("share_3"), real("share_4"), real("share_5"), real("quality_share"),
                    real("journal_share_2"), real("journal_share_3"), real("journal_share_4"), real("journal_share_5"),
                    real("lowered_share"), real("confirmed_share"), real("raised_share")));
        }

        lap("DuckDB + compare", started);
        long schools = markers.keySet().stream().map(k -> k.split("\\|")[2]).distinct().count();
        long marked1 = markers.values().stream().filter(r -> r.<Boolean>getAs("marker_inflated_mean")).count();
        long marked2 = markers.values().stream().filter(r -> r.<Boolean>getAs("marker_mismatch")).count();
        long withRs = markers.values().stream().filter(r -> r.getAs("spearman_journal_score") != null).count();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("DuckDB cross-check: %d works, %d schools, %d school×work cells, %d region×work rows; "
                        + "%d values compared (%d counts, %d reals, %d flags, %d both null); marker 1 on %d cells, "
                        + "marker 2 on %d, r_s defined on %d; %d differences; %.1f s%n",
                sparkRows, schools, markers.size(), region.size(), check.values, check.counts, check.reals, check.flags,
                check.nulls, marked1, marked2, withRs, check.differences.size(), seconds);
        check.differences.stream().limit(50).forEach(d -> System.out.println("  DIFF " + d));

        assertThat(check.differences).as("values where the project code and DuckDB SQL disagree").isEmpty();
        // The check must have exercised something: both flags and defined r_s values occur in this region.
        assertThat(schools).isEqualTo(40);
        assertThat(marked1).isPositive();
        assertThat(withRs).isGreaterThan(markers.size() / 2);
    }

    // ---- the independent SQL (DuckDB dialect); output columns are named as the project's columns

    private static final String SK = "session, region, school_id, subject, grade";
    private static final String WK = "session, region, subject, grade";

    /** Null-safe equality of the work keys between aliases a and b. */
    private static String workJoin(String a, String b) {
        StringBuilder on = new StringBuilder();
        for (String k : WORK) {
            on.append(on.isEmpty() ? "" : " AND ").append(a).append('.').append(k)
                    .append(" IS NOT DISTINCT FROM ").append(b).append('.').append(k);
        }
        return on.toString();
    }

    private static String schoolJoin(String a, String b) {
        StringBuilder on = new StringBuilder();
        for (String k : SCHOOL) {
            on.append(on.isEmpty() ? "" : " AND ").append(a).append('.').append(k)
                    .append(" IS NOT DISTINCT FROM ").append(b).append('.').append(k);
        }
        return on.toString();
    }

    private static final String MARKERS_SQL = """
            WITH reg AS (
              SELECT %2$s, count(*) AS n, avg(primary_score::DOUBLE) AS m, stddev_samp(primary_score::DOUBLE) AS s
              FROM r GROUP BY %2$s),
            sch AS (
              SELECT %1$s, count(*) AS n, avg(primary_score::DOUBLE) AS m, stddev_samp(primary_score::DOUBLE) AS s
              FROM r GROUP BY %1$s),
            j AS (SELECT %1$s, journal_mark, primary_score FROM r WHERE journal_mark IS NOT NULL),
            ranked AS (
              SELECT %1$s,
                2 * rank() OVER (PARTITION BY %1$s ORDER BY journal_mark)
                  + count(*) OVER (PARTITION BY %1$s, journal_mark) - 1 AS x2,
                2 * rank() OVER (PARTITION BY %1$s ORDER BY primary_score)
                  + count(*) OVER (PARTITION BY %1$s, primary_score) - 1 AS y2
              FROM j),
            sums AS (
              SELECT %1$s, count(*) AS n, sum(x2) AS sx, sum(y2) AS sy, sum(x2 * x2) AS sxx, sum(y2 * y2) AS syy,
                     sum(x2 * y2) AS sxy
              FROM ranked GROUP BY %1$s),
            sp AS (
              SELECT %1$s, n, n * sxy - sx * sy AS num, n * sxx - sx * sx AS dx, n * syy - sy * sy AS dy FROM sums),
            bounds AS (
              SELECT sch.session, sch.region, sch.school_id, sch.subject, sch.grade,
                sch.n AS school_n, sch.m AS school_mean, sch.s AS school_sd,
                sch.m - 1.96 * sch.s / sqrt(sch.n) AS school_ci_lower, sch.m + 1.96 * sch.s / sqrt(sch.n) AS school_ci_upper,
                reg.n AS region_n, reg.m AS region_mean, reg.s AS region_sd,
                reg.m - 1.96 * reg.s / sqrt(reg.n) AS region_ci_lower, reg.m + 1.96 * reg.s / sqrt(reg.n) AS region_ci_upper,
                sp.n AS n_with_journal,
                CASE WHEN sp.dx > 0 AND sp.dy > 0 THEN sp.num::DOUBLE / sqrt(sp.dx::DOUBLE * sp.dy::DOUBLE) END
                  AS spearman_journal_score,
                coalesce(sp.dx > 0 AND sp.dy > 0 AND sp.num < 0, false) AS marker_mismatch
              FROM sch
              LEFT JOIN reg ON %3$s
              LEFT JOIN sp ON %4$s)
            SELECT *,
              coalesce(school_ci_lower > region_ci_upper, false) AS marker_inflated_mean,
              subject IN ('RU', 'MA') AND grade IN (4, 5) AS official_work,
              coalesce(school_ci_lower > region_ci_upper, false)::INTEGER + marker_mismatch::INTEGER AS markers
            FROM bounds
            """.formatted(SK, WK, workJoin("sch", "reg"), schoolJoin("sch", "sp"));

    private static final String JOURNAL_SQL = """
            WITH c AS (
              SELECT %s,
                count(*) AS works,
                count(journal_mark) AS n_journal,
                count(*) FILTER (WHERE mark < journal_mark) AS lowered,
                count(*) FILTER (WHERE mark = journal_mark) AS confirmed,
                count(*) FILTER (WHERE mark > journal_mark) AS raised,
                avg((mark - journal_mark)::DOUBLE) AS mean_diff,
                stddev_samp((mark - journal_mark)::DOUBLE) AS sd_diff
              FROM r GROUP BY ALL)
            SELECT *, works - n_journal AS works_without_journal,
              lowered::DOUBLE / nullif(n_journal, 0) AS lowered_share,
              confirmed::DOUBLE / nullif(n_journal, 0) AS confirmed_share,
              raised::DOUBLE / nullif(n_journal, 0) AS raised_share,
              sd_diff / sqrt(n_journal) AS mean_diff_se
            FROM c
            """.formatted(SK);

    private static final String HIGH_SQL = """
            WITH c AS (
              SELECT %s,
                count(*) AS n,
                count(*) FILTER (WHERE mark = 2) AS marks_2,
                count(*) FILTER (WHERE mark = 3) AS marks_3,
                count(*) FILTER (WHERE mark = 4) AS marks_4,
                count(*) FILTER (WHERE mark = 5) AS marks_5,
                count(*) FILTER (WHERE mark >= 4) AS quality,
                avg(primary_score::DOUBLE * 100 / nullif(max_score, 0)) AS mean_score_pct,
                avg(primary_score::DOUBLE) AS mean_score
              FROM r GROUP BY ALL)
            SELECT *,
              marks_2::DOUBLE / n AS share_2, marks_3::DOUBLE / n AS share_3,
              marks_4::DOUBLE / n AS share_4, marks_5::DOUBLE / n AS share_5,
              quality::DOUBLE / n AS quality_share
            FROM c
            """.formatted(SK);

    private static final String REGION_SQL = """
            WITH c AS (
              SELECT %s,
                count(*) AS works,
                count(journal_mark) AS nj,
                avg(primary_score::DOUBLE) AS mean_score,
                avg(primary_score::DOUBLE * 100 / nullif(max_score, 0)) AS mean_score_pct,
                count(*) FILTER (WHERE mark = 2) AS m2, count(*) FILTER (WHERE mark = 3) AS m3,
                count(*) FILTER (WHERE mark = 4) AS m4, count(*) FILTER (WHERE mark = 5) AS m5,
                count(*) FILTER (WHERE journal_mark = 2) AS j2, count(*) FILTER (WHERE journal_mark = 3) AS j3,
                count(*) FILTER (WHERE journal_mark = 4) AS j4, count(*) FILTER (WHERE journal_mark = 5) AS j5,
                count(*) FILTER (WHERE mark < journal_mark) AS lo,
                count(*) FILTER (WHERE mark = journal_mark) AS co,
                count(*) FILTER (WHERE mark > journal_mark) AS ra
              FROM r GROUP BY ALL)
            SELECT session, region, subject, grade, works, mean_score, mean_score_pct,
              works - nj AS works_without_journal,
              m2::DOUBLE / works AS share_2, m3::DOUBLE / works AS share_3,
              m4::DOUBLE / works AS share_4, m5::DOUBLE / works AS share_5,
              (m4 + m5)::DOUBLE / works AS quality_share,
              j2::DOUBLE / nullif(nj, 0) AS journal_share_2, j3::DOUBLE / nullif(nj, 0) AS journal_share_3,
              j4::DOUBLE / nullif(nj, 0) AS journal_share_4, j5::DOUBLE / nullif(nj, 0) AS journal_share_5,
              lo::DOUBLE / nullif(nj, 0) AS lowered_share, co::DOUBLE / nullif(nj, 0) AS confirmed_share,
              ra::DOUBLE / nullif(nj, 0) AS raised_share
            FROM c
            """.formatted(WK);

    // ---- plumbing

    /** CPU time of the whole test JVM (all threads): a load-independent measure on a busy machine. */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static void lap(String phase, long started) {
        System.out.printf("  [%6.1f s wall, %6.1f s JVM CPU] %s done%n", (System.nanoTime() - started) / 1e9, cpuSeconds(), phase);
    }

    private static String key(java.util.function.Function<String, Object> get, String[] keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            Object v = get.apply(k);
            b.append(b.isEmpty() ? "" : "|").append(v == null ? "∅" : v.toString());
        }
        return b.toString();
    }

    /** Collects a small aggregate (one row per cell) to the driver, keyed by its key columns. */
    private static Map<String, Row> byKey(Dataset<Row> table, String[] keys) {
        Map<String, Row> out = new TreeMap<>();
        for (Row r : table.collectAsList()) {
            Row prev = out.put(key(r::getAs, keys), r);
            assertThat(prev).as("duplicate key in project output").isNull();
        }
        return out;
    }

    private static Map<String, Map<String, Object>> query(Connection db, String sql, String[] keys) throws SQLException {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                Map<String, Object> prev = out.put(key(row::get, keys), row);
                assertThat(prev).as("duplicate key in DuckDB output").isNull();
            }
        }
        return out;
    }

    private static long queryLong(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final class Checker {
        final List<String> differences = new ArrayList<>();
        long values;
        long counts;
        long reals;
        long flags;
        long nulls;

        void compare(String family, Map<String, Row> project, Map<String, Map<String, Object>> duck, String[] keys,
                     List<Col> cols) {
            assertThat(project.keySet()).as(family + " cells").isEqualTo(duck.keySet());
            for (Map.Entry<String, Row> e : project.entrySet()) {
                Row p = e.getValue();
                Map<String, Object> d = duck.get(e.getKey());
                for (Col c : cols) {
                    assertThat(d).as("DuckDB column " + c.name()).containsKey(c.name());
                    Object pv = p.getAs(c.name());
                    Object dv = d.get(c.name());
                    values++;
                    if (pv == null || dv == null) {
                        if (pv != dv) {
                            differences.add(family + " " + e.getKey() + " " + c.name() + ": project=" + pv + " duckdb=" + dv);
                        } else {
                            nulls++;
                        }
                        continue;
                    }
                    boolean same = switch (c.kind()) {
                        case COUNT -> {
                            counts++;
                            yield asBig(pv).equals(asBig(dv));
                        }
                        case REAL -> {
                            reals++;
                            double a = ((Number) pv).doubleValue();
                            double b = ((Number) dv).doubleValue();
                            yield Math.abs(a - b) <= TOL;
                        }
                        case FLAG -> {
                            flags++;
                            yield pv.equals(dv);
                        }
                    };
                    if (!same) {
                        differences.add(family + " " + e.getKey() + " " + c.name() + ": project=" + pv + " duckdb=" + dv);
                    }
                }
            }
        }

        private static BigInteger asBig(Object v) {
            if (v instanceof BigInteger b) {
                return b;
            }
            if (v instanceof BigDecimal b) {
                return b.toBigIntegerExact();
            }
            return BigInteger.valueOf(((Number) v).longValue());
        }
    }
}
