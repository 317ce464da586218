package org.vprobjectivity.synthetic;

import org.vprobjectivity.model.Session;

import java.util.Random;

/**
 * Cosmetic variation people and platforms put into real files (X vs Cyrillic Х vs «не пройд.», «нет
 * отметки», class letters in either case, «4А» vs «4 "А"»), drawn from the school's own style stream so it
 * is reproducible and never disturbs the simulation.
 */
final class Style {

    private final Random r;
    private final long classKey;
    private final boolean quotedClass;

    Style(long seed, int school) {
        this.r = SeededRandom.of(seed, SeededRandom.STYLE, school);
        this.classKey = SeededRandom.mix(seed, SeededRandom.STYLE, school, -1);
        this.quotedClass = r.nextBoolean();
    }

    /** Not attempted in a string-only export: mostly Latin X, sometimes x, Cyrillic Х or «не пройд.». */
    String notAttempted() {
        double u = r.nextDouble();
        return u < 0.75 ? "X" : u < 0.83 ? "x" : u < 0.92 ? "Х" : "не пройд.";
    }

    /** The class column of the regional export: the letter (an eighth of classes lower-case) or НЕТ/нет. */
    String regionalClass(String letter) {
        if (letter.isEmpty()) {
            return (classKey & 1) == 0 ? "НЕТ" : "нет";
        }
        return lowerCase(letter) ? letter.toLowerCase() : letter;
    }

    /** «Наименование класса» of the school form: the letter, or «нет». */
    String formClass(String letter) {
        return letter.isEmpty() ? "нет" : letter;
    }

    /** F1 writes the grade with the letter: 4А, or 4 "А" in some schools. */
    String f1Class(int grade, String letter) {
        return quotedClass ? grade + " \"" + letter + "\"" : grade + letter;
    }

    String regionalSex(char sex) {
        return r.nextDouble() < 0.15 ? String.valueOf(Character.toUpperCase(sex)) : String.valueOf(sex);
    }

    private boolean lowerCase(String letter) {
        return (SeededRandom.splitMix(classKey ^ letter.charAt(0)) & 7) == 0;
    }

    /** A plausible upload time within the session's month (April for spring, October for autumn). */
    String uploadDate(Session session) {
        int month = "autumn".equals(session.season()) ? 10 : 4;
        return String.format("%02d.%02d.%d %02d:%02d:%02d", 1 + r.nextInt(28), month, session.year(), r.nextInt(24),
                r.nextInt(60), r.nextInt(60));
    }

    /** The report date of the F1 header block. */
    static String reportDate(Session session) {
        return "20." + ("autumn".equals(session.season()) ? "10" : "04") + "." + session.year();
    }
}
