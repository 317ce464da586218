package org.vprobjectivity.flags;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs of consecutive sessions with signs, worked by hand. */
class PersistenceTest {

    private final SparkSession spark = SparkTestSession.get();

    private static final StructType SCHEMA = new StructType().add("session", DataTypes.StringType)
            .add("region", DataTypes.StringType).add("school_id", DataTypes.StringType).add(Persistence.SIGNED, DataTypes.BooleanType);

    @Test
    void countsConsecutiveSessionsInTimeOrderAndAGapOrAMissingRowBreaksTheRun() {
        // Sessions in time: 2024-spring, 2024-autumn, 2025-spring, 2026-spring (names sort otherwise: autumn < spring).
        List<Row> rows = new ArrayList<>();
        add(rows, "a", true, true, true, true);    // 1 2 3 4
        add(rows, "b", true, false, true, true);   // 1 0 1 2
        add(rows, "c", true, true, null, true);    // 1 2 – 1: no row in 2025-spring breaks the run
        add(rows, "d", false, false, false, false); // never
        add(rows, "e", null, null, true, false);   // – – 1 0
        Dataset<Row> history = spark.createDataFrame(rows, SCHEMA);
        Dataset<Row> inRow = Persistence.inRow(history,
                List.of("2026-spring", "2024-spring", "2025-spring", "2024-autumn"), Persistence.SCHOOL,
                Persistence.SESSIONS_FLAGGED_IN_ROW);
        Dataset<Row> all = Persistence.attach(history, inRow, Persistence.SCHOOL, Persistence.SESSIONS_FLAGGED_IN_ROW);
        Map<String, Integer> got = new TreeMap<>();
        for (Row r : all.collectAsList()) {
            got.put(r.<String>getAs("school_id") + "@" + r.<String>getAs("session"), r.<Integer>getAs(Persistence.SESSIONS_FLAGGED_IN_ROW));
        }
        assertThat(got).containsAllEntriesOf(Map.of("a@2024-spring", 1, "a@2024-autumn", 2, "a@2025-spring", 3, "a@2026-spring", 4,
                "b@2024-autumn", 0, "b@2025-spring", 1, "b@2026-spring", 2));
        assertThat(got).containsAllEntriesOf(Map.of("c@2024-autumn", 2, "c@2026-spring", 1, "d@2026-spring", 0,
                "e@2025-spring", 1, "e@2026-spring", 0));
        assertThat(got).hasSize(17);
    }

    /** One session (a fresh output) takes the short way: the same counts as the windows give, 1 or 0. */
    @Test
    void aSingleSessionCountsOneWhereThereAreSignsAsTheWindowsWould() {
        List<Row> rows = new ArrayList<>();
        add(rows, "a", null, null, null, true);
        add(rows, "b", null, null, null, false);
        add(rows, "c", null, null, null, null);
        add(rows, "d", true, null, null, true);
        Dataset<Row> history = spark.createDataFrame(rows, SCHEMA);
        Dataset<Row> one = history.filter("session = '2026-spring'");
        Dataset<Row> shortWay = Persistence.inRow(one, List.of("2026-spring"), Persistence.SCHOOL,
                Persistence.SESSIONS_FLAGGED_IN_ROW);
        Dataset<Row> windows = Persistence.inRow(history, List.of("2024-spring", "2026-spring"), Persistence.SCHOOL,
                Persistence.SESSIONS_FLAGGED_IN_ROW).filter("session = '2026-spring' and school_id <> 'd'");
        assertThat(shortWay.columns()).containsExactly(windows.columns());
        assertThat(shortWay.schema().apply(Persistence.SESSIONS_FLAGGED_IN_ROW).dataType())
                .isEqualTo(windows.schema().apply(Persistence.SESSIONS_FLAGGED_IN_ROW).dataType());
        assertThat(shortWay.filter("school_id <> 'd'").collectAsList()).containsExactlyInAnyOrderElementsOf(windows.collectAsList());
        Map<String, Integer> got = new TreeMap<>();
        for (Row r : Persistence.attach(one, shortWay, Persistence.SCHOOL, Persistence.SESSIONS_FLAGGED_IN_ROW).collectAsList()) {
            got.put(r.getAs("school_id"), r.getAs(Persistence.SESSIONS_FLAGGED_IN_ROW));
        }
        assertThat(got).isEqualTo(Map.of("a", 1, "b", 0, "d", 1));
    }

    @Test
    void saysTheRunInWords() {
        assertThat(new ReasonText("ru").persistence(3)).isEqualTo("Признаки повторяются третью сессию подряд");
        assertThat(new ReasonText("ru").persistence(2)).isEqualTo("Признаки повторяются вторую сессию подряд");
        assertThat(new ReasonText("en").persistence(3)).isEqualTo("Signs for the third session in a row");
        assertThat(new ReasonText("en").persistence(12)).isEqualTo("Signs for the 12th session in a row");
    }

    private static void add(List<Row> rows, String school, Boolean... bySession) {
        String[] sessions = {"2024-spring", "2024-autumn", "2025-spring", "2026-spring"};
        for (int i = 0; i < sessions.length; i++) {
            if (bySession[i] != null) {
                rows.add(RowFactory.create(sessions[i], "22", school, bySession[i]));
            }
        }
    }
}
