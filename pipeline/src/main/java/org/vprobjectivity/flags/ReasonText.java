package org.vprobjectivity.flags;

import org.apache.spark.sql.Row;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.indicators.ModelSigns;
import org.vprobjectivity.indicators.ObservedReference;
import org.vprobjectivity.model.Subjects;
import org.vprobjectivity.recheck.RecheckTables;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * A sign written as a short sentence with the numbers behind it (issue «Flags», docs/design.md §7a): Russian by
 * default, English with {@code --lang en}. The words are those of signs («признаки»), never of findings. Values are
 * read by column name from an {@code indicators/school}-style row.
 */
public final class ReasonText implements Serializable {

    private static final Map<String, String> SUBJECTS_EN = Map.ofEntries(Map.entry("RU", "Russian"),
            Map.entry("MA", "Mathematics"), Map.entry("OM", "The world around us"), Map.entry("HI", "History"),
            Map.entry("BI", "Biology"), Map.entry("GE", "Geography"), Map.entry("SO", "Social studies"),
            Map.entry("PH", "Physics"), Map.entry("CH", "Chemistry"), Map.entry("EN", "English"),
            Map.entry("DE", "German"), Map.entry("FR", "French"));

    private final boolean english;

    public ReasonText(String lang) {
        this.english = "en".equalsIgnoreCase(lang);
    }

    /** «Математика, 4 кл.» / "Mathematics, grade 4". */
    public String work(String subject, Integer grade) {
        String name = english ? SUBJECTS_EN.getOrDefault(subject, subject) : Subjects.name(subject);
        return english ? name + ", grade " + grade : name + ", " + grade + " кл.";
    }

    /** The work, and the class when the row is a class's: «Математика, 4 кл., класс «Б»». */
    private String workOf(Row cell) {
        String work = work(cell.getAs("subject"), cell.getAs("grade"));
        String cls = hasField(cell, "class") ? cell.getAs("class") : null;
        if (!hasField(cell, "class")) {
            return work;
        }
        if (cls == null) {
            return work + (english ? ", class not given" : ", класс не указан");
        }
        return work + (english ? ", class " + cls : ", класс «" + cls + "»");
    }

    private static final String[] ORDINALS_RU = {"", "первую", "вторую", "третью", "четвёртую", "пятую", "шестую", "седьмую",
            "восьмую", "девятую", "десятую"};
    private static final String[] ORDINALS_EN = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth"};

    /**
     * A school or cell with signs in {@code sessions} consecutive sessions ({@link Persistence}): «Признаки повторяются
     * третью сессию подряд» / "Signs for the third session in a row".
     */
    public String persistence(int sessions) {
        if (english) {
            String nth = sessions < ORDINALS_EN.length ? ORDINALS_EN[sessions] : sessions + "th";
            return "Signs for the " + nth + " session in a row";
        }
        String nth = sessions < ORDINALS_RU.length ? ORDINALS_RU[sessions] : sessions + "-ю";
        return "Признаки повторяются " + nth + " сессию подряд";
    }

    /** The sentence for one sign of the cell, prefixed with its work. */
    public String sentence(Sign sign, Row cell, double p) {
        String ref = reference(cell);
        String body = switch (sign) {
            case RAISED -> english
                    ? "VPR mark above the journal mark for " + pct(cell, "raised_share") + " of participants (" + ref + " "
                    + pct(cell, "raised_ref") + ")"
                    : "повысили отметку по сравнению с журналом " + pct(cell, "raised_share") + " участников (" + ref + " "
                    + pct(cell, "raised_ref") + ")";
            case LOWERED -> english
                    ? "VPR mark below the journal mark for " + pct(cell, "lowered_share") + " of participants (" + ref + " "
                    + pct(cell, "lowered_ref") + "): signs of inflated journal marks"
                    : "понизили отметку по сравнению с журналом " + pct(cell, "lowered_share") + " участников (" + ref + " "
                    + pct(cell, "lowered_ref") + "): признаки завышения текущих отметок";
            case SHIFT_UP -> english
                    ? "VPR marks above the journal marks by " + signed(cell, "mean_diff") + " on average (" + ref + " "
                    + signed(cell, "shift_ref") + ")"
                    : "отметки за работу в среднем выше журнальных на " + signed(cell, "mean_diff") + " (" + ref + " "
                    + signed(cell, "shift_ref") + ")";
            case SHIFT_DOWN -> english
                    ? "VPR marks below the journal marks by " + signed(cell, "mean_diff") + " on average (" + ref + " "
                    + signed(cell, "shift_ref") + "): signs of inflated journal marks"
                    : "отметки за работу в среднем ниже журнальных: разница " + signed(cell, "mean_diff") + " (" + ref + " "
                    + signed(cell, "shift_ref") + "): признаки завышения текущих отметок";
            case SCORE_UP -> english
                    ? "scores above those of participants with the same journal marks " + where(cell) + ": by "
                    + points(cell, "score_above_journal") + " on average"
                    : "баллы за работу выше, чем у участников с теми же отметками по журналу " + where(cell)
                    + ": в среднем на " + points(cell, "score_above_journal");
            case SCORE_DOWN -> english
                    ? "scores below those of participants with the same journal marks " + where(cell) + ": by "
                    + points(cell, "score_above_journal") + " on average: signs of inflated journal marks"
                    : "баллы за работу ниже, чем у участников с теми же отметками по журналу " + where(cell)
                    + ": в среднем на " + points(cell, "score_above_journal") + ": признаки завышения текущих отметок";
            case QUALITY -> (english
                    ? "marks 4 and 5: " + pct(cell, "quality_share") + " (" + ref + " " + pct(cell, "quality_ref") + ")"
                    : "доля отметок «4» и «5» " + pct(cell, "quality_share") + " (" + ref + " " + pct(cell, "quality_ref") + ")")
                    + observed(cell);
            case EXAM -> english
                    ? "high VPR results not confirmed by the " + exam(cell) + ": the school is in the top "
                    + top(cell) + "% on the VPR and at the " + ordinalEn(percentile(cell, ExamConfirmation.EXAM_PERCENTILE))
                    + " percentile on the " + exam(cell)
                    : "высокие результаты ВПР не подтверждаются " + exam(cell) + ": школа в верхних " + top(cell)
                    + "% по ВПР и в " + percentile(cell, ExamConfirmation.EXAM_PERCENTILE) + "-м процентиле по " + exam(cell);
            case ABSENT -> english
                    ? "absent from the test: " + pct(cell, "absent_share") + " of listed pupils (" + ref + " "
                    + pct(cell, "absent_ref") + ")"
                    : "не писали работу " + pct(cell, "absent_share") + " учеников из списка (" + ref + " "
                    + pct(cell, "absent_ref") + ")";
            case JOURNAL_ABOVE -> english
                    ? "journal marks above those of pupils in the region with the same VPR results: by "
                    + marks(cell, "journal_resid") + " on average: signs of inflated journal marks"
                    : "отметки по журналу выше, чем у учеников региона с такими же результатами ВПР: в среднем на "
                    + marks(cell, "journal_resid") + ": признаки завышения текущих отметок";
            case JOURNAL_BELOW -> english
                    ? "VPR results above what the journal marks confirm: journal marks below those of pupils in the region"
                    + " with the same VPR results by " + marks(cell, "journal_resid") + " on average"
                    : "результаты ВПР выше, чем подтверждают отметки по журналу: отметки по журналу ниже, чем у учеников "
                    + "региона с такими же результатами ВПР, в среднем на " + marks(cell, "journal_resid");
            case CUTS -> english
                    ? integer(cell, "cut_at_works") + " works exactly at the mark cuts where " + num(cell, "cut_expected")
                    + " are expected for a class at this level"
                    : integer(cell, "cut_at_works") + " " + works(cell.<Number>getAs("cut_at_works"))
                    + " ровно на границах отметок при ожидаемых " + num(cell, "cut_expected") + " для класса такого уровня";
            case PATTERN -> english
                    ? "task score patterns unlikely for their totals: harder tasks solved, easier ones missed (person fit "
                    + signed(cell, "pattern_fit") + " where about 0 is usual)"
                    : "рисунок баллов по заданиям маловероятен при таких суммах: трудные задания решены, а лёгкие нет "
                    + "(согласованность " + signed(cell, "pattern_fit") + " при обычной около 0)";
            case ADDED_POINTS -> (english
                    ? "points look added across the tasks: partial credit spread over hard and easy tasks alike, with few"
                    + " zeros for such totals "
                    : "баллы по заданиям выглядят добавленными: частичные баллы распределены по трудным и лёгким заданиям"
                    + " одинаково, нулей меньше, чем бывает при таких суммах ") + againstZero(cell, ModelSigns.ADDED_FIT);
            case KNOWN_ANSWERS -> (english
                    ? "tasks solved in full that the rest of the work says are beyond the pupils, as if the answers were"
                    + " known in advance "
                    : "задания выполнены полностью, хотя по остальным заданиям работы они ученикам не по силам, как"
                    + " будто ответы были известны заранее ") + againstZero(cell, ModelSigns.KNOWN_FIT);
            case RECHECK -> english
                    ? "re-check by a commission: scores lowered in " + integer(cell, RecheckTables.EVIDENCE_LOWERED) + " of "
                    + integer(cell, RecheckTables.EVIDENCE_WORKS) + " works, by " + points(cell, RecheckTables.EVIDENCE_POINT_DIFF)
                    + " on average (control group " + signedPoints(cell, RecheckTables.EVIDENCE_CONTROL_DIFF) + ")"
                    : "перепроверка комиссией: баллы снижены в " + integer(cell, RecheckTables.EVIDENCE_LOWERED) + " из "
                    + integer(cell, RecheckTables.EVIDENCE_WORKS) + " работ, в среднем на "
                    + points(cell, RecheckTables.EVIDENCE_POINT_DIFF) + " (в контрольной группе "
                    + signedPoints(cell, RecheckTables.EVIDENCE_CONTROL_DIFF) + ")";
            case COPIES -> english
                    ? integer(cell, "copy_works") + " works with the same score on every task: " + integer(cell, "copy_pairs")
                    + " identical pairs where " + num(cell, "copy_expected") + " are expected at this level"
                    : integer(cell, "copy_works") + " " + works(cell.<Number>getAs("copy_works"))
                    + " с одинаковыми баллами по всем заданиям: " + integer(cell, "copy_pairs") + " совпадающих пар при ожидаемых "
                    + num(cell, "copy_expected") + " для учеников такого уровня";
            case BUNCHING -> bunching(cell);
            case SPREAD -> english
                    ? "scores too uniform: SD " + num(cell, "score_sd") + " where " + num(cell, "sd_expected")
                    + " is usual at this mean"
                    : "баллы слишком однородны: стандартное отклонение " + num(cell, "score_sd") + " при обычном "
                    + num(cell, "sd_expected") + " для такого среднего";
            case SHAPE -> english
                    ? "score distribution unlike that of schools at the same level (χ² = " + num(cell, "chi2_stat") + ")"
                    : "распределение баллов не похоже на распределение школ того же уровня (χ² = " + num(cell, "chi2_stat") + ")";
            case PERSON_FIT -> english
                    ? "unusual pattern of solved tasks, harder ones solved while easier ones missed (Guttman errors "
                    + num(cell, "guttman_mean") + " where " + num(cell, "guttman_expected") + " is expected)"
                    : "необычный рисунок решённых заданий: трудные решены, а лёгкие нет (ошибки Гуттмана "
                    + num(cell, "guttman_mean") + " при ожидаемых " + num(cell, "guttman_expected") + ")";
            case IDENTICAL -> english
                    ? integer(cell, "identical_vector_works") + " works with the same score on every task (largest group "
                    + integer(cell, "largest_identical_group") + ")"
                    : integer(cell, "identical_vector_works") + " " + works(cell.<Number>getAs("identical_vector_works"))
                    + " с одинаковыми баллами по всем заданиям (самая большая группа — "
                    + integer(cell, "largest_identical_group") + ")";
            case NO_OMISSIONS -> english
                    ? "hardly any task left blank: " + pct(cell, "omission_rate") + " (" + ref + " " + pct(cell, "omission_rate_ref") + ")"
                    : "почти нет пропущенных заданий: " + pct(cell, "omission_rate") + " (" + ref + " "
                    + pct(cell, "omission_rate_ref") + ")";
        };
        return workOf(cell) + ": " + body + ", " + pValue(p);
    }

    /** «ОГЭ 2027» / "OGE 2027": the exam and its year. */
    private String exam(Row cell) {
        Object kind = value(cell, ExamConfirmation.EXAM_KIND);
        String name = "EGE".equals(kind) ? (english ? "EGE" : "ЕГЭ") : (english ? "OGE" : "ОГЭ");
        Object year = value(cell, ExamConfirmation.EXAM_YEAR);
        return year == null ? name : name + " " + year;
    }

    /** The share of schools at or above the cell on the VPR, in whole percent (at least 1): «в верхних 10%». */
    private static long top(Row cell) {
        Double p = (Double) value(cell, ExamConfirmation.VPR_PERCENTILE);
        return p == null ? 100 : Math.max(1, Math.round(100 - p));
    }

    private static long percentile(Row cell, String column) {
        Double p = (Double) value(cell, column);
        return p == null ? 0 : Math.round(p);
    }

    /** The column's value, or null where the row has no such column (a table written without --exam, say). */
    private static Object value(Row cell, String column) {
        return hasField(cell, column) ? cell.getAs(column) : null;
    }

    private static String ordinalEn(long n) {
        long mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }

    /**
     * Context from the schools that wrote under observation ({@code --observed}), where there were enough: «; выше, чем у
     * 97% школ, писавших под наблюдением». Empty otherwise.
     */
    private String observed(Row cell) {
        if (value(cell, ObservedReference.OBS_QUALITY_PERCENTILE) == null) {
            return "";
        }
        long p = percentile(cell, ObservedReference.OBS_QUALITY_PERCENTILE);
        return english ? "; higher than at " + p + "% of the schools that wrote under independent observation"
                : "; выше, чем у " + p + "% школ, писавших под наблюдением";
    }

    /** High VPR results the later exam confirms: «Математика, 4 кл.: результаты ОГЭ 2027 подтверждают высокие результаты ВПР». */
    String examConfirmed(Row cell) {
        return workOf(cell) + ": " + (english
                ? "the " + exam(cell) + " results confirm the high VPR results (top " + top(cell) + "% on the VPR, "
                + ordinalEn(percentile(cell, ExamConfirmation.EXAM_PERCENTILE)) + " percentile on the " + exam(cell) + ")"
                : "результаты " + exam(cell) + " подтверждают высокие результаты ВПР (верхние " + top(cell) + "% по ВПР, "
                + percentile(cell, ExamConfirmation.EXAM_PERCENTILE) + "-й процентиль по " + exam(cell) + ")");
    }

    /** The cut with the largest excess: «всплеск на границе отметки "4" (10 баллов): 9 работ при ожидаемых 2,1». */
    private String bunching(Row cell) {
        int best = -1;
        double bestExcess = Double.NEGATIVE_INFINITY;
        for (int k = 3; k <= 5; k++) {
            Double excess = cell.getAs("bunch" + k + "_excess");
            if (excess != null && excess > bestExcess) {
                bestExcess = excess;
                best = k;
            }
        }
        if (best < 0) {
            return english ? "excess of works just above the mark cuts" : "всплеск работ сразу выше границ отметок";
        }
        String cut = String.valueOf(cell.<Integer>getAs("bunch" + best + "_cut"));
        String above = String.valueOf(cell.<Long>getAs("bunch" + best + "_above"));
        String expected = num(cell, "bunch" + best + "_expected_above");
        return english
                ? "spike at the cut for mark " + best + " (" + cut + " points): " + above + " works just above it where "
                + expected + " are expected"
                : "всплеск на границе отметки «" + best + "» (" + cut + " " + points(cell.<Integer>getAs("bunch" + best + "_cut"))
                + "): " + above + " " + works(cell.<Number>getAs("bunch" + best + "_above")) + " сразу выше неё при ожидаемых "
                + expected;
    }

    /** «p < 0,001» / "p < 0.001", else three decimals. */
    public String pValue(double p) {
        if (p < 0.001) {
            return english ? "p < 0.001" : "p < 0,001";
        }
        return "p = " + decimal(p, 3);
    }

    private String reference(Row cell) {
        boolean municipal = municipal(cell);
        return english ? (municipal ? "municipality" : "region") : (municipal ? "по муниципалитету" : "по региону");
    }

    /** «в регионе» / «в муниципалитете». */
    private String where(Row cell) {
        boolean municipal = municipal(cell);
        return english ? (municipal ? "in the municipality" : "in the region") : (municipal ? "в муниципалитете" : "в регионе");
    }

    /** A size in marks without its sign: «0,6 отметки» / "0.6 of a mark". */
    private String marks(Row cell, String column) {
        return size(cell, column, 2, " of a mark", " отметки");
    }

    private static boolean municipal(Row cell) {
        String unit = hasField(cell, "reference_unit") ? cell.getAs("reference_unit") : null;
        return unit != null && !"region".equals(unit);
    }

    /** Why a cell with signs is not flagged: a re-check found the school's marks as the school gave them. */
    String recheckCleared(Row cell) {
        String changed = Long.toString(Math.round(((Number) cell.getAs(RecheckTables.EVIDENCE_MARK_CHANGED)).doubleValue()
                * ((Number) cell.getAs(RecheckTables.EVIDENCE_WORKS)).doubleValue()));
        return workOf(cell) + ": " + (english
                ? "the re-check confirmed objective marking: the mark changed in " + changed + " of "
                + integer(cell, RecheckTables.EVIDENCE_WORKS) + " works"
                : "перепроверка подтвердила объективность оценивания: отметка изменилась у " + changed + " из "
                + integer(cell, RecheckTables.EVIDENCE_WORKS) + " работ");
    }

    /** A signed size in primary points: «+0,2 первичного балла», or a dash. */
    private String signedPoints(Row cell, String column) {
        Object v = cell.getAs(column);
        if (!(v instanceof Number n)) {
            return "—";
        }
        return (n.doubleValue() < 0 ? "−" : "+") + points(cell, column);
    }

    /** A size in primary points without its sign: «2,4 первичного балла» / "2.4 points". */
    private String points(Row cell, String column) {
        return size(cell, column, 1, " points", " первичного балла");
    }

    /** The column's absolute value with its unit, or a dash when missing. */
    private String size(Row cell, String column, int digits, String unitEn, String unitRu) {
        Object v = cell.getAs(column);
        if (!(v instanceof Number n)) {
            return "—";
        }
        return decimal(Math.abs(n.doubleValue()), digits) + (english ? unitEn : unitRu);
    }

    private String pct(Row cell, String column) {
        Double v = cell.getAs(column);
        if (v == null) {
            return "—";
        }
        double percent = 100 * v;
        return (percent < 1 && percent > 0 ? decimal(percent, 1) : String.valueOf(Math.round(percent))) + "%";
    }

    private String num(Row cell, String column) {
        Object v = cell.getAs(column);
        return v instanceof Number n ? decimal(n.doubleValue(), n.doubleValue() >= 10 ? 0 : n.doubleValue() >= 1 ? 1 : 2) : "—";
    }

    /**
     * A likelihood-ratio sign's effect beside its null value, in brackets: «(показатель +1,16 при обычном около 0)»
     * (the mean standardised ratio of {@code AddedPoints} and {@code KnownAnswers} is about 0 for a class without it).
     */
    private String againstZero(Row cell, String column) {
        return english ? "(" + signed(cell, column) + " where about 0 is usual)"
                : "(показатель " + signed(cell, column) + " при обычном около 0)";
    }

    /** A mark difference with its sign: «+0,45», «−0,10». */
    private String signed(Row cell, String column) {
        Object v = cell.getAs(column);
        if (!(v instanceof Number n)) {
            return "—";
        }
        double d = n.doubleValue();
        return (d > 0 ? "+" : d < 0 ? "−" : "") + decimal(Math.abs(d), 2);
    }

    private static String integer(Row cell, String column) {
        Object v = cell.getAs(column);
        return v instanceof Number n ? String.valueOf(Math.round(n.doubleValue())) : "—";
    }

    private String decimal(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return english ? s : s.replace('.', ',');
    }

    /** Russian plural of «балл» after a number. */
    public static String points(Integer n) {
        return plural(n, "балл", "балла", "баллов");
    }

    /** Russian plural of «работа» after a number: 1 работа, 2 работы, 5 работ, 21 работа. */
    public static String works(Number n) {
        return plural(n, "работа", "работы", "работ");
    }

    private static String plural(Number n, String one, String few, String many) {
        if (n == null) {
            return many;
        }
        long mod100 = Math.abs(n.longValue()) % 100;
        long mod10 = mod100 % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return many;
        }
        return mod10 == 1 ? one : mod10 >= 2 && mod10 <= 4 ? few : many;
    }

    static boolean hasField(Row row, String name) {
        return row.schema() != null && java.util.Arrays.asList(row.schema().fieldNames()).contains(name);
    }
}
