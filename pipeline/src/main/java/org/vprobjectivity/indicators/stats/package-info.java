/**
 * The statistics behind the indicators and flags, as plain Java functions over numbers and arrays, each with its
 * formula and source in its comment and a hand-computed test: exact binomial, beta-binomial and Poisson tails with
 * mid-p ({@link org.vprobjectivity.indicators.stats.Binomial},
 * {@link org.vprobjectivity.indicators.stats.BetaBinomial}), random effects
 * ({@link org.vprobjectivity.indicators.stats.RandomEffects}, {@link org.vprobjectivity.indicators.stats.EmpiricalBayes}),
 * bunching at the mark cuts ({@link org.vprobjectivity.indicators.stats.Bunching}), person fit
 * ({@link org.vprobjectivity.indicators.stats.GuttmanErrors}), Spearman's correlation, weighted kappa, the
 * combination of p-values ({@link org.vprobjectivity.indicators.stats.Tails}) and Benjamini–Hochberg
 * ({@link org.vprobjectivity.indicators.stats.BenjaminiHochberg}). Nothing here knows Spark.
 */
package org.vprobjectivity.indicators.stats;
