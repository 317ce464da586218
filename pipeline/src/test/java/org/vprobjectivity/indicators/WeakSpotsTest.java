package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.model.TaskSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeakSpotsTest {

    private static final double TOL = 1e-12;
    private static final int[] MAX = {1, 2, 1};
    private static final String[] LEVEL = {"Б", "П", null};

    /** A work: municipality, school, class (null: unknown), teacher (null: not mapped), VPR mark, task scores (null: not attempted). */
    private record Work(String muni, String school, String cls, String teacher, int mark, Integer... scores) {
    }

    /*
     * Two schools, two classes each, three tasks (max 1, 2, 1; levels Б, П, unknown). Shares per task:
     *   S1 А: w1 (5) 1, 1, 1    w2 (4) 1, .5, 0    w3 (3) 0, X, 1
     *   S1 Б: w4 (3) 1, 0, X    w5 (2) 0, X, X
     *   S2 А: w6 (5) 1, 1, 1    w7 (4) 1, 1, 0
     *   S2 ?: w8 (4) 1, .5, 1
     * Teacher T1 has S1 А and S2 А (two municipalities), T2 has S1 Б, S2's unknown class has no teacher.
     */
    private static final List<Work> WORKS = List.of(
            new Work("m1", "S1", "А", "T1", 5, 1, 2, 1),
            new Work("m1", "S1", "А", "T1", 4, 1, 1, 0),
            new Work("m1", "S1", "А", "T1", 3, 0, null, 1),
            new Work("m1", "S1", "Б", "T2", 3, 1, 0, null),
            new Work("m1", "S1", "Б", "T2", 2, 0, null, null),
            new Work("m2", "S2", "А", "T1", 5, 1, 2, 1),
            new Work("m2", "S2", "А", "T1", 4, 1, 2, 0),
            new Work("m2", "S2", null, null, 4, 1, 1, 1));

    private static final StructType SCHEMA = new StructType()
            .add("session", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("municipality_code", DataTypes.StringType)
            .add("school_id", DataTypes.StringType)
            .add("class", DataTypes.StringType)
            .add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType)
            .add("participant", DataTypes.StringType)
            .add("scores", DataTypes.createArrayType(DataTypes.IntegerType))
            .add("mark", DataTypes.IntegerType)
            .add("journal_mark", DataTypes.IntegerType)
            .add("scale_key", DataTypes.StringType)
            .add("teacher_id", DataTypes.StringType)
            .add("teacher_name", DataTypes.StringType);

    /** The works' scale: three tasks (max 1, 2, 1), and a fourth of maximum 0 that has no solve rate. */
    private static final MarkScales SCALES = new MarkScales(List.of(new MarkScale("MA", "Математика", 4, 2025, 4, 1, 2, 3,
            List.of(task(0), task(1), task(2), new TaskSpec("4", 0, "Б", "skill 4")), "test")));

    private static Dataset<Row> works;
    /** Computed once with groups of 3 works or more ranked (rates and flags do not depend on the minimum). */
    private static Map<String, Row> byMinThree;

    private static TaskSpec task(int t) {
        return new TaskSpec(String.valueOf(t + 1), MAX[t], LEVEL[t], "skill " + (t + 1));
    }

    @BeforeAll
    static void compute() {
        String key = SCALES.entries().get(0).key();
        List<Row> rows = new ArrayList<>();
        for (int w = 0; w < WORKS.size(); w++) {
            Work k = WORKS.get(w);
            // Work 0 carries two score columns beyond its three tasks: one the scale gives maximum 0, one the scale
            // does not have; neither has a solve rate, and both are left out.
            List<Integer> scores = new ArrayList<>(Arrays.asList(k.scores()));
            if (w == 0) {
                scores.addAll(List.of(0, 1));
            }
            rows.add(RowFactory.create("2025-spring", "22", k.muni(), k.school(), k.cls(), "MA", 4, "p" + w, scores.toArray(),
                    k.mark(), null, key, k.teacher(), k.teacher() == null ? null : "Учитель " + k.teacher()));
        }
        // A work whose scale is not among the run's scales, and one without scores: neither counts anywhere.
        rows.add(RowFactory.create("2025-spring", "22", "m1", "S1", "А", "MA", 4, "p8", new Integer[]{1, 2, 1}, 5, null,
                "MA-4-1999", "T1", "Учитель T1"));
        rows.add(RowFactory.create("2025-spring", "22", "m1", "S1", "А", "MA", 4, "p9", null, 5, null, key, "T1",
                "Учитель T1"));
        // Round robin over three partitions: a class's works are summed in several partitions and merged.
        works = SparkTestSession.get().createDataFrame(rows, SCHEMA).repartition(3);
        IndicatorConfig three = new IndicatorConfig();
        three.weakMinGroupWorks = 3;
        byMinThree = index(WeakSpots.compute(works, SCALES, three));
    }

    @Test
    void ratesAndGapsMatchAnIndependentComputationAtEveryLevelAndMarkGroup() {
        Map<String, Predicate<Work>> groups = new HashMap<>();
        Map<String, String> muniOf = new HashMap<>();
        groups.put(key("region", "22"), w -> true);
        for (String m : List.of("m1", "m2")) {
            groups.put(key("municipality", m), w -> w.muni().equals(m));
            muniOf.put(key("municipality", m), m);
        }
        for (String s : List.of("S1", "S2")) {
            groups.put(key("school", s), w -> w.school().equals(s));
            muniOf.put(key("school", s), s.equals("S1") ? "m1" : "m2");
        }
        for (Work w : WORKS) {
            String id = w.school() + "/" + (w.cls() == null ? "?" : w.cls());
            groups.put(key("class", id), x -> x.school().equals(w.school()) && Objects.equals(x.cls(), w.cls()));
            muniOf.put(key("class", id), w.muni());
        }
        groups.put(key("teacher", "T1"), w -> "T1".equals(w.teacher()));
        groups.put(key("teacher", "T2"), w -> "T2".equals(w.teacher()));
        muniOf.put(key("teacher", "T2"), "m1"); // T1 teaches in two municipalities: none

        Set<String> expectedKeys = new HashSet<>();
        for (var g : groups.entrySet()) {
            for (String mg : List.of("all", "3", "4", "5")) {
                List<Work> members = WORKS.stream().filter(g.getValue()).filter(w -> inMarkGroup(w, mg)).toList();
                if (members.isEmpty()) {
                    continue;
                }
                for (int t = 0; t < MAX.length; t++) {
                    String k = g.getKey() + "|" + mg + "|" + t;
                    expectedKeys.add(k);
                    Row r = byMinThree.get(k);
                    assertThat(r).as(k).isNotNull();
                    double rate = rate(members, t);
                    double region = rate(WORKS.stream().filter(w -> inMarkGroup(w, mg)).toList(), t);
                    assertThat(r.<Long>getAs("works")).as(k).isEqualTo((long) members.size());
                    assertThat(r.<Double>getAs("solve_rate")).as(k).isCloseTo(rate, within(TOL));
                    assertThat(r.<Double>getAs("solve_rate_region")).as(k).isCloseTo(region, within(TOL));
                    assertThat(r.<Double>getAs("gap_to_region")).as(k).isCloseTo(rate - region, within(TOL));
                    String muni = muniOf.get(g.getKey());
                    assertThat(r.<String>getAs("municipality_code")).as(k).isEqualTo(muni);
                    if (muni == null) {
                        assertThat(r.<Double>getAs("solve_rate_municipality")).as(k).isNull();
                    } else {
                        double m = rate(WORKS.stream().filter(w -> w.muni().equals(muni)).filter(w -> inMarkGroup(w, mg)).toList(), t);
                        assertThat(r.<Double>getAs("solve_rate_municipality")).as(k).isCloseTo(m, within(TOL));
                    }
                    assertThat(r.<Integer>getAs("task_max")).isEqualTo(MAX[t]);
                    assertThat(r.<String>getAs("level")).isEqualTo(LEVEL[t]);
                    assertThat(r.<String>getAs("skill")).isEqualTo("skill " + (t + 1));
                }
            }
        }
        // Nothing else: no mark group "2", no task without a scale entry, no row for works without a teacher.
        assertThat(byMinThree.keySet()).isEqualTo(expectedKeys);
    }

    /**
     * The groups' min and max strings follow Spark's order (code points, as UTF-8 bytes), not Java's UTF-16 order: the
     * two disagree on a character above U+FFFF against one between U+E000 and U+FFFF.
     */
    @Test
    void stringsAreOrderedAsSparkOrdersThem() {
        List<String> words = new ArrayList<>(List.of("\uD83D\uDE00", "\uFFFD", "школа", "школа 2", "Школа", "", "a\uD83D\uDE00b",
                "a\uFFFDb", "z", "a"));
        StructType schema = new StructType().add("w", DataTypes.StringType);
        List<String> bySpark = SparkTestSession.get().createDataFrame(words.stream().map(w -> RowFactory.create(w)).toList(),
                schema).orderBy("w").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        List<String> ours = new ArrayList<>(words);
        ours.sort(WeakSpotGroups::sparkOrder);
        assertThat(ours).containsExactlyElementsOf(bySpark);
        assertThat("\uD83D\uDE00".compareTo("\uFFFD")).as("Java's own order differs here").isNegative();
        assertThat(WeakSpotGroups.sparkOrder("\uD83D\uDE00", "\uFFFD")).isPositive();
    }

    @Test
    void groupColumnsNameTheGroup() {
        Row cls = byMinThree.get(key("class", "S2/?") + "|all|0");
        assertThat(cls.<String>getAs("school_id")).isEqualTo("S2");
        assertThat(cls.<String>getAs("class")).isNull();
        Row teacher = byMinThree.get(key("teacher", "T1") + "|all|0");
        assertThat(teacher.<String>getAs("teacher_id")).isEqualTo("T1");
        assertThat(teacher.<String>getAs("teacher_name")).isEqualTo("Учитель T1");
        assertThat(byMinThree.get(key("teacher", "T2") + "|3|1").<String>getAs("teacher_name")).isEqualTo("Учитель T2");
        assertThat(cls.<String>getAs("teacher_name")).isNull();
        assertThat(teacher.<String>getAs("school_id")).isNull(); // two schools
        assertThat(byMinThree.get(key("teacher", "T2") + "|all|0").<String>getAs("school_id")).isEqualTo("S1");
        assertThat(byMinThree.get(key("school", "S1") + "|all|0").<String>getAs("class")).isNull();
        Row region = byMinThree.get(key("region", "22") + "|all|1");
        assertThat(region.<Double>getAs("gap_to_region")).isZero();
        assertThat(region.<Double>getAs("solve_rate_municipality")).isNull();
    }

    @Test
    void weakAndAchievedAtTheThresholds() {
        // S1, all works. Task 1 (Б): (1+1+0+1+0)/5 = 0.6, region 6/8 = 0.75: gap exactly −0.15 is not
        // "more than 15 points under", 0.6 is not under 50%, and Б is achieved at 60%.
        Row t0 = byMinThree.get(key("school", "S1") + "|all|0");
        assertThat(t0.<Double>getAs("solve_rate")).isCloseTo(3 / 5.0, within(TOL));
        assertThat(t0.<Double>getAs("gap_to_region")).isCloseTo(3 / 5.0 - 6 / 8.0, within(TOL));
        assertThat(t0.<Boolean>getAs("weak")).isFalse();
        assertThat(t0.<Boolean>getAs("achieved")).isTrue();
        // Task 2 (П): (1 + .5 + 0 + 0 + 0)/5 = 0.3 — weak (under 50%) yet achieved (П at 30%).
        Row t1 = byMinThree.get(key("school", "S1") + "|all|1");
        assertThat(t1.<Double>getAs("solve_rate")).isCloseTo(1.5 / 5, within(TOL));
        assertThat(t1.<Boolean>getAs("weak")).isTrue();
        assertThat(t1.<Boolean>getAs("achieved")).isTrue();
        // Task 3 has no level: achieved unknown; 2/5 = 0.4 is weak.
        Row t2 = byMinThree.get(key("school", "S1") + "|all|2");
        assertThat(t2.<Boolean>getAs("achieved")).isNull();
        assertThat(t2.<Boolean>getAs("weak")).isTrue();
        // S1, mark 4 (w2 only), task 2: 0.5 is not under 50%, but the region's mark-4 works have
        // (.5 + 1 + .5)/3 = 2/3: 1/6 under, more than 15 points — weak by the gap alone.
        Row m4 = byMinThree.get(key("school", "S1") + "|4|1");
        assertThat(m4.<Double>getAs("solve_rate")).isCloseTo(0.5, within(TOL));
        assertThat(m4.<Double>getAs("solve_rate_region")).isCloseTo(2 / 3.0, within(TOL));
        assertThat(m4.<Boolean>getAs("weak")).isTrue();
        // S2, all works, task 2: (1 + 1 + .5)/3 ≈ 0.83, 1/3 above the region: neither weak nor unachieved.
        Row s2 = byMinThree.get(key("school", "S2") + "|all|1");
        assertThat(s2.<Boolean>getAs("weak")).isFalse();
        assertThat(s2.<Boolean>getAs("achieved")).isTrue();
        // Class S1 Б, Б task 1: (1 + 0)/2 = 0.5 < 0.6: not achieved.
        assertThat(byMinThree.get(key("class", "S1/Б") + "|all|0").<Boolean>getAs("achieved")).isFalse();
    }

    @Test
    void smallGroupsAreMarkedAndNotRanked() {
        // Minimum 3: S1 (5 works) ranks its weak tasks by gap: task 2 (−0.2) before task 3 (0.4 − 0.5 = −0.1).
        assertThat(byMinThree.get(key("school", "S1") + "|all|1").<Integer>getAs("weak_rank")).isEqualTo(1);
        assertThat(byMinThree.get(key("school", "S1") + "|all|2").<Integer>getAs("weak_rank")).isEqualTo(2);
        assertThat(byMinThree.get(key("school", "S1") + "|all|0").<Integer>getAs("weak_rank")).isNull();
        // Class S1 Б has 2 works: weak on every task, small, not ranked.
        for (int t = 0; t < MAX.length; t++) {
            Row r = byMinThree.get(key("class", "S1/Б") + "|all|" + t);
            assertThat(r.<Boolean>getAs("small_group")).isTrue();
            assertThat(r.<Boolean>getAs("weak")).isTrue();
            assertThat(r.<Integer>getAs("weak_rank")).isNull();
        }
        // Every rank is over weak, non-small rows and runs 1..k within its group and mark group.
        Map<String, List<Integer>> ranks = new HashMap<>();
        for (var e : byMinThree.entrySet()) {
            Row r = e.getValue();
            Integer rank = r.getAs("weak_rank");
            boolean rankable = r.<Boolean>getAs("weak") && !r.<Boolean>getAs("small_group");
            assertThat(rank != null).as(e.getKey()).isEqualTo(rankable);
            if (rank != null) {
                ranks.computeIfAbsent(e.getKey().substring(0, e.getKey().lastIndexOf('|')), x -> new ArrayList<>()).add(rank);
            }
        }
        assertThat(ranks).isNotEmpty();
        ranks.values().forEach(list -> assertThat(list).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, list.size()).boxed().toList()));
    }

    @Test
    void withTheDefaultMinimumEveryGroupHereIsSmallAndWithoutTeachersThereAreNoTeacherRows() {
        List<Row> rows = WeakSpots.compute(works.drop("teacher_id", "teacher_name"), SCALES, new IndicatorConfig()).collectAsList();
        // Default minimum 10 works: every group here is small (the region has 8 works), nothing is ranked.
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.<Boolean>getAs("small_group")).isTrue();
            assertThat(r.<Integer>getAs("weak_rank")).isNull();
            assertThat(r.<String>getAs("teacher_id")).isNull();
            assertThat(r.<String>getAs("group_level")).isNotEqualTo("teacher");
        });
        assertThat(rows).hasSize((int) byMinThree.keySet().stream().filter(k -> !k.startsWith("teacher|")).count());
    }

    private static boolean inMarkGroup(Work w, String markGroup) {
        return markGroup.equals("all") || String.valueOf(w.mark()).equals(markGroup);
    }

    private static double rate(List<Work> works, int task) {
        double sum = 0;
        for (Work w : works) {
            Integer s = w.scores()[task];
            sum += (s == null ? 0 : s) / (double) MAX[task];
        }
        return sum / works.size();
    }

    private static String key(String level, String id) {
        return level + "|" + id;
    }

    private static Map<String, Row> index(Dataset<Row> weak) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : weak.collectAsList()) {
            String k = key(r.getAs("group_level"), r.getAs("group_id")) + "|" + r.getAs("mark_group") + "|" + r.getAs("task_index");
            assertThat(out.put(k, r)).as("one row per key " + k).isNull();
        }
        return out;
    }
}
