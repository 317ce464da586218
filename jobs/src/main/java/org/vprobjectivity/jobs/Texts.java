package org.vprobjectivity.jobs;

/** A user-facing text in the run's language: Russian by default, English with {@code --lang en}. */
final class Texts {

    private final boolean english;

    Texts(String lang) {
        this.english = "en".equalsIgnoreCase(lang);
    }

    boolean english() {
        return english;
    }

    /** The Russian or English format, filled with the same arguments. */
    String of(String ru, String en, Object... args) {
        return String.format(english ? en : ru, args);
    }
}
