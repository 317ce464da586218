package org.vprobjectivity.ingest;

import org.vprobjectivity.model.Session;
import org.vprobjectivity.model.Subjects;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session, subject, grade and school as one source states them (a file name, a header block, the
 * command-line options). Fields are null where the source says nothing; {@link #orElse} layers sources.
 */
public record ContextHints(Session session, boolean seasonGuessed, String subject, Integer grade, String school)
        implements Serializable {

    public static final ContextHints NONE = new ContextHints(null, false, null, null, null);

    /** Hints whose session (if any) states its season. */
    public ContextHints(Session session, String subject, Integer grade, String school) {
        this(session, false, subject, grade, school);
    }

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(20\\d\\d)(?!\\d)");
    private static final Pattern GRADE = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*-?\\s*(?:й\\s*)?(?:класс|кл\\.)");
    private static final Pattern CODE_GRADE = Pattern.compile("(?<![A-Za-z])(RU|MA|OM|HI|BI|GE|SO|PH|CH|EN|DE|FR)[ _-]?(\\d{1,2})(?!\\d)");
    private static final Pattern LOGIN = Pattern.compile("(?<![a-z])((?:sch|edu)\\d{6})(?!\\d)");
    private static final Pattern SEASON_AUTUMN = Pattern.compile("осен|autumn|fall");
    private static final Pattern SEASON_SPRING = Pattern.compile("весн|spring");

    /** Reads what a free text (a file name, header-block lines) says about the work. */
    public static ContextHints fromText(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        String text = Text.normalize(raw);
        Session session = null;
        boolean seasonGuessed = false;
        Matcher date = DATE.matcher(text);
        if (date.find()) {
            session = Session.ofDate(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)));
        } else {
            Matcher year = YEAR.matcher(text);
            if (year.find()) {
                boolean autumn = SEASON_AUTUMN.matcher(text).find();
                seasonGuessed = !autumn && !SEASON_SPRING.matcher(text).find();
                session = new Session(Integer.parseInt(year.group(1)), autumn ? "autumn" : "spring");
            }
        }
        String subject = Subjects.recognise(text).orElse(null);
        Integer grade = null;
        Matcher g = GRADE.matcher(text);
        if (g.find()) {
            grade = Integer.parseInt(g.group(1));
        }
        Matcher code = CODE_GRADE.matcher(raw);
        if (code.find()) {
            subject = subject == null ? code.group(1) : subject;
            grade = grade == null ? Integer.valueOf(code.group(2)) : grade;
        }
        Matcher login = LOGIN.matcher(text);
        String school = login.find() ? login.group(1) : null;
        return new ContextHints(session, seasonGuessed, subject, grade, school);
    }

    /**
     * This source's values, with {@code fallback}'s where this one says nothing. A year without a
     * season ("ВПР 2020") is read as the spring session unless the fallback names a season of that year.
     */
    public ContextHints orElse(ContextHints fallback) {
        boolean takeFallbackSession = session == null
                || (seasonGuessed && fallback.session != null && fallback.session.year() == session.year());
        return new ContextHints(takeFallbackSession ? fallback.session : session,
                takeFallbackSession ? fallback.seasonGuessed : seasonGuessed,
                subject != null ? subject : fallback.subject,
                grade != null ? grade : fallback.grade,
                school != null ? school : fallback.school);
    }
}
