package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanDifferenceTest {

    /*
     * v = 4,5,3,4; j = 3,4,3,5 → d = 1,1,0,−1; mean 0.25; squared deviations 0.5625,0.5625,0.0625,1.5625 = 2.75;
     * s² = 2.75/3; SE = sqrt(2.75/3/4) = sqrt(11/48). Σd = 1, Σd² = 3 → 3 − 1/4 = 2.75 as well.
     */
    @Test
    void handExample() {
        for (MeanDifference d : new MeanDifference[] {
                MeanDifference.of(new int[] {4, 5, 3, 4}, new int[] {3, 4, 3, 5}),
                MeanDifference.fromSums(4, 1, 3)}) {
            assertThat(d.n()).isEqualTo(4);
            assertThat(d.mean()).isCloseTo(0.25, within(1e-12));
            assertThat(d.sd()).isCloseTo(Math.sqrt(2.75 / 3), within(1e-12));
            assertThat(d.standardError()).isCloseTo(Math.sqrt(11.0 / 48), within(1e-12));
            assertThat(d.t()).isCloseTo(0.25 / Math.sqrt(11.0 / 48), within(1e-12));
        }
    }

    @Test
    void degenerate() {
        assertThat(MeanDifference.of(new double[0]).mean()).isNaN();
        MeanDifference one = MeanDifference.of(new int[] {5}, new int[] {3});
        assertThat(one.mean()).isEqualTo(2.0);
        assertThat(one.standardError()).isNaN();
        MeanDifference same = MeanDifference.of(new int[] {5, 4}, new int[] {4, 3});
        assertThat(same.standardError()).isZero();
        assertThat(same.t()).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
