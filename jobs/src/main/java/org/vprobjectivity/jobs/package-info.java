/**
 * The command line ({@link org.vprobjectivity.jobs.Main}, picocli): {@code run}, {@code ingest}, {@code report},
 * {@code compare}, {@code evaluate}, {@code generate}, {@code scales} and {@code recheck}. A command parses its
 * options, creates the one SparkSession ({@link org.vprobjectivity.jobs.SparkSessions}) and calls the library; the
 * run's stages ({@link org.vprobjectivity.jobs.IngestStage}, {@link org.vprobjectivity.jobs.IndicatorStage},
 * {@link org.vprobjectivity.jobs.FlagStage}) are thin sequences of library calls. Exit codes are in
 * {@link org.vprobjectivity.jobs.ExitCodes}.
 */
package org.vprobjectivity.jobs;
