package org.vprobjectivity.indicators;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.model.TaskSpec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class sums of the works ({@link WeakSpots#CLASS_SUMS}): per reference, class, teacher, VPR mark and task of the
 * work's scale, the works counted and their shares {@code score / task_max} summed, a task not attempted counting as
 * 0. The same rows as exploding each work into its tasks ({@code task_scores}), joining the scale's tasks and summing
 * per class; done over the works in plain Java because the exploded rows are fifteen per work and their aggregation
 * hashed fifteen keys, the task's skill text among them (issue 18: the weak spots were the largest query of the
 * indicators at 300 k works). The partial sums that travel between partitions carry the scale key and the task's
 * position, not its name, level and skill: those are the scale's, put back once per reference.
 *
 * <p>A task counts where the work's scale ({@code scale_key}) has it with a maximum above 0; score columns beyond the
 * scale's tasks and works whose scale is not among the run's scales have no solve rate and are left out, as the
 * {@code task_max > 0} filter over the joined task rows leaves them out.
 */
final class WeakSpotSums implements Serializable {

    /** The work's columns read, in this order. */
    static final String[] WORK_COLUMNS = {"session", "region", "subject", "grade", "municipality_code", "school_id",
            "class", "teacher_id", "teacher_name", "mark", "scale_key", "scores"};
    private static final int SESSION = 0, REGION = 1, SUBJECT = 2, GRADE = 3, MUNICIPALITY = 4, SCHOOL = 5, CLASS = 6,
            TEACHER = 7, TEACHER_NAME = 8, MARK = 9, SCALE_KEY = 10, SCORES = 11;
    /**
     * The partial sums' columns: the reference, the class sums' keys with the scale key in place of the task's
     * descriptive columns, the works counted and the shares summed.
     */
    static final String[] PARTIAL = {"session", "region", "subject", "grade", "task_index", "mark", "municipality_code",
            "school_id", "class", "teacher_id", "teacher_name", "scale_key", "__n", "__share_sum"};
    private static final int P_TASK_INDEX = 4, P_SCALE_KEY = 11, P_KEYS = 12;

    private final Map<String, TaskSpec[]> tasksByScale = new HashMap<>();

    WeakSpotSums(MarkScales scales) {
        for (MarkScale s : scales.entries()) {
            tasksByScale.put(s.key(), s.tasks().toArray(new TaskSpec[0]));
        }
    }

    /** Works counted and shares summed per task (of one class, teacher, mark and scale), or of one task. */
    private static final class Sums {
        final long[] works;
        final double[] shares;

        Sums(int tasks) {
            works = new long[tasks];
            shares = new double[tasks];
        }
    }

    /**
     * The class sums of a partition's works, which may belong to several references: the summing is spread over the
     * partitions as a map-side combine would spread it, and {@link #merge} adds up each reference's partial sums.
     *
     * @param works works with {@link #WORK_COLUMNS} in that order
     * @return partial sums with {@link #PARTIAL} in that order
     */
    Iterator<Row> partial(Iterator<Row> works) {
        Map<GroupKey, Sums> sums = new LinkedHashMap<>();
        while (works.hasNext()) {
            Row w = works.next();
            TaskSpec[] tasks = tasksByScale.get(w.getString(SCALE_KEY));
            if (tasks == null || w.isNullAt(SCORES)) {
                continue;
            }
            GroupKey key = GroupKey.of(w.get(SESSION), w.get(REGION), w.get(SUBJECT), w.get(GRADE), w.get(MARK),
                    w.get(MUNICIPALITY), w.get(SCHOOL), w.get(CLASS), w.get(TEACHER), w.get(TEACHER_NAME), w.get(SCALE_KEY));
            Sums s = sums.computeIfAbsent(key, k -> new Sums(tasks.length));
            List<Integer> scores = w.getList(SCORES);
            int n = Math.min(scores.size(), tasks.length);
            for (int t = 0; t < n; t++) {
                int max = tasks[t].max();
                if (max > 0) {
                    Integer score = scores.get(t);
                    s.works[t]++;
                    s.shares[t] += (double) (score == null ? 0 : score) / max;
                }
            }
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<GroupKey, Sums> e : sums.entrySet()) {
            GroupKey k = e.getKey();
            Sums s = e.getValue();
            for (int t = 0; t < s.works.length; t++) {
                if (s.works[t] > 0) {
                    out.add(RowFactory.create(k.part(0), k.part(1), k.part(2), k.part(3), t, k.part(4), k.part(5),
                            k.part(6), k.part(7), k.part(8), k.part(9), k.part(10), s.works[t], s.shares[t]));
                }
            }
        }
        return out.iterator();
    }

    /**
     * One reference's class sums from its partial sums ({@link #partial}), with the task's name, maximum, level and
     * skill from its scale, in {@link WeakSpots#CLASS_SUMS} order.
     */
    Iterator<Row> merge(Iterator<Row> partials) {
        Map<GroupKey, Sums> sums = new LinkedHashMap<>();
        while (partials.hasNext()) {
            Row r = partials.next();
            Object[] key = new Object[P_KEYS];
            for (int i = 0; i < P_KEYS; i++) {
                key[i] = r.get(i);
            }
            Sums s = sums.computeIfAbsent(GroupKey.of(key), k -> new Sums(1));
            s.works[0] += r.getLong(P_KEYS);
            s.shares[0] += r.getDouble(P_KEYS + 1);
        }
        List<Row> out = new ArrayList<>(sums.size());
        for (Map.Entry<GroupKey, Sums> e : sums.entrySet()) {
            GroupKey k = e.getKey();
            TaskSpec task = tasksByScale.get((String) k.part(P_SCALE_KEY))[(Integer) k.part(P_TASK_INDEX)];
            out.add(RowFactory.create(k.part(0), k.part(1), k.part(2), k.part(3), k.part(4), k.part(5), k.part(6),
                    k.part(7), k.part(8), k.part(9), k.part(10), task.name(), task.max(), task.level(), task.skill(),
                    e.getValue().works[0], e.getValue().shares[0]));
        }
        return out.iterator();
    }

    /** The schema of the partial sums: the works' types for their columns, the position and the sums declared. */
    static StructType partialSchema(StructType works) {
        Map<String, DataType> declared = Map.of("task_index", DataTypes.IntegerType, PARTIAL[P_KEYS], DataTypes.LongType,
                PARTIAL[P_KEYS + 1], DataTypes.DoubleType);
        List<StructField> fields = new ArrayList<>();
        for (String c : PARTIAL) {
            fields.add(DataTypes.createStructField(c, declared.containsKey(c) ? declared.get(c) : works.apply(c).dataType(), true));
        }
        return DataTypes.createStructType(fields);
    }
}
