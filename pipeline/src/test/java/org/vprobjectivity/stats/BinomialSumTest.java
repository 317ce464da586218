package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinomialSumTest {

    /*
     * Bin(1, 0.5) + Bin(2, 0.2): P(S=0) = .5·.64 = .32; P(S=1) = .5·.64 + .5·.32 = .48; P(S=2) = .5·.32 + .5·.04 = .18;
     * P(S=3) = .5·.04 = .02. Mid-p of S = 2: .02 + .09 = .11.
     */
    @Test
    void convolutionByHand() {
        double[] pmf = BinomialSum.pmf(new long[] {1, 2}, new double[] {0.5, 0.2});
        assertThat(pmf).containsExactly(new double[] {0.32, 0.48, 0.18, 0.02}, within(1e-15));
        assertThat(BinomialSum.upperTailMidP(2, new long[] {1, 2}, new double[] {0.5, 0.2})).isCloseTo(0.11, within(1e-15));
        assertThat(BinomialSum.upperTailMidP(0, new long[] {1, 2}, new double[] {0.5, 0.2})).isCloseTo(1 - 0.16, within(1e-15));
        assertThat(BinomialSum.smallestMidP(new long[] {1, 2}, new double[] {0.5, 0.2})).isCloseTo(0.01, within(1e-15));
    }

    /* With one group it is the binomial's own mid-p. */
    @Test
    void oneGroupIsTheBinomial() {
        for (int k = 0; k <= 12; k++) {
            assertThat(BinomialSum.upperTailMidP(k, new long[] {12}, new double[] {0.37}))
                    .isCloseTo(Binomial.upperTailMidP(k, 12, 0.37), within(1e-13));
        }
        assertThat(BinomialSum.pmf(new long[] {3}, new double[] {1.5})).isNull();
    }
}
