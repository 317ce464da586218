package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.ingest.IngestTables;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.GroundTruth;
import org.vprobjectivity.synthetic.ManipulationKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A generated region read through the real ingest, with the task-pattern table of its school cells, and the ROC AUC
 * helper the power tests use.
 */
final class TaskPatternsRegion {

    final Dataset<Row> results;
    final Dataset<Row> catalog;
    final GroundTruth truth;

    TaskPatternsRegion(SparkSession spark, Path dir, GeneratorConfig cfg) throws Exception {
        GeneratedRegion region = new GeneratedRegion(spark, dir, cfg);
        truth = region.truth;
        results = region.results;
        catalog = IngestTables.taskCatalog(spark, MarkScales.bundled());
    }

    /** A school cell's score and its truth. */
    record Scored(double score, ManipulationKind kind) {
    }

    /** Non-null values of {@code column} per school cell, with the kind injected there (null = clean). */
    List<Scored> scores(List<Row> cells, String column) {
        List<Scored> out = new ArrayList<>();
        for (Row r : cells) {
            Object v = r.getAs(column);
            if (v != null) {
                out.add(new Scored(((Number) v).doubleValue(),
                        truth.kindOf(r.getAs("school_id"), r.getAs("subject"), (Integer) r.getAs("grade"))));
            }
        }
        return out;
    }

    /**
     * ROC AUC of "higher score = manipulated" for cells of {@code kind} against clean cells (other kinds left out):
     * the Mann–Whitney probability P(S_pos &gt; S_neg) + ½·P(S_pos = S_neg) (Hanley &amp; McNeil 1982).
     */
    static double auc(List<Scored> scored, ManipulationKind kind) {
        List<Double> pos = scored.stream().filter(s -> s.kind() == kind).map(Scored::score).toList();
        List<Double> neg = scored.stream().filter(s -> s.kind() == null).map(Scored::score).toList();
        if (pos.isEmpty() || neg.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.size() * neg.size());
    }

    static long count(List<Scored> scored, Predicate<Scored> p) {
        return scored.stream().filter(p).count();
    }
}
