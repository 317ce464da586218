package org.vprobjectivity.recheck;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.indicators.ScaleColumns;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.model.MarkScales;

import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.bit_xor;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * The sample of works to re-check, drawn from an earlier run's {@code results} and {@code flags/cells}:
 * <ul>
 *   <li><b>targeted</b>: up to {@code worksPerCell} works of every cell flagged for inflated results, the strongest
 *   class's works first (where the scan found the evidence), then works at a mark cut or one point above it (where
 *   lenient checking leaves its trace), then in a seeded random order;</li>
 *   <li><b>control</b>: unflagged cells of the same session, subject and grade, chosen at random, as many as make
 *   {@code controlShare} of the plan's cells, their works chosen by the same rule. A commission marks more strictly
 *   or more leniently than schools do on its own; the control works measure that, so a school is judged against the
 *   control group, not against zero.</li>
 * </ul>
 * Every choice is a function of the seed and the data (hashes, no random state), so the same seed over the same
 * output gives the same plan. A work's code ({@code work_id}) is a hash that does not reveal the school. Journal-only
 * flags are not re-checked: a re-check of works cannot confirm a journal.
 */
public final class RecheckPlan {

    /** How a plan is drawn. */
    /**
     * @param borderline the unflagged cells with the highest {@code risk_score} (per session) that are targeted too:
     *                   where the evidence is just short of the cut, a re-check is what can decide (0: none)
     */
    public record Options(int worksPerCell, double controlShare, long seed, Commissions by, int borderline) {
        public Options(int worksPerCell, double controlShare, long seed, Commissions by) {
            this(worksPerCell, controlShare, seed, by, 0);
        }

        public Options {
            if (borderline < 0) {
                throw new IllegalArgumentException("--borderline must be at least 0, not " + borderline);
            }
            if (worksPerCell < 1) {
                throw new IllegalArgumentException("--works-per-cell must be at least 1, not " + worksPerCell);
            }
            if (!(controlShare >= 0 && controlShare < 1)) {
                throw new IllegalArgumentException("--control-share must be in [0, 1), not " + controlShare);
            }
        }
    }

    /** Who re-checks: one commission per municipality, or per subject. */
    public enum Commissions { MUNICIPALITY, SUBJECT }

    /** The plan's size per stratum, commission and work. */
    public record Stratum(String stratum, String commission, String session, String subject, int grade, long cells,
                          long works) {
    }

    /** The plan as written: its id and its strata. */
    public record Result(String planId, List<Stratum> strata) {
        public long works(String stratum) {
            return strata.stream().filter(s -> s.stratum().equals(stratum)).mapToLong(Stratum::works).sum();
        }
    }

    private RecheckPlan() {
    }

    /** Draws the plan over {@code outputDir}, writes {@code recheck/plan} and {@code recheck/strata}. */
    public static Result write(SparkSession spark, String outputDir, MarkScales scales, Options options) {
        Dataset<Row> plan = draw(spark, outputDir, scales, options).cache();
        try {
            String fingerprint = plan.agg(bit_xor(xxhash64(col(RecheckTables.WORK_ID))).cast("string"), count(lit(1)))
                    .first().mkString("|");
            String planId = sha(options.seed() + "|" + options.worksPerCell() + "|" + options.controlShare() + "|"
                    + options.by() + "|" + fingerprint).substring(0, 8).toUpperCase(Locale.ROOT);
            Dataset<Row> withId = plan.withColumn(RecheckTables.PLAN_ID, lit(planId));
            withId.write().mode("overwrite").parquet(outputDir + "/" + RecheckTables.PLAN);
            Dataset<Row> strata = spark.read().parquet(outputDir + "/" + RecheckTables.PLAN)
                    .groupBy(RecheckTables.STRATUM, RecheckTables.COMMISSION, "session", "subject", "grade")
                    .agg(count_distinct(col("school_id")).as("cells"), count(lit(1)).as("works"))
                    .orderBy(RecheckTables.STRATUM, RecheckTables.COMMISSION, "session", "subject", "grade");
            strata.write().mode("overwrite").parquet(outputDir + "/" + RecheckTables.STRATA);
            List<Stratum> list = spark.read().parquet(outputDir + "/" + RecheckTables.STRATA).collectAsList().stream()
                    .map(r -> new Stratum(r.getAs(RecheckTables.STRATUM), r.getAs(RecheckTables.COMMISSION),
                            r.getAs("session"), r.getAs("subject"), r.<Integer>getAs("grade"), r.<Long>getAs("cells"),
                            r.<Long>getAs("works")))
                    .sorted(java.util.Comparator.comparing(Stratum::stratum).thenComparing(Stratum::commission)
                            .thenComparing(Stratum::subject).thenComparing(Stratum::grade))
                    .toList();
            return new Result(planId, list);
        } finally {
            plan.unpersist();
        }
    }

    /** The plan's rows (without the plan id). */
    static Dataset<Row> draw(SparkSession spark, String outputDir, MarkScales scales, Options o) {
        Dataset<Row> results = ScaleColumns.join(spark.read().parquet(outputDir + "/" + OutputLayout.RESULTS), spark, scales)
                .filter(col("scores").isNotNull().and(col("primary_score").isNotNull()).and(col("cut3").isNotNull()));
        // Borderline: the unflagged cells with signs of inflated results that rank highest by risk within their
        // session (cells only, a few thousand per region), targeted beside the flagged ones.
        Column flagged = coalesce(col("flagged_results"), lit(false));
        Column unflaggedRank = row_number().over(Window.partitionBy(col("session"), flagged)
                .orderBy(col("risk_score").desc(), col("school_id"), col("subject"), col("grade")));
        Column borderline = not(flagged).and(coalesce(col("risk_score"), lit(0.0)).gt(0))
                .and(col(RecheckTables.EVIDENCE_CLEARED).isNull().or(not(col(RecheckTables.EVIDENCE_CLEARED))))
                .and(unflaggedRank.leq(o.borderline()));
        Dataset<Row> flags = spark.read().parquet(outputDir + "/" + OutputLayout.FLAGS_CELLS);
        if (!java.util.Arrays.asList(flags.columns()).contains(RecheckTables.EVIDENCE_CLEARED)) {
            flags = flags.withColumn(RecheckTables.EVIDENCE_CLEARED, lit(null).cast("boolean"));
        }
        Dataset<Row> cells = flags
                .select(col("session"), col("region"), col("school_id"), col("subject"), col("grade"),
                        flagged.or(borderline).as("__targeted"), col("strongest_class").as("__strongest"),
                        try_element_at(col("reasons"), lit(1)).as("__first_reason"));
        Column seed = lit(o.seed());
        Dataset<Row> works = Keys.join(results, cells, Keys.SCHOOL, "inner")
                .withColumn("__near_cut", nearCut())
                .withColumn("__order", xxhash64(seed, col("session"), col("school_id"), col("subject"), col("grade"),
                        col("class"), col("participant")));
        Column[] cellKeys = Keys.cols(Keys.SCHOOL);
        WindowSpec inCell = Window.partitionBy(cellKeys).orderBy(
                when(col("class").eqNullSafe(col("__strongest")), 0).otherwise(1), col("__near_cut").desc(), col("__order"));
        Dataset<Row> targeted = works.filter(col("__targeted"))
                .withColumn(RecheckTables.PRIORITY, row_number().over(inCell))
                .filter(col(RecheckTables.PRIORITY).leq(o.worksPerCell()))
                .withColumn(RecheckTables.STRATUM, lit(RecheckTables.TARGETED))
                .withColumn(RecheckTables.REASON, coalesce(col("__first_reason"), lit("")));

        // Control cells per session × region × subject × grade: share F of the plan's cells, i.e. F/(1 − F) per targeted cell.
        Dataset<Row> targetedCells = works.filter(col("__targeted")).select(cellKeys).distinct()
                .groupBy(Keys.cols(Keys.WORK)).agg(count(lit(1)).as("__targeted_cells"))
                .withColumn("__control_cells", ceil(col("__targeted_cells").multiply(o.controlShare() / (1 - o.controlShare()))));
        Dataset<Row> candidateCells = works.filter(col("__targeted").equalTo(false)).select(cellKeys).distinct()
                .withColumn("__cell_order", xxhash64(seed, col("session"), col("school_id"), col("subject"), col("grade")))
                .withColumn("__cell_rank", row_number().over(Window.partitionBy(Keys.cols(Keys.WORK)).orderBy("__cell_order")));
        Dataset<Row> controlCells = Keys.join(candidateCells, targetedCells, Keys.WORK, "inner")
                .filter(col("__cell_rank").leq(col("__control_cells"))).select(cellKeys);
        WindowSpec controlOrder = Window.partitionBy(cellKeys).orderBy(col("__near_cut").desc(), col("__order"));
        Dataset<Row> control = Keys.join(works, controlCells, Keys.SCHOOL, "left_semi")
                .withColumn(RecheckTables.PRIORITY, row_number().over(controlOrder))
                .filter(col(RecheckTables.PRIORITY).leq(o.worksPerCell()))
                .withColumn(RecheckTables.STRATUM, lit(RecheckTables.CONTROL))
                .withColumn(RecheckTables.REASON, lit(""));

        Column commission = o.by() == Commissions.SUBJECT ? col("subject")
                : coalesce(col("municipality"), col("municipality_code"), lit("—"));
        return targeted.unionByName(control)
                .withColumn(RecheckTables.WORK_ID, substring(upper(sha2(concat_ws("|", seed.cast("string"), col("session"),
                        col("region"), col("school_id"), col("subject"), col("grade").cast("string"), col("class"),
                        col("participant")), 256)), 1, 10))
                .withColumn(RecheckTables.COMMISSION, commission)
                .withColumn(RecheckTables.FORM, concat_ws(" ", commission, col("grade").cast("string"), col("subject")))
                .select(col(RecheckTables.WORK_ID), col("session"), col("region"), col("municipality_code"),
                        col("municipality"), col("school_id"), col("subject"), col("grade"), col("class"),
                        col("participant"), col("scale_key"), col(RecheckTables.STRATUM), col(RecheckTables.REASON),
                        col(RecheckTables.PRIORITY), col(RecheckTables.COMMISSION), col(RecheckTables.FORM),
                        col("scores").as(RecheckTables.ORIGINAL_SCORES), col("primary_score").as(RecheckTables.ORIGINAL_SCORE),
                        col("mark").as(RecheckTables.ORIGINAL_MARK), col("cut3"), col("cut4"), col("cut5"));
    }

    /** At a mark cut or one point above it. */
    private static Column nearCut() {
        Column s = col("primary_score");
        return s.between(col("cut3"), col("cut3").plus(1)).or(s.between(col("cut4"), col("cut4").plus(1)))
                .or(s.between(col("cut5"), col("cut5").plus(1)));
    }

    static String sha(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
