/**
 * From indicators to signs of non-objectivity («признаки необъективности»; docs/flags.md, docs/design.md §7): each
 * {@link org.vprobjectivity.flags.Sign} reads one p-value, signs of one {@link org.vprobjectivity.flags.SignGroup}
 * are combined by Simes and the groups by the truncated Cauchy combination ({@link org.vprobjectivity.flags.CellScoring}), a
 * school's classes are scanned ({@link org.vprobjectivity.flags.ClassScan}), and one Benjamini–Hochberg over all
 * cells and both kinds decides ({@link org.vprobjectivity.flags.CellFlags},
 * {@link org.vprobjectivity.flags.FalseDiscovery}). Every flag carries its reasons in Russian or English
 * ({@link org.vprobjectivity.flags.CellReasons}, {@link org.vprobjectivity.flags.ReasonText}); schools are ranked
 * ({@link org.vprobjectivity.flags.SchoolFlags}) and set beside the official list
 * ({@link org.vprobjectivity.flags.OfficialList}, {@link org.vprobjectivity.flags.Comparison}).
 * The evaluation against a generated region's truth is in the generator module ({@code org.vprobjectivity.evaluation}).
 * Signs are for targeted help, never findings of a violation.
 */
package org.vprobjectivity.flags;
