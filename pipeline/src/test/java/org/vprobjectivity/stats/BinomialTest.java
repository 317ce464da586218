package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class BinomialTest {

    /*
     * n = 3, p = 1/2: P(X ≥ 2) = (3 + 1)/8 = 1/2; P(X ≤ 0) = 1/8; mid-p at 2 = 1/8 + ½·3/8 = 5/16.
     * n = 4, p = 1/4: P(X ≥ 3) = 4·(1/4)³·(3/4) + (1/4)⁴ = 12/256 + 1/256 = 13/256.
     */
    @Test
    void handExamples() {
        assertThat(Binomial.upperTail(2, 3, 0.5)).isCloseTo(0.5, within(1e-14));
        assertThat(Binomial.lowerTail(0, 3, 0.5)).isCloseTo(0.125, within(1e-14));
        assertThat(Binomial.upperTailMidP(2, 3, 0.5)).isCloseTo(5.0 / 16, within(1e-14));
        assertThat(Binomial.upperTail(3, 4, 0.25)).isCloseTo(13.0 / 256, within(1e-14));
        assertThat(Binomial.pmf(2, 3, 0.5)).isCloseTo(3.0 / 8, within(1e-14));
    }

    /** Exact summation in BigDecimal (p given as an exact decimal) for every k, relative error 1e-10. */
    @Test
    void matchesExactSummation() {
        String[] ps = {"0.03", "0.3", "0.5", "0.87"};
        int[] ns = {1, 7, 30, 61};
        for (String ps1 : ps) {
            for (int n : ns) {
                BigDecimal[] pmf = exactPmf(n, new BigDecimal(ps1));
                double p = Double.parseDouble(ps1);
                for (int k = 0; k <= n; k++) {
                    BigDecimal up = BigDecimal.ZERO;
                    for (int x = k; x <= n; x++) {
                        up = up.add(pmf[x]);
                    }
                    BigDecimal low = BigDecimal.ZERO;
                    for (int x = 0; x <= k; x++) {
                        low = low.add(pmf[x]);
                    }
                    assertThat(Binomial.upperTail(k, n, p)).isCloseTo(up.doubleValue(), withinPercentage(1e-8));
                    assertThat(Binomial.lowerTail(k, n, p)).isCloseTo(low.doubleValue(), withinPercentage(1e-8));
                }
            }
        }
    }

    /** A far tail keeps its relative precision: P(X ≥ 60) for Bin(200, 0.05) is about 1e-24. */
    @Test
    void smallTailIsPrecise() {
        BigDecimal[] pmf = exactPmf(200, new BigDecimal("0.05"));
        BigDecimal up = BigDecimal.ZERO;
        for (int x = 60; x <= 200; x++) {
            up = up.add(pmf[x]);
        }
        assertThat(up.doubleValue()).isLessThan(1e-20);
        assertThat(Binomial.upperTail(60, 200, 0.05)).isCloseTo(up.doubleValue(), withinPercentage(1e-8));
        BigDecimal low = BigDecimal.ZERO;
        for (int x = 0; x <= 1; x++) {
            low = low.add(pmf[x]);
        }
        assertThat(Binomial.lowerTail(1, 200, 0.05)).isCloseTo(low.doubleValue(), withinPercentage(1e-8));
    }

    @Test
    void degenerateArguments() {
        assertThat(Binomial.upperTail(0, 10, 0.3)).isEqualTo(1.0);
        assertThat(Binomial.upperTail(-2, 10, 0.3)).isEqualTo(1.0);
        assertThat(Binomial.upperTail(11, 10, 0.3)).isEqualTo(0.0);
        assertThat(Binomial.upperTail(1, 10, 0.0)).isEqualTo(0.0);
        assertThat(Binomial.upperTail(0, 10, 0.0)).isEqualTo(1.0);
        assertThat(Binomial.upperTail(10, 10, 1.0)).isEqualTo(1.0);
        assertThat(Binomial.lowerTail(9, 10, 1.0)).isEqualTo(0.0);
        assertThat(Binomial.lowerTail(0, 10, 0.0)).isEqualTo(1.0);
        assertThat(Binomial.lowerTail(-1, 10, 0.5)).isEqualTo(0.0);
        assertThat(Binomial.lowerTail(10, 10, 0.5)).isEqualTo(1.0);
        assertThat(Binomial.upperTail(0, 0, 0.5)).isEqualTo(1.0);
        assertThat(Binomial.upperTail(1, 0, 0.5)).isEqualTo(0.0);
        assertThat(Binomial.upperTail(1, 10, Double.NaN)).isNaN();
        assertThat(Binomial.upperTail(1, 10, 1.5)).isNaN();
        assertThat(Binomial.lowerTail(1, -1, 0.5)).isNaN();
        assertThat(Binomial.pmf(0, 5, 0.0)).isEqualTo(1.0);
        assertThat(Binomial.pmf(5, 5, 1.0)).isEqualTo(1.0);
        assertThat(Binomial.pmf(6, 5, 0.5)).isEqualTo(0.0);
        assertThat(Binomial.upperTailMidP(5, 5, 0.5)).isCloseTo(0.5 / 32, within(1e-15));
    }

    private static BigDecimal[] exactPmf(int n, BigDecimal p) {
        MathContext mc = new MathContext(60);
        BigDecimal q = BigDecimal.ONE.subtract(p);
        BigDecimal[] out = new BigDecimal[n + 1];
        BigInteger c = BigInteger.ONE;
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                c = c.multiply(BigInteger.valueOf(n - k + 1)).divide(BigInteger.valueOf(k));
            }
            out[k] = new BigDecimal(c).multiply(p.pow(k, mc), mc).multiply(q.pow(n - k, mc), mc);
        }
        return out;
    }
}
