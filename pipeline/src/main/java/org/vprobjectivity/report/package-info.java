/**
 * What people read: the district head's HTML report (one page for the region, a page per school, SVG charts, no
 * network needed; {@link org.vprobjectivity.report.HtmlReport}), the list of schools with signs as a workbook
 * ({@link org.vprobjectivity.report.FlaggedSchoolsXlsx}), the official list as municipalities receive it
 * ({@link org.vprobjectivity.report.OfficialListXlsx}) and the methodologists' workbooks per school and
 * municipality ({@link org.vprobjectivity.report.MethodologyWorkbooks}, written row by row straight into the package by
 * {@link org.vprobjectivity.report.XlsxTables}). Texts are Russian by default, English with
 * {@code --lang en} ({@link org.vprobjectivity.report.ReportText}); reasons are said in plain words
 * ({@link org.vprobjectivity.report.PlainReasons}). Over several sessions, a school's works session by session, the
 * objectivity index per municipality and the lists' overlap ({@link org.vprobjectivity.report.HistoryView},
 * {@link org.vprobjectivity.report.HistoryHtml}). The report reads the run's tables
 * ({@link org.vprobjectivity.report.ReportData}); it computes no statistic of its own.
 */
package org.vprobjectivity.report;
