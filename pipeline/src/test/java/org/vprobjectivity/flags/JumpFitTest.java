package org.vprobjectivity.flags;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The jump's random-effects fit and calibration, worked by hand, and its behaviour under the null. */
class JumpFitTest {

    @Test
    void derSimonianLairdByHandWithTheTheoreticalNullForFewCells() {
        // d = 0, 2, 4, 10 with v = 1, 1, 1, 4: w = 1, 1, 1, 0.25; Σw = 3.25, Σw² = 3.0625, d̄_w = 8.5/3.25 = 2.615385.
        // Q = 2.615385² + 0.615385² + 1.384615² + 0.25·7.384615² = 22.769231; τ² = (Q − 3)/(3.25 − 3.0625/3.25)
        // = 19.769231/2.307692 = 8.566667. u = 1/(τ² + v): 0.104530 (×3), 0.079576; μ = Σu·d/Σu = 3.619182.
        // z of the last: (10 − 3.619182)/√12.566667 = 1.799974; p = 1 − Φ(1.799974) = 0.035932 (fewer than 30 cells:
        // the theoretical null stays).
        JumpFit f = JumpFit.fit(new double[] {0, 2, 4, 10}, new double[] {1, 1, 1, 4}, new double[] {20, 20, 20, 20});
        assertThat(f.tau2()).isCloseTo(8.566667, within(1e-6));
        assertThat(f.mean()).isCloseTo(3.619182, within(1e-6));
        assertThat(f.z(10, 4)).isCloseTo(1.799974, within(1e-6));
        assertThat(f.upperP(10, 4)).isCloseTo(0.035932, within(1e-6));
        assertThat(f.upperP(0, 1)).isCloseTo(0.879023, within(1e-6));
        // no variance, a missing jump: no z; one usable cell: no fit
        assertThat(f.z(Double.NaN, 1)).isNaN();
        assertThat(f.z(3, 0)).isNaN();
        assertThat(JumpFit.fit(new double[] {1, Double.NaN}, new double[] {1, 1}, new double[] {20, 20}).mean()).isNaN();
    }

    @Test
    void theEmpiricalNullWidensAnOverlyNarrowFitAndTheClean2To8PercentHold() {
        // Honest schools: a true year-to-year spread τ = 3 p.p. and sampling variance 150/n + 150/n' for n, n' in 5..30
        // works; a tenth of the cells jump by +15 p.p. (manipulation starting). Over 40 references of 60 cells the
        // share of clean cells with p < 0.05 must stay within 2–8%, and most of the jumps must be found.
        Random r = new Random(19);
        int clean = 0;
        int cleanBelow = 0;
        int jumped = 0;
        int jumpedBelow = 0;
        for (int ref = 0; ref < 40; ref++) {
            int k = 60;
            double[] d = new double[k];
            double[] v = new double[k];
            double[] works = new double[k];
            boolean[] manipulated = new boolean[k];
            for (int i = 0; i < k; i++) {
                int n = 5 + r.nextInt(26);
                int np = 5 + r.nextInt(26);
                v[i] = 150.0 / n + 150.0 / np;
                works[i] = Math.min(n, np);
                manipulated[i] = i % 10 == 0;
                d[i] = 3 * r.nextGaussian() + Math.sqrt(v[i]) * r.nextGaussian() + (manipulated[i] ? 15 : 0);
            }
            JumpFit f = JumpFit.fit(d, v, works);
            assertThat(f.calibration().units()).isGreaterThanOrEqualTo(30);
            for (int i = 0; i < k; i++) {
                boolean below = f.upperP(d[i], v[i]) < 0.05;
                if (manipulated[i]) {
                    jumped++;
                    jumpedBelow += below ? 1 : 0;
                } else {
                    clean++;
                    cleanBelow += below ? 1 : 0;
                }
            }
        }
        double cleanRate = cleanBelow / (double) clean;
        double power = jumpedBelow / (double) jumped;
        System.out.printf("jump p on simulated references: clean below 0.05 %.3f, +15 p.p. jumps found %.3f%n", cleanRate, power);
        assertThat(cleanRate).isBetween(0.02, 0.08);
        assertThat(power).isGreaterThan(0.5);
    }
}
