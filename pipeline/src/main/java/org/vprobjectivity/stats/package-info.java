/**
 * The statistics behind the indicators and flags, as plain Java functions over numbers and arrays, each with its
 * formula and source in its comment and a hand-computed test: exact binomial, beta-binomial and Poisson tails with
 * mid-p ({@link org.vprobjectivity.stats.Binomial},
 * {@link org.vprobjectivity.stats.BetaBinomial}), random effects
 * ({@link org.vprobjectivity.stats.RandomEffects}, {@link org.vprobjectivity.stats.EmpiricalBayes}),
 * bunching at the mark cuts ({@link org.vprobjectivity.stats.Bunching}), person fit
 * ({@link org.vprobjectivity.stats.GuttmanErrors}), Spearman's correlation, weighted kappa, the
 * combination of p-values ({@link org.vprobjectivity.stats.Tails}) and Benjamini–Hochberg
 * ({@link org.vprobjectivity.stats.BenjaminiHochberg}). Nothing here knows Spark.
 */
package org.vprobjectivity.stats;
