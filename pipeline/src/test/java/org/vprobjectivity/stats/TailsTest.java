package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TailsTest {

    /*
     * p = 0.1, 0.2: X = −2·ln(0.02); df = 4, so P(χ²₄ ≥ X) = e^{−X/2}(1 + X/2) = 0.02·(1 − ln 0.02).
     * k = 3: P(χ²₆ ≥ X) = e^{−X/2}(1 + X/2 + (X/2)²/2).
     * One p-value: P(χ²₂ ≥ −2 ln p) = p.
     */
    @Test
    void handExamples() {
        assertThat(Tails.combinedFisher(new double[] {0.1, 0.2}))
                .isCloseTo(0.02 * (1 - Math.log(0.02)), within(1e-12));
        assertThat(Tails.fisherStatistic(new double[] {0.1, 0.2})).isCloseTo(-2 * Math.log(0.02), within(1e-12));
        double h = -Math.log(0.05 * 0.5 * 0.9);
        assertThat(Tails.combinedFisher(new double[] {0.05, 0.5, Double.NaN, 0.9}))
                .isCloseTo(Math.exp(-h) * (1 + h + h * h / 2), within(1e-12));
        assertThat(Tails.combinedFisher(new double[] {0.37})).isCloseTo(0.37, within(1e-12));
    }

    @Test
    void degenerate() {
        assertThat(Tails.combinedFisher(new double[0])).isNaN();
        assertThat(Tails.combinedFisher(new double[] {Double.NaN})).isNaN();
        assertThat(Tails.combinedFisher(new double[] {0.0, 0.5})).isEqualTo(0.0);
        assertThat(Tails.combinedFisher(new double[] {1.0, 1.0})).isCloseTo(1.0, within(1e-15));
        assertThat(Tails.combinedFisher(new double[] {1.2})).isNaN();
        assertThat(Tails.combinedFisher(new double[] {-0.1, 0.5})).isNaN();
    }

    /*
     * Simes over {0.04, 0.01, NaN, 0.03}: NaN skipped, k = 3, sorted 0.01, 0.03, 0.04:
     * min(3·0.01/1, 3·0.03/2, 3·0.04/3) = min(0.03, 0.045, 0.04) = 0.03 — below Bonferroni's 3·0.01 only when a later
     * term is smaller: {0.02, 0.021, 0.022} gives min(0.06, 0.0315, 0.022) = 0.022.
     */
    @Test
    void simesByHand() {
        assertThat(Tails.simes(new double[] {0.04, 0.01, Double.NaN, 0.03})).isCloseTo(0.03, within(1e-15));
        assertThat(Tails.simes(new double[] {0.02, 0.021, 0.022})).isCloseTo(0.022, within(1e-15));
        assertThat(Tails.simes(new double[] {0.9, 0.8})).isCloseTo(0.9, within(1e-15)); // min(1.6→1, 0.9)
        assertThat(Tails.simes(new double[] {Double.NaN})).isNaN();
    }
}
