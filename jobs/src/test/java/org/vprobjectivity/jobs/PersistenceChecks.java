package org.vprobjectivity.jobs;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.flags.HistoryJump;
import org.vprobjectivity.flags.Persistence;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.synthetic.GroundTruth;
import org.vprobjectivity.synthetic.GroundTruthRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the second of two sessions run into one output folder must show about persistence ({@link SessionsOverTimeTest}
 * runs them on a region generated over two sessions): the sessions in a row with signs per school and cell, the schools
 * flagged again ranked first and said so in their reasons.
 */
final class PersistenceChecks {

    private PersistenceChecks() {
    }

    /**
     * The second session's persistence against the first session's flags and official markers, school by school and
     * cell by cell; at least one school manipulated and flagged in both sessions counts 2, at least one honest school
     * flagged in neither counts 0; schools flagged again rank first and say so.
     */
    static void check(SparkSession spark, String out, GroundTruth truth, String firstSession, String secondSession) {
        List<Row> schools = spark.read().parquet(out + "/" + OutputLayout.FLAGS_SCHOOLS).collectAsList();
        Map<String, Boolean> flaggedFirst = new HashMap<>();
        schools.stream().filter(r -> firstSession.equals(r.getAs("session")))
                .forEach(r -> flaggedFirst.put(r.getAs("school_id"), r.getAs("flagged")));
        List<Row> second = schools.stream().filter(r -> secondSession.equals(r.getAs("session"))).toList();
        // Every school: 0 without a flag now, 2 when flagged in both sessions, 1 when flagged now only.
        for (Row r : second) {
            boolean now = r.getAs("flagged");
            int expected = !now ? 0 : Boolean.TRUE.equals(flaggedFirst.get(r.<String>getAs("school_id"))) ? 2 : 1;
            assertThat(r.<Integer>getAs(Persistence.SESSIONS_FLAGGED_IN_ROW)).as(r.<String>getAs("school_id")).isEqualTo(expected);
        }
        Set<String> bothSessions = manipulatedIn(truth, firstSession);
        bothSessions.retainAll(manipulatedIn(truth, secondSession));
        Set<String> ever = truth.manipulations().stream().map(GroundTruthRow::schoolId).collect(Collectors.toSet());
        List<Row> again = second.stream().filter(r -> r.<Integer>getAs(Persistence.SESSIONS_FLAGGED_IN_ROW) == 2).toList();
        assertThat(again).as("a school manipulated and flagged in both sessions")
                .anySatisfy(r -> assertThat(bothSessions).contains(r.<String>getAs("school_id")));
        assertThat(second).as("an honest school flagged in neither session")
                .anySatisfy(r -> {
                    assertThat(ever).doesNotContain(r.<String>getAs("school_id"));
                    assertThat(flaggedFirst.get(r.<String>getAs("school_id"))).isFalse();
                    assertThat(r.<Integer>getAs(Persistence.SESSIONS_FLAGGED_IN_ROW)).isZero();
                });
        // The ranking rule: schools flagged again above every school flagged for the first time; said first in words.
        int lastAgain = again.stream().mapToInt(r -> r.<Integer>getAs("rank")).max().orElseThrow();
        assertThat(second.stream().filter(r -> r.<Integer>getAs(Persistence.SESSIONS_FLAGGED_IN_ROW) == 1)
                .mapToInt(r -> r.<Integer>getAs("rank"))).allMatch(rank -> rank > lastAgain);
        assertThat(again).allSatisfy(r -> assertThat(r.getList(r.fieldIndex("reasons")).get(0))
                .isEqualTo("Признаки повторяются вторую сессию подряд"));

        // Cells: the same count per school × subject × grade; official markers counted from indicators/official.
        List<Row> cells = spark.read().parquet(out + "/" + OutputLayout.FLAGS_CELLS).collectAsList();
        Map<String, Boolean> cellFirst = new HashMap<>();
        cells.stream().filter(r -> firstSession.equals(r.getAs("session"))).forEach(r -> cellFirst.put(cellKey(r), r.getAs("flagged")));
        Map<String, Boolean> officialFirst = official(spark, out, firstSession);
        Map<String, Boolean> officialSecond = official(spark, out, secondSession);
        for (Row r : cells.stream().filter(r -> secondSession.equals(r.getAs("session"))).toList()) {
            boolean now = r.getAs("flagged");
            assertThat(r.<Integer>getAs(Persistence.SESSIONS_FLAGGED_IN_ROW)).as(cellKey(r))
                    .isEqualTo(!now ? 0 : Boolean.TRUE.equals(cellFirst.get(cellKey(r))) ? 2 : 1);
            boolean marked = officialSecond.getOrDefault(cellKey(r), false);
            assertThat(r.<Integer>getAs(Persistence.OFFICIAL_SESSIONS_IN_ROW)).as(cellKey(r))
                    .isEqualTo(!marked ? 0 : officialFirst.getOrDefault(cellKey(r), false) ? 2 : 1);
        }
        // The jump against the cell's own previous session, beyond the region's change, recomputed here.
        Map<String, double[]> regionMean = new HashMap<>();
        for (Row r : cells) {
            if (r.getAs(HistoryJump.MEAN) != null) {
                double[] a = regionMean.computeIfAbsent(r.getAs("session") + "|" + r.getAs("subject") + "|" + r.getAs("grade"),
                        k -> new double[2]);
                long works = ((Number) r.getAs(HistoryJump.WORKS)).longValue();
                a[0] += r.<Double>getAs(HistoryJump.MEAN) * works;
                a[1] += works;
            }
        }
        Map<String, Double> meanFirst = new HashMap<>();
        cells.stream().filter(r -> firstSession.equals(r.getAs("session"))).forEach(r -> meanFirst.put(cellKey(r), r.getAs(HistoryJump.MEAN)));
        int jumps = 0;
        for (Row r : cells.stream().filter(r -> secondSession.equals(r.getAs("session"))).toList()) {
            Double before = meanFirst.get(cellKey(r));
            if (before == null || r.getAs(HistoryJump.MEAN) == null) {
                continue;
            }
            String work = "|" + r.getAs("subject") + "|" + r.getAs("grade");
            double[] now = regionMean.get(secondSession + work);
            double[] then = regionMean.get(firstSession + work);
            double expected = r.<Double>getAs(HistoryJump.MEAN) - before - (now[0] / now[1] - then[0] / then[1]);
            assertThat(r.<String>getAs(HistoryJump.PREVIOUS_SESSION)).isEqualTo(firstSession);
            assertThat(r.<Double>getAs(HistoryJump.MEAN_JUMP_PCT)).as(cellKey(r)).isCloseTo(expected, within(1e-9));
            jumps++;
        }
        assertThat(jumps).isPositive();
        System.out.printf("persistence on two generated sessions (40 schools): %d schools flagged in %s, %d of them flagged"
                        + " in %s too; %d manipulated in both%n", second.stream().filter(r -> r.<Boolean>getAs("flagged")).count(),
                secondSession, again.size(), firstSession, bothSessions.size());
    }

    private static Map<String, Boolean> official(SparkSession spark, String out, String session) {
        Map<String, Boolean> marked = new HashMap<>();
        spark.read().parquet(out + "/" + OutputLayout.INDICATORS_OFFICIAL).filter(col("session").equalTo(session))
                .collectAsList().forEach(r -> marked.merge(cellKey(r),
                        r.<Integer>getAs("markers") > 0 && r.<Boolean>getAs("official_work"), Boolean::logicalOr));
        return marked;
    }

    private static String cellKey(Row r) {
        return r.getAs("school_id") + "|" + r.getAs("subject") + "|" + r.getAs("grade");
    }

    private static Set<String> manipulatedIn(GroundTruth truth, String session) {
        return truth.manipulations().stream().filter(r -> session.equals(r.session())).map(GroundTruthRow::schoolId)
                .collect(Collectors.toSet());
    }

    /** Every file of a session's partitions, by path under the output. */
    static Map<String, byte[]> files(Path out, String session) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> p.toString().contains("session=" + session)).toList()) {
                files.put(out.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
