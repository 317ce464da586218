package org.vprobjectivity.model.fit;

import java.util.Random;

/**
 * A reference drawn from the model itself, for recovery and calibration tests: classes of a given size, class
 * effects on θ with SD {@code tau}, a GPCM work with known parameters, and journal marks from an ordinal probit with
 * a class leniency (SD {@code leniency}, latent units). Each class is its own cell unless {@code classesPerCell} &gt; 1.
 */
final class SimulatedReference {

    final double[] a;
    final double[][] c;
    final int[] taskMax;
    final int[] cuts;
    final double tau;
    final double leniency;
    int[][] scores;
    int[] totals;
    int[] journal;
    int[] classOf;
    int[] cellOfClass;
    double[] theta;
    double[] classLeniency;
    final int classes;
    final int cells;

    SimulatedReference(long seed, int classes, int classSize, int classesPerCell, double tau, double leniency) {
        Random r = new Random(seed);
        this.classes = classes;
        this.cells = (classes + classesPerCell - 1) / classesPerCell;
        this.tau = tau;
        this.leniency = leniency;
        taskMax = new int[] {1, 1, 1, 1, 1, 1, 2, 1, 1, 2, 1, 2, 1, 2, 2};
        a = new double[taskMax.length];
        c = new double[taskMax.length][];
        int max = 0;
        for (int j = 0; j < taskMax.length; j++) {
            a[j] = 0.7 + 1.1 * r.nextDouble();
            c[j] = new double[taskMax[j] + 1];
            double b = -1.5 + 3.0 * j / taskMax.length;
            for (int k = 1; k <= taskMax[j]; k++) {
                double step = b + (k - 1.5) * 0.6 * (taskMax[j] - 1);
                c[j][k] = c[j][k - 1] - a[j] * step;
            }
            max += taskMax[j];
        }
        cuts = new int[] {max / 3, max / 2 + 1, (4 * max) / 5};
        int n = classes * classSize;
        scores = new int[n][];
        totals = new int[n];
        journal = new int[n];
        classOf = new int[n];
        theta = new double[n];
        cellOfClass = new int[classes];
        classLeniency = new double[classes];
        PartialCreditModel model = model();
        double[] lp = new double[3];
        double within = Math.sqrt(1 - tau * tau);
        int i = 0;
        for (int k = 0; k < classes; k++) {
            cellOfClass[k] = k / classesPerCell;
            double u = r.nextGaussian() * tau;
            classLeniency[k] = r.nextGaussian() * leniency;
            for (int p = 0; p < classSize; p++, i++) {
                classOf[i] = k;
                theta[i] = u + within * r.nextGaussian();
                scores[i] = new int[taskMax.length];
                for (int j = 0; j < taskMax.length; j++) {
                    model.logProbabilities(j, theta[i], lp);
                    double x = r.nextDouble();
                    int s = 0;
                    double acc = Math.exp(lp[0]);
                    while (x > acc && s < taskMax[j]) {
                        s++;
                        acc += Math.exp(lp[s]);
                    }
                    scores[i][j] = s;
                    totals[i] += s;
                }
                double seen = 1.2 * theta[i] + classLeniency[k] + r.nextGaussian();
                journal[i] = seen < -1.2 ? 2 : seen < 0.2 ? 3 : seen < 1.4 ? 4 : 5;
            }
        }
    }

    PartialCreditModel model() {
        return new PartialCreditModel(a, c);
    }

    ReferenceWorks works() {
        return new ReferenceWorks(scores, taskMax, totals, journal, classOf, classes, cellOfClass, cells, cuts);
    }
}
