/**
 * The output's column vocabulary (issue 18): the grouping keys every stage joins and groups on ({@link
 * org.vprobjectivity.table.Keys}), the declared schema of every Parquet table a run writes ({@link
 * org.vprobjectivity.table.OutputTables}) and the check that an output agrees with them ({@link
 * org.vprobjectivity.table.SchemaCheck}). Indicators, flags, report and the tests read the names from here.
 */
package org.vprobjectivity.table;
