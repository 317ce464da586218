package org.vprobjectivity.jobs;


import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's log4j2 configuration (the one a user's run reads) keeps Spark's routine warnings off the console: 109 lines
 * of «No Partition Defined for Window operation» buried the summary on the sample region. Warnings that mean
 * something (a lost task, a failed stage) still show.
 */
class ConsoleLogTest {

    private static Configuration jarConfiguration() throws Exception {
        URL url = ConsoleLogTest.class.getResource("/log4j2.properties");
        assertThat(url).as("jobs/src/main/resources/log4j2.properties on the classpath").isNotNull();
        LoggerContext context = new LoggerContext("console-log-test");
        Configuration config = new PropertiesConfigurationFactory().getConfiguration(context, ConfigurationSource.fromUri(url.toURI()));
        config.initialize();
        return config;
    }

    private static boolean warnShown(Configuration config, String logger) {
        return config.getLoggerConfig(logger).getLevel().intLevel() >= Level.WARN.intLevel();
    }

    @Test
    void routineSparkWarningsAreOffTheConsoleAndRealOnesStay() throws Exception {
        Configuration config = jarConfiguration();
        assertThat(warnShown(config, "org.apache.spark.sql.execution.window.WindowExec")).isFalse();
        assertThat(warnShown(config, "org.apache.spark.scheduler.DAGScheduler")).isFalse();
        assertThat(warnShown(config, "org.apache.spark.util.SparkStringUtils")).isFalse();
        assertThat(warnShown(config, "org.apache.poi.openxml4j.opc.ZipPackage")).isFalse();
        assertThat(warnShown(config, "org.apache.spark.scheduler.TaskSetManager")).isTrue();
        assertThat(warnShown(config, "org.vprobjectivity.jobs.PipelineRun")).isTrue();
    }
}
