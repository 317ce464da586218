package org.vprobjectivity.ingest;

/**
 * Why a row was quarantined, in rule order: a row breaking several rules is reported under the first.
 * Codes are stable (they appear in rejects/ and run.json); messages are for people.
 */
public enum RejectReason {
    TEXT_TOO_LONG("значение в ячейке длиннее 1000 символов (так длинно не бывает: ячейка испорчена)",
            "a cell's value is longer than 1000 characters (no real value is: the cell is damaged)"),
    SCHOOL_INVALID("логин школы не похож на логин ФИС ОКО (sch…, edu… или шаблон из --mapping)",
            "the school login is not a FIS OKO login (sch…, edu… or a pattern given with --mapping)"),
    GRADE_INVALID("параллель строки не число от 4 до 11", "the row's grade is not a number from 4 to 11"),
    CONTEXT_MISSING("для строки не удалось определить сессию, предмет или параллель, хотя для других строк таблицы они известны",
            "the row's session, subject or grade is unknown while the table's other rows have them"),
    SCALE_MISSING("для предмета, параллели и года этой строки нет шкалы, подходящей к столбцам таблицы (у других строк таблицы она есть); укажите файл шкал --scales FILE",
            "no scale fitting the table's columns for this row's subject, grade and year (the table's other rows have one); pass --scales FILE"),
    SCHOOL_MISSING("не указан логин школы", "school login is missing"),
    PARTICIPANT_MISSING("не указан код участника", "participant code is missing"),
    TASK_SCORE_INVALID("балл за задание не является целым неотрицательным числом", "task score is not a non-negative integer"),
    TASK_SCORE_ABOVE_MAX("балл за задание больше максимального", "task score exceeds the task maximum"),
    PRIMARY_SCORE_INVALID("первичный балл не является целым числом", "primary score is not an integer"),
    PRIMARY_SCORE_MISMATCH("первичный балл не равен сумме баллов за задания", "primary score differs from the sum of task scores"),
    MARK_INVALID("отметка за работу вне диапазона 2–5", "VPR mark outside 2..5"),
    MARK_MISMATCH("отметка не соответствует шкале перевода для первичного балла", "mark differs from the scale's mark for the primary score"),
    JOURNAL_MARK_INVALID("отметка по журналу вне диапазона 2–5", "journal mark outside 2..5"),
    GRADE_CLASS_MISMATCH("параллель в названии класса не совпадает с параллелью работы", "grade in the class name differs from the work's grade"),
    DUPLICATE_PARTICIPANT("участник встречается несколько раз в одной школе, предмете и параллели", "participant appears more than once for the same school, subject and grade");

    private final String messageRu;
    private final String messageEn;

    RejectReason(String messageRu, String messageEn) {
        this.messageRu = messageRu;
        this.messageEn = messageEn;
    }

    public String messageRu() {
        return messageRu;
    }

    public String messageEn() {
        return messageEn;
    }
}
