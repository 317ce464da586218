package org.vprobjectivity.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.indicators.WeakSpots;
import org.vprobjectivity.flags.Bilingual;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.report.DecisionMatrix.Evidence;
import org.vprobjectivity.report.DecisionMatrix.WeakSpot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Reads what the decision matrix weighs for each school with signs: our flags by kind and the official markers
 * ({@code flags/schools}), the re-check plan and findings ({@link RecheckView}) and the school's ranked weak spots
 * ({@code indicators/weak_spots}, all pupils). One row per school, in the list's order (ours by risk first).
 */
public final class DecisionEvidence {

    private static final String[] SCHOOL = {"session", "school_id"};

    private DecisionEvidence() {
    }

    /** @param lang the report's language: the flagged works are read in it, whatever the run's ({@link Bilingual}) */
    public static List<Evidence> load(SparkSession spark, String outputDir, RecheckView recheck, MeasureConfig rule,
                                      String lang) {
        Dataset<Row> schools = Bilingual.inLanguage(spark.read().parquet(outputDir + "/" + OutputLayout.FLAGS_SCHOOLS), lang,
                Bilingual.FLAGGED_WORKS);
        List<String> columns = List.of(schools.columns());
        Dataset<Row> withSigns = schools.filter(coalesce(col("flagged"), lit(false)).or(col("official_markers").gt(0))
                .or(confirmedSchools(recheck)));
        Map<String, List<WeakSpot>> weak = weakSpots(spark, outputDir, withSigns.select("session", "school_id"), rule.helpWeakSpots);
        List<Evidence> out = new ArrayList<>();
        for (Row r : withSigns.orderBy(col("session"), col("rank")).collectAsList()) {
            String session = r.getAs("session");
            String id = r.getAs("school_id");
            List<RecheckView.SchoolRow> rows = recheck.of(session, id).stream().filter(RecheckView.SchoolRow::targeted).toList();
            RecheckView.PlannedWorks planned = recheck.planned(session, id);
            out.add(new Evidence(session, id, r.getAs("school_name"), r.getAs("municipality"),
                    columns.contains("flagged_results") && Boolean.TRUE.equals(r.getAs("flagged_results")),
                    columns.contains("flagged_journal") && Boolean.TRUE.equals(r.getAs("flagged_journal")),
                    r.getAs("risk_score") instanceof Number n ? n.doubleValue() : Double.NaN, r.getAs("flagged_works"),
                    r.getAs("official_markers") instanceof Number m ? m.longValue() : 0L, r.getAs("official_works"),
                    planned.works(), String.join("; ", planned.cells()), !rows.isEmpty(),
                    rows.stream().anyMatch(RecheckView.SchoolRow::confirmed), rows.stream().anyMatch(RecheckView.SchoolRow::cleared),
                    weak.getOrDefault(session + "|" + id, List.of())));
        }
        return out;
    }

    /** Schools whose re-check confirmed a discrepancy stay on the matrix even where no other sign is left. */
    private static org.apache.spark.sql.Column confirmedSchools(RecheckView recheck) {
        List<String> ids = recheck.schools().stream().filter(RecheckView.SchoolRow::confirmed).map(RecheckView.SchoolRow::schoolId)
                .distinct().toList();
        return ids.isEmpty() ? lit(false) : col("school_id").isin(ids.toArray());
    }

    /** Up to {@code limit} ranked weak spots per school (smallest rank, then the widest gap to the region). */
    private static Map<String, List<WeakSpot>> weakSpots(SparkSession spark, String outputDir, Dataset<Row> schools, int limit) {
        Map<String, List<WeakSpot>> out = new HashMap<>();
        String table = outputDir + "/" + OutputLayout.INDICATORS_WEAK_SPOTS;
        if (limit == 0 || !ParquetTables.exists(spark, table)) {
            return out; // no help measure asked for, or a run without weak spots
        }
        Dataset<Row> ranked = spark.read().parquet(table)
                .filter(col("group_level").equalTo(WeakSpots.SCHOOL).and(col("mark_group").equalTo(WeakSpots.ALL_MARKS))
                        .and(col("weak_rank").isNotNull()).and(col("weak_rank").leq(limit)));
        for (Row r : Keys.join(ranked, schools, SCHOOL, "left_semi")
                .select("session", "school_id", "subject", "grade", "task", "solve_rate", "solve_rate_region", "weak_rank", "gap_to_region")
                .orderBy(col("session"), col("school_id"), col("weak_rank"), col("gap_to_region"), col("subject"), col("grade"))
                .collectAsList()) {
            List<WeakSpot> list = out.computeIfAbsent(r.<String>getAs("session") + "|" + r.<String>getAs("school_id"), k -> new ArrayList<>());
            if (list.size() < limit) {
                list.add(new WeakSpot(r.getAs("subject"), r.<Integer>getAs("grade"), r.getAs("task"), num(r.getAs("solve_rate")),
                        num(r.getAs("solve_rate_region"))));
            }
        }
        return out;
    }

    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
