package org.vprobjectivity.jobs;

import org.vprobjectivity.run.ExitCodes;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.evaluation.Calibration;
import org.vprobjectivity.evaluation.Evaluation;
import org.vprobjectivity.table.Keys;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.synthetic.GroundTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** Compares a run's flags with a generator's ground truth and prints the table of recall, precision and AUC. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compare the flags of a run with a generated region's ground truth (recall, precision, ROC AUC,"
                + " clean flag rate; ours and the official markers'), as a Markdown table; then the null check of every"
                + " p-value column on the clean cells and classes (share below 0.05 and 0.01, against 2-8%).")
public class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--flags", required = true, paramLabel = "DIR", description = "Output folder of a run (holds flags/ and indicators/).")
    String flags;

    @Option(names = "--truth", required = true, paramLabel = "FILE",
            description = "ground-truth.csv written by 'generate' (or its folder).")
    Path truth;

    @Override
    public Integer call() throws Exception {
        return SparkSessions.run("vpr-objectivity evaluate", spark -> evaluate(spark, System.out));
    }

    /** Prints the evaluation table; the session is the caller's. */
    int evaluate(SparkSession spark, java.io.PrintStream out) {
        GroundTruth groundTruth = GroundTruth.read(truth);
        List<Evaluation.Cell> cells = cells(spark);
        Map<String, Long> classWorks = new HashMap<>();
        spark.read().parquet(flags + "/" + OutputLayout.INDICATORS_CLASS)
                .select(col("school_id"), col("subject"), col("grade"), coalesce(col("class"), lit("")), col("works"))
                .collectAsList()
                .forEach(r -> classWorks.put(r.getString(0) + "|" + r.getString(1) + "|" + r.getInt(2) + "|" + r.getString(3),
                        r.getLong(4)));
        out.print(Evaluation.markdown(Evaluation.evaluate(cells, groundTruth, classWorks)));
        if (!groundTruth.strongSchools().isEmpty()) {
            double[] strong = Evaluation.strongSchoolRates(cells, groundTruth.strongSchools());
            out.printf("Strong honest schools: %d; flagged by us %.3f, marked officially %.3f%n", (long) strong[0],
                    strong[1], strong[2]);
        }
        out.println();
        out.print(Calibration.markdown(calibration(spark, groundTruth)));
        return ExitCodes.OK;
    }

    /** Every p-value column of the cell and class tables and of the flags, on the units the ground truth leaves clean. */
    private List<Calibration.Line> calibration(SparkSession spark, GroundTruth groundTruth) {
        Set<String> manipulated = new HashSet<>();
        groundTruth.manipulations().forEach(r -> manipulated.add(r.schoolId() + "|" + r.subject() + "|" + r.grade()));
        List<Calibration.Line> lines = new ArrayList<>();
        for (String table : List.of(OutputLayout.INDICATORS_SCHOOL, OutputLayout.INDICATORS_CLASS, OutputLayout.FLAGS_CELLS)) {
            lines.addAll(Calibration.of(table, spark.read().parquet(flags + "/" + table), manipulated));
        }
        return lines;
    }

    /** One row per school cell (aggregates, not participant rows): our risk and flags, and the official marker. */
    private List<Evaluation.Cell> cells(SparkSession spark) {
        Dataset<Row> ours = spark.read().parquet(flags + "/" + OutputLayout.FLAGS_CELLS);
        Dataset<Row> official = spark.read().parquet(flags + "/" + OutputLayout.INDICATORS_OFFICIAL)
                .select(col("session"), col("region"), col("school_id"), col("subject"), col("grade"),
                        col("markers").gt(0).and(col("official_work")).as("marked"));
        return Keys.join(ours, official, Keys.SCHOOL, "left")
                .select("school_id", "subject", "grade", "risk_score", "risk_score_journal", "flagged_results",
                        "flagged_journal", "marked")
                .collectAsList().stream()
                .map(r -> new Evaluation.Cell(r.getString(0), r.getString(1), r.getInt(2), r.getDouble(3), r.getDouble(4),
                        r.getBoolean(5), r.getBoolean(6), !r.isNullAt(7) && r.getBoolean(7)))
                .toList();
    }
}
