package org.vprobjectivity.indicators;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Ranks of values as Spark's window functions order them, for the passes that compute per reference in plain Java what
 * windows computed before ({@link ReferenceCells}' percent ranks, {@link OfficialMarkers}' average ranks): ascending,
 * a null before every value and tied with the other nulls.
 *
 * @param min  per value, Spark's {@code rank()}: 1 + the number of values strictly before it
 * @param ties per value, how many values equal it (itself included)
 */
record Ranks(int[] min, int[] ties) {

    static <T extends Comparable<? super T>> Ranks of(T[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<T> ascending = Comparator.nullsFirst(Comparator.naturalOrder());
        Arrays.sort(order, (a, b) -> ascending.compare(values[a], values[b]));
        int[] min = new int[values.length];
        int[] ties = new int[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && Objects.equals(values[order[end + 1]], values[order[start]])) {
                end++;
            }
            for (int i = start; i <= end; i++) {
                min[order[i]] = start + 1;
                ties[order[i]] = end - start + 1;
            }
            start = end + 1;
        }
        return new Ranks(min, ties);
    }
}
