package org.vprobjectivity.evaluation;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {

    private static final StructType CELLS = new StructType()
            .add("school_id", DataTypes.StringType).add("subject", DataTypes.StringType).add("grade", DataTypes.IntegerType)
            .add("a_p", DataTypes.DoubleType).add("p_b", DataTypes.DoubleType).add("c_p", DataTypes.DoubleType)
            .add("score", DataTypes.DoubleType).add("note_p", DataTypes.StringType);

    /**
     * 100 clean cells with a_p = (i + ½)/100: 5 below 0.05 and 1 below 0.01, exactly the nominal shares; p_b is 0.5 in
     * every other cell, so 0 of 50 below 0.05 (outside the band); c_p is never tested; a manipulated cell at
     * p = 10⁻⁴ is left out; score and the text column note_p are not p-value columns.
     */
    @Test
    void sharesBelowTheLevelsOnCleanCellsOnly() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(RowFactory.create("s" + i, "MA", 4, (i + 0.5) / 100, i % 2 == 0 ? 0.5 : null, null, 1.0, "x"));
        }
        rows.add(RowFactory.create("bad", "MA", 4, 1e-4, 1e-4, null, 1.0, "x"));
        Dataset<Row> cells = SparkTestSession.get().createDataFrame(rows, CELLS);

        assertThat(Calibration.pColumns(CELLS)).containsExactly("a_p", "p_b", "c_p");
        List<Calibration.Line> lines = Calibration.of("t", cells, Set.of("bad|MA|4"));
        assertThat(lines).extracting(Calibration.Line::column).containsExactly("a_p", "p_b");
        Calibration.Line a = lines.get(0);
        assertThat(a.tested()).isEqualTo(100);
        assertThat(a.below05()).isCloseTo(0.05, within(1e-12));
        assertThat(a.below01()).isCloseTo(0.01, within(1e-12));
        assertThat(a.withinBand()).isTrue();
        Calibration.Line b = lines.get(1);
        assertThat(b.tested()).isEqualTo(50);
        assertThat(b.below05()).isZero();
        assertThat(b.withinBand()).isFalse();
        assertThat(Calibration.markdown(lines)).contains("| t | a_p | 100 | 0.050 | 0.010 | yes |")
                .contains("| t | p_b | 50 | 0.000 | 0.000 | **no** |");

        // without the ground truth's cell the manipulated cell counts: 6 of 101 below 0.05
        assertThat(Calibration.of("t", cells, Set.of()).get(0).below05()).isCloseTo(6.0 / 101, within(1e-12));
    }
}
