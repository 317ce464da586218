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

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** The lists' overlap from one session to the next, worked by hand. */
class ListOverlapTest {

    private final SparkSession spark = SparkTestSession.get();

    private static final StructType SCHOOLS = new StructType().add("session", DataTypes.StringType)
            .add("region", DataTypes.StringType).add("school_id", DataTypes.StringType)
            .add("flagged", DataTypes.BooleanType).add("official_markers", DataTypes.LongType);

    /** Sessions in time: 2024-spring, 2024-autumn, 2025-spring (by name autumn would come first). */
    private static final String[] SESSIONS = {"2024-spring", "2024-autumn", "2025-spring"};

    @Test
    void countsTheSchoolsKeptDroppedAndAddedOnEachListPerRegionAndPairOfConsecutiveSessions() {
        List<Row> rows = new ArrayList<>();
        // per session: "O" our flag, "F" an official marker, "OF" both, "-" neither, null = no works that session
        add(rows, "22", "a", "OF", "O", "OF");
        add(rows, "22", "b", "O", "F", "-");
        add(rows, "22", "c", "F", null, "OF");
        add(rows, "22", "d", "-", "OF", null);
        add(rows, "22", "e", null, "-", "O");
        add(rows, "05", "z", null, null, "O"); // another region, first seen in 2025: nothing earlier to keep
        Map<String, Map<String, Long>> got = new TreeMap<>();
        for (Row r : ListOverlap.compute(spark.createDataFrame(rows, SCHOOLS), List.of(SESSIONS)).collectAsList()) {
            Map<String, Long> counts = new TreeMap<>();
            ListOverlap.COUNTS.forEach(c -> counts.put(c, r.<Long>getAs(c)));
            got.put(r.<String>getAs("region") + " " + r.<String>getAs(ListOverlap.PREVIOUS_SESSION) + "→"
                    + r.<String>getAs("session"), counts);
        }
        assertThat(got).containsOnlyKeys("22 2024-spring→2024-autumn", "22 2024-autumn→2025-spring", "05 2024-autumn→2025-spring");
        // spring → autumn: wrote a b c d → a b d e; ours a b → a d; official a c → b d; both lists in autumn: d
        assertThat(got.get("22 2024-spring→2024-autumn")).containsExactlyInAnyOrderEntriesOf(counts(4, 4, 3, 1, 1, 1, 0, 2, 2, 1));
        // autumn → 2025: wrote a b d e → a b c e; ours a d → a c e; official b d → a c; both lists in 2025: a c
        assertThat(got.get("22 2024-autumn→2025-spring")).containsExactlyInAnyOrderEntriesOf(counts(4, 4, 3, 1, 1, 2, 0, 2, 2, 2));
        assertThat(got.get("05 2024-autumn→2025-spring")).containsExactlyInAnyOrderEntriesOf(counts(0, 1, 0, 0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void aSingleSessionHasNoPair() {
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create("2025-spring", "22", "a", true, 1L));
        assertThat(ListOverlap.compute(spark.createDataFrame(rows, SCHOOLS), List.of("2025-spring")).count()).isZero();
        assertThat(ListOverlap.hasPairs(List.of("2025-spring"), List.of("2025-spring"))).isFalse();
    }

    @Test
    void hasPairsSaysWhetherTheTableHasRowsForTheWantedSessions() {
        List<Row> rows = new ArrayList<>();
        add(rows, "22", "a", "OF", "O", null);
        add(rows, "22", "b", "-", null, "F");
        Dataset<Row> schools = spark.createDataFrame(rows, SCHOOLS);
        for (String wanted : SESSIONS) {
            boolean rowsFor = ListOverlap.compute(schools, List.of(SESSIONS)).filter(col("session").equalTo(wanted)).count() > 0;
            assertThat(ListOverlap.hasPairs(List.of(SESSIONS), List.of(wanted))).as(wanted).isEqualTo(rowsFor);
        }
        // the first in time has nothing before it, though its name sorts after the autumn one
        assertThat(ListOverlap.hasPairs(List.of(SESSIONS), List.of("2024-spring"))).isFalse();
        assertThat(ListOverlap.hasPairs(List.of(SESSIONS), List.of("2024-spring", "2025-spring"))).isTrue();
    }

    private static Map<String, Long> counts(long... values) {
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(ListOverlap.COUNTS.get(i), values[i]);
        }
        return out;
    }

    private static void add(List<Row> rows, String region, String school, String... bySession) {
        for (int i = 0; i < SESSIONS.length; i++) {
            if (bySession[i] != null) {
                rows.add(RowFactory.create(SESSIONS[i], region, school, bySession[i].contains("O"),
                        bySession[i].contains("F") ? 2L : 0L));
            }
        }
    }
}
