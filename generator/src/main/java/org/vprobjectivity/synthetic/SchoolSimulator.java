package org.vprobjectivity.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulates one school from its plan: classes, pupils with latent ability, their works in every subject
 * and grade, and the manipulation the plan asks for. Uses only the school's own random streams.
 *
 * <p>Ability θ = school effect + class effect + pupil, in units of the within-class SD of an ordinary school (1).
 * The components follow the real regional exports: class means spread with an SD of about 0.35–0.40 around the
 * region, of which the school accounts for SD 0.3 and the class within its school for the rest
 * (√(0.3² + 0.22²) = 0.37). A school that only scores high is therefore not unusual by itself: the region has
 * high-scoring schools and classes without any manipulation.
 *
 * <p>Strong selective schools (lyceums, gymnasiums; {@code --strong-share}) are honest: their pupils are abler
 * ({@link #STRONG_BONUS} on the school effect) and, since they are admitted by ability, more alike (pupil SD
 * {@link #STRONG_PUPIL_SD}, classes formed alike: {@link #STRONG_CLASS_SD}). Their teachers' journals follow the
 * same model as everyone's (the class leniency offsets come from the same distribution, nothing extra), so
 * their journal marks confirm their high VPR marks: a flag that fires on them is a false alarm. (At 200 schools,
 * seed 7: 63% confirmed against 57% in ordinary schools, 25% lowered against 33%, but 12.7% raised against 10.3%,
 * since the teachers' leniency lies in the lower cuts and strong pupils sit near the top one; that is the honest
 * shape such a school has, not leniency of its own.)
 *
 * <p>Every class gets, per subject, its own journal leniency offset ~ N(0, {@code classLeniencySd}), drawn from a
 * stream of its own so that the pupils and their VPR scores do not depend on it.
 */
final class SchoolSimulator {

    static final String[] LETTERS = {"А", "Б", "В", "Г"};
    static final double SCHOOL_SD = 0.3;
    static final double CLASS_SD = 0.22;
    static final double PUPIL_SD = 1.0;
    static final double STRONG_BONUS = 0.8;
    /** Selective admission narrows the spread of a strong school's pupils (and leaves its classes alike). */
    static final double STRONG_PUPIL_SD = 0.75;
    static final double STRONG_CLASS_SD = 0.11;
    static final double ABSENT_SHARE = 0.06;

    private final GeneratorConfig cfg;
    private final List<WorkModel> models;

    SchoolSimulator(GeneratorConfig cfg, List<WorkModel> models) {
        this.cfg = cfg;
        this.models = List.copyOf(models);
    }

    SimulatedSchool simulate(SchoolPlan plan) {
        Random r = SeededRandom.of(cfg.seed(), SeededRandom.PUPILS, plan.index());
        Random lenient = SeededRandom.of(cfg.seed(), SeededRandom.LENIENCY, plan.index());
        double schoolEffect = r.nextGaussian() * SCHOOL_SD + (plan.strong() ? STRONG_BONUS : 0);
        List<SimClass> classes = new ArrayList<>();
        for (int grade : cfg.grades()) {
            classes.addAll(classesOf(plan, grade, schoolEffect, r));
        }
        Random m = SeededRandom.of(cfg.seed(), SeededRandom.MANIPULATION, plan.index());
        return sit(plan, schoolEffect, classes, r, lenient, m, null);
    }

    /**
     * The same school a session later ({@link SessionHistory}): its cohorts moved up a grade ({@link Cohorts}), a new
     * cohort in the lowest grade, the same school effect, fresh teachers' leniency, and the manipulation {@code plan}
     * names for this session. Streams of their own per session, so session 1 of a region is what a one-session run
     * writes.
     *
     * @param previous  the school in the session before
     * @param sameWork  the subject and grade a persisting manipulation keeps (a ground-truth row of the previous
     *                  session), or null to draw the work as a first session does
     */
    SimulatedSchool next(SimulatedSchool previous, SchoolPlan plan, int sessionIndex, GroundTruthRow sameWork) {
        Random r = SeededRandom.of(cfg.seed(), SeededRandom.PUPILS, plan.index(), sessionIndex);
        Random lenient = SeededRandom.of(cfg.seed(), SeededRandom.LENIENCY, plan.index(), sessionIndex);
        Random m = SeededRandom.of(cfg.seed(), SeededRandom.MANIPULATION, plan.index(), sessionIndex);
        List<SimClass> classes = new ArrayList<>();
        for (int grade : cfg.grades()) {
            List<SimClass> before = classesOfGrade(previous, grade - 1);
            classes.addAll(before.isEmpty() ? classesOf(plan, grade, previous.schoolEffect(), r)
                    : Cohorts.promote(before, previous.schoolEffect(), r));
        }
        return sit(plan, previous.schoolEffect(), classes, r, lenient, m, sameWork);
    }

    /** The classes of a grade in a simulated school (each sitting of the grade lists them alike). */
    private static List<SimClass> classesOfGrade(SimulatedSchool school, int grade) {
        return school.sittings().stream().filter(s -> s.grade() == grade).findFirst().map(Sitting::classes)
                .orElse(List.of());
    }

    /** Every pupil sits every work of their grade; then the plan's manipulation, if any, is applied. */
    private SimulatedSchool sit(SchoolPlan plan, double schoolEffect, List<SimClass> classes, Random r, Random lenient,
                                Random m, GroundTruthRow sameWork) {
        List<Sitting> sittings = new ArrayList<>();
        for (WorkModel model : models) {
            List<SimClass> ofGrade = classes.stream().filter(c -> c.grade() == model.grade()).toList();
            List<SimWork> works = new ArrayList<>();
            List<Double> leniency = new ArrayList<>();
            for (SimClass c : ofGrade) {
                // Per class and subject: in grade 5 each subject has its own teacher, and even one teacher of a
                // grade-4 class marks Russian and mathematics by different habits.
                double offset = lenient.nextGaussian() * cfg.classLeniencySd();
                leniency.add(offset);
                for (SimPupil p : c.pupils()) {
                    boolean absent = r.nextDouble() < ABSENT_SHARE;
                    int[] scores = model.items().draw(p.theta(), r);
                    Integer journal = model.journal().draw(p.theta(), offset, r);
                    works.add(new SimWork(p, absent, scores, journal, 1 + r.nextInt(2)));
                }
            }
            sittings.add(new Sitting(model, ofGrade, works, leniency));
        }
        List<GroundTruthRow> truth = new ArrayList<>();
        if (plan.strong()) {
            truth.add(GroundTruthRow.strongSchool(cfg.session(), plan.login(), plan.municipality().code()));
        }
        if (plan.manipulation() != null) {
            Sitting chosen = sameWork == null ? null : sittings.stream().filter(s -> s.subject().equals(sameWork.subject())
                    && s.grade() == sameWork.grade()).findFirst().orElse(null);
            truth.addAll(chosen == null ? Manipulator.apply(plan, sittings, cfg.session(), cfg.strength(), m)
                    : Manipulator.apply(plan, chosen, cfg.session(), cfg.strength(), m));
        }
        return new SimulatedSchool(plan, sittings, truth, schoolEffect);
    }

    /** Rural: one class of 5–12; urban: 1–4 classes of 20–30. */
    private static List<SimClass> classesOf(SchoolPlan plan, int grade, double schoolEffect, Random r) {
        int count = plan.urban() ? 1 + r.nextInt(4) : 1;
        double classSd = plan.strong() ? STRONG_CLASS_SD : CLASS_SD;
        double pupilSd = plan.strong() ? STRONG_PUPIL_SD : PUPIL_SD;
        List<SimClass> out = new ArrayList<>();
        int serial = 0;
        for (int c = 0; c < count; c++) {
            String letter = plan.classLettersOmitted() ? "" : LETTERS[c];
            double classEffect = r.nextGaussian() * classSd;
            int size = plan.urban() ? 20 + r.nextInt(11) : 5 + r.nextInt(8);
            List<SimPupil> pupils = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                serial++;
                String code = Cohorts.code(grade, serial);
                char sex = r.nextBoolean() ? 'м' : 'ж';
                double theta = schoolEffect + classEffect + r.nextGaussian() * pupilSd;
                pupils.add(new SimPupil(code, serial, grade, letter, sex, theta));
            }
            out.add(new SimClass(grade, letter, pupils));
        }
        return out;
    }
}
