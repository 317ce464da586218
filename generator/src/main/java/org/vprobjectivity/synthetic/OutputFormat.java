package org.vprobjectivity.synthetic;

/**
 * The file shapes the simulator writes. Each municipality's schools go to exactly one of them, so a work
 * never appears in two files and every shape the ingest accepts gets exercised by the same region.
 */
public enum OutputFormat {
    /** Whole-region participant export: one xlsx per subject and grade, every cell a string. */
    REGIONAL_XLSX,
    /** The same layout as {@link #REGIONAL_XLSX}, saved as a {@code ;}-separated Windows-1251 CSV. */
    REGIONAL_CSV_CP1251,
    /** School result forms («Классы» and «Протокол» sheets): one xlsx per school, subject and grade. */
    SCHOOL_FORMS_XLSX,
    /** «Ф1 Индивидуальные результаты»: header block, group row per school; one xlsx per municipality, subject, grade. */
    F1_REPORT_XLSX,
    /** The project's own UTF-8 (with BOM) CSV with English headers: one per subject and grade. */
    CANONICAL_CSV
}
