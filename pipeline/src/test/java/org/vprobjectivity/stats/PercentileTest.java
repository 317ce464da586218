package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentileTest {

    /*
     * Reference 1,2,2,3,5 (N = 5). rank(2) = 100·(1 + ½·2)/5 = 40; rank(4) = 100·4/5 = 80; rank(0) = 0;
     * rank(6) = 100; rank(5) = 100·(4 + ½)/5 = 90.
     */
    @Test
    void midRankHandExamples() {
        double[] ref = Percentile.sorted(new double[] {3, 2, Double.NaN, 5, 1, 2});
        assertThat(ref).containsExactly(1, 2, 2, 3, 5);
        assertThat(Percentile.rank(ref, 2)).isCloseTo(40.0, within(1e-12));
        assertThat(Percentile.rank(ref, 4)).isCloseTo(80.0, within(1e-12));
        assertThat(Percentile.rank(ref, 0)).isEqualTo(0.0);
        assertThat(Percentile.rank(ref, 6)).isEqualTo(100.0);
        assertThat(Percentile.rank(ref, 5)).isCloseTo(90.0, within(1e-12));
        assertThat(Percentile.rank(new double[] {7, 7, 7}, 7)).isCloseTo(50.0, within(1e-12));
        assertThat(Percentile.rank(new double[0], 1)).isNaN();
        assertThat(Percentile.rank(ref, Double.NaN)).isNaN();
    }

    /*
     * Type 7 on 1,2,2,3,5: h = 4·prob. prob .25 → h = 1 → 2; .75 → h = 3 → 3; .1 → h = 0.4 → 1 + 0.4·(2 − 1) = 1.4;
     * .9 → h = 3.6 → 3 + 0.6·2 = 4.2; 0 → 1; 1 → 5.
     */
    @Test
    void quantileType7HandExamples() {
        double[] ref = {1, 2, 2, 3, 5};
        assertThat(Percentile.quantile(ref, 0.25)).isCloseTo(2.0, within(1e-12));
        assertThat(Percentile.quantile(ref, 0.75)).isCloseTo(3.0, within(1e-12));
        assertThat(Percentile.quantile(ref, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(Percentile.quantile(ref, 0.9)).isCloseTo(4.2, within(1e-12));
        assertThat(Percentile.quantile(ref, 0)).isEqualTo(1.0);
        assertThat(Percentile.quantile(ref, 1)).isEqualTo(5.0);
        assertThat(Percentile.quantile(ref, 1.5)).isNaN();
        assertThat(Percentile.quantile(new double[0], 0.5)).isNaN();
        assertThat(Percentile.quantile(new double[] {4}, 0.3)).isEqualTo(4.0);
    }
}
