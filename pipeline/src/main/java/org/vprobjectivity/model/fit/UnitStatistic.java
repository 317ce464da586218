package org.vprobjectivity.model.fit;

/**
 * One sign's values for every class and every cell of a reference: an effect a person reads (its unit given by the
 * sign), the number of works behind it, and a standard-normal score z under the fitted null before the reference's
 * own calibration ({@link EmpiricalNull}); NaN where the unit has nothing to test.
 */
public record UnitStatistic(double[] classEffect, double[] classWorks, double[] classZ,
                            double[] cellEffect, double[] cellWorks, double[] cellZ) {

    static UnitStatistic empty(int classes, int cells) {
        UnitStatistic s = new UnitStatistic(new double[classes], new double[classes], new double[classes],
                new double[cells], new double[cells], new double[cells]);
        java.util.Arrays.fill(s.classEffect, Double.NaN);
        java.util.Arrays.fill(s.classZ, Double.NaN);
        java.util.Arrays.fill(s.cellEffect, Double.NaN);
        java.util.Arrays.fill(s.cellZ, Double.NaN);
        return s;
    }
}
