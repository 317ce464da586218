/**
 * The command line ({@link org.vprobjectivity.jobs.Main}, picocli): {@code run}, {@code ingest}, {@code report},
 * {@code compare}, {@code evaluate}, {@code generate}, {@code scales} and {@code recheck}. A command parses its
 * options into the library's records ({@link org.vprobjectivity.jobs.InputArgs} gives a
 * {@link org.vprobjectivity.run.RunOptions}), creates the one SparkSession ({@link org.vprobjectivity.jobs.SparkSessions})
 * and calls the library: the run itself, its stages, progress, summary and exit codes are in
 * {@link org.vprobjectivity.run}.
 */
package org.vprobjectivity.jobs;
