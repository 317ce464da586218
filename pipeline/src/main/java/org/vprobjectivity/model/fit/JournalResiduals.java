package org.vprobjectivity.model.fit;

/**
 * Journal marks against what the pupils' own VPR works predict ({@link JournalModel}): per pupil the residual
 * {@code e_i = J_i − E[J | work_i]} in marks, with its model variance {@code Var(J | work_i)}. A class's mean
 * residual r_c has sampling variance {@code s_c² = Σ Var_i / n_c²} and, between classes, the teachers' honest
 * leniency σ_L² (in marks²), estimated by the method of moments ({@code σ_L² = max(0, mean_c(r_c² − s_c²))} over
 * classes with at least 3 marks; DerSimonian &amp; Laird 1986) and refitted once without the classes whose
 * |z| exceeds {@value #OVERWHELMING} — the contaminated ones would otherwise widen the null. The class score is
 * {@code z_c = r_c / √(σ_L² + s_c²)}; a cell's is the precision-weighted mean over its classes,
 * {@code z = Σ w_c r_c / √(Σ w_c)}, {@code w_c = 1/(σ_L² + s_c²)}. z &gt; 0: journal marks above what the works
 * predict (inflated journal marks); z &lt; 0: VPR works above what the journal marks predict (inflated results).
 * The effect is the mean residual in marks.
 */
public final class JournalResiduals {

    static final double OVERWHELMING = 5.0;

    private JournalResiduals() {
    }

    /**
     * @param journal marks 2..5 per work, 0 for none
     * @return the statistic, and {@code leniency[0]} = σ_L (marks)
     */
    public static UnitStatistic compute(JournalModel model, int[] journal, ClassEffects ability, int[] classOf,
                                        int classes, int[] cellOfClass, int cells, double[] leniency) {
        double[] sum = new double[classes];
        double[] var = new double[classes];
        double[] n = new double[classes];
        double[] probs = new double[4];
        for (int i = 0; i < journal.length; i++) {
            if (journal[i] < 2) {
                continue;
            }
            model.markProbabilities(ability.abilityMean(i), ability.abilityVariance(i), probs);
            double mean = 0;
            double second = 0;
            for (int k = 0; k < 4; k++) {
                mean += probs[k] * (k + 2);
                second += probs[k] * (k + 2) * (k + 2);
            }
            int c = classOf[i];
            sum[c] += journal[i] - mean;
            var[c] += second - mean * mean;
            n[c]++;
        }
        double[] r = new double[classes];
        double[] s2 = new double[classes];
        for (int c = 0; c < classes; c++) {
            r[c] = n[c] > 0 ? sum[c] / n[c] : Double.NaN;
            s2[c] = n[c] > 0 ? var[c] / (n[c] * n[c]) : Double.NaN;
        }
        double lenient = moments(r, s2, n, Double.POSITIVE_INFINITY);
        lenient = moments(r, s2, n, lenient);
        leniency[0] = Math.sqrt(lenient);
        UnitStatistic out = UnitStatistic.empty(classes, cells);
        double[] wSum = new double[cells];
        double[] wr = new double[cells];
        double[] cellN = new double[cells];
        double[] cellSum = new double[cells];
        for (int c = 0; c < classes; c++) {
            out.classWorks()[c] = n[c];
            if (n[c] == 0) {
                continue;
            }
            double total = lenient + s2[c];
            out.classEffect()[c] = r[c];
            out.classZ()[c] = total > 0 ? r[c] / Math.sqrt(total) : Double.NaN;
            if (total > 0) {
                int cell = cellOfClass[c];
                wSum[cell] += 1 / total;
                wr[cell] += r[c] / total;
                cellN[cell] += n[c];
                cellSum[cell] += sum[c];
            }
        }
        for (int cell = 0; cell < cells; cell++) {
            out.cellWorks()[cell] = cellN[cell];
            if (wSum[cell] > 0) {
                out.cellEffect()[cell] = cellSum[cell] / cellN[cell];
                out.cellZ()[cell] = wr[cell] / Math.sqrt(wSum[cell]);
            }
        }
        return out;
    }

    /**
     * σ_L² by moments over classes with ≥ 3 marks, leaving out those whose z under {@code previous} exceeds
     * {@value #OVERWHELMING} (none on the first pass, {@code previous} = +∞).
     */
    private static double moments(double[] r, double[] s2, double[] n, double previous) {
        double acc = 0;
        int k = 0;
        for (int c = 0; c < r.length; c++) {
            if (n[c] < 3 || Double.isNaN(r[c])) {
                continue;
            }
            if (!Double.isInfinite(previous) && Math.abs(r[c]) / Math.sqrt(previous + s2[c]) > OVERWHELMING) {
                continue;
            }
            acc += r[c] * r[c] - s2[c];
            k++;
        }
        return k == 0 ? 0 : Math.max(0, acc / k);
    }
}
