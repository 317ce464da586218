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
            Map.entry("xlsx.sheet", new String[]{"Школы с признаками", "Schools with signs"}),
            Map.entry("official.only.title", new String[]{"Школы только с маркерами ФИОКО", "Schools with FIOKO markers only"}),
            Map.entry("official.only.note", new String[]{
                    "Эти школы отмечены официальными маркерами ФИОКО, но наш метод признаков необъективности у них не нашёл. "
                            + "Вместе со списком выше это весь официальный список.",
                    "The official FIOKO markers mark these schools, but our method finds no signs of non-objectivity there. "
                            + "With the list above this is the whole official list."}),
            Map.entry("official.only.none", new String[]{"Школ, отмеченных только маркерами ФИОКО, нет.",
                    "No school is marked by the FIOKO markers alone."}),
            Map.entry("col.official.works", new String[]{"Работы с маркерами ФИОКО", "Works with FIOKO markers"}),
            Map.entry("col.why", new String[]{"Почему нет в нашем списке", "Why not on our list"}),
            Map.entry("school.works", new String[]{"Работ", "Works"}),
            Map.entry("school.small.cell", new String[]{
                    "Работ меньше, чем нужно для признаков по долям (повысили, понизили, доля «4» и «5», не писали): "
                            + "эти признаки здесь не проверяются.",
                    "Fewer works than share-based signs need (raised, lowered, marks 4 and 5, absent): those signs are not "
                            + "tested here."}),
            Map.entry("school.small.classes", new String[]{
                    "Слишком мало работ для признаков по долям (эти признаки по классу не проверяются)",
                    "Too few works for share-based signs (those signs are not tested for the class)"}),
            Map.entry("school.classes", new String[]{"Классы", "Classes"}),
            Map.entry("teachers.title", new String[]{"Учителя для адресной методической помощи",
                    "Teachers for targeted methodological help"}),
            Map.entry("teachers.note", new String[]{
                    "Учителя, в классах которых найдены признаки необъективности (по сопоставлению классов с учителями). "
                            + "Это повод для методической помощи, а не для наказания; учителя указаны условными кодами.",
                    "Teachers whose classes show signs of non-objectivity (through the class → teacher mapping). This is for "
                            + "methodological help, not for punishment; teachers are given by pseudonymous codes."}),
            Map.entry("teachers.note.names", new String[]{
                    "Учителя, в классах которых найдены признаки необъективности (по сопоставлению классов с учителями). "
                            + "Это повод для методической помощи, а не для наказания; ФИО показаны, потому что запуск был "
                            + "с --include-names, код учителя — в скобках.",
                    "Teachers whose classes show signs of non-objectivity (through the class → teacher mapping). This is for "
                            + "methodological help, not for punishment; names are shown because the run was given "
                            + "--include-names, the teacher's code in brackets."}),
            Map.entry("col.teacher", new String[]{"Учитель (код)", "Teacher (code)"}),
            Map.entry("col.teacher.name", new String[]{"Учитель", "Teacher"}),
            Map.entry("school.class.unknown", new String[]{"класс не указан", "class not given"}));

    /** Seasons of a session code ({@code 2025-spring}) in words. */
    private static final Map<String, String[]> SEASONS = Map.of(
            "spring", new String[]{"весна", "spring"}, "autumn", new String[]{"осень", "autumn"});

    /**
     * Subject codes as FIS OKO writes them in Cyrillic («4 МА», «5 РУ», «6 ИС»): the official list's works and the
     * workbooks' sheet names.
     */
    private static final Map<String, String> CYRILLIC_SUBJECTS = Map.ofEntries(Map.entry("MA", "МА"), Map.entry("RU", "РУ"),
            Map.entry("OM", "ОМ"), Map.entry("HI", "ИС"), Map.entry("BI", "БИ"), Map.entry("GE", "ГГ"), Map.entry("SO", "ОБ"),
            Map.entry("PH", "ФИ"), Map.entry("CH", "ХИ"), Map.entry("EN", "АЯ"), Map.entry("DE", "НЯ"), Map.entry("FR", "ФЯ"));

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

    /** «весна 2025» / "spring 2025" for {@code 2025-spring}; anything else as it is. */
    public String session(String code) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-(spring|autumn)").matcher(code == null ? "" : code);
        return m.matches() ? SEASONS.get(m.group(2))[lang] + " " + m.group(1) : code == null ? "—" : code;
    }

    /** «Алтайский край (22)» where the code is a known region's, else the value as it is. */
    public String region(String code) {
        String name = RegionNames.name(code);
        return name == null ? (code == null ? "—" : code) : name + " (" + code + ")";
    }

    /**
     * FIOKO work labels as the official list writes them: «4 МА, 5 РУ» for {@code 4 MA, 5 RU} (Russian); English keeps
     * the Latin codes.
     */
    public String officialWorks(String works) {
        if (works == null || lang == 1) {
            return works;
        }
        String out = works;
        for (Map.Entry<String, String> e : CYRILLIC_SUBJECTS.entrySet()) {
            out = out.replaceAll("\\b" + e.getKey() + "\\b", e.getValue());
        }
        return out;
    }

    /** A work's short label: «4 МА» (Russian), "4 MA" (English); an unknown subject code as it is. */
    public String work(String subject, int grade) {
        String code = subject == null ? "—" : lang == 1 ? subject : CYRILLIC_SUBJECTS.getOrDefault(subject, subject);
        return grade + " " + code;
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
