package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.synthetic.GeneratorConfig;
import org.vprobjectivity.synthetic.ManipulationKind;
import org.vprobjectivity.synthetic.OutputFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vprobjectivity.table.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Power of the clustered share tests: on a generated region where half the schools carry one of the
 * share-moving manipulations, the matching p-value ranks manipulated cells above clean ones (ROC AUC
 * over school cells, score = −log p).
 */
class SharePowerTest {

    @Test
    void matchingShareTestSeparatesManipulatedCells(@TempDir Path dir) throws Exception {
        GeneratorConfig cfg = GeneratorConfig.builder().schools(48).seed(909).manipulatedShare(0.5)
                .kinds(ManipulationKind.INFLATED_JOURNAL, ManipulationKind.WEAK_KEPT_HOME, ManipulationKind.BLANKET_INFLATION)
                .formats(OutputFormat.CANONICAL_CSV).build();
        GeneratedRegion region = new GeneratedRegion(SparkTestSession.get(), dir, cfg);
        Dataset<Row> journal = JournalComparison.compute(region.results, Keys.SCHOOL);
        Dataset<Row> high = HighResults.compute(region.results, Keys.SCHOOL);
        Dataset<Row> absent = ParticipationIndicator.compute(region.tables.participation(), Keys.SCHOOL);

        double inflatedJournal = auc(journal, "lowered_p", region, ManipulationKind.INFLATED_JOURNAL);
        double keptHome = auc(absent, "absent_p", region, ManipulationKind.WEAK_KEPT_HOME);
        double blanketRaised = auc(journal, "raised_p", region, ManipulationKind.BLANKET_INFLATION);
        double blanketQuality = auc(high, "quality_p", region, ManipulationKind.BLANKET_INFLATION);
        double journalResidual = auc(journal, "resid_down_p", region, ManipulationKind.INFLATED_JOURNAL);
        double blanketResidual = auc(journal, "resid_up_p", region, ManipulationKind.BLANKET_INFLATION);
        double blanketShift = auc(journal, "shift_up_p", region, ManipulationKind.BLANKET_INFLATION);
        System.out.printf("AUC INFLATED_JOURNAL/shift_down_p %.3f, BLANKET_INFLATION/shift_up_p %.3f, "
                + "INFLATED_JOURNAL/resid_down_p %.3f, BLANKET_INFLATION/resid_up_p %.3f%n",
                auc(journal, "shift_down_p", region, ManipulationKind.INFLATED_JOURNAL), blanketShift, journalResidual,
                blanketResidual);
        System.out.printf("AUC INFLATED_JOURNAL/lowered_p %.3f, WEAK_KEPT_HOME/absent_p %.3f, "
                + "BLANKET_INFLATION/raised_p %.3f, BLANKET_INFLATION/quality_p %.3f%n",
                inflatedJournal, keptHome, blanketRaised, blanketQuality);
        assertThat(inflatedJournal).isGreaterThanOrEqualTo(0.8);
        assertThat(journalResidual).isGreaterThanOrEqualTo(0.8);
        // Added points move the whole score, where the mark comparisons see only marks that cross a cut.
        assertThat(blanketResidual).isGreaterThan(Math.max(blanketShift, blanketRaised));
        assertThat(keptHome).isGreaterThanOrEqualTo(0.8);
        assertThat(blanketRaised).isGreaterThanOrEqualTo(0.8);
        assertThat(blanketQuality).isGreaterThanOrEqualTo(0.8);
    }

    private static double auc(Dataset<Row> cells, String pColumn, GeneratedRegion region, ManipulationKind kind) {
        List<TaskPatternsRegion.Scored> scored = new ArrayList<>();
        for (Row r : cells.select("school_id", "subject", "grade", pColumn).collectAsList()) {
            Double p = r.isNullAt(3) ? null : r.getDouble(3);
            double score = p == null ? 0 : -Math.log(Math.max(p, 1e-300));
            scored.add(new TaskPatternsRegion.Scored(score, region.truth.kindOf(r.getString(0), r.getString(1), r.getInt(2))));
        }
        return TaskPatternsRegion.auc(scored, kind);
    }
}
