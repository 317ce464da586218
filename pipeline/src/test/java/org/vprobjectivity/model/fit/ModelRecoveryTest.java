package org.vprobjectivity.model.fit;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fit recovers the parameters a reference was drawn with. */
class ModelRecoveryTest {

    @Test
    void itemParametersAndTheClassSpreadAreRecovered() {
        SimulatedReference sim = new SimulatedReference(11, 300, 20, 1, 0.38, 0.0);
        PartialCreditModel fit = PartialCreditFit.fit(sim.scores, sim.taskMax, AbilityGrid.STANDARD);
        for (int j = 0; j < sim.a.length; j++) {
            assertThat(fit.discrimination(j)).as("a of task %d", j).isCloseTo(sim.a[j], within(0.2));
            for (int k = 1; k <= sim.taskMax[j]; k++) {
                assertThat(fit.intercept(j, k)).as("c of task %d, step %d", j, k).isCloseTo(sim.c[j][k], within(0.3));
            }
        }
        ClassEffects effects = ClassEffects.fit(fit.logLikelihoods(sim.scores, AbilityGrid.STANDARD), sim.classOf,
                sim.classes, AbilityGrid.STANDARD);
        assertThat(effects.tau()).isCloseTo(0.38, within(0.06));
        // the θ scale: the pupils' posterior means track the abilities they were drawn with
        double[] m = effects.abilityMeans();
        assertThat(new PearsonsCorrelation().correlation(m, sim.theta)).isGreaterThan(0.85);
    }

    @Test
    void noClassSpreadIsFoundWhereThereIsNone() {
        SimulatedReference sim = new SimulatedReference(12, 300, 20, 1, 0.0, 0.0);
        PartialCreditModel fit = PartialCreditFit.fit(sim.scores, sim.taskMax, AbilityGrid.STANDARD);
        ClassEffects effects = ClassEffects.fit(fit.logLikelihoods(sim.scores, AbilityGrid.STANDARD), sim.classOf,
                sim.classes, AbilityGrid.STANDARD);
        assertThat(effects.tau()).isLessThan(0.12);
    }

    @Test
    void theJournalSlopeAndTheLeniencySpreadAreRecovered() {
        // journal latent = 1.2 θ + leniency + N(0, 1): the pooled probit's slope is 1.2/√(1 + σ²), its cuts likewise
        for (double leniency : new double[] {0.0, 0.6}) {
            SimulatedReference sim = new SimulatedReference(13, 400, 20, 1, 0.38, leniency);
            ReferenceSigns.Result r = ReferenceSigns.compute(sim.works());
            double lenientMarks = r.leniencySd();
            if (leniency == 0) {
                assertThat(lenientMarks).as("no leniency simulated").isLessThan(0.08);
            } else {
                // in marks: the latent SD 0.6 over a cut spacing of 1.2–1.4 latent units is about 0.4 of a mark
                assertThat(lenientMarks).as("leniency SD 0.6 simulated").isBetween(0.25, 0.55);
            }
        }
        SimulatedReference sim = new SimulatedReference(14, 400, 20, 1, 0.38, 0.0);
        PartialCreditModel fit = PartialCreditFit.fit(sim.scores, sim.taskMax, AbilityGrid.STANDARD);
        ClassEffects effects = ClassEffects.fit(fit.logLikelihoods(sim.scores, AbilityGrid.STANDARD), sim.classOf,
                sim.classes, AbilityGrid.STANDARD);
        double[] v = new double[sim.scores.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = effects.abilityVariance(i);
        }
        JournalModel journal = JournalModel.fit(sim.journal, effects.abilityMeans(), v);
        assertThat(journal.beta()).isCloseTo(1.2, within(0.12));
        assertThat(journal.cut(3)).isCloseTo(-1.2, within(0.12));
        assertThat(journal.cut(4)).isCloseTo(0.2, within(0.12));
        assertThat(journal.cut(5)).isCloseTo(1.4, within(0.12));
    }
}
