package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmpiricalBayesTest {

    /*
     * Prior Beta(2, 8) (mean 0.2, α + β = 10). k = 3 of n = 10: (3 + 2)/(10 + 10) = 0.25; λ = 10/20 = 0.5 and
     * 0.5·0.3 + 0.5·0.2 = 0.25. Five "5" of 6 vs twenty-five of 30: (5+2)/16 = 0.4375 < (25+2)/40 = 0.675.
     */
    @Test
    void handExamples() {
        assertThat(EmpiricalBayes.shrunkShare(3, 10, 2, 8)).isCloseTo(0.25, within(1e-15));
        assertThat(EmpiricalBayes.shrinkageWeight(10, 2, 8)).isCloseTo(0.5, within(1e-15));
        assertThat(EmpiricalBayes.shrunkShare(5, 6, 2, 8)).isCloseTo(7.0 / 16, within(1e-15));
        assertThat(EmpiricalBayes.shrunkShare(25, 30, 2, 8)).isCloseTo(27.0 / 40, within(1e-15));
    }

    @Test
    void degenerate() {
        assertThat(EmpiricalBayes.shrunkShare(0, 0, 2, 8)).isCloseTo(0.2, within(1e-15));
        assertThat(EmpiricalBayes.shrunkShare(3, 10, 0, 8)).isNaN();
        assertThat(EmpiricalBayes.shrunkShare(3, 10, 2, Double.NaN)).isNaN();
        assertThat(EmpiricalBayes.shrunkShare(11, 10, 2, 8)).isNaN();
        assertThat(EmpiricalBayes.shrinkageWeight(-1, 2, 8)).isNaN();
    }
}
