package org.vprobjectivity.indicators;

import org.junit.jupiter.api.Test;
import org.vprobjectivity.stats.Binomial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskPatternCellTest {

    /** The definition the recurrence replaces: Σ_{x=1}^{n} P(Bin(n, p) = x)·(x/n)·ln(x/n) with Commons Math's pmf. */
    private static double direct(int n, double p) {
        double acc = 0;
        for (int x = 1; x <= n; x++) {
            double f = (double) x / n;
            acc += Binomial.pmf(x, n, p) * f * Math.log(f);
        }
        return acc;
    }

    private static double[] fLogF(int n) {
        double[] out = new double[n + 1];
        for (int x = 1; x <= n; x++) {
            double f = (double) x / n;
            out[x] = f * Math.log(f);
        }
        return out;
    }

    @Test
    void recurrenceEqualsTheBinomialSum() {
        int[] sizes = {1, 2, 7, 25, 120, 900};
        double[] shares = {1e-6, 0.013, 0.2, 0.5, 0.77, 0.999, 1.0};
        for (int n : sizes) {
            for (double p : shares) {
                double expected = direct(n, p);
                assertEquals(expected, TaskPatternCell.expectedTerm(n, p, fLogF(n)), 1e-12 * Math.max(1, Math.abs(expected)),
                        "n=" + n + ", p=" + p);
            }
        }
    }

    @Test
    void hugeCellDoesNotUnderflow() {
        // P(0) = 0.5^100000 underflows to 0; the log-space recurrence still finds the mass around x = 50,000,
        // where (x/n)·ln(x/n) ≈ 0.5·ln 0.5.
        double term = TaskPatternCell.expectedTerm(100_000, 0.5, fLogF(100_000));
        assertEquals(0.5 * Math.log(0.5), term, 1e-4);
    }

    @Test
    void expectedConcentrationByHand() {
        // One binary task, half and half in the reference, a cell of 2 works: the plug-in entropy of the cell is 0
        // with probability 1/2 (both equal) and ln 2 with probability 1/2, so E[H]/ln 2 = 1/2 and the concentration 1/2.
        long[][] counts = {{5, 5}};
        assertEquals(0.5, TaskPatternCell.expectedConcentration(counts, 2), 1e-12);
        // A task with one category only is skipped; no usable task gives NaN.
        assertTrue(Double.isNaN(TaskPatternCell.expectedConcentration(new long[][] {{4}}, 3)));
    }
}
