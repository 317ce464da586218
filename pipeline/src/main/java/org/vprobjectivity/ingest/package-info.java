/**
 * The first step of the data's way: FIS OKO exports in every shape they come in (regional xlsx exports, school
 * forms, Ф1 reports, CSV/TXT in cp1251 or UTF-8, zip archives with cp866 names) read into one record per
 * participant, with quarantine. The contract is docs/input-format.md, the decisions on top of it docs/input.md.
 * <ul>
 *   <li>{@link org.vprobjectivity.ingest.InputCatalog} lists the input units (files and archive entries);
 *       {@link org.vprobjectivity.ingest.FileIngestor} reads one unit end to end
 *       ({@link org.vprobjectivity.ingest.XlsxReader}: each sheet's XML streamed against the package's
 *       {@link org.vprobjectivity.ingest.XlsxWorkbook}; {@link org.vprobjectivity.ingest.DelimitedReader},
 *       {@link org.vprobjectivity.ingest.ZipEntries});</li>
 *   <li>{@link org.vprobjectivity.ingest.HeaderDetector} finds a table's header by the synonyms of
 *       {@link org.vprobjectivity.ingest.HeaderMapping}; {@link org.vprobjectivity.ingest.SheetInterpreter} turns
 *       its rows into {@link org.vprobjectivity.ingest.IngestRecord}s, each bad row into a reject with file, sheet,
 *       row, column and {@link org.vprobjectivity.ingest.RejectReason};</li>
 *   <li>{@link org.vprobjectivity.ingest.SparkIngest} reads the units on the executors (one task per unit) and
 *       {@link org.vprobjectivity.ingest.IngestTables} writes {@code results}, {@code task_scores},
 *       {@code participation} and {@code rejects}.</li>
 * </ul>
 * Rule throughout: a bad row costs that row, a bad file that file; nothing here throws for bad content.
 */
package org.vprobjectivity.ingest;
