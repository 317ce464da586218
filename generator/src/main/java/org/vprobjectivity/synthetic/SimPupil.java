package org.vprobjectivity.synthetic;

/**
 * A listed pupil. The participant code (grade digit + 4-digit serial) is the same in both subjects, as on
 * the platform, and unique within school × grade.
 *
 * @param classLetter А, Б, В, Г; empty when the school writes no class letter
 */
record SimPupil(String code, int serial, int grade, String classLetter, char sex, double theta) {
}
