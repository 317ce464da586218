package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    /*
     * x = 2,4,4,4,5,5,7,9: Σx = 40, mean 5; squared deviations 9,1,1,1,0,0,4,16 sum 32; s² = 32/7;
     * half-width = 1.96·sqrt(32/7)/sqrt(8) = 1.96·sqrt(4/7) = 3.92/√7. Σx² = 4+16+16+16+25+25+49+81 = 232.
     */
    @Test
    void handExampleFromArrayAndFromSums() {
        double half = 3.92 / Math.sqrt(7);
        for (MeanInterval m : new MeanInterval[] {
                MeanInterval.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9}),
                MeanInterval.of(new int[] {2, 4, 4, 4, 5, 5, 7, 9}),
                MeanInterval.fromSums(8, 40, 232)}) {
            assertThat(m.n()).isEqualTo(8);
            assertThat(m.mean()).isCloseTo(5.0, within(1e-12));
            assertThat(m.sd()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
            assertThat(m.lower()).isCloseTo(5 - half, within(1e-12));
            assertThat(m.upper()).isCloseTo(5 + half, within(1e-12));
        }
    }

    @Test
    void degenerateSizes() {
        MeanInterval empty = MeanInterval.of(new double[0]);
        assertThat(empty.n()).isZero();
        assertThat(empty.mean()).isNaN();
        assertThat(empty.lower()).isNaN();
        assertThat(MeanInterval.fromSums(0, 0, 0).mean()).isNaN();

        MeanInterval one = MeanInterval.of(new double[] {7});
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.sd()).isNaN();
        assertThat(one.lower()).isNaN();
        assertThat(one.upper()).isNaN();
        assertThat(MeanInterval.fromSums(1, 7, 49).sd()).isNaN();

        MeanInterval constant = MeanInterval.of(new double[] {3, 3, 3});
        assertThat(constant.sd()).isZero();
        assertThat(constant.lower()).isEqualTo(3.0);
    }

    @Test
    void markerOneRule() {
        // Region 2..9 above: upper = 5 + 3.92/√7 ≈ 6.48. School 8,8,9,9: mean 8.5, s = sqrt(1/3), half = 1.96·s/2 ≈ 0.57.
        MeanInterval region = MeanInterval.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        MeanInterval school = MeanInterval.of(new double[] {8, 8, 9, 9});
        assertThat(school.lower()).isCloseTo(8.5 - 1.96 * Math.sqrt(1.0 / 3) / 2, within(1e-12));
        assertThat(school.lowerAbove(region)).isTrue();
        assertThat(region.lowerAbove(school)).isFalse();
        assertThat(MeanInterval.of(new double[] {9}).lowerAbove(region)).isFalse(); // NaN bound → not marked
    }
}
