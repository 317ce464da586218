package org.vprobjectivity.synthetic;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every class carries its own journal leniency: a class's journal marks sit above or below what its pupils'
 * abilities predict by an amount shared by the whole class, with the configured spread; and the region-wide
 * comparison of VPR and journal marks stays at FIS OKO's 33/57/10.
 */
class SyntheticJournalLeniencyTest {

    static final int SCHOOLS = 200;
    static final long SEED = 7;

    static GeneratorConfig config(double classLeniencySd) {
        return GeneratorConfig.builder().schools(SCHOOLS).seed(SEED).manipulatedShare(0).classLeniencySd(classLeniencySd)
                .formats(OutputFormat.CANONICAL_CSV).build();
    }

    @Test
    void classMeansOfJournalAgainstAbilitySpreadByTheConfiguredSd() {
        double sd = GeneratorConfig.DEFAULT_CLASS_LENIENCY_SD;
        List<double[]> lenient = classLeniencies(InMemoryRegion.simulate(config(sd)));
        // The same pupils and the same pupil-level draws, no class leniency (its offsets have a stream of their own):
        // what is left is the estimate's own noise from a class's few pupils. Slightly more than in the lenient
        // region, whose pupil noise is smaller (0.43 against 0.6), so the excess below errs low.
        List<double[]> control = classLeniencies(InMemoryRegion.simulate(config(0)));
        double noise = variance(control, 0);
        double total = variance(lenient, 0);
        double excess = total - noise;
        System.out.printf("class leniency: %d classes, estimated var %.4f, noise var %.4f, excess %.4f (sd %.3f; configured %.2f)%n",
                lenient.size(), total, noise, excess, Math.sqrt(Math.max(0, excess)), sd);
        assertThat(lenient.size()).isGreaterThan(500);
        assertThat(noise).as("estimation noise alone").isLessThan(0.5 * sd * sd);
        // sd² = 0.176; with ~900 class estimates the excess has a relative SE of about 6%: ±25% does not pass by
        // accident, and neither no leniency (excess 0) nor half or 1.5 times the spread gets inside it.
        assertThat(excess).isBetween(0.75 * sd * sd, 1.25 * sd * sd);
        // The estimates follow the offsets actually drawn, class by class.
        assertThat(correlation(lenient)).isGreaterThan(0.7);
        assertThat(mean(lenient, 0)).isBetween(-0.06, 0.06);
    }

    @Test
    void aSmallerConfiguredSdGivesASmallerSpread() {
        List<double[]> small = classLeniencies(InMemoryRegion.simulate(config(0.2)));
        List<double[]> control = classLeniencies(InMemoryRegion.simulate(config(0)));
        double excess = variance(small, 0) - variance(control, 0);
        assertThat(excess).isBetween(0.6 * 0.04, 1.5 * 0.04);
        // The true offsets drawn have the configured SD too.
        assertThat(Math.sqrt(variance(small, 1))).isBetween(0.18, 0.22);
    }

    @Test
    void regionWideSharesStayAt33_57_10WithAndWithoutClassLeniency() {
        for (double sd : new double[] {0, GeneratorConfig.DEFAULT_CLASS_LENIENCY_SD, JournalModel.MAX_CLASS_LENIENCY_SD}) {
            double[] c = InMemoryRegion.journalComparison(InMemoryRegion.simulate(config(sd)));
            System.out.printf("class leniency sd %.2f: lowered %.3f confirmed %.3f raised %.3f%n", sd, c[0], c[1], c[2]);
            assertThat(c[0]).as("lowered at sd " + sd).isBetween(0.30, 0.36);
            assertThat(c[1]).as("confirmed at sd " + sd).isBetween(0.54, 0.60);
            assertThat(c[2]).as("raised at sd " + sd).isBetween(0.085, 0.12);
        }
    }

    @Test
    void classLeniencySdIsValidated() {
        assertThatThrownBy(() -> GeneratorConfig.builder().classLeniencySd(-0.1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorConfig.builder().classLeniencySd(0.6).build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(GeneratorConfig.builder().build().classLeniencySd()).isEqualTo(0.42);
    }

    /**
     * Per class and subject with at least 5 present works with a journal mark: {estimated leniency, drawn offset}. The
     * estimate is the shift δ (ability units) that makes the class's journal marks, on average, what the journal
     * model expects for its pupils' abilities: Σ (journal − E[journal | θ + δ]) = 0. A class whose marks are all 2
     * or all 5 has no finite estimate and is left out.
     */
    static List<double[]> classLeniencies(List<SimulatedSchool> schools) {
        List<double[]> out = new ArrayList<>();
        for (SimulatedSchool s : schools) {
            for (Sitting sitting : s.sittings()) {
                JournalModel journal = sitting.model().journal();
                for (int c = 0; c < sitting.classes().size(); c++) {
                    List<double[]> pupils = new ArrayList<>();
                    for (SimWork w : sitting.worksOf(sitting.classes().get(c))) {
                        if (!w.absent && w.journal != null) {
                            pupils.add(new double[] {w.pupil.theta(), w.journal});
                        }
                    }
                    if (pupils.size() < 5) {
                        continue;
                    }
                    Double delta = solve(journal, pupils);
                    if (delta != null) {
                        out.add(new double[] {delta, sitting.classLeniency().get(c)});
                    }
                }
            }
        }
        return out;
    }

    private static Double solve(JournalModel journal, List<double[]> pupils) {
        double lo = -4;
        double hi = 4;
        if (gap(journal, pupils, lo) <= 0 || gap(journal, pupils, hi) >= 0) {
            return null;
        }
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (gap(journal, pupils, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Σ (journal − expected journal at shift δ): falls as δ grows. */
    private static double gap(JournalModel journal, List<double[]> pupils, double delta) {
        double sum = 0;
        for (double[] p : pupils) {
            sum += p[1] - journal.expectedMark(p[0], delta);
        }
        return sum;
    }

    static double mean(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).average().orElseThrow();
    }

    static double variance(List<double[]> rows, int column) {
        double m = mean(rows, column);
        return rows.stream().mapToDouble(r -> (r[column] - m) * (r[column] - m)).sum() / (rows.size() - 1);
    }

    private static double correlation(List<double[]> rows) {
        double mx = mean(rows, 0);
        double my = mean(rows, 1);
        double sxy = 0;
        for (double[] r : rows) {
            sxy += (r[0] - mx) * (r[1] - my);
        }
        return sxy / (rows.size() - 1) / Math.sqrt(variance(rows, 0) * variance(rows, 1));
    }
}
