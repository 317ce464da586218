package org.vprobjectivity.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A school's classes of grade g moved up to grade g + 1 a year later: the same letters and mostly the same pupils,
 * whose participant codes keep their serial under the new grade digit (4xxxx → 5xxxx), so a cohort can be followed.
 *
 * <p>Ability θ is measured against the grade's own work (each grade's item bank is calibrated for its grade), so a
 * pupil who learns at the usual pace keeps θ; the growth that differs between pupils is a normal step of SD
 * {@link #GROWTH_SD} (pupil-level ability correlates about 0.95 year to year; the pupil variance grows by 9% a year,
 * little over the few sessions a region is generated for). {@link #LEAVE_SHARE} of the pupils leave (moves, other
 * schools) and as many newcomers join, drawn like any pupil of the school (its school effect, the ordinary pupil
 * spread): class sizes stay as they were.
 */
final class Cohorts {

    static final double GROWTH_SD = 0.3;
    static final double LEAVE_SHARE = 0.08;

    private Cohorts() {
    }

    /** The classes of one grade (all of the school's classes of that grade), a year later. */
    static List<SimClass> promote(List<SimClass> classes, double schoolEffect, Random r) {
        int serial = 0;
        for (SimClass c : classes) {
            for (SimPupil p : c.pupils()) {
                serial = Math.max(serial, p.serial());
            }
        }
        List<SimClass> out = new ArrayList<>();
        for (SimClass c : classes) {
            int grade = c.grade() + 1;
            List<SimPupil> pupils = new ArrayList<>();
            for (SimPupil p : c.pupils()) {
                if (r.nextDouble() < LEAVE_SHARE) {
                    serial++;
                    double theta = schoolEffect + r.nextGaussian() * SchoolSimulator.PUPIL_SD;
                    pupils.add(new SimPupil(code(grade, serial), serial, grade, c.letter(), r.nextBoolean() ? 'м' : 'ж', theta));
                } else {
                    double theta = p.theta() + r.nextGaussian() * GROWTH_SD;
                    pupils.add(new SimPupil(code(grade, p.serial()), p.serial(), grade, c.letter(), p.sex(), theta));
                }
            }
            out.add(new SimClass(grade, c.letter(), pupils));
        }
        return out;
    }

    /** The platform's participant code: the grade's last digit and a 4-digit serial (as {@link SchoolSimulator}). */
    static String code(int grade, int serial) {
        return (grade % 10) + String.format("%04d", serial);
    }
}
