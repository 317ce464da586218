package org.vprobjectivity.synthetic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ability varies between schools, classes and pupils as in the real exports (class means SD 0.35–0.40 around the
 * region with a within-class SD of 1, school SD about 0.3), and the strong selective schools are abler, more alike
 * and honest: their journals confirm their marks.
 */
class SyntheticVarianceComponentsTest {

    static List<SimulatedSchool> schools;

    @BeforeAll
    static void simulate() {
        schools = InMemoryRegion.simulate(GeneratorConfig.builder().schools(200).seed(7).manipulatedShare(0)
                .strongShare(0.15).formats(OutputFormat.CANONICAL_CSV).build());
        assertThat(schools.stream().filter(s -> s.plan().strong()).count()).isEqualTo(30);
    }

    @Test
    void ordinarySchoolsHaveTheRealVarianceComponents() {
        List<SimulatedSchool> ordinary = schools.stream().filter(s -> !s.plan().strong()).toList();
        List<double[]> classes = new ArrayList<>(); // {mean, within variance, n}
        List<List<Double>> classMeansBySchool = new ArrayList<>();
        for (SimulatedSchool s : ordinary) {
            List<Double> means = new ArrayList<>();
            for (SimClass c : classesOf(s)) {
                double[] m = meanAndVariance(c.pupils().stream().mapToDouble(SimPupil::theta).toArray());
                classes.add(new double[] {m[0], m[1], c.pupils().size()});
                means.add(m[0]);
            }
            classMeansBySchool.add(means);
        }
        double within = Math.sqrt(classes.stream().mapToDouble(c -> c[1] * (c[2] - 1)).sum()
                / classes.stream().mapToDouble(c -> c[2] - 1).sum());
        double regionMean = classes.stream().mapToDouble(c -> c[0]).average().orElseThrow();
        double meansVariance = classes.stream().mapToDouble(c -> (c[0] - regionMean) * (c[0] - regionMean)).sum()
                / (classes.size() - 1);
        // A class mean of n pupils carries their sampling variance s²/n besides the class's true level.
        double betweenClass = Math.sqrt(meansVariance - classes.stream().mapToDouble(c -> c[1] / c[2]).average().orElseThrow());
        // Two classes of one school (the school's grades 4 and 5 always give two) share only the school effect:
        // the mean product of their deviations estimates the school variance, free of class and pupil noise.
        double sum = 0;
        int n = 0;
        for (List<Double> means : classMeansBySchool) {
            double products = 0;
            int pairs = 0;
            for (int i = 0; i < means.size(); i++) {
                for (int j = i + 1; j < means.size(); j++) {
                    products += (means.get(i) - regionMean) * (means.get(j) - regionMean);
                    pairs++;
                }
            }
            sum += products / pairs;
            n++;
        }
        double school = Math.sqrt(sum / n);
        System.out.printf("ability: within-class SD %.3f, between-class SD %.3f, school SD %.3f, class-in-school SD %.3f (%d classes)%n",
                within, betweenClass, school, Math.sqrt(Math.max(0, betweenClass * betweenClass - school * school)), classes.size());
        assertThat(within).isBetween(0.96, 1.04);
        assertThat(betweenClass).isBetween(0.33, 0.42);
        assertThat(school).isBetween(0.24, 0.36);
        assertThat(school).isLessThan(betweenClass);
    }

    @Test
    void strongSchoolsAreAblerAndMoreAlike() {
        double[] strong = schoolStats(true);
        double[] ordinary = schoolStats(false);
        System.out.printf("strong schools: mean ability %.3f, within-school SD %.3f; ordinary: %.3f, %.3f%n",
                strong[0], strong[1], ordinary[0], ordinary[1]);
        assertThat(strong[0]).isGreaterThan(ordinary[0] + 0.6);
        assertThat(strong[1]).isLessThan(ordinary[1] - 0.15);
        assertThat(strong[1]).isBetween(0.68, 0.85);
        assertThat(ordinary[1]).isBetween(0.96, 1.08);
    }

    @Test
    void strongSchoolsJournalsConfirmTheirMarks() {
        List<double[]> offsets = new ArrayList<>();
        for (SimulatedSchool s : schools) {
            if (s.plan().strong()) {
                s.sittings().forEach(st -> st.classLeniency().forEach(d -> offsets.add(new double[] {d})));
            }
        }
        double mean = SyntheticJournalLeniencyTest.mean(offsets, 0);
        double sd = Math.sqrt(SyntheticJournalLeniencyTest.variance(offsets, 0));
        System.out.printf("strong schools' class leniency: %d offsets, mean %.3f, SD %.3f%n", offsets.size(), mean, sd);
        // Drawn like everyone's: centred on 0 with the configured spread, no extra leniency.
        assertThat(mean).isBetween(-0.1, 0.1);
        assertThat(sd).isBetween(0.34, 0.50);
        double[] strong = InMemoryRegion.journalComparison(schools.stream().filter(s -> s.plan().strong()).toList());
        double[] ordinary = InMemoryRegion.journalComparison(schools.stream().filter(s -> !s.plan().strong()).toList());
        System.out.printf("strong: lowered %.3f confirmed %.3f raised %.3f; ordinary: %.3f %.3f %.3f%n",
                strong[0], strong[1], strong[2], ordinary[0], ordinary[1], ordinary[2]);
        // Their high VPR marks are what their journals say: more often confirmed than elsewhere. Less often lowered and
        // a little more often raised (12-13% against 10%), because the teachers' leniency lies in the lower cuts (0.85
        // below the VPR's 3, 0.1 below its 5) and strong pupils sit near the top cut: that is the journal model's
        // shape, not leniency of these schools, and a flag must live with it.
        assertThat(strong[1]).isGreaterThan(ordinary[1] + 0.02);
        assertThat(strong[0]).isLessThan(ordinary[0]);
        assertThat(strong[2]).isLessThan(ordinary[2] + 0.05);
        // In ability units their classes' journals are as lenient as everyone's: estimated from marks and abilities,
        // the class leniency of strong schools averages what the ordinary schools' does.
        List<double[]> strongClasses = SyntheticJournalLeniencyTest.classLeniencies(
                schools.stream().filter(s -> s.plan().strong()).toList());
        List<double[]> ordinaryClasses = SyntheticJournalLeniencyTest.classLeniencies(
                schools.stream().filter(s -> !s.plan().strong()).toList());
        double strongMean = SyntheticJournalLeniencyTest.mean(strongClasses, 0);
        double ordinaryMean = SyntheticJournalLeniencyTest.mean(ordinaryClasses, 0);
        System.out.printf("estimated class leniency: strong %.3f (%d classes), ordinary %.3f (%d)%n", strongMean,
                strongClasses.size(), ordinaryMean, ordinaryClasses.size());
        assertThat(strongMean - ordinaryMean).isBetween(-0.12, 0.12);
    }

    /** {mean ability, pooled within-school SD} over the strong or the ordinary schools. */
    private static double[] schoolStats(boolean strong) {
        double sum = 0;
        long n = 0;
        double ss = 0;
        long df = 0;
        for (SimulatedSchool s : schools) {
            if (s.plan().strong() != strong) {
                continue;
            }
            double[] theta = classesOf(s).stream().flatMap(c -> c.pupils().stream()).mapToDouble(SimPupil::theta).toArray();
            double[] mv = meanAndVariance(theta);
            sum += mv[0] * theta.length;
            n += theta.length;
            ss += mv[1] * (theta.length - 1);
            df += theta.length - 1;
        }
        return new double[] {sum / n, Math.sqrt(ss / df)};
    }

    /** A school's classes, each once (the sittings repeat them per subject). */
    private static List<SimClass> classesOf(SimulatedSchool s) {
        List<SimClass> out = new ArrayList<>();
        for (Sitting st : s.sittings()) {
            if (st.subject().equals(s.sittings().get(0).subject())) {
                out.addAll(st.classes());
            }
        }
        return out;
    }

    private static double[] meanAndVariance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return new double[] {m, ss / (x.length - 1)};
    }
}
