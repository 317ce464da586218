package org.vprobjectivity.report;

import java.util.Locale;
import java.util.Map;

/**
 * What the report's reader sees, in Russian (default) or English ({@code --lang en}). The words are those of signs
 * («признаки необъективности»), never of findings (indicators.md §7a).
 */
public final class ReportText {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("title", new String[]{"Признаки необъективности результатов ВПР", "Signs of non-objective VPR results"}),
            Map.entry("disclaimer", new String[]{
                    "Список показывает признаки необъективности, а не доказанные нарушения: он нужен, чтобы адресно "
                            + "помочь школам и проверить процедуры, а не для наказания.",
                    "The list shows signs of non-objectivity, not proven violations: it is for targeted help and for "
                            + "checking procedures, not for punishment."}),
            Map.entry("session", new String[]{"Сессия", "Session"}),
            Map.entry("region", new String[]{"Регион", "Region"}),
            Map.entry("schools", new String[]{"Школ с работами", "Schools with works"}),
            Map.entry("flagged", new String[]{"Школ с признаками (наш метод)", "Schools with signs (our method)"}),
            Map.entry("official", new String[]{"Школ с маркерами ФИОКО", "Schools with FIOKO markers"}),
            Map.entry("both", new String[]{"В обоих списках", "On both lists"}),
            Map.entry("col.rank", new String[]{"Место", "Rank"}),
            Map.entry("col.municipality", new String[]{"Муниципалитет", "Municipality"}),
            Map.entry("col.school", new String[]{"Школа", "School"}),
            Map.entry("col.login", new String[]{"Логин", "Login"}),
            Map.entry("col.type", new String[]{"Тип", "Type"}),
            Map.entry("col.works", new String[]{"Работы с признаками", "Works with signs"}),
            Map.entry("col.reasons", new String[]{"Главные признаки", "Main signs"}),
            Map.entry("col.risk", new String[]{"Риск", "Risk"}),
            Map.entry("col.official", new String[]{"Маркеры ФИОКО", "FIOKO markers"}),
            Map.entry("filter", new String[]{"Муниципалитет:", "Municipality:"}),
            Map.entry("filter.all", new String[]{"все", "all"}),
            Map.entry("sort.hint", new String[]{"Нажмите на заголовок столбца, чтобы отсортировать.",
                    "Click a column heading to sort."}),
            Map.entry("none", new String[]{"Школ с признаками необъективности не найдено.", "No school shows signs of non-objectivity."}),
            Map.entry("risk.note", new String[]{
                    "Риск — −log10 p-значения признаков школы: чем больше, тем сильнее признаки. Список отобран с контролем доли "
                            + "ложных обнаружений (Бенджамини–Хохберг) и правилом двух признаков: высокие результаты сами по себе "
                            + "не считаются признаком.",
                    "Risk is −log10 of the school's combined p-value: higher means stronger signs. The list controls the false "
                            + "discovery rate (Benjamini–Hochberg) and applies the two-signal rule: high results alone are not a sign."}),
            Map.entry("back", new String[]{"← к списку школ", "← back to the list"}),
            Map.entry("school.reasons", new String[]{"Признаки", "Signs"}),
            Map.entry("school.noflag", new String[]{"По этой работе признаков, достаточных для отбора, нет.",
                    "No sign strong enough for the list in this work."}),
            Map.entry("chart.histogram", new String[]{"Распределение первичных баллов", "Primary scores"}),
            Map.entry("chart.journal", new String[]{"Отметки за ВПР по сравнению с журналом", "VPR marks against journal marks"}),
            Map.entry("chart.tasks", new String[]{"Выполнение заданий", "Tasks solved"}),
            Map.entry("legend.school", new String[]{"школа", "school"}),
            Map.entry("legend.region", new String[]{"регион", "region"}),
            Map.entry("axis.score", new String[]{"первичный балл (пунктир — границы отметок)", "primary score (dashed: mark cuts)"}),
            Map.entry("axis.task", new String[]{"задание", "task"}),
            Map.entry("journal.lowered", new String[]{"понизили", "lowered"}),
            Map.entry("journal.confirmed", new String[]{"подтвердили", "confirmed"}),
            Map.entry("journal.raised", new String[]{"повысили", "raised"}),
            Map.entry("official.marked", new String[]{"Маркеры ФИОКО", "FIOKO markers"}),
            Map.entry("generated", new String[]{"Сформировано", "Generated"}),
            Map.entry("xlsx.sheet", new String[]{"Школы с признаками", "Schools with signs"}));

    private final int lang;

    public ReportText(String lang) {
        this.lang = "en".equalsIgnoreCase(lang) ? 1 : 0;
    }

    public String get(String key) {
        String[] w = WORDS.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no report text for " + key);
        }
        return w[lang];
    }

    public String langCode() {
        return lang == 1 ? "en" : "ru";
    }

    /** «41%» / "41%"; «—» for a missing share. */
    String percent(double share) {
        return Double.isNaN(share) ? "—" : Math.round(100 * share) + "%";
    }

    /** «2,4» / "2.4". */
    String decimal(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return lang == 1 ? s : s.replace('.', ',');
    }

    String scoreTooltip(int score, long works, double share) {
        return lang == 1 ? score + " points: " + works + " works (" + percent(share) + ")"
                : score + " б.: " + works + " раб. (" + percent(share) + ")";
    }
}
