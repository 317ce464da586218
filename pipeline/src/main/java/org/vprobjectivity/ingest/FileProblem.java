package org.vprobjectivity.ingest;

/** Why a whole file (or sheet) could not be used. The run reports it and goes on with the other files. */
public enum FileProblem {
    UNREADABLE("файл не удалось прочитать", "the file could not be read"),
    ENTRY_NAME_UNREADABLE("имя файла в архиве не читается ни как UTF-8, ни как cp866; файл пропущен, остальные прочитаны",
            "an archive entry's name is neither UTF-8 nor cp866; the entry was skipped, the others were read"),
    NO_RESULT_TABLE("в файле не найдена таблица результатов", "no result table found in the file"),
    NO_SESSION("не удалось определить сессию (год); укажите --session", "the session (year) could not be determined; pass --session"),
    NO_SUBJECT("не удалось определить предмет; укажите --subject", "the subject could not be determined; pass --subject"),
    NO_GRADE("не удалось определить параллель; укажите --grade", "the grade could not be determined; pass --grade"),
    NO_SCHOOL("не удалось определить школу; укажите --school", "the school could not be determined; pass --school"),
    NO_SCALE("нет шкалы перевода баллов для предмета, параллели и года; укажите файл шкал --scales FILE", "no mark scale for the subject, grade and year; pass --scales FILE"),
    TASK_MAX_MISMATCH("максимальный балл задания в заголовке отличается от шкалы", "a task maximum in the header differs from the scale"),
    TASKS_MISMATCH("задания в файле не совпадают с заданиями шкалы", "the file's task columns do not match the scale's tasks"),
    SCALE_DISAGREES("отметки большинства строк не совпадают со шкалой: вероятно, шкала не подходит к файлу; укажите верную шкалу --scales FILE", "most rows' marks disagree with the scale: the scale probably does not fit this file; pass the right one with --scales FILE");

    private final String messageRu;
    private final String messageEn;

    FileProblem(String messageRu, String messageEn) {
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
