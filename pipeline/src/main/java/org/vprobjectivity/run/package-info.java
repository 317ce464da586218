/**
 * The run, owned by the library (the command line only parses options into a {@link org.vprobjectivity.run.RunOptions}):
 * {@link org.vprobjectivity.run.PipelineRun} checks every option and side file, takes the output's lock and replaces the
 * output atomically with the stages' work, in the data's order — {@link org.vprobjectivity.run.IngestStage},
 * {@link org.vprobjectivity.run.IndicatorStage}, {@link org.vprobjectivity.run.FlagStage}, then the report — each a
 * thin sequence of library calls. Around them: the analysis configuration read and checked once
 * ({@link org.vprobjectivity.run.AnalysisConfig}), Spark's settings in one place ({@link org.vprobjectivity.run.SparkSettings}),
 * the earlier sessions an output holds ({@link org.vprobjectivity.run.EarlierSessions}), progress on stderr
 * ({@link org.vprobjectivity.run.Progress}), the closing summary ({@link org.vprobjectivity.run.Summary}) and the exit
 * codes ({@link org.vprobjectivity.run.ExitCodes}).
 */
package org.vprobjectivity.run;
