package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.vprobjectivity.table.Keys;

/**
 * All families of one level (school cell, class or teacher) joined into one table: VPR vs journal, high
 * results, participation, task patterns and score distribution. Each family stays a pure Dataset → Dataset function; this only joins them.
 *
 * <p>The run computes the same cells with {@link ReferenceCells}, every level in one pass per reference; this join of
 * the families is what that pass is held equal to (ReferenceCellsTest), and what the families' own tests read.
 */
public final class CellIndicators {

    private CellIndicators() {
    }

    /**
     * @param results       {@code results} with the scale columns joined ({@link ScaleColumns})
     * @param participation the {@code participation} table
     * @param taskCatalog   {@code IngestTables.taskCatalog}: the scale's tasks with maxima and levels
     * @param regionBunching {@link RegionBunching#compute}: the region's own bunching, which cells are compared with
     * @param level         {@link Keys#SCHOOL}, {@link Keys#CLASS} or {@link Keys#TEACHER}
     */
    public static Dataset<Row> compute(Dataset<Row> results, Dataset<Row> participation, Dataset<Row> taskCatalog,
                                       Dataset<Row> regionBunching, String[] level) {
        return compute(results, participation, taskCatalog, regionBunching, level, ReferenceLevel.REGION);
    }

    /** As above, with the share tests' reference at {@code reference} ({@link ReferenceLevel}). */
    public static Dataset<Row> compute(Dataset<Row> results, Dataset<Row> participation, Dataset<Row> taskCatalog,
                                       Dataset<Row> regionBunching, String[] level, ReferenceLevel reference) {
        Dataset<Row> tagged = reference.tag(results);
        Dataset<Row> journal = JournalComparison.compute(tagged, level);
        Dataset<Row> high = HighResults.compute(tagged, level).drop(ReferenceLevel.UNIT);
        Dataset<Row> absent = ParticipationIndicator.compute(reference.tag(participation), level).drop(ReferenceLevel.UNIT);
        // "works" is already in the journal family's columns; the scale key is an attribute of the work.
        Dataset<Row> tasks = TaskPatterns.compute(results, taskCatalog, level).drop("works", "scale_key");
        Dataset<Row> distribution = Distribution.compute(results, regionBunching, level).drop("n", "scale_key");
        Dataset<Row> joined = Keys.join(Keys.join(journal, high, level, "left"), absent, level, "left");
        return Keys.join(Keys.join(joined, tasks, level, "left"), distribution, level, "left");
    }
}
