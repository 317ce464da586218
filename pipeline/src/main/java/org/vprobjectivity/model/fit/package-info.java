/**
 * The null model of one reference (session × region × subject × grade), fitted from the reference's own pupils in
 * plain Java over compact arrays, and the signs derived from it (docs/model.md):
 * <ul>
 *   <li>{@link org.vprobjectivity.model.fit.PartialCreditModel}, fitted by
 *       {@link org.vprobjectivity.model.fit.PartialCreditFit}: task scores given ability θ (generalized partial
 *       credit model, Muraki 1992), per-task discrimination and steps, by marginal maximum likelihood (Bock &amp;
 *       Aitkin 1981) on a fixed grid;</li>
 *   <li>{@link org.vprobjectivity.model.fit.ClassEffects}: the class random effect on θ (its SD by marginal
 *       likelihood over classes) and every pupil's ability given the VPR work and the class;</li>
 *   <li>{@link org.vprobjectivity.model.fit.JournalModel}: the journal mark given ability (ordinal probit) and the
 *       between-class leniency variance;</li>
 *   <li>signs per class and cell: {@link org.vprobjectivity.model.fit.JournalResiduals},
 *       {@link org.vprobjectivity.model.fit.PatternFit}, {@link org.vprobjectivity.model.fit.CutBunching},
 *       {@link org.vprobjectivity.model.fit.CopiedVectors}, each calibrated on the reference itself
 *       ({@link org.vprobjectivity.model.fit.EmpiricalNull} or a region-typical factor);</li>
 *   <li>{@link org.vprobjectivity.model.fit.ReferenceSigns} runs them for one reference.</li>
 * </ul>
 * Spark only moves the works of one reference to one task ({@code indicators.ModelSigns}).
 */
package org.vprobjectivity.model.fit;
