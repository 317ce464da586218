package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RandomEffectsTest {

    /*
     * Three cells: means 0, 1, 2 over n = 4, 4, 2 values with variances 1, 1, 1 (so σ²_w = (3+3+1)/7 = 1).
     * w = n/σ²_w = 4, 4, 2; Σw = 10, Σw² = 36; fixed mean = (0 + 4 + 4)/10 = 0.8;
     * Q = 4·0.64 + 4·0.04 + 2·1.44 = 5.6; τ² = (5.6 − 2)/(10 − 3.6) = 0.5625.
     * v = 1/(τ² + 1/n) = 1/0.8125, 1/0.8125, 1/1.0625; μ = Σ v·d / Σ v.
     */
    @Test
    void derSimonianLairdByHand() {
        RandomEffects.Fit f = RandomEffects.fit(new double[] {0, 1, 2}, new double[] {1, 1, 1}, new long[] {4, 4, 2});
        assertThat(f.withinVariance()).isCloseTo(1.0, within(1e-15));
        assertThat(f.tau2()).isCloseTo(0.5625, within(1e-12));
        double v1 = 1 / 0.8125;
        double v3 = 1 / 1.0625;
        double mu = (v1 * 1 + v3 * 2) / (2 * v1 + v3);
        assertThat(f.mean()).isCloseTo(mu, within(1e-12));
        assertThat(f.cells()).isEqualTo(3);
        assertThat(f.z(2, 2)).isCloseTo((2 - mu) / Math.sqrt(0.5625 + 0.5), within(1e-12));
    }

    /* No spread beyond the within-cell one: Q < k − 1 gives τ² = 0 and μ is the fixed-effect mean. */
    @Test
    void homogeneousCellsHaveNoBetweenVariance() {
        RandomEffects.Fit f = RandomEffects.fit(new double[] {0.1, 0.0, -0.1}, new double[] {1, 1, 1}, new long[] {5, 5, 5});
        assertThat(f.tau2()).isZero();
        assertThat(f.mean()).isCloseTo(0.0, within(1e-15));
        // A cell of one value has no variance of its own but still its mean; fewer than two cells: undefined.
        assertThat(RandomEffects.fit(new double[] {1}, new double[] {1}, new long[] {4}).mean()).isNaN();
        assertThat(RandomEffects.fit(new double[] {1, 2}, new double[] {Double.NaN, Double.NaN}, new long[] {1, 1}).mean())
                .isNaN();
        assertThat(f.z(Double.NaN, 3)).isNaN();
    }
}
