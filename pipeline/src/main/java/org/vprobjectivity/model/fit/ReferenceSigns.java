package org.vprobjectivity.model.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the null model of one reference and derives every model sign for its classes and cells: the
 * {@link PartialCreditModel} on the reference's works, the {@link ClassEffects}, the {@link JournalModel}, then
 * {@link JournalResiduals}, {@link PatternFit}, {@link AddedPoints}, {@link KnownAnswers}, {@link CutBunching} and {@link CopiedVectors}, each calibrated on
 * the reference ({@link EmpiricalNull} for the z-scores, region-typical factors for the counts).
 *
 * <p><b>Contamination.</b> The item parameters and τ are fitted on all works: a manipulated class is a few dozen of
 * thousands and moves them little. The quantities a manipulated class would inflate most are fitted robustly: the
 * leniency variance, the cut and copy factors without the units whose evidence is overwhelming, the empirical nulls
 * by median and MAD.
 *
 * <p><b>Too small to fit.</b> Fewer than {@value #MIN_WORKS} works or {@value #MIN_CLASSES} classes: no model
 * signs, and the {@link Result#status} says why; the flags then use the existing signs. Fewer than
 * {@value #MIN_JOURNAL} journal marks: no journal signs.
 */
public final class ReferenceSigns {

    public static final int MIN_WORKS = 150;
    public static final int MIN_CLASSES = 10;
    public static final int MIN_JOURNAL = 100;
    /** Units with fewer works do not estimate an empirical null (their z are too discrete). */
    static final double NULL_MIN_WORKS = 5;

    /**
     * @param status      null when fitted, else the reason (English; the report translates by prefix)
     * @param tau         SD of the class effect on θ
     * @param leniencySd  SD of the class journal leniency, in marks
     */
    public record Result(String status, List<UnitSigns> classes, List<UnitSigns> cells, double tau, double leniencySd,
                         double[] cutFactors, double copyFactor, PartialCreditModel model) {
    }

    private ReferenceSigns() {
    }

    public static Result compute(ReferenceWorks w) {
        if (w.works() < MIN_WORKS || w.classes() < MIN_CLASSES) {
            return new Result(String.format(java.util.Locale.ROOT,
                    "too small to fit: %d works in %d classes (the model needs %d works and %d classes)",
                    w.works(), w.classes(), MIN_WORKS, MIN_CLASSES), List.of(), List.of(), Double.NaN, Double.NaN,
                    null, Double.NaN, null);
        }
        AbilityGrid grid = AbilityGrid.STANDARD;
        PartialCreditModel model = PartialCreditFit.fit(w.scores(), w.taskMax(), grid);
        double[][] logLik = model.logLikelihoods(w.scores(), grid);
        ClassEffects ability = ClassEffects.fit(logLik, w.classOf(), w.classes(), grid);

        UnitStatistic journal = UnitStatistic.empty(w.classes(), w.cells());
        double[] leniency = {Double.NaN};
        if (w.journalMarks() >= MIN_JOURNAL) {
            journal = journal(w, ability, leniency);
        }
        EmpiricalNull journalClass = EmpiricalNull.estimate(journal.classZ(), journal.classWorks(), NULL_MIN_WORKS, 0.8);
        EmpiricalNull journalCell = EmpiricalNull.estimate(journal.cellZ(), journal.cellWorks(), NULL_MIN_WORKS, 0.8);

        UnitStatistic pattern = PatternFit.aggregate(PatternFit.perWork(model, w.scores(), ability.abilityMeans()), w.classOf(),
                w.classes(), w.cellOfClass(), w.cells());
        EmpiricalNull patternClass = EmpiricalNull.estimate(pattern.classZ(), pattern.classWorks(), NULL_MIN_WORKS, 0.8);
        EmpiricalNull patternCell = EmpiricalNull.estimate(pattern.cellZ(), pattern.cellWorks(), NULL_MIN_WORKS, 0.8);

        double[] abilityDistribution = StatedAlternative.abilityDistribution(logLik, grid);
        UnitStatistic added = AddedPoints.units(model, grid, w.scores(), abilityDistribution, w.classOf(), w.classes(),
                w.cellOfClass(), w.cells());
        EmpiricalNull addedClass = EmpiricalNull.estimate(added.classZ(), added.classWorks(), NULL_MIN_WORKS, 0.8);
        EmpiricalNull addedCell = EmpiricalNull.estimate(added.cellZ(), added.cellWorks(), NULL_MIN_WORKS, 0.8);
        UnitStatistic known = KnownAnswers.units(model, grid, w.scores(), w.advanced(), abilityDistribution, w.classOf(),
                w.classes(), w.cellOfClass(), w.cells());
        EmpiricalNull knownClass = EmpiricalNull.estimate(known.classZ(), known.classWorks(), NULL_MIN_WORKS, 0.8);
        EmpiricalNull knownCell = EmpiricalNull.estimate(known.cellZ(), known.cellWorks(), NULL_MIN_WORKS, 0.8);

        CutBunching.Result cuts = CutBunching.compute(model, grid, ability, w.totals(), w.cuts(), w.classOf(),
                w.classes(), w.cellOfClass(), w.cells());
        UnitStatistic cut = cuts.statistic();
        EmpiricalNull cutClass = EmpiricalNull.estimate(cut.classZ(), cut.classWorks(), NULL_MIN_WORKS, 1.0);
        EmpiricalNull cutCell = EmpiricalNull.estimate(cut.cellZ(), cut.cellWorks(), NULL_MIN_WORKS, 1.0);

        CopiedVectors.Result copies = CopiedVectors.compute(model, grid, ability, w.scores(), w.classOf(), w.classes(),
                w.cellOfClass(), w.cells());

        double[] classWorks = new double[w.classes()];
        for (int c : w.classOf()) {
            classWorks[c]++;
        }
        double[] cellAbility = new double[w.cells()];
        double[] cellWorks = new double[w.cells()];
        double[] cellCopyWorks = new double[w.cells()];
        for (int c = 0; c < w.classes(); c++) {
            cellAbility[w.cellOfClass()[c]] += classWorks[c] * ability.classMean(c);
            cellWorks[w.cellOfClass()[c]] += classWorks[c];
            cellCopyWorks[w.cellOfClass()[c]] += copies.classWorksInGroups()[c];
        }
        List<UnitSigns> classes = new ArrayList<>();
        for (int c = 0; c < w.classes(); c++) {
            classes.add(new UnitSigns(ability.classMean(c),
                    journal.classEffect()[c], journal.classWorks()[c], journalClass.calibrate(journal.classZ()[c]),
                    journalClass.upperP(journal.classZ()[c]), journalClass.lowerP(journal.classZ()[c]),
                    pattern.classEffect()[c], pattern.classWorks()[c], patternClass.lowerP(pattern.classZ()[c]),
                    cuts.classObserved()[c], cuts.classExpected()[c], cut.classWorks()[c],
                    cutClass.upperP(cut.classZ()[c]),
                    copies.classPairs()[c], copies.classExpected()[c], copies.classWorksInGroups()[c],
                    copies.classP()[c],
                    added.classEffect()[c], added.classWorks()[c], addedClass.upperP(added.classZ()[c]),
                    known.classEffect()[c], known.classWorks()[c], knownClass.upperP(known.classZ()[c])));
        }
        List<UnitSigns> cells = new ArrayList<>();
        for (int k = 0; k < w.cells(); k++) {
            cells.add(new UnitSigns(cellWorks[k] > 0 ? cellAbility[k] / cellWorks[k] : Double.NaN,
                    journal.cellEffect()[k], journal.cellWorks()[k], journalCell.calibrate(journal.cellZ()[k]),
                    journalCell.upperP(journal.cellZ()[k]), journalCell.lowerP(journal.cellZ()[k]),
                    pattern.cellEffect()[k], pattern.cellWorks()[k], patternCell.lowerP(pattern.cellZ()[k]),
                    cuts.cellObserved()[k], cuts.cellExpected()[k], cut.cellWorks()[k],
                    cutCell.upperP(cut.cellZ()[k]),
                    copies.cellPairs()[k], copies.cellExpected()[k], cellCopyWorks[k], copies.cellP()[k],
                    added.cellEffect()[k], added.cellWorks()[k], addedCell.upperP(added.cellZ()[k]),
                    known.cellEffect()[k], known.cellWorks()[k], knownCell.upperP(known.cellZ()[k])));
        }
        return new Result(null, classes, cells, ability.tau(), leniency[0], cuts.factors(), copies.factor(), model);
    }

    private static UnitStatistic journal(ReferenceWorks w, ClassEffects ability, double[] leniency) {
        int n = w.journalMarks();
        int[] marks = new int[n];
        double[] mean = new double[n];
        double[] variance = new double[n];
        int k = 0;
        for (int i = 0; i < w.works(); i++) {
            if (w.journal()[i] >= 2) {
                marks[k] = w.journal()[i];
                mean[k] = ability.abilityMean(i);
                variance[k] = ability.abilityVariance(i);
                k++;
            }
        }
        JournalModel model = JournalModel.fit(marks, mean, variance);
        return JournalResiduals.compute(model, w.journal(), ability, w.classOf(), w.classes(), w.cellOfClass(),
                w.cells(), leniency);
    }
}
