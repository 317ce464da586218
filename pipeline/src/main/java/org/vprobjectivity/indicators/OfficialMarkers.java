package org.vprobjectivity.indicators;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.table.Keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The official FIOKO markers, reproduced exactly. Source: FIOKO, «Методика расчета показателя "Уровень
 * объективности оценки образовательных результатов в субъекте Российской Федерации"», appendix
 * «Математический алгоритм маркировки образовательных организаций» (see docs/design.md, section 0).
 * <ul>
 * <li>Marker 1, «Завышенные значения среднего балла»: region 95% interval x̄ ± 1.96·s/√n over all its
 * participants of the work; school interval likewise over its own m participants; marked when the
 * school's lower bound is above the region's upper bound. s is the sample SD (n − 1).</li>
 * <li>Marker 2, «Несоответствие результатов и школьных отметок»: Spearman's r_s between journal mark
 * and primary score over the school's participants that have a journal mark; marked when r_s &lt; 0.
 * Spearman with ties = Pearson correlation of average ranks.</li>
 * <li>Marker 3 (cohort change, {@link CohortMarker}) needs two sessions: {@link #withCohorts} sets it on the later
 * work of the cohort (grade g + 1 of year Y + 1, the work the change shows in); null where no cohort could be
 * formed.</li>
 * </ul>
 * The official list covers Russian and mathematics in grades 4 and 5 ({@code official_work}); the
 * markers are computed for every work so analysts can look further.
 */
public final class OfficialMarkers {

    /** z for a two-sided 95% interval, as the FIOKO method states it (1.96, not the exact quantile). */
    public static final double Z95 = 1.96;

    private OfficialMarkers() {
    }

    /**
     * @param results the {@code results} table; one output row per school × work. Computed in one pass per reference
     *                (its works grouped once; {@link #perReference}): the region's figures, then each school's.
     */
    public static Dataset<Row> compute(Dataset<Row> results) {
        List<Column> read = new ArrayList<>(Arrays.asList(Keys.cols(Keys.WORK)));
        for (String c : READ) {
            read.add(col(c));
        }
        Dataset<Row> works = results.select(read.toArray(Column[]::new));
        StructType schema = schema(works.schema());
        FlatMapGroupsFunction<Row, Row, Row> pass = (reference, rows) -> perReference(reference, rows).iterator();
        return ReferenceGroups.of(works, Keys.WORK).flatMapGroups(pass, Encoders.row(schema));
    }

    /** The columns of {@code results} read, after the work's keys. */
    private static final String[] READ = {"school_id", "municipality_code", "municipality", "school_name", "primary_score",
            "journal_mark"};

    /** The output: the school's keys, its figures, the region's, the correlation, the markers. */
    private static StructType schema(StructType works) {
        List<StructField> fields = new ArrayList<>();
        for (String k : Keys.SCHOOL) {
            fields.add(DataTypes.createStructField(k, works.apply(k).dataType(), true));
        }
        for (String c : new String[]{"municipality_code", "municipality", "school_name"}) {
            fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
        }
        addFields(fields, "school");
        addFields(fields, "region");
        fields.add(DataTypes.createStructField("n_with_journal", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("spearman_journal_score", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("spearman_sign_numerator", DataTypes.DoubleType, true));
        for (String c : new String[]{"marker_inflated_mean", "marker_mismatch", "marker_cohort_change", "official_work"}) {
            fields.add(DataTypes.createStructField(c, DataTypes.BooleanType, true));
        }
        fields.add(DataTypes.createStructField("markers", DataTypes.IntegerType, true));
        return DataTypes.createStructType(fields);
    }

    private static void addFields(List<StructField> fields, String prefix) {
        fields.add(DataTypes.createStructField(prefix + "_n", DataTypes.LongType, true));
        for (String c : new String[]{"_mean", "_sd", "_ci_lower", "_ci_upper"}) {
            fields.add(DataTypes.createStructField(prefix + c, DataTypes.DoubleType, true));
        }
    }

    /** One work (a row of {@link #READ} after the work's keys). */
    private record Work(String school, String municipalityCode, String municipality, String schoolName, Integer score,
                        Integer journal) {
    }

    /** A reference's schools with their figures and markers, as rows of {@link #schema}. */
    private static List<Row> perReference(Row reference, Iterator<Row> rows) {
        int w = Keys.WORK.length;
        Map<String, List<Work>> bySchool = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        List<Work> all = new ArrayList<>();
        rows.forEachRemaining(r -> {
            Work work = new Work(r.getString(w), r.getString(w + 1), r.getString(w + 2), r.getString(w + 3),
                    r.isNullAt(w + 4) ? null : r.getInt(w + 4), r.isNullAt(w + 5) ? null : r.getInt(w + 5));
            all.add(work);
        });
        // Summed in one order whatever the partitioning: by school, then score and journal mark; each school's works
        // are taken from the sorted list, so they are in that order too.
        Comparator<Integer> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        all.sort(Comparator.comparing(Work::school, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(Work::score, nullsFirst).thenComparing(Work::journal, nullsFirst));
        all.forEach(work -> bySchool.computeIfAbsent(work.school(), k -> new ArrayList<>()).add(work));
        Interval region = Interval.of(all);
        String subject = reference.getString(Arrays.asList(Keys.WORK).indexOf("subject"));
        Integer grade = reference.isNullAt(Arrays.asList(Keys.WORK).indexOf("grade")) ? null
                : reference.getInt(Arrays.asList(Keys.WORK).indexOf("grade"));
        boolean official = ("RU".equals(subject) || "MA".equals(subject)) && grade != null && (grade == 4 || grade == 5);
        List<Row> out = new ArrayList<>();
        bySchool.forEach((school, works) -> {
            Interval own = Interval.of(works);
            Spearman rs = Spearman.of(works);
            boolean inflated = own.lower() != null && region.upper() != null && own.lower() > region.upper();
            boolean mismatch = rs != null && rs.r() != null && rs.numerator() < 0;
            List<Object> v = new ArrayList<>();
            for (String k : Keys.SCHOOL) {
                v.add(k.equals("school_id") ? school : reference.get(Arrays.asList(Keys.WORK).indexOf(k)));
            }
            v.add(smallest(works, Work::municipalityCode));
            v.add(smallest(works, Work::municipality));
            v.add(smallest(works, Work::schoolName));
            own.addTo(v);
            region.addTo(v);
            v.add(rs == null ? null : rs.n());
            v.add(rs == null ? null : rs.r());
            v.add(rs == null ? null : rs.numerator());
            v.addAll(Arrays.asList(inflated, mismatch, null, official, (inflated ? 1 : 0) + (mismatch ? 1 : 0)));
            out.add(RowFactory.create(v.toArray()));
        });
        return out;
    }

    /** The smallest non-null value of a descriptive column ({@link Aggregates#anyValue}). */
    private static String smallest(List<Work> works, java.util.function.Function<Work, String> column) {
        return works.stream().map(column).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * n (all works), the mean and sample SD of the primary score (works with one), and the 95% interval
     * mean ± 1.96·s/√n; null where undefined (no score; one score for the SD and interval).
     */
    private record Interval(long n, Double mean, Double sd, Double lower, Double upper) {

        static Interval of(List<Work> works) {
            long scored = 0;
            double sum = 0;
            for (Work w : works) {
                if (w.score() != null) {
                    scored++;
                    sum += w.score();
                }
            }
            Double mean = scored == 0 ? null : sum / scored;
            Double sd = null;
            if (scored >= 2) {
                double squares = 0;
                for (Work w : works) {
                    if (w.score() != null) {
                        squares += (w.score() - mean) * (w.score() - mean);
                    }
                }
                sd = Math.sqrt(squares / (scored - 1));
            }
            Double half = sd == null ? null : Z95 * sd / Math.sqrt(works.size());
            return new Interval(works.size(), mean, sd, half == null ? null : mean - half, half == null ? null : mean + half);
        }

        void addTo(List<Object> v) {
            v.addAll(Arrays.asList(n, mean, sd, lower, upper));
        }
    }

    /**
     * r_s over a school's works with a journal mark: Pearson correlation of average ranks (ties share their mean rank;
     * a missing score ranks first, as Spark's ascending order puts nulls). The marker needs only the sign of r_s,
     * decided on doubled (integer) ranks centred on their mean n+1: {@code numerator = Σ(x−(n+1))·(y−(n+1))}, so a
     * school whose r_s is exactly 0 is never marked by rounding. The centred products are at most n² and are summed
     * as doubles: exact up to about 200,000 works in one school (|Σ| ≤ n³ &lt; 2^53), and never overflowing beyond
     * (the old n·Σxy − Σx·Σy in longs overflowed at about 100,000 works). {@code r} = numerator /
     * sqrt(Σ(x−(n+1))²·Σ(y−(n+1))²), null with fewer than two works or a constant column. Null without a journal mark.
     */
    record Spearman(long n, Double r, double numerator) {

        static Spearman of(List<Work> works) {
            List<Work> rated = works.stream().filter(w -> w.journal() != null).toList();
            int n = rated.size();
            if (n == 0) {
                return null;
            }
            long[] x = doubledAverageRanks(rated.stream().map(Work::journal).toArray(Integer[]::new));
            long[] y = doubledAverageRanks(rated.stream().map(Work::score).toArray(Integer[]::new));
            long centre = n + 1L;
            double numerator = 0;
            double xx = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                numerator += (double) ((x[i] - centre) * (y[i] - centre));
                xx += (double) ((x[i] - centre) * (x[i] - centre));
                yy += (double) ((y[i] - centre) * (y[i] - centre));
            }
            Double r = n < 2 || xx == 0 || yy == 0 ? null : numerator / Math.sqrt(xx * yy);
            return new Spearman(n, r, numerator);
        }
    }

    /** Twice the average rank of each value, an integer: 2·(smallest rank of its ties) + ties − 1; nulls rank first. */
    static long[] doubledAverageRanks(Integer[] values) {
        Ranks ranks = Ranks.of(values);
        long[] doubled = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            doubled[i] = 2L * ranks.min()[i] + ranks.ties()[i] - 1;
        }
        return doubled;
    }

    /**
     * Marker 3 from {@code indicators/cohort} on the later work of each cohort: {@code marker_cohort_change} =
     * sharp fall or sharp rise (null where the school has no cohort for the work), counted in {@code markers}.
     *
     * @param cohorts {@link CohortMarker#compute} rows, or null when none could be formed
     */
    public static Dataset<Row> withCohorts(Dataset<Row> official, Dataset<Row> cohorts) {
        if (cohorts == null) {
            return official;
        }
        Dataset<Row> marker = cohorts.select(col("session"), col("region"), col("school_id"), col("subject"),
                col(CohortMarker.GRADE_TO).as("grade"),
                col(CohortMarker.FALL).or(col(CohortMarker.RISE)).as("__cohort_change"));
        return Keys.join(official.drop("marker_cohort_change"), marker, Keys.SCHOOL, "left")
                .withColumnRenamed("__cohort_change", "marker_cohort_change")
                .withColumn("markers", col("markers").plus(coalesce(col("marker_cohort_change"), lit(false)).cast("int")));
    }

    static scala.collection.immutable.Seq<String> scala(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(names)).toList();
    }
}
