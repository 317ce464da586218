package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.model.fit.ReferenceSigns;
import org.vprobjectivity.model.fit.ReferenceWorks;
import org.vprobjectivity.model.fit.UnitSigns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * The fitted pupil model's signs ({@code org.vprobjectivity.model.fit}, docs/model.md) on Spark: the works of one
 * reference (session × region × subject × grade, one mark scale) go to one task ({@code groupByKey} +
 * {@code flatMapGroups}), which fits the reference's model in plain Java and emits one row per class and per cell
 * ({@link #LEVEL} = {@code class} or {@code school}). No participant row reaches the driver. A reference too small
 * to fit still gets its rows, with {@code model_fitted = false} and the reason in {@code model_status}, so the
 * flags fall back to the indicator families' signs for it.
 */
public final class ModelSigns {

    public static final String LEVEL = "model_level";
    public static final String CLASS_LEVEL = "class";
    public static final String SCHOOL_LEVEL = "school";
    public static final String FITTED = "model_fitted";
    public static final String STATUS = "model_status";

    /** The value columns, in {@link UnitSigns} order after the reference's figures. */
    public static final String ABILITY = "ability_level";
    public static final String JOURNAL_RESID = "journal_resid";
    public static final String JOURNAL_MARKS = "journal_resid_marks";
    public static final String JOURNAL_Z = "journal_resid_z";
    public static final String JOURNAL_ABOVE_P = "journal_above_p";
    public static final String JOURNAL_BELOW_P = "journal_below_p";
    public static final String PATTERN_FIT = "pattern_fit";
    public static final String PATTERN_WORKS = "pattern_works";
    public static final String PATTERN_P = "pattern_p";
    public static final String CUT_AT = "cut_at_works";
    public static final String CUT_EXPECTED = "cut_expected";
    public static final String CUT_WINDOW = "cut_window_works";
    public static final String CUT_P = "cut_p";
    public static final String COPY_PAIRS = "copy_pairs";
    public static final String COPY_EXPECTED = "copy_expected";
    public static final String COPY_WORKS = "copy_works";
    public static final String COPY_P = "copy_p";
    public static final String ADDED_FIT = "added_points_fit";
    public static final String ADDED_WORKS = "added_points_works";
    public static final String ADDED_P = "added_points_p";
    public static final String KNOWN_FIT = "known_answers_fit";
    public static final String KNOWN_WORKS = "known_answers_works";
    public static final String KNOWN_P = "known_answers_p";
    public static final String MODEL_WORKS = "model_works";
    public static final String CLASS_SD = "model_class_sd";
    public static final String LENIENCY_SD = "model_leniency_sd";
    public static final String CUT_FACTORS = "model_cut_factors";
    public static final String COPY_FACTOR = "model_copy_factor";

    static final String[] VALUES = {ABILITY, JOURNAL_RESID, JOURNAL_MARKS, JOURNAL_Z, JOURNAL_ABOVE_P,
            JOURNAL_BELOW_P, PATTERN_FIT, PATTERN_WORKS, PATTERN_P, CUT_AT, CUT_EXPECTED, CUT_WINDOW, CUT_P,
            COPY_PAIRS, COPY_EXPECTED, COPY_WORKS, COPY_P, ADDED_FIT, ADDED_WORKS, ADDED_P,
            KNOWN_FIT, KNOWN_WORKS, KNOWN_P};
    /** Columns joined into the indicator tables. */
    public static final String[] JOINED = joined();

    private ModelSigns() {
    }

    public static StructType schema() {
        StructType s = new StructType()
                .add(LEVEL, DataTypes.StringType, false)
                .add("session", DataTypes.StringType)
                .add("region", DataTypes.StringType)
                .add("school_id", DataTypes.StringType)
                .add("subject", DataTypes.StringType)
                .add("grade", DataTypes.IntegerType)
                .add("class", DataTypes.StringType)
                .add(FITTED, DataTypes.BooleanType, false)
                .add(STATUS, DataTypes.StringType)
                .add(MODEL_WORKS, DataTypes.IntegerType)
                .add(CLASS_SD, DataTypes.DoubleType)
                .add(LENIENCY_SD, DataTypes.DoubleType)
                .add(CUT_FACTORS, DataTypes.createArrayType(DataTypes.DoubleType))
                .add(COPY_FACTOR, DataTypes.DoubleType);
        for (String v : VALUES) {
            s = s.add(v, DataTypes.DoubleType);
        }
        return s;
    }

    /**
     * @param results {@code results} with the scale columns ({@link ScaleColumns})
     * @param scales  the scales in force, for the tasks' maxima and levels
     */
    public static Dataset<Row> compute(Dataset<Row> results, MarkScales scales) {
        Map<String, int[]> maxima = new HashMap<>();
        Map<String, boolean[]> advanced = new HashMap<>(); // the tasks of level П or В (none where levels are not given)
        for (MarkScale s : scales.entries()) {
            maxima.put(s.key(), s.tasks().stream().mapToInt(t -> t.max()).toArray());
            boolean[] part = new boolean[s.tasks().size()];
            for (int j = 0; j < part.length; j++) {
                part[j] = s.tasks().get(j).advanced();
            }
            advanced.put(s.key(), part);
        }
        Dataset<Row> works = results.filter(col("scores").isNotNull().and(col("cut3").isNotNull()))
                .select("session", "region", "subject", "grade", "scale_key", "school_id", "class", "participant", "scores",
                        "primary_score", "journal_mark", "cut3", "cut4", "cut5");
        return works.groupByKey((MapFunction<Row, String>) ModelSigns::referenceKey, Encoders.STRING())
                .flatMapGroups(new PerReference(maxima, advanced), Encoders.row(schema()));
    }

    /** The model's rows of one level, ready to join into that level's indicator table. */
    public static Dataset<Row> level(Dataset<Row> model, String level, String[] keys) {
        List<Column> cols = new ArrayList<>();
        for (String k : keys) {
            cols.add(col(k));
        }
        for (String j : JOINED) {
            cols.add(col(j));
        }
        return model.filter(col(LEVEL).equalTo(level)).select(cols.toArray(new Column[0]));
    }

    private static String[] joined() {
        List<String> names = new ArrayList<>(List.of(FITTED, STATUS, MODEL_WORKS, CLASS_SD, LENIENCY_SD, CUT_FACTORS,
                COPY_FACTOR));
        names.addAll(List.of(VALUES));
        return names.toArray(new String[0]);
    }

    private static String referenceKey(Row r) {
        return r.getAs("session") + "\u0001" + r.getAs("region") + "\u0001" + r.getAs("subject") + "\u0001"
                + r.getAs("grade") + "\u0001" + r.getAs("scale_key");
    }

    /** One reference: rows to arrays, the fit, and a row per class and per cell. */
    static final class PerReference implements FlatMapGroupsFunction<String, Row, Row> {

        private final Map<String, int[]> maxima;
        private final Map<String, boolean[]> advanced;

        PerReference(Map<String, int[]> maxima, Map<String, boolean[]> advanced) {
            this.maxima = maxima;
            this.advanced = advanced;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> rows) {
            List<int[]> scores = new ArrayList<>();
            List<Integer> totals = new ArrayList<>();
            List<Integer> journal = new ArrayList<>();
            List<Integer> classOf = new ArrayList<>();
            Map<List<String>, Integer> classIndex = new LinkedHashMap<>();
            Map<String, Integer> cellIndex = new LinkedHashMap<>();
            List<Integer> cellOfClass = new ArrayList<>();
            Row first = null;
            int[] max = null;
            // A fixed order of the works, whatever the partitioning: the fit's sums, and so its last digits and the
            // EM's stopping point, must not depend on how Spark delivered the rows (the cluster check compares runs).
            List<Row> sorted = new ArrayList<>();
            rows.forEachRemaining(sorted::add);
            sorted.sort(java.util.Comparator.comparing((Row r) -> String.valueOf(r.<String>getAs("school_id")))
                    .thenComparing(r -> String.valueOf(r.<String>getAs("class")))
                    .thenComparing(r -> String.valueOf(r.<String>getAs("participant"))));
            for (Row r : sorted) {
                if (first == null) {
                    first = r;
                    max = maxima.get(r.<String>getAs("scale_key"));
                }
                List<Integer> raw = r.getList(r.fieldIndex("scores"));
                if (max == null || raw.size() != max.length) {
                    continue; // ingest guarantees the scale's task count; a mismatch is not the model's to repair
                }
                int[] x = new int[raw.size()];
                for (int j = 0; j < x.length; j++) {
                    Integer v = raw.get(j);
                    x[j] = v == null ? 0 : Math.min(Math.max(v, 0), max[j]);
                }
                String school = r.getAs("school_id");
                List<String> cls = java.util.Arrays.asList(school, r.<String>getAs("class"));
                Integer c = classIndex.get(cls);
                if (c == null) {
                    c = classIndex.size();
                    classIndex.put(cls, c);
                    cellOfClass.add(cellIndex.computeIfAbsent(school, s -> cellIndex.size()));
                }
                scores.add(x);
                int total = 0;
                for (int v : x) {
                    total += v;
                }
                totals.add(total);
                Integer j = r.getAs("journal_mark");
                journal.add(j == null ? 0 : j);
                classOf.add(c);
            }
            if (first == null || max == null) {
                return java.util.Collections.emptyIterator();
            }
            int[] cuts = {first.<Integer>getAs("cut3"), first.<Integer>getAs("cut4"), first.<Integer>getAs("cut5")};
            ReferenceWorks works = new ReferenceWorks(scores.toArray(new int[0][]), max,
                    totals.stream().mapToInt(Integer::intValue).toArray(),
                    journal.stream().mapToInt(Integer::intValue).toArray(),
                    classOf.stream().mapToInt(Integer::intValue).toArray(), classIndex.size(),
                    cellOfClass.stream().mapToInt(Integer::intValue).toArray(), cellIndex.size(), cuts,
                    advanced.get(first.<String>getAs("scale_key")));
            ReferenceSigns.Result fit = ReferenceSigns.compute(works);
            List<Row> out = new ArrayList<>();
            int c = 0;
            for (List<String> cls : classIndex.keySet()) {
                out.add(row(CLASS_LEVEL, first, cls.get(0), cls.get(1), fit, works.works(),
                        fit.status() == null ? fit.classes().get(c) : null));
                c++;
            }
            int k = 0;
            for (String school : cellIndex.keySet()) {
                out.add(row(SCHOOL_LEVEL, first, school, null, fit, works.works(),
                        fit.status() == null ? fit.cells().get(k) : null));
                k++;
            }
            return out.iterator();
        }

        private static Row row(String level, Row first, String school, String cls, ReferenceSigns.Result fit,
                               int works, UnitSigns u) {
            List<Object> v = new ArrayList<>(List.of(level, first.getAs("session"), first.getAs("region")));
            v.add(school);
            v.add(first.getAs("subject"));
            v.add(first.getAs("grade"));
            v.add(cls);
            v.add(fit.status() == null);
            v.add(fit.status());
            v.add(works);
            v.add(orNull(fit.tau()));
            v.add(orNull(fit.leniencySd()));
            v.add(fit.cutFactors() == null ? null
                    : scala.jdk.javaapi.CollectionConverters.asScala(java.util.Arrays.stream(fit.cutFactors()).boxed()
                    .toList()).toSeq());
            v.add(orNull(fit.copyFactor()));
            double[] values = u == null ? null : new double[] {u.ability(), u.journalResidual(), u.journalMarks(),
                    u.journalZ(), u.journalAboveP(), u.journalBelowP(), u.patternFit(), u.patternWorks(), u.patternP(),
                    u.cutObserved(), u.cutExpected(), u.cutWindow(), u.cutP(), u.copyPairs(), u.copyExpected(),
                    u.copyWorks(), u.copyP(), u.addedFit(), u.addedWorks(), u.addedP(),
                    u.knownFit(), u.knownWorks(), u.knownP()};
            for (int i = 0; i < VALUES.length; i++) {
                v.add(values == null ? null : orNull(values[i]));
            }
            return RowFactory.create(v.toArray());
        }

        private static Double orNull(double x) {
            return Double.isNaN(x) || Double.isInfinite(x) ? null : x;
        }
    }
}
