package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * All families of one level (school cell or class) joined into one table: VPR vs journal, high results
 * and participation. Each family stays a pure Dataset → Dataset function; this only joins them.
 */
public final class CellIndicators {

    private CellIndicators() {
    }

    /**
     * @param results       {@code results} with the scale columns joined ({@link ScaleColumns})
     * @param participation the {@code participation} table
     * @param level         {@link Keys#SCHOOL} or {@link Keys#CLASS}
     */
    public static Dataset<Row> compute(Dataset<Row> results, Dataset<Row> participation, String[] level) {
        Dataset<Row> journal = JournalComparison.compute(results, level);
        Dataset<Row> high = HighResults.compute(results, level);
        Dataset<Row> absent = ParticipationIndicator.compute(participation, level);
        return Keys.join(Keys.join(journal, high, level, "left"), absent, level, "left");
    }
}
