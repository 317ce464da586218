package org.vprobjectivity.model.fit;

import java.io.Serializable;

/**
 * The model's signs for one class or cell (NaN = not computed): the fitted level of ability (class effect on θ,
 * in SDs of the region's pupils); journal marks against the works ({@link JournalResiduals}: mean residual in
 * marks, marks used, calibrated z, p for journal above / below); the conditional person fit ({@link PatternFit}:
 * mean z, works, p of misfit); works at the cuts ({@link CutBunching}: observed, expected, in the windows, p); and
 * identical vectors ({@link CopiedVectors}: pairs, expected pairs, works in groups, p); points added across tasks
 * ({@link AddedPoints}: mean z, works, p); tasks complete beyond ability ({@link KnownAnswers}: mean z, works, p). Every p is one-sided and calibrated on the reference.
 */
public record UnitSigns(double ability, double journalResidual, double journalMarks, double journalZ,
                        double journalAboveP, double journalBelowP, double patternFit, double patternWorks,
                        double patternP, double cutObserved, double cutExpected, double cutWindow, double cutP,
                        double copyPairs, double copyExpected, double copyWorks, double copyP,
                        double addedFit, double addedWorks, double addedP,
                        double knownFit, double knownWorks, double knownP) implements Serializable {
}
