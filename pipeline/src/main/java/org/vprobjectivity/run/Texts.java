package org.vprobjectivity.run;

/** A user-facing text in the run's language: Russian by default, English with {@code --lang en}. */
public final class Texts {

    /** The languages of --lang: anything else is a usage error, not a silent Russian. */
    public static final java.util.Set<String> LANGUAGES = java.util.Set.of("ru", "en");

    private final boolean english;

    public Texts(String lang) {
        this.english = "en".equalsIgnoreCase(lang);
    }

    /** The message for a --lang outside {@link #LANGUAGES}, in both languages (the run's language is unknown). */
    public static String badLang(String lang) {
        return "--lang: допустимо ru или en, а не «" + lang + "» / --lang must be ru or en, not \"" + lang + "\"";
    }

    /** Another run holds the output's lock: who, since when, and what to do (wait, or delete a lock of no run). */
    public String locked(String output, org.vprobjectivity.io.OutputLock.HeldException e) {
        return of("папку %s сейчас пишет другой запуск (pid %d на %s, с %s); ничего не сделано, повторите после его окончания."
                        + " Если такого запуска нет, удалите файл блокировки %s",
                "another run is writing %s (pid %d on %s, since %s); nothing was done, run again once it has finished."
                        + " If there is no such run, delete the lock file %s",
                output, e.holder.pid(), e.holder.host(), e.holder.lockedAt(), e.lockFile);
    }

    public boolean english() {
        return english;
    }

    /** The Russian or English format, filled with the same arguments. */
    public String of(String ru, String en, Object... args) {
        return String.format(english ? en : ru, args);
    }
}
