/**
 * What a run needs around the data's way: Spark's settings in one place ({@link org.vprobjectivity.run.SparkSettings}).
 * The run's stages still live in the {@code jobs} module; they move here as the one-pass engine takes over.
 */
package org.vprobjectivity.run;
