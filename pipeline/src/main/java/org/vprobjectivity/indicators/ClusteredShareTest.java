package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.vprobjectivity.stats.BetaBinomial;
import org.vprobjectivity.stats.EmpiricalBayes;

import java.util.ArrayList;
import java.util.List;

/**
 * One-sided tests of a share (raised marks, quality, absent pupils ...) in each cell against the
 * reference, honest about clustering: pupils of a class share a teacher, so counts vary between cells
 * more than a binomial allows. The between-cell distribution of the share is fitted as a beta-binomial
 * by the method of moments over all cells of the same work (Williams 1982; Kleinman 1973), and a cell's
 * p-value is its beta-binomial upper tail P(K ≥ k | n, α, β) (Skellam 1948), as a mid-p. Where the cells show no
 * overdispersion the fit is the binomial limit. The tail is taken as a mid-p ({@link #midP}). The empirical-Bayes shrunk share (k + α)/(n + α + β)
 * is the posterior mean under the same fit (Efron &amp; Morris 1975): a class of 6 with five "5" moves
 * toward the reference more than a class of 30 with twenty-five.
 */
public final class ClusteredShareTest {

    private ClusteredShareTest() {
    }

    /**
     * Lancaster's mid-p, P(K &gt; k) + ½·P(K = k): with counts of a few dozen the exact tail is markedly
     * conservative (on clean simulated regions 1.5–4% of cells under 0.05); the mid-p brings the null
     * rate to the nominal level (Lancaster 1961; Agresti 2013, §1.4.5).
     */
    static double midP(int k, int n, double alpha, double beta) {
        return BetaBinomial.upperTail(k, n, alpha, beta) - 0.5 * BetaBinomial.pmf(k, n, alpha, beta);
    }

    /**
     * Adds {@code <name>_ref} (the reference share Σk/Σn over the work's cells), {@code <name>_rho}
     * (intraclass correlation of the fit), {@code <name>_p} (one-sided upper-tail p-value) and
     * {@code <name>_shrunk} to each cell.
     *
     * @param cells one row per cell with the count column {@code k} and trials column {@code n} (longs)
     * @param work  the reference keys (e.g. session, region, subject, grade)
     */
    public static Dataset<Row> upperTail(Dataset<Row> cells, String[] work, String k, String n, String name) {
        return ReferenceTests.apply(cells, work, List.of(of(k, n, name)));
    }

    /** The test as one of a reference's tests ({@link ReferenceTests}), with the columns {@link #upperTail} adds. */
    public static ReferenceTests.Test of(String k, String n, String name) {
        return new Share(k, n, name);
    }

    /** The fit over the cells with n &gt; 0 (the others carry no information) and each cell's tail and shrunk share. */
    private record Share(String k, String n, String name) implements ReferenceTests.Test {

        @Override
        public String[] reads() {
            return new String[]{k, n};
        }

        @Override
        public String[] adds() {
            return new String[]{name + "_ref", name + "_rho", name + "_p", name + "_shrunk"};
        }

        @Override
        public Double[][] score(Number[][] cells) {
            List<int[]> informative = new ArrayList<>();
            for (Number[] c : cells) {
                if (c[0] != null && c[1] != null && c[1].longValue() > 0) {
                    informative.add(new int[]{c[0].intValue(), c[1].intValue()});
                }
            }
            Double[][] out = new Double[cells.length][4];
            if (informative.isEmpty()) {
                return out;
            }
            BetaBinomial.Fit f = BetaBinomial.fitMoments(informative.stream().mapToInt(c -> c[0]).toArray(),
                    informative.stream().mapToInt(c -> c[1]).toArray());
            // The share people read ("по региону 7%") is the pooled one, Σk/Σn, whatever weighting the fit uses.
            double pooled = (double) informative.stream().mapToLong(c -> c[0]).sum()
                    / informative.stream().mapToLong(c -> c[1]).sum();
            boolean fitted = !Double.isNaN(f.alpha()) && !Double.isNaN(f.beta());
            for (int i = 0; i < cells.length; i++) {
                Number k = cells[i][0];
                Number n = cells[i][1];
                out[i][0] = pooled;
                out[i][1] = f.rho();
                out[i][2] = !fitted || k == null || n == null || n.longValue() == 0 ? null
                        : midP(k.intValue(), n.intValue(), f.alpha(), f.beta());
                out[i][3] = !fitted || k == null || n == null ? null
                        : EmpiricalBayes.shrunkShare(k.longValue(), n.longValue(), f.alpha(), f.beta());
            }
            return out;
        }
    }
}
