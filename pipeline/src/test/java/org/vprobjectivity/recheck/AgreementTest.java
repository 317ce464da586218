package org.vprobjectivity.recheck;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The re-check's statistics against values worked out by hand, and the discrepancy test on null data. */
class AgreementTest {

    @Test
    void weightedKappaOfFourWorksOnATaskOfTwoPoints() {
        // school 0,1,2,2; commission 0,1,1,2. Observed disagreement: one pair (2,1), weight 1, proportion ¼ → 0.25.
        // Margins: school (¼, ¼, ½), commission (¼, ½, ¼). Expected Σ w·r·c over (a,b):
        // a=0: b=1 ¼·½·1 + b=2 ¼·¼·4 = 0.125 + 0.25; a=1: b=0 ¼·¼·1 + b=2 ¼·¼·1 = 0.0625 + 0.0625;
        // a=2: b=0 ½·¼·4 + b=1 ½·½·1 = 0.5 + 0.25; total 1.25. κ = 1 − 0.25/1.25 = 0.8.
        double k = Agreement.weightedKappa(new int[] {0, 1, 2, 2}, new int[] {0, 1, 1, 2}, 2);
        assertThat(k).isCloseTo(0.8, within(1e-12));
        assertThat(Agreement.weightedKappa(new int[] {0, 1, 2}, new int[] {0, 1, 2}, 2)).isCloseTo(1, within(1e-12));
        assertThat(Agreement.weightedKappa(new int[] {1, 1}, new int[] {1, 1}, 2)).isNaN();
        assertThat(Agreement.weightedKappa(new int[] {1}, new int[] {1}, 2)).isNaN();
    }

    @Test
    void discrepancyMidPOfASmallTable() {
        // 3 of 4 school works lowered, 1 of 6 control works: 4 lowered among 10; K ~ Hypergeometric(10, 4, 4).
        // P(K = 3) = C(4,3)·C(6,1)/C(10,4) = 24/210, P(K = 4) = 1/210: mid-p = 1/210 + 12/210 = 13/210.
        assertThat(Agreement.discrepancyMidP(3, 4, 1, 6)).isCloseTo(13.0 / 210, within(1e-12));
        assertThat(Agreement.discrepancyMidP(0, 4, 0, 6)).isCloseTo(0.5, within(1e-12));
        assertThat(Agreement.discrepancyMidP(1, 4, 0, 0)).isNaN();
    }

    @Test
    void aSchoolMarkedLikeTheControlGroupIsBelowFivePercentAboutFivePercentOfTheTime() {
        // Null: every work, school's or control's, lowered on re-check with the same probability (commission noise);
        // 10 works per school against 60 control works. The mid-p keeps the discrete test near its level.
        Random r = new Random(3);
        int below = 0;
        int trials = 4000;
        double meanP = 0;
        for (int t = 0; t < trials; t++) {
            double rate = 0.1 + 0.3 * r.nextDouble();
            int k = 0;
            int c = 0;
            for (int i = 0; i < 10; i++) {
                k += r.nextDouble() < rate ? 1 : 0;
            }
            for (int i = 0; i < 60; i++) {
                c += r.nextDouble() < rate ? 1 : 0;
            }
            double p = Agreement.discrepancyMidP(k, 10, c, 60);
            below += p < 0.05 ? 1 : 0;
            meanP += p / trials;
        }
        assertThat((double) below / trials).isBetween(0.02, 0.08);
        assertThat(meanP).isCloseTo(0.5, within(0.03));
    }
}
