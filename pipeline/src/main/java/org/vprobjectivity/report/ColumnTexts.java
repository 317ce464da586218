package org.vprobjectivity.report;

import java.util.HashMap;
import java.util.List;

/**
 * Headings and one-line explanations of the methodologists' workbook columns, in Russian or English: the sheet
 * «Пояснения» of every workbook ({@link MethodologyWorkbooks}). Formulas and sources of the indicators are in
 * docs/indicators-schema.md; here is what a methodologist needs to read the number.
 */
final class ColumnTexts {

    /** Every column the workbooks show, in the order «Пояснения» lists them. */
    static final List<String> COLUMNS = List.of("subject", "grade", "class", "school_id", "teacher", "mark_group", "task", "level",
            "skill", "works", "n_journal", "solve_rate", "solve_rate_municipality", "solve_rate_region", "gap_to_region",
            "weak", "achieved", "lowered_share", "confirmed_share", "raised_share", "lowered_ref", "raised_ref", "mean_diff",
            "score_above_journal", "kappa_w", "mean_score_pct", "quality_share", "quality_ref", "absent_share", "absent_ref",
            "guttman_mean", "guttman_expected", "identical_vector_works", "score_sd", "sd_expected", "risk_score", "flagged",
            "reasons");

    /** {column: {ru heading, en heading, ru explanation, en explanation}}. */
    private static final Object[][] TEXTS = {
            {"subject", "Предмет", "Subject", "предмет работы", "the work's subject"},
            {"grade", "Параллель", "Grade", "класс (4, 5 …)", "grade"},
            {"class", "Класс", "Class", "класс школы (пусто — класс в выгрузке не указан)",
                    "the school's class (empty: the export does not give it)"},
            {"school_id", "Логин ОО", "School login", "логин школы в ФИС ОКО", "the school's FIS OKO login"},
            {"teacher", "Учитель", "Teacher",
                    "условный код учителя из файла соответствия классов и учителей; ФИО (с кодом в скобках) — только если запуск был с --include-names",
                    "the teacher's pseudonymous code from the class → teacher mapping; the name (with the code in brackets) only when the run was given --include-names"},
            {"mark_group", "Группа по отметке", "Mark group", "все участники или только получившие за ВПР отметку «3», «4» или «5»",
                    "every participant, or those with VPR mark 3, 4 or 5"},
            {"task", "Задание", "Task", "номер задания в работе", "the task's number in the work"},
            {"level", "Уровень", "Level", "уровень сложности: Б — базовый, П — повышенный, В — высокий",
                    "difficulty: Б basic, П advanced, В high"},
            {"skill", "Проверяемое умение", "Checked skill", "умение по описанию работы", "the skill as the work's description names it"},
            {"works", "Работ", "Works", "число работ, по которым посчитан показатель", "works the figure is computed over"},
            {"n_journal", "С отметкой по журналу", "With a journal mark", "работы, у которых есть отметка по журналу",
                    "works with a journal mark"},
            {"solve_rate", "Выполнение", "Solve rate", "средний балл за задание / максимум (как «% выполнения» ФИС ОКО)",
                    "mean task score / its maximum (FIS OKO «% выполнения»)"},
            {"solve_rate_municipality", "Выполнение, муниципалитет", "Solve rate, municipality",
                    "то же по муниципалитету", "the same over the municipality"},
            {"solve_rate_region", "Выполнение, регион", "Solve rate, region", "то же по региону", "the same over the region"},
            {"gap_to_region", "Разница с регионом", "Gap to the region", "выполнение минус региональное (−0,15 = на 15 пунктов ниже)",
                    "solve rate minus the region's (−0.15 = 15 points below)"},
            {"weak", "Дефицит", "Weak spot", "выполнение ниже 50% или более чем на 15 пунктов ниже региона; «мало данных» — в группе меньше работ, чем задано (weak_min_group_works)",
                    "solve rate under 50%, or more than 15 points under the region; «too few works»: the group is under the configured size (weak_min_group_works)"},
            {"achieved", "Достигнуто", "Achieved", "базовое задание выполнено не менее чем на 60%, повышенное и высокое — на 30%",
                    "basic task solved at 60% or more, advanced and high ones at 30%"},
            {"lowered_share", "Понизили", "Lowered", "доля участников, чья отметка за ВПР ниже отметки по журналу",
                    "share whose VPR mark is below the journal mark"},
            {"confirmed_share", "Подтвердили", "Confirmed", "доля участников, чья отметка за ВПР равна отметке по журналу",
                    "share whose VPR mark equals the journal mark"},
            {"raised_share", "Повысили", "Raised", "доля участников, чья отметка за ВПР выше отметки по журналу",
                    "share whose VPR mark is above the journal mark"},
            {"lowered_ref", "Понизили, регион", "Lowered, region", "то же по региону (или муниципалитету, если так настроено)",
                    "the same over the region (or municipality, as configured)"},
            {"raised_ref", "Повысили, регион", "Raised, region", "то же по региону", "the same over the region"},
            {"mean_diff", "ВПР − журнал", "VPR − journal", "средняя разница отметки за ВПР и отметки по журналу",
                    "mean of VPR mark minus journal mark"},
            {"score_above_journal", "Баллы сверх ожидаемых по журналу", "Points above what the journal predicts",
                    "на сколько первичных баллов участники написали выше (или ниже, минус) участников региона с теми же отметками по журналу",
                    "how many primary points above (below, negative) participants of the region with the same journal marks"},
            {"kappa_w", "Согласие с журналом", "Agreement with the journal",
                    "взвешенная каппа между отметками за ВПР и по журналу: 1 — полное согласие, 0 — как случайно",
                    "weighted kappa of VPR and journal marks: 1 full agreement, 0 as by chance"},
            {"mean_score_pct", "Средний % выполнения", "Mean score, %", "средний первичный балл в процентах от максимума",
                    "mean primary score as a percentage of the maximum"},
            {"quality_share", "Доля «4» и «5»", "Marks 4 and 5", "доля отметок «4» и «5» за ВПР", "share of VPR marks 4 and 5"},
            {"quality_ref", "Доля «4» и «5», регион", "Marks 4 and 5, region", "то же по региону", "the same over the region"},
            {"absent_share", "Не писали", "Absent", "доля учеников из списка, не писавших работу", "share of listed pupils absent"},
            {"absent_ref", "Не писали, регион", "Absent, region", "то же по региону", "the same over the region"},
            {"guttman_mean", "Ошибки Гуттмана", "Guttman errors",
                    "доля пар заданий, где трудное решено, а лёгкое нет (много — необычный рисунок решений)",
                    "share of task pairs with the harder solved and the easier missed (many = unusual pattern)"},
            {"guttman_expected", "Ошибки Гуттмана, ожидаемые", "Guttman errors, expected", "ожидаемое значение при таком уровне",
                    "the value expected at this level"},
            {"identical_vector_works", "Одинаковые работы", "Identical works",
                    "работы, совпадающие с другой работой школы баллами по всем заданиям", "works with the same score on every task as another"},
            {"score_sd", "Разброс баллов", "Score spread", "стандартное отклонение первичного балла", "SD of the primary score"},
            {"sd_expected", "Разброс, ожидаемый", "Spread, expected", "обычный разброс для школ с таким средним",
                    "the usual SD at this mean"},
            {"risk_score", "Риск", "Risk", "−log10 p-значения признаков (больше — сильнее признаки)",
                    "−log10 of the signs' p-value (higher = stronger signs)"},
            {"flagged", "Признаки (наш метод)", "Signs (our method)",
                    "работа отобрана нашим методом: признаки необъективности с контролем доли ложных обнаружений",
                    "selected by our method: signs of non-objectivity with the false discovery rate controlled"},
            {"reasons", "Причины", "Reasons", "главные признаки словами, с числами", "the main signs in words, with their numbers"},
    };

    private static final Object[][] WORDS = {
            // a work's sheets: «4 МА дефициты» (MethodologyWorkbooks.SheetSpec names)
            {"sheet.weak", "дефициты", "weak spots"},
            {"sheet.classes", "журнал, классы", "journal, classes"},
            {"sheet.schools", "журнал, школы", "journal, schools"},
            {"sheet.teachers", "журнал, учителя", "journal, teachers"},
            {"sheet.indicators", "показатели", "indicators"},
            {"sheet.columns", "Пояснения", "Explanations"},
            {"explain.column", "Столбец", "Column"},
            {"explain.meaning", "Что означает", "Meaning"},
            {"yes", "да", "yes"},
            {"no", "нет", "no"},
            {"small", "мало данных", "too few works"},
            {"mark.all", "все участники", "all participants"},
            {"mark.one", "с отметкой «{m}»", "with mark {m}"},
            {"lang", "ru", "en"},
    };

    private ColumnTexts() {
    }

    /** Headings ({@code col.<name>}), explanations ({@code explain.<name>}), sheet names and words in one language. */
    static HashMap<String, String> of(String lang) {
        int en = "en".equalsIgnoreCase(lang) ? 1 : 0;
        HashMap<String, String> texts = new HashMap<>();
        for (Object[] t : TEXTS) {
            texts.put("col." + t[0], (String) t[1 + en]);
            texts.put("explain." + t[0], (String) t[3 + en]);
        }
        for (Object[] w : WORDS) {
            texts.put((String) w[0], (String) w[1 + en]);
        }
        return texts;
    }
}
