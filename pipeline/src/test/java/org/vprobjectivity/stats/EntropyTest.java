package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntropyTest {

    /*
     * {1,1}: H = ln 2, K = 2 → 1. {2,1,1}: p = ½,¼,¼, H = ½ln2 + 2·¼·ln4 = 1.5·ln2, K = 3 → 1.5·ln2/ln3.
     * {2,2,0}: H = ln2 over K = 3 → ln2/ln3 (empty category still counts in K). {5,0,0} → 0.
     */
    @Test
    void handExamples() {
        assertThat(Entropy.normalised(new long[] {1, 1})).isCloseTo(1.0, within(1e-15));
        assertThat(Entropy.normalised(new long[] {2, 1, 1})).isCloseTo(1.5 * Math.log(2) / Math.log(3), within(1e-15));
        assertThat(Entropy.normalised(new long[] {2, 2, 0})).isCloseTo(Math.log(2) / Math.log(3), within(1e-15));
        assertThat(Entropy.normalised(new long[] {5, 0, 0})).isEqualTo(0.0);
    }

    @Test
    void concentrationAveragesDefinedTasks() {
        // Tasks: {1,1} → 1; {5,0,0} → 0; {0,0} → NaN (skipped); {3} → NaN (K = 1). Mean 0.5 → concentration 0.5.
        double c = Entropy.concentration(new long[][] {{1, 1}, {5, 0, 0}, {0, 0}, {3}});
        assertThat(c).isCloseTo(0.5, within(1e-15));
        assertThat(Entropy.concentration(new long[][] {{0, 0}})).isNaN();
    }

    @Test
    void degenerate() {
        assertThat(Entropy.normalised(new long[] {7})).isNaN();
        assertThat(Entropy.normalised(new long[0])).isNaN();
        assertThat(Entropy.normalised(new long[] {0, 0, 0})).isNaN();
        assertThat(Entropy.normalised(new long[] {-1, 2})).isNaN();
    }
}
