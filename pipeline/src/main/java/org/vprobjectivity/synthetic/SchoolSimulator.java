package org.vprobjectivity.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulates one school from its plan: classes, pupils with latent ability, their works in every subject
 * and grade, and the manipulation the plan asks for. Uses only the school's own random streams.
 */
final class SchoolSimulator {

    static final String[] LETTERS = {"А", "Б", "В", "Г"};
    static final double SCHOOL_SD = 0.4;
    static final double CLASS_SD = 0.2;
    static final double STRONG_BONUS = 0.8;
    static final double ABSENT_SHARE = 0.06;

    private final GeneratorConfig cfg;
    private final List<WorkModel> models;

    SchoolSimulator(GeneratorConfig cfg, List<WorkModel> models) {
        this.cfg = cfg;
        this.models = List.copyOf(models);
    }

    SimulatedSchool simulate(SchoolPlan plan) {
        Random r = SeededRandom.of(cfg.seed(), SeededRandom.PUPILS, plan.index());
        double schoolEffect = r.nextGaussian() * SCHOOL_SD + (plan.strong() ? STRONG_BONUS : 0);
        List<SimClass> classes = new ArrayList<>();
        for (int grade : cfg.grades()) {
            classes.addAll(classesOf(plan, grade, schoolEffect, r));
        }
        List<Sitting> sittings = new ArrayList<>();
        for (WorkModel model : models) {
            List<SimClass> ofGrade = classes.stream().filter(c -> c.grade() == model.grade()).toList();
            List<SimWork> works = new ArrayList<>();
            for (SimClass c : ofGrade) {
                for (SimPupil p : c.pupils()) {
                    boolean absent = r.nextDouble() < ABSENT_SHARE;
                    int[] scores = model.items().draw(p.theta(), r);
                    Integer journal = model.journal().draw(p.theta(), r);
                    works.add(new SimWork(p, absent, scores, journal, 1 + r.nextInt(2)));
                }
            }
            sittings.add(new Sitting(model, ofGrade, works));
        }
        List<GroundTruthRow> truth = new ArrayList<>();
        if (plan.strong()) {
            truth.add(GroundTruthRow.strongSchool(cfg.session(), plan.login(), plan.municipality().code()));
        }
        if (plan.manipulation() != null) {
            Random m = SeededRandom.of(cfg.seed(), SeededRandom.MANIPULATION, plan.index());
            truth.addAll(Manipulator.apply(plan, sittings, cfg.session(), m));
        }
        return new SimulatedSchool(plan, sittings, truth);
    }

    /** Rural: one class of 5–12; urban: 1–4 classes of 20–30. */
    private static List<SimClass> classesOf(SchoolPlan plan, int grade, double schoolEffect, Random r) {
        int count = plan.urban() ? 1 + r.nextInt(4) : 1;
        List<SimClass> out = new ArrayList<>();
        int serial = 0;
        for (int c = 0; c < count; c++) {
            String letter = plan.classLettersOmitted() ? "" : LETTERS[c];
            double classEffect = r.nextGaussian() * CLASS_SD;
            int size = plan.urban() ? 20 + r.nextInt(11) : 5 + r.nextInt(8);
            List<SimPupil> pupils = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                serial++;
                String code = (grade % 10) + String.format("%04d", serial);
                char sex = r.nextBoolean() ? 'м' : 'ж';
                double theta = schoolEffect + classEffect + r.nextGaussian();
                pupils.add(new SimPupil(code, serial, grade, letter, sex, theta));
            }
            out.add(new SimClass(grade, letter, pupils));
        }
        return out;
    }
}
