package org.vprobjectivity.synthetic;

import org.vprobjectivity.model.MarkScale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The column layout of the regional participant export (shape 1 of the input format), shared by the xlsx
 * and the Windows-1251 CSV writers: every value a string, tasks positional ({@code балл за N}), the
 * municipality in the column called {@code регион}, and no mark column.
 */
final class RegionalLayout {

    private static final Map<String, String> DATIVE = Map.ofEntries(
            Map.entry("RU", "русскому языку"), Map.entry("MA", "математике"), Map.entry("OM", "окружающему миру"),
            Map.entry("HI", "истории"), Map.entry("BI", "биологии"), Map.entry("GE", "географии"),
            Map.entry("SO", "обществознанию"), Map.entry("PH", "физике"), Map.entry("CH", "химии"),
            Map.entry("EN", "английскому языку"), Map.entry("DE", "немецкому языку"), Map.entry("FR", "французскому языку"));

    static final String ABSENT = "отсутствовал";
    static final String NO_JOURNAL_MARK = "нет отметки";

    private RegionalLayout() {
    }

    /** «Проведение работы по математике, 4 класс. ВПР 2025.xlsx»: subject, grade and year only here. */
    static String xlsxName(WorkModel m, int year) {
        return "Проведение работы по " + DATIVE.getOrDefault(m.subject(), m.scale().subjectName()) + ", " + m.grade()
                + " класс. ВПР " + year + ".xlsx";
    }

    /** «ВПР 2025 Русский язык 5 класс.csv». */
    static String csvName(WorkModel m, int year) {
        return "ВПР " + year + " " + m.scale().subjectName() + " " + m.grade() + " класс.csv";
    }

    static List<String> header(MarkScale scale) {
        List<String> h = new ArrayList<>(List.of("логин школы", "регион", "номер обучающегося", "код обучающегося",
                "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов"));
        for (int i = 1; i <= scale.taskCount(); i++) {
            h.add("балл за " + i);
        }
        h.add("Учебник");
        return h;
    }

    /** A data row; an absent pupil keeps only login, municipality, number, code and class. */
    static List<String> row(SchoolPlan plan, WorkModel m, OutputRow row, Style style) {
        List<String> v = new ArrayList<>();
        v.add(plan.login());
        v.add(plan.municipality().name());
        v.add(Integer.toString(row.serial()));
        v.add(row.participant());
        if (row.absent()) {
            v.add("");
            v.add("");
            v.add(style.regionalClass(row.classLetter()));
            v.add(ABSENT);
            for (int i = 0; i <= m.scale().taskCount() + 1; i++) {
                v.add("");
            }
            return v;
        }
        v.add(row.journal() == null ? NO_JOURNAL_MARK : row.journal().toString());
        v.add(style.regionalSex(row.sex()));
        v.add(style.regionalClass(row.classLetter()));
        v.add(Integer.toString(row.variant()));
        v.add(Integer.toString(row.primaryScore()));
        for (int s : row.scores()) {
            v.add(s < 0 ? style.notAttempted() : Integer.toString(s));
        }
        v.add(textbook(m));
        return v;
    }

    static String textbook(WorkModel m) {
        String publisher = " АО \"Издательство \"Просвещение\"";
        return switch (m.subject()) {
            case "MA" -> m.grade() <= 4
                    ? "Моро М.И.,Бантова М.А.,Бельтюкова Г.В. и др. Математика (в 2 частях) " + m.grade() + " класс" + publisher
                    : "Мерзляк А.Г.,Полонский В.Б.,Якир М.С. Математика " + m.grade() + " класс ООО \"Издательский центр ВЕНТАНА-ГРАФ\"";
            case "RU" -> m.grade() <= 4
                    ? "Канакина В.П.,Горецкий В.Г. Русский язык (в 2 частях) " + m.grade() + " класс" + publisher
                    : "Ладыженская Т.А.,Баранов М.Т. и др. Русский язык (в 2 частях) " + m.grade() + " класс" + publisher;
            default -> m.scale().subjectName() + " " + m.grade() + " класс" + publisher;
        };
    }
}
