/**
 * Indicators per cell (school, class, teacher × subject × grade × session) against the reference they belong to
 * (session × region × subject × grade); the design is docs/design.md, every column with its formula and source in
 * docs/indicators-schema.md.
 * <ul>
 *   <li>{@link org.vprobjectivity.indicators.OfficialMarkers} and {@link org.vprobjectivity.indicators.CohortMarker}:
 *       the official FIOKO markers 1–3, reproduced exactly;</li>
 *   <li>{@link org.vprobjectivity.indicators.CellIndicators} joins the families: journal marks
 *       ({@link org.vprobjectivity.indicators.JournalComparison}), high results
 *       ({@link org.vprobjectivity.indicators.HighResults}), participation
 *       ({@link org.vprobjectivity.indicators.ParticipationIndicator}), task patterns
 *       ({@link org.vprobjectivity.indicators.TaskPatterns}) and the score distribution
 *       ({@link org.vprobjectivity.indicators.Distribution}), each family a Spark function of one level;
 *       {@link org.vprobjectivity.indicators.ReferenceCells}, which the run uses, computes the same cells of every
 *       level in one pass per reference, in plain Java over the reference's rows (the families' classes document the
 *       figures; ReferenceCellsTest holds the two equal);</li>
 *   <li>{@link org.vprobjectivity.indicators.ModelSigns} runs the pupil model of {@link org.vprobjectivity.model.fit}
 *       once per reference;</li>
 *   <li>{@link org.vprobjectivity.indicators.WeakSpots} (for methodologists, not a flag) and
 *       {@link org.vprobjectivity.indicators.RegionFigures} (what the region as a whole shows).</li>
 * </ul>
 * The statistics themselves are plain Java in {@link org.vprobjectivity.stats}; Spark groups and moves.
 */
package org.vprobjectivity.indicators;
