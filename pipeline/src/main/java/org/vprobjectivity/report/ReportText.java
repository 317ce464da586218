package org.vprobjectivity.report;

import java.util.Locale;
import java.util.Map;

/**
 * What the report's reader sees, in Russian (default) or English ({@code --lang en}). The words are those of signs
 * («признаки необъективности»), never of findings (docs/design.md §7a).
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
            Map.entry("school.class.unknown", new String[]{"класс не указан", "class not given"}),
            Map.entry("recheck.title", new String[]{"Перепроверка работ", "Re-check of works"}),
            Map.entry("recheck.none", new String[]{"Результаты перепроверки не загружены. Чтобы их получить: recheck plan --output ПАПКА (выборка работ и бланки для комиссий), затем recheck read --output ПАПКА --forms ЗАПОЛНЕННЫЕ_БЛАНКИ и повторный run.", "No re-check results are loaded. To produce them: recheck plan --output DIR (the sample of works and the commissions' forms), then recheck read --output DIR --forms FILLED_FORMS and run again."}),
            Map.entry("recheck.planned.only", new String[]{"План перепроверки составлен ({n} работ), но заполненные бланки ещё не прочитаны: recheck read --output ПАПКА --forms ЗАПОЛНЕННЫЕ_БЛАНКИ, затем повторный run.", "A re-check plan is drawn ({n} works), but no filled form has been read yet: recheck read --output DIR --forms FILLED_FORMS, then run again."}),
            Map.entry("recheck.note", new String[]{"Комиссия перепроверила работы школ с признаками (целевая группа) и, для сравнения, работы школ без признаков (контрольная группа): контрольная группа показывает, насколько строже или мягче проверяет сама комиссия, поэтому школа сравнивается с ней, а не с нулём.", "A commission re-checked works of schools with signs (targeted) and, for comparison, works of schools without signs (control): the control group shows how much more strictly or leniently the commission itself marks, so a school is compared with it, not with zero."}),
            Map.entry("recheck.schools.targeted", new String[]{"Школ перепроверено (целевая группа)", "Schools re-checked (targeted)"}),
            Map.entry("recheck.works.targeted", new String[]{"Работ (целевая группа)", "Works (targeted)"}),
            Map.entry("recheck.schools.control", new String[]{"Школ в контрольной группе", "Schools in the control group"}),
            Map.entry("recheck.works.control", new String[]{"Работ (контрольная группа)", "Works (control)"}),
            Map.entry("recheck.diff", new String[]{"Средняя разница первичных баллов (школа − комиссия): целевая группа {t}, контрольная группа {c}, разница между группами {d}.", "Mean primary score difference (school − commission): targeted {t}, control {c}, difference between the groups {d}."}),
            Map.entry("recheck.confirmed.title", new String[]{"Признаки, подтверждённые перепроверкой", "Signs the re-check confirmed"}),
            Map.entry("recheck.confirmed.note", new String[]{"Комиссия снижала баллы заметно чаще, чем в контрольной группе (p < 0,05), в среднем не меньше чем на 1 первичный балл за работу сверх контрольной группы.", "The commission lowered scores markedly more often than in the control group (p < 0.05), on average by at least 1 primary point per work beyond the control group."}),
            Map.entry("recheck.confirmed.none", new String[]{"Перепроверка не подтвердила расхождение ни в одной школе.", "The re-check confirmed no discrepancy in any school."}),
            Map.entry("recheck.cleared.title", new String[]{"Признаки, снятые перепроверкой", "Signs the re-check cleared"}),
            Map.entry("recheck.cleared.note", new String[]{"Комиссия не изменила ни одной отметки (перепроверено не меньше 5 работ), расхождения с контрольной группой нет: признак необъективности результатов по этой работе снят. Признак, которого перепроверка работ не касается (неявка слабых учеников), остаётся в списке.", "The commission changed no mark (at least 5 works re-checked) and there is no discrepancy against the control group: the sign of inflated results of this work is lifted. A sign a re-check of works cannot speak to (weak pupils absent) stays on the list."}),
            Map.entry("recheck.cleared.none", new String[]{"Ни один признак перепроверкой не снят.", "The re-check cleared no sign."}),
            Map.entry("col.group", new String[]{"Группа", "Group"}),
            Map.entry("group.targeted", new String[]{"целевая", "targeted"}),
            Map.entry("group.control", new String[]{"контрольная", "control"}),
            Map.entry("col.schools.n", new String[]{"Школ", "Schools"}),
            Map.entry("col.works.n", new String[]{"Работ", "Works"}),
            Map.entry("col.work", new String[]{"Работа", "Work"}),
            Map.entry("col.mark.changed", new String[]{"Отметка изменилась", "Mark changed"}),
            Map.entry("col.point.diff", new String[]{"Разница баллов (школа − комиссия)", "Point difference (school − commission)"}),
            Map.entry("col.control.diff", new String[]{"Разница в контрольной группе", "Control group difference"}),
            Map.entry("col.outcome", new String[]{"Итог", "Outcome"}),
            Map.entry("of", new String[]{"из", "of"}),
            Map.entry("outcome.confirmed", new String[]{"расхождение подтверждено", "discrepancy confirmed"}),
            Map.entry("outcome.cleared", new String[]{"признак снят: оценивание объективно", "sign lifted: marking objective"}),
            Map.entry("outcome.open", new String[]{"вывода нет", "no conclusion"}),
            Map.entry("outcome.control", new String[]{"контрольная группа", "control group"}),
            Map.entry("school.recheck.none", new String[]{"Работы школы не перепроверялись.", "The school's works were not re-checked."}),
            Map.entry("matrix.title", new String[]{"Матрица принятия управленческих решений", "Decision matrix"}),
            Map.entry("matrix.note", new String[]{"Для каждой школы с признаками (наш метод и/или маркеры ФИОКО) — меры, которые подходят к её признакам. Правило от признаков к мерам задаётся в разделе measures файла настроек (--config). Меры — адресная помощь и проверка процедур, а не наказание.", "For each school with signs (our method and/or the FIOKO markers), the measures that fit its signs. The rule from signs to measures is the measures section of the configuration file (--config). Measures are targeted help and checks of procedure, not punishment."}),
            Map.entry("matrix.none", new String[]{"Школ с признаками нет: мер не требуется.", "No school shows signs: no measure is needed."}),
            Map.entry("col.evidence", new String[]{"Основания", "Evidence"}),
            Map.entry("col.measures", new String[]{"Меры", "Measures"}),
            Map.entry("matrix.ev.results", new String[]{"признаки необъективности результатов (наш метод)", "signs of inflated results (our method)"}),
            Map.entry("matrix.ev.journal", new String[]{"признаки завышения текущих отметок (наш метод)", "signs of inflated journal marks (our method)"}),
            Map.entry("matrix.ev.official", new String[]{"маркеры ФИОКО", "FIOKO markers"}),
            Map.entry("matrix.ev.confirmed", new String[]{"перепроверка подтвердила расхождение", "the re-check confirmed a discrepancy"}),
            Map.entry("matrix.ev.rechecked", new String[]{"работы перепроверены: расхождение не подтверждено, но и не снято", "works re-checked: no discrepancy confirmed, none cleared"}),
            Map.entry("matrix.ev.cleared", new String[]{"перепроверка подтвердила объективность оценивания (признак снят)", "the re-check confirmed the marking (sign lifted)"}),
            Map.entry("matrix.m.recheck", new String[]{"Перепроверка работ", "Re-check of works"}),
            Map.entry("matrix.m.recheck.plan", new String[]{"{n} работ по плану перепроверки ({works}; коды работ в recheck/plan)", "{n} works of the re-check plan ({works}; work codes in recheck/plan)"}),
            Map.entry("matrix.m.recheck.noplan", new String[]{"в плане перепроверки работ школы нет: составьте план (recheck plan) или отберите работы у границ отметок", "the re-check plan holds none of the school's works: draw a plan (recheck plan) or choose works at the mark cuts"}),
            Map.entry("matrix.m.observers", new String[]{"Независимые наблюдатели на следующей ВПР", "Independent observers at the next session"}),
            Map.entry("matrix.m.help", new String[]{"Адресная методическая помощь по дефицитам", "Targeted methodological help on weak spots"}),
            Map.entry("matrix.m.journal", new String[]{"Проверка политики выставления текущих отметок (журнал)", "Check of the journal marking policy"}),
            Map.entry("matrix.task", new String[]{"задание", "task"}),
            Map.entry("matrix.solved", new String[]{"решили", "solved"}),
            Map.entry("xlsx.matrix.sheet", new String[]{"Матрица решений", "Decision matrix"}),
            Map.entry("rs.sheet.schools", new String[]{"По школам", "Schools"}),
            Map.entry("rs.sheet.tasks", new String[]{"По заданиям", "Tasks"}),
            Map.entry("rs.sheet.strata", new String[]{"Выборка", "Sample"}),
            Map.entry("col.subject", new String[]{"Предмет", "Subject"}),
            Map.entry("col.grade", new String[]{"Класс", "Grade"}),
            Map.entry("col.works.rechecked", new String[]{"Перепроверено работ", "Works re-checked"}),
            Map.entry("col.mark.changed.share", new String[]{"Доля работ с изменённой отметкой", "Share of works with a changed mark"}),
            Map.entry("col.objective.share", new String[]{"Доля объективно оценённых работ", "Share of works marked objectively"}),
            Map.entry("col.mean.diff", new String[]{"Средняя разница баллов (школа − комиссия)", "Mean point difference (school − commission)"}),
            Map.entry("col.lowered", new String[]{"Работ с пониженными баллами", "Works with points lowered"}),
            Map.entry("col.raised", new String[]{"Работ с повышенными баллами", "Works with points raised"}),
            Map.entry("col.exact", new String[]{"Совпадение баллов по заданиям", "Task scores left as given"}),
            Map.entry("col.control.works", new String[]{"Работ в контрольной группе", "Control group works"}),
            Map.entry("col.control.mean.diff", new String[]{"Средняя разница в контрольной группе", "Control group mean difference"}),
            Map.entry("col.p", new String[]{"p расхождения", "Discrepancy p"}),
            Map.entry("col.confirmed", new String[]{"Расхождение подтверждено", "Discrepancy confirmed"}),
            Map.entry("col.cleared", new String[]{"Признак снят", "Sign lifted"}),
            Map.entry("col.task", new String[]{"Задание", "Task"}),
            Map.entry("col.task.max", new String[]{"Максимум", "Maximum"}),
            Map.entry("col.task.diff", new String[]{"Средняя разница (школа − комиссия)", "Mean difference (school − commission)"}),
            Map.entry("col.kappa", new String[]{"Взвешенная каппа", "Weighted kappa"}),
            Map.entry("col.commission", new String[]{"Комиссия", "Commission"}),
            Map.entry("yes", new String[]{"да", "yes"}),
            Map.entry("no", new String[]{"нет", "no"}),
            Map.entry("col.teacher.name", new String[]{"Учитель", "Teacher"}),
            // sessions over time (issue 19): persistence in the list, a school's history, municipalities, the lists' overlap
            Map.entry("col.in.row", new String[]{"Сессий подряд (наш метод / ФИОКО)", "Sessions in a row (ours / FIOKO)"}),
            Map.entry("col.in.row.ours", new String[]{"Сессий подряд (наш метод)", "Sessions in a row (our method)"}),
            Map.entry("col.in.row.official", new String[]{"Сессий подряд (ФИОКО)", "Sessions in a row (FIOKO)"}),
            Map.entry("in.row.note", new String[]{
                    "Сессий подряд: в скольких сессиях подряд, включая эту, у школы есть признаки по нашему методу и маркеры "
                            + "ФИОКО (по сессиям в папке результатов). Школы с признаками несколько сессий подряд стоят в списке первыми.",
                    "Sessions in a row: in how many consecutive sessions up to this one the school has signs by our method and "
                            + "FIOKO markers (over the sessions in the output folder). Schools with signs in several sessions in a "
                            + "row are listed first."}),
            Map.entry("sessions.several", new String[]{
                    "Папка результатов содержит несколько сессий ({s}): числа вверху — за последнюю, список — по сессиям, "
                            + "начиная с последней.",
                    "The output folder holds several sessions ({s}): the figures above are the latest one's, the list goes "
                            + "session by session, the latest first."}),
            Map.entry("history.title", new String[]{"Результаты по сессиям", "Results over the sessions"}),
            Map.entry("history.none", new String[]{
                    "Истории по сессиям пока нет: она появится, когда следующая сессия будет обработана в ту же папку результатов (--output).",
                    "No history over sessions yet: it appears once the next session is run into the same output folder (--output)."}),
            Map.entry("history.note", new String[]{
                    "Каждая работа школы по всем сессиям в папке результатов: средний первичный балл в процентах от максимума "
                            + "и доля отметок «4» и «5» рядом с регионом, признаки по нашему методу и маркеры ФИОКО.",
                    "Each of the school's works over every session in the output folder: the mean primary score in % of the "
                            + "maximum and the share of marks 4 and 5 beside the region's, signs by our method and FIOKO markers."}),
            Map.entry("legend.mean.school", new String[]{"средний балл, %", "mean score, %"}),
            Map.entry("legend.mean.region", new String[]{"он же в регионе", "region's mean"}),
            Map.entry("legend.quality.school", new String[]{"доля «4»–«5»", "marks 4–5"}),
            Map.entry("legend.quality.region", new String[]{"она же в регионе", "region's 4–5"}),
            Map.entry("trend.flagged", new String[]{"признаки", "signs"}),
            Map.entry("trend.official", new String[]{"ФИОКО", "FIOKO"}),
            Map.entry("col.mean.pct", new String[]{"Средний балл, % от максимума (регион)", "Mean score, % of maximum (region)"}),
            Map.entry("col.quality.share", new String[]{"Доля «4» и «5» (регион)", "Marks 4 and 5 (region)"}),
            Map.entry("col.our.signs", new String[]{"Признаки (наш метод)", "Signs (our method)"}),
            Map.entry("official.not.work", new String[]{"не входит в список ФИОКО", "not an official work"}),
            Map.entry("markers.none", new String[]{"нет", "none"}),
            Map.entry("markers.list", new String[]{"маркеры {m}", "markers {m}"}),
            Map.entry("municipal.title", new String[]{"Муниципалитеты: индекс объективности и наш список",
                    "Municipalities: the objectivity index and our list"}),
            Map.entry("municipal.note", new String[]{
                    "Индекс объективности ФИОКО = 100 − 100 · (школ с маркерами) / (школ с работами ФИОКО: русский язык и "
                            + "математика, 4–5 классы), по каждому муниципалитету и сессии; рядом — сколько школ отмечает наш метод.",
                    "The FIOKO objectivity index = 100 − 100 · (schools with markers) / (schools with official works: Russian "
                            + "and mathematics, grades 4–5), per municipality and session; beside it, how many schools our method flags."}),
            Map.entry("col.official.schools", new String[]{"Школ с работами ФИОКО", "Schools with official works"}),
            Map.entry("col.marked.schools", new String[]{"Школ с маркерами ФИОКО", "Schools with FIOKO markers"}),
            Map.entry("col.index", new String[]{"Индекс объективности", "Objectivity index"}),
            Map.entry("col.flagged.schools", new String[]{"Школ с признаками (наш метод)", "Schools with signs (our method)"}),
            Map.entry("region.total", new String[]{"Регион в целом", "Whole region"}),
            Map.entry("xlsx.municipal.sheet", new String[]{"Муниципалитеты", "Municipalities"}),
            Map.entry("overlap.title", new String[]{"Списки от сессии к сессии", "The lists from session to session"}),
            Map.entry("overlap.note", new String[]{
                    "Сколько школ осталось в списке, выбыло из него и вошло в него по сравнению с предыдущей сессией — в нашем "
                            + "списке и в списке ФИОКО; «только в прежней» — и школы, которые в новой сессии не писали.",
                    "How many schools stayed on the list, left it and joined it since the previous session, on our list and on "
                            + "the FIOKO list; \"earlier only\" includes schools that did not write in the later session."}),
            Map.entry("col.sessions", new String[]{"Сессии", "Sessions"}),
            Map.entry("col.schools.in.both", new String[]{"Школ писали в обеих", "Schools in both"}),
            Map.entry("col.ours.both", new String[]{"Наш список: в обеих", "Ours: in both"}),
            Map.entry("col.ours.previous", new String[]{"Наш список: только в прежней", "Ours: earlier only"}),
            Map.entry("col.ours.now", new String[]{"Наш список: только в новой", "Ours: later only"}),
            Map.entry("col.official.both", new String[]{"ФИОКО: в обеих", "FIOKO: in both"}),
            Map.entry("col.official.previous", new String[]{"ФИОКО: только в прежней", "FIOKO: earlier only"}),
            Map.entry("col.official.now", new String[]{"ФИОКО: только в новой", "FIOKO: later only"}),
            Map.entry("col.both.lists", new String[]{"В обоих списках (новая сессия)", "On both lists (later session)"}),
            Map.entry("xlsx.overlap.sheet", new String[]{"Списки по сессиям", "Lists by session"}));

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
    public String percent(double share) {
        return Double.isNaN(share) ? "—" : Math.round(100 * share) + "%";
    }

    /** «2,4» / "2.4". */
    public String decimal(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return lang == 1 ? s : s.replace('.', ',');
    }

    String scoreTooltip(int score, long works, double share) {
        return lang == 1 ? score + " points: " + works + " works (" + percent(share) + ")"
                : score + " б.: " + works + " раб. (" + percent(share) + ")";
    }
}
