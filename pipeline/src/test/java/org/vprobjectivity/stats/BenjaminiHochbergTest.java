package org.vprobjectivity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    /*
     * p = .01, .04, .03, .005, NaN, .5 → m = 5 (NaN not counted). Sorted: .005(1) .01(2) .03(3) .04(4) .5(5);
     * m·p/rank = .025, .025, .05, .05, .5; running minimum from the top: .5, .05, .05, .025, .025.
     * In input order: .025, .05, .05, .025, NaN, .5. At level .05 the first four are rejected.
     */
    @Test
    void handExample() {
        double[] p = {0.01, 0.04, 0.03, 0.005, Double.NaN, 0.5};
        double[] q = BenjaminiHochberg.qValues(p);
        double[] expected = {0.025, 0.05, 0.05, 0.025, Double.NaN, 0.5};
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(q[i]).isNaN();
            } else {
                assertThat(q[i]).isCloseTo(expected[i], within(1e-15));
            }
        }
        assertThat(BenjaminiHochberg.rejected(p, 0.05)).containsExactly(true, true, true, true, false, false);
    }

    /*
     * Step-up matters: p = .01, .02, .021 (m = 3): m·p/rank = .03, .03, .021 → the running minimum from the top makes
     * all three .021, so all are rejected at .025 although .01·3/1 = .03 > .025 on its own.
     * Capped at 1: p = .6, .9 → 2·.6/1 = 1.2 → min(.9, 1.2) = .9; .9·2/2 = .9.
     */
    @Test
    void stepUpAndCap() {
        assertThat(BenjaminiHochberg.qValues(new double[] {0.01, 0.02, 0.021}))
                .containsExactly(new double[] {0.021, 0.021, 0.021}, within(1e-15));
        assertThat(BenjaminiHochberg.qValues(new double[] {0.6, 0.9}))
                .containsExactly(new double[] {0.9, 0.9}, within(1e-15));
        assertThat(BenjaminiHochberg.qValues(new double[0])).isEmpty();
        assertThat(BenjaminiHochberg.qValues(new double[] {Double.NaN})[0]).isNaN();
    }

    /** Against the definition q_i = min over p_j ≥ p_i of min(1, m·p_j / #{l : p_l ≤ p_j}), ties included. */
    @Test
    void matchesDefinitionOnRandomInputWithTies() {
        Random random = new Random(9);
        for (int rep = 0; rep < 200; rep++) {
            int n = 1 + random.nextInt(25);
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = random.nextInt(6) == 0 ? Double.NaN : Math.round(random.nextDouble() * 20) / 20.0;
            }
            int m = 0;
            for (double v : p) {
                m += Double.isNaN(v) ? 0 : 1;
            }
            double[] q = BenjaminiHochberg.qValues(p);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(p[i])) {
                    assertThat(q[i]).isNaN();
                    continue;
                }
                double best = 1.0;
                for (double pj : p) {
                    if (Double.isNaN(pj) || pj < p[i]) {
                        continue;
                    }
                    int rank = 0;
                    for (double pl : p) {
                        rank += !Double.isNaN(pl) && pl <= pj ? 1 : 0;
                    }
                    best = Math.min(best, m * pj / rank);
                }
                assertThat(q[i]).isCloseTo(best, within(1e-12));
            }
        }
    }
}
