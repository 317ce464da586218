package org.vprobjectivity.indicators;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.vprobjectivity.model.TaskSpec;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The weak-spot rows of one reference (session, region, subject, grade), in plain Java over its class sums: every
 * group level, the municipality's and the region's rate beside each row, the thresholds and the rank, as
 * {@link WeakSpots} defines them. The input is the reference's rows of {@link WeakSpots#CLASS_SUMS}: one per class,
 * teacher, task and VPR mark with the works counted and the shares summed.
 *
 * <p>Why in Java: as Spark columns the five levels, two rate joins, the descriptive-column windows and the rank were
 * a query of 29 exchanges for a few thousand rows per reference (issue 18); grouped once by the reference they are a
 * few hash maps.
 */
final class WeakSpotGroups implements Serializable {

    /** Output columns, in {@link WeakSpots#OUTPUT} order. */
    private static final int WIDTH = WeakSpots.OUTPUT.length;

    private final IndicatorConfig cfg;

    WeakSpotGroups(IndicatorConfig cfg) {
        this.cfg = cfg;
    }

    /** One level's group of one task and mark group: the sums and the descriptive columns over its class rows. */
    private static final class Cell {
        final Object[] key;
        final Integer taskIndex;
        final String markGroup;
        long works;
        double shareSum;
        Integer taskMax;
        String task;
        String level;
        String skill;
        final Group group;

        Cell(Object[] key, Integer taskIndex, String markGroup, Group group) {
            this.key = key;
            this.taskIndex = taskIndex;
            this.markGroup = markGroup;
            this.group = group;
        }
    }

    /** One group of a level over all its tasks and mark groups: for the columns that are the group's only value. */
    private static final class Group {
        final String groupId;
        String municipalityMin;
        String municipalityMax;
        String schoolMin;
        String schoolMax;
        String teacherName;

        Group(String groupId) {
            this.groupId = groupId;
        }

        /** The value when the group's rows have exactly one (nulls aside), else null. */
        static String single(String min, String max) {
            return min != null && min.equals(max) ? max : null;
        }
    }

    /** One class-sum row, its columns in {@link WeakSpots#CLASS_SUMS} order. */
    private record ClassSum(Row row) {
        Object get(int column) {
            return row.get(column);
        }

        String string(int column) {
            return (String) get(column);
        }
    }

    private static final int SESSION = 0, REGION = 1, SUBJECT = 2, GRADE = 3, TASK_INDEX = 4, MARK = 5,
            MUNICIPALITY = 6, SCHOOL = 7, CLASS = 8, TEACHER = 9, TEACHER_NAME = 10, TASK = 11, TASK_MAX = 12, LEVEL = 13,
            SKILL = 14, N = 15, SHARE_SUM = 16;

    /** The reference's weak-spot rows in {@link WeakSpots#OUTPUT} order. */
    Iterator<Row> rows(Iterator<Row> classSums) {
        List<ClassSum> sums = new ArrayList<>();
        classSums.forEachRemaining(r -> sums.add(new ClassSum(r)));
        if (sums.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        ClassSum first = sums.get(0);
        List<ClassSum> taught = sums.stream().filter(s -> s.get(TEACHER) != null).toList();

        Map<GroupKey, Cell> region = level(sums, s -> new Object[0], s -> first.string(REGION));
        Map<GroupKey, Cell> municipality = level(sums, s -> new Object[]{s.get(MUNICIPALITY)},
                s -> s.string(MUNICIPALITY));
        Map<GroupKey, Cell> school = level(sums, s -> new Object[]{s.get(SCHOOL)}, s -> s.string(SCHOOL));
        Map<GroupKey, Cell> cls = level(sums, s -> new Object[]{s.get(SCHOOL), s.get(CLASS)}, s -> classId(s));
        Map<GroupKey, Cell> teacher = level(taught, s -> new Object[]{s.get(TEACHER)}, s -> s.string(TEACHER));

        Map<GroupKey, Double> municipalityRate = new HashMap<>();
        municipality.values().stream().filter(c -> c.key[0] != null)
                .forEach(c -> municipalityRate.put(GroupKey.of(c.key[0], c.taskIndex, c.markGroup), rate(c)));
        Map<GroupKey, Double> regionRate = new HashMap<>();
        region.values().forEach(c -> regionRate.put(GroupKey.of(c.taskIndex, c.markGroup), rate(c)));

        List<Object[]> out = new ArrayList<>();
        for (Cell c : region.values()) {
            out.add(row(first, c, WeakSpots.REGION, null, null, null, null, null));
        }
        for (Cell c : municipality.values()) {
            String code = (String) c.key[0];
            out.add(row(first, c, WeakSpots.MUNICIPALITY, code, null, null, null, null));
        }
        for (Cell c : school.values()) {
            out.add(row(first, c, WeakSpots.SCHOOL, Group.single(c.group.municipalityMin, c.group.municipalityMax),
                    (String) c.key[0], null, null, null));
        }
        for (Cell c : cls.values()) {
            out.add(row(first, c, WeakSpots.CLASS, Group.single(c.group.municipalityMin, c.group.municipalityMax),
                    (String) c.key[0], (String) c.key[1], null, null));
        }
        for (Cell c : teacher.values()) {
            out.add(row(first, c, WeakSpots.TEACHER, Group.single(c.group.municipalityMin, c.group.municipalityMax),
                    Group.single(c.group.schoolMin, c.group.schoolMax), null, (String) c.key[0], c.group.teacherName));
        }
        for (Object[] r : out) {
            judge(r, municipalityRate, regionRate);
        }
        rank(out);
        return out.stream().map(RowFactory::create).iterator();
    }

    /** The class's group id as the level names it: school/class, «?» for an unknown class. */
    private static String classId(ClassSum s) {
        String cls = s.get(CLASS) == null ? "?" : s.string(CLASS);
        return s.get(SCHOOL) == null ? cls : s.string(SCHOOL) + "/" + cls;
    }

    /**
     * One level's cells: the class sums grouped by the level's keys, task and mark group (all marks, and the VPR mark
     * 3, 4 or 5 of the work), in the order first met.
     */
    private static Map<GroupKey, Cell> level(List<ClassSum> sums, java.util.function.Function<ClassSum, Object[]> keys,
                                                 java.util.function.Function<ClassSum, String> groupId) {
        Map<GroupKey, Group> groups = new HashMap<>();
        Map<GroupKey, Cell> cells = new LinkedHashMap<>();
        for (ClassSum s : sums) {
            Object[] key = keys.apply(s);
            Group group = groups.computeIfAbsent(GroupKey.of(key), k -> new Group(groupId.apply(s)));
            group.municipalityMin = least(group.municipalityMin, s.string(MUNICIPALITY));
            group.municipalityMax = greatest(group.municipalityMax, s.string(MUNICIPALITY));
            group.schoolMin = least(group.schoolMin, s.string(SCHOOL));
            group.schoolMax = greatest(group.schoolMax, s.string(SCHOOL));
            group.teacherName = greatest(group.teacherName, s.string(TEACHER_NAME));
            Integer mark = (Integer) s.get(MARK);
            add(cells, key, s, WeakSpots.ALL_MARKS, group);
            if (mark != null && mark >= 3 && mark <= 5) {
                add(cells, key, s, String.valueOf(mark), group);
            }
        }
        return cells;
    }

    private static void add(Map<GroupKey, Cell> cells, Object[] key, ClassSum s, String markGroup, Group group) {
        Integer taskIndex = (Integer) s.get(TASK_INDEX);
        Object[] id = Arrays.copyOf(key, key.length + 2);
        id[key.length] = taskIndex;
        id[key.length + 1] = markGroup;
        Cell c = cells.computeIfAbsent(GroupKey.of(id), k -> new Cell(key, taskIndex, markGroup, group));
        c.works += ((Number) s.get(N)).longValue();
        c.shareSum += ((Number) s.get(SHARE_SUM)).doubleValue();
        Integer max = (Integer) s.get(TASK_MAX);
        c.taskMax = max == null ? c.taskMax : c.taskMax == null ? max : Math.max(c.taskMax, max);
        c.task = greatest(c.task, s.string(TASK));
        c.level = greatest(c.level, s.string(LEVEL));
        c.skill = greatest(c.skill, s.string(SKILL));
    }

    private static Double rate(Cell c) {
        return c.works == 0 ? null : c.shareSum / c.works;
    }

    /** A row with the group's columns; the rates, thresholds and rank are filled in by {@link #judge} and {@link #rank}. */
    private static Object[] row(ClassSum ref, Cell c, String level, String municipality, String school, String cls,
                                String teacherId, String teacherName) {
        Object[] r = new Object[WIDTH];
        r[O_SESSION] = ref.get(SESSION);
        r[O_REGION] = ref.get(REGION);
        r[O_SUBJECT] = ref.get(SUBJECT);
        r[O_GRADE] = ref.get(GRADE);
        r[O_GROUP_LEVEL] = level;
        r[O_GROUP_ID] = c.group.groupId;
        r[O_MUNICIPALITY] = municipality;
        r[O_SCHOOL] = school;
        r[O_CLASS] = cls;
        r[O_TEACHER] = teacherId;
        r[O_TEACHER_NAME] = teacherName;
        r[O_MARK_GROUP] = c.markGroup;
        r[O_TASK_INDEX] = c.taskIndex;
        r[O_TASK] = c.task;
        r[O_LEVEL] = c.level;
        r[O_SKILL] = c.skill;
        r[O_TASK_MAX] = c.taskMax;
        r[O_WORKS] = c.works;
        r[O_SOLVE_RATE] = rate(c);
        return r;
    }

    /** The municipality's and the region's rates, the gap, achieved, weak and small group (SQL's null logic). */
    private void judge(Object[] r, Map<GroupKey, Double> municipalityRate, Map<GroupKey, Double> regionRate) {
        Object task = r[O_TASK_INDEX];
        String markGroup = (String) r[O_MARK_GROUP];
        Double rate = (Double) r[O_SOLVE_RATE];
        Double regionValue = regionRate.get(GroupKey.of(task, markGroup));
        r[O_RATE_MUNICIPALITY] = r[O_MUNICIPALITY] == null ? null
                : municipalityRate.get(GroupKey.of(r[O_MUNICIPALITY], task, markGroup));
        r[O_RATE_REGION] = regionValue;
        Double gap = rate == null || regionValue == null ? null : rate - regionValue;
        r[O_GAP] = gap;
        String level = r[O_LEVEL] == null ? null : spaceTrimmed((String) r[O_LEVEL]).toUpperCase(Locale.ROOT);
        Boolean achieved = null;
        if (rate != null && "Б".equals(level)) {
            achieved = rate >= cfg.basicAchieved - WeakSpots.EPS;
        } else if (rate != null && TaskSpec.advancedLevel(level)) {
            achieved = rate >= cfg.advancedAchieved - WeakSpots.EPS;
        }
        r[O_ACHIEVED] = achieved;
        Boolean low = rate == null ? null : rate < cfg.weakSolveRate - WeakSpots.EPS;
        Boolean under = gap == null ? null : gap < -cfg.weakUnderRegion - WeakSpots.EPS;
        r[O_WEAK] = Boolean.TRUE.equals(low) || Boolean.TRUE.equals(under) ? Boolean.TRUE
                : low == null || under == null ? null : Boolean.FALSE;
        r[O_SMALL] = (Long) r[O_WORKS] < cfg.weakMinGroupWorks;
    }

    /**
     * {@code weak_rank}: 1, 2, ... over the weak rows of groups that are not small, within the group and mark group,
     * by the gap to the region, then the solve rate (both rounded to {@link HighResults#TIE_DIGITS} digits so that
     * ties in exact arithmetic stay ties, nulls last), then the task's order.
     */
    private static void rank(List<Object[]> rows) {
        Map<GroupKey, List<Object[]>> partitions = new HashMap<>();
        for (Object[] r : rows) {
            if (Boolean.TRUE.equals(r[O_WEAK]) && !(Boolean) r[O_SMALL]) {
                partitions.computeIfAbsent(GroupKey.of(r[O_GROUP_LEVEL], r[O_GROUP_ID], r[O_MARK_GROUP]),
                        k -> new ArrayList<>()).add(r);
            }
        }
        Comparator<Object[]> order = Comparator
                .comparing((Object[] r) -> rounded((Double) r[O_GAP]), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> rounded((Double) r[O_SOLVE_RATE]), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> (Integer) r[O_TASK_INDEX], Comparator.nullsFirst(Comparator.naturalOrder()));
        for (List<Object[]> p : partitions.values()) {
            p.sort(order);
            for (int i = 0; i < p.size(); i++) {
                p.get(i)[O_RANK] = i + 1;
            }
        }
    }

    /**
     * Spark's {@code round(x, TIE_DIGITS)} of a double: half up on the decimal the double prints as
     * (Spark's {@code RoundBase} over Scala's {@code BigDecimal(double)}); NaN and infinities as they are.
     */
    static Double rounded(Double x) {
        if (x == null || x.isNaN() || x.isInfinite()) {
            return x;
        }
        return new BigDecimal(Double.toString(x), MathContext.DECIMAL128)
                .setScale(HighResults.TIE_DIGITS, RoundingMode.HALF_UP).doubleValue();
    }

    /** Spark's {@code trim}: spaces only, not other white space. */
    private static String spaceTrimmed(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == ' ') {
            b--;
        }
        return s.substring(a, b);
    }

    /**
     * Spark's order of strings: by their UTF-8 bytes, which is the order of their code points (Java's
     * {@code compareTo} orders UTF-16 units, which differs above U+D7FF). Compared in place: this runs for every class
     * sum and level, and arrays of code points per call were about a tenth of the executors' samples while the weak
     * spots of a 50 k-work region were computed.
     */
    static int sparkOrder(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    private static String least(String a, String b) {
        return a == null ? b : b == null ? a : sparkOrder(a, b) <= 0 ? a : b;
    }

    private static String greatest(String a, String b) {
        return a == null ? b : b == null ? a : sparkOrder(a, b) >= 0 ? a : b;
    }

    private static final int O_SESSION = index("session"), O_REGION = index("region"), O_SUBJECT = index("subject"),
            O_GRADE = index("grade"), O_GROUP_LEVEL = index("group_level"), O_GROUP_ID = index("group_id"),
            O_MUNICIPALITY = index("municipality_code"), O_SCHOOL = index("school_id"), O_CLASS = index("class"),
            O_TEACHER = index("teacher_id"), O_TEACHER_NAME = index("teacher_name"), O_MARK_GROUP = index("mark_group"),
            O_TASK_INDEX = index("task_index"), O_TASK = index("task"), O_LEVEL = index("level"), O_SKILL = index("skill"),
            O_TASK_MAX = index("task_max"), O_WORKS = index("works"), O_SOLVE_RATE = index("solve_rate"),
            O_RATE_MUNICIPALITY = index("solve_rate_municipality"), O_RATE_REGION = index("solve_rate_region"),
            O_GAP = index("gap_to_region"), O_ACHIEVED = index("achieved"), O_WEAK = index("weak"),
            O_SMALL = index("small_group"), O_RANK = index("weak_rank");

    private static int index(String column) {
        return Arrays.asList(WeakSpots.OUTPUT).indexOf(column);
    }
}
