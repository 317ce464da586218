package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.ingest.ExamFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * The official marker 1 «Завышенные значения среднего балла» on the ОГЭ in Russian and mathematics (docs/design.md §0:
 * the method's 14 markers include the high mean for ОГЭ Russian and mathematics), exactly as for the VPR
 * ({@link OfficialMarkers}): the region's mean primary score {@code M} of all participants with its 95% interval
 * {@code M ± 1.96·s/√N}, the school's {@code m ± 1.96·sᵢ/√nᵢ}; marked when the school's lower bound lies above the
 * region's upper bound. The region is the exam file's schools of the same subject and year. From school rows the
 * region's figures are exact when every school gives its sample SD ({@code sd}, n − 1):
 * {@code M = Σ nᵢmᵢ / N}, {@code s² = (Σ (nᵢ − 1)sᵢ² + Σ nᵢ(mᵢ − M)²) / (N − 1)}. Where a row of the subject and year
 * lacks its SD the marker is not computed for that subject and year (null): the method needs the participants' spread,
 * and we do not guess it.
 */
public final class ExamMarker {

    public static final String OGE_N = "oge_n";
    public static final String OGE_MEAN = "oge_mean";
    public static final String OGE_SD = "oge_sd";
    public static final String OGE_CI_LOWER = "oge_ci_lower";
    public static final String OGE_REGION_N = "oge_region_n";
    public static final String OGE_REGION_MEAN = "oge_region_mean";
    public static final String OGE_REGION_SD = "oge_region_sd";
    public static final String OGE_REGION_CI_UPPER = "oge_region_ci_upper";
    public static final String OGE_MARKER = "oge_marker_inflated_mean";

    private static final StructType SCHEMA = new StructType()
            .add("__school", DataTypes.StringType, false).add("__subject", DataTypes.StringType, false)
            .add("__year", DataTypes.IntegerType, false)
            .add(OGE_N, DataTypes.LongType).add(OGE_MEAN, DataTypes.DoubleType).add(OGE_SD, DataTypes.DoubleType)
            .add(OGE_CI_LOWER, DataTypes.DoubleType).add(OGE_REGION_N, DataTypes.LongType)
            .add(OGE_REGION_MEAN, DataTypes.DoubleType).add(OGE_REGION_SD, DataTypes.DoubleType)
            .add(OGE_REGION_CI_UPPER, DataTypes.DoubleType).add(OGE_MARKER, DataTypes.BooleanType);

    private ExamMarker() {
    }

    /** One school's marker with the numbers behind it; the marker and the region's figures null when not computable. */
    public record Marker(String schoolId, String subject, int year, long n, double mean, Double sd, Double ciLower,
                         Long regionN, Double regionMean, Double regionSd, Double regionCiUpper, Boolean marked) {
    }

    /** The ОГЭ rows in Russian and mathematics, each with its marker. */
    public static List<Marker> compute(List<ExamFile.Entry> entries) {
        Map<String, List<ExamFile.Entry>> groups = new LinkedHashMap<>();
        for (ExamFile.Entry e : entries) {
            if (ExamFile.OGE.equals(e.kind()) && (e.subject().equals("RU") || e.subject().equals("MA"))) {
                groups.computeIfAbsent(e.subject() + "|" + e.year(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Marker> out = new ArrayList<>();
        for (List<ExamFile.Entry> g : groups.values()) {
            boolean exact = g.stream().allMatch(e -> e.sd() != null);
            long total = g.stream().mapToLong(ExamFile.Entry::n).sum();
            double m = g.stream().mapToDouble(e -> e.n() * e.mean()).sum() / total;
            Double regionSd = null;
            Double upper = null;
            if (exact && total > 1) {
                double ss = 0;
                for (ExamFile.Entry e : g) {
                    ss += (e.n() - 1) * e.sd() * e.sd() + e.n() * (e.mean() - m) * (e.mean() - m);
                }
                regionSd = Math.sqrt(ss / (total - 1));
                upper = m + OfficialMarkers.Z95 * regionSd / Math.sqrt(total);
            }
            for (ExamFile.Entry e : g) {
                Double lower = e.sd() == null ? null : e.mean() - OfficialMarkers.Z95 * e.sd() / Math.sqrt(e.n());
                Boolean marked = upper == null || lower == null ? null : lower > upper;
                out.add(new Marker(e.schoolId(), e.subject(), e.year(), e.n(), e.mean(), e.sd(), lower,
                        exact ? total : null, exact ? m : null, regionSd, upper, marked));
            }
        }
        return out;
    }

    /**
     * The markers joined to {@code indicators/official} rows by school, subject and the session's year (ОГЭ of year Y in
     * the list of year Y): every VPR work of the school in that subject carries its ОГЭ marker.
     */
    public static Dataset<Row> attach(SparkSession spark, Dataset<Row> official, List<Marker> markers) {
        List<Row> rows = markers.stream().map(k -> RowFactory.create(k.schoolId(), k.subject(), k.year(), k.n(), k.mean(),
                k.sd(), k.ciLower(), k.regionN(), k.regionMean(), k.regionSd(), k.regionCiUpper(), k.marked())).toList();
        Dataset<Row> table = spark.createDataFrame(rows, SCHEMA);
        return official.join(table, col("school_id").equalTo(col("__school")).and(col("subject").equalTo(col("__subject")))
                        .and(col("session").substr(1, 4).cast("int").equalTo(col("__year"))), "left")
                .drop("__school", "__subject", "__year");
    }
}
