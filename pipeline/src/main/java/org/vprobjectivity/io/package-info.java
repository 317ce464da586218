/**
 * Where tables live: the output layout ({@link org.vprobjectivity.io.OutputLayout}), Parquet reading and writing
 * ({@link org.vprobjectivity.io.ParquetTables}), an output replaced atomically under a lock so that no failed or
 * concurrent run destroys an earlier one ({@link org.vprobjectivity.io.AtomicOutput},
 * {@link org.vprobjectivity.io.OutputLock}), the run's own record ({@link org.vprobjectivity.io.RunReport}), the
 * validated configuration file ({@link org.vprobjectivity.io.ConfigFile}), CSV that people open in Excel
 * ({@link org.vprobjectivity.io.CsvExport}) and the comparison of two outputs ({@link org.vprobjectivity.io.OutputComparison}).
 */
package org.vprobjectivity.io;
