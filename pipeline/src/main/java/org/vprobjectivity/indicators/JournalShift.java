package org.vprobjectivity.indicators;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.vprobjectivity.stats.RandomEffects;

import java.util.Arrays;
import java.util.List;

/**
 * How far a cell's mean difference VPR mark − journal mark ({@code mean_diff}) lies from its reference's, allowing
 * for the honest spread between cells (docs/design.md §1): a random-effects fit per reference ({@link RandomEffects},
 * DerSimonian &amp; Laird 1986) gives μ, τ² and the pooled within-cell variance; {@code shift_z = (d − μ)/sqrt(τ² +
 * σ²_w/n)}, {@code shift_up_p = 1 − Φ(z)} (VPR above the school's own marks: inflated VPR) and
 * {@code shift_down_p = Φ(z)} (VPR below them: inflated journal marks). Every changed mark moves the mean, where the
 * raised/lowered counts see only marks that cross from one side to the other, so the shift sees a journal mark raised
 * from 3 to 4 for a pupil whose VPR mark was 5. {@code shift_ref} = μ.
 */
public final class JournalShift {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private JournalShift() {
    }

    /**
     * The test as one of a reference's tests ({@link ReferenceTests}): adds {@code <prefix>_ref} (μ),
     * {@code <prefix>_z}, {@code <prefix>_up_p} and {@code <prefix>_down_p}.
     *
     * @param mean     the cell's mean of the per-pupil quantity
     * @param variance its sample variance within the cell
     * @param n        the number of pupils averaged
     */
    public static ReferenceTests.Test of(String mean, String variance, String n, String prefix) {
        return new Shift(mean, variance, n, prefix);
    }

    /** The random-effects fit over the cells with n &gt; 0, and each cell's z and one-sided p-values. */
    private record Shift(String mean, String variance, String n, String prefix) implements ReferenceTests.Test {

        @Override
        public String[] reads() {
            return new String[]{mean, variance, n};
        }

        @Override
        public String[] adds() {
            return new String[]{prefix + "_ref", prefix + "_z", prefix + "_up_p", prefix + "_down_p"};
        }

        @Override
        public Double[][] score(Number[][] cells) {
            List<Number[]> members = Arrays.stream(cells).filter(c -> c[2] != null && c[2].longValue() > 0).toList();
            Double[][] out = new Double[cells.length][4];
            if (members.isEmpty()) {
                return out;
            }
            RandomEffects.Fit f = RandomEffects.fit(
                    members.stream().mapToDouble(c -> ReferenceTests.orNaN(c[0])).toArray(),
                    members.stream().mapToDouble(c -> ReferenceTests.orNaN(c[1])).toArray(),
                    members.stream().mapToLong(c -> c[2].longValue()).toArray());
            boolean fitted = !Double.isNaN(f.mean()) && !Double.isNaN(f.tau2()) && !Double.isNaN(f.withinVariance());
            for (int i = 0; i < cells.length; i++) {
                out[i][0] = ReferenceTests.orNull(f.mean());
                Number d = cells[i][0];
                Number count = cells[i][2];
                if (!fitted || d == null || count == null) {
                    continue;
                }
                Double z = ReferenceTests.orNull(f.z(d.doubleValue(), count.longValue()));
                out[i][1] = z;
                out[i][2] = z == null ? null : 1 - NORMAL.cumulativeProbability(z);
                out[i][3] = z == null ? null : NORMAL.cumulativeProbability(z);
            }
            return out;
        }
    }
}
