package org.vprobjectivity.model.fit;

import java.io.Serializable;

/**
 * The quadrature grid the ability θ is integrated over: equally spaced nodes on [−5, 5] with the standard normal
 * prior's weights, normalised to sum to one (a rectangle rule; Bock &amp; Aitkin 1981 use such fixed points). The
 * spacing 0.25 is fine enough for a class-conditional prior with SD 0.9.
 */
public final class AbilityGrid implements Serializable {

    public static final AbilityGrid STANDARD = new AbilityGrid(-5, 5, 41);

    private final double[] nodes;
    private final double[] prior;

    public AbilityGrid(double from, double to, int count) {
        nodes = new double[count];
        prior = new double[count];
        double sum = 0;
        for (int q = 0; q < count; q++) {
            nodes[q] = from + (to - from) * q / (count - 1);
            prior[q] = Math.exp(-0.5 * nodes[q] * nodes[q]);
            sum += prior[q];
        }
        for (int q = 0; q < count; q++) {
            prior[q] /= sum;
        }
    }

    public int size() {
        return nodes.length;
    }

    public double node(int q) {
        return nodes[q];
    }

    public double prior(int q) {
        return prior[q];
    }

    /** Normal weights N(mean, sd²) on the nodes, normalised to one. */
    public double[] normalWeights(double mean, double sd) {
        double[] w = new double[nodes.length];
        double sum = 0;
        for (int q = 0; q < nodes.length; q++) {
            double z = (nodes[q] - mean) / sd;
            w[q] = Math.exp(-0.5 * z * z);
            sum += w[q];
        }
        for (int q = 0; q < nodes.length; q++) {
            w[q] /= sum;
        }
        return w;
    }
}
