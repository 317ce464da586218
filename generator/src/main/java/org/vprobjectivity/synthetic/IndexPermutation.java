package org.vprobjectivity.synthetic;

/**
 * A seeded bijection of 0..n-1 computable for one index at a time (a small Feistel network with cycle
 * walking). Schools whose image lies below a threshold are selected: exactly round(share·n) of them,
 * scattered without pattern, and without holding a list of n schools.
 */
final class IndexPermutation {

    private final long n;
    private final int halfBits;
    private final long mask;
    private final long[] keys = new long[4];

    IndexPermutation(long n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive");
        }
        this.n = n;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        if (bits % 2 == 1) {
            bits++;
        }
        this.halfBits = bits / 2;
        this.mask = (1L << halfBits) - 1;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = SeededRandom.mix(seed, SeededRandom.LAYOUT, i);
        }
    }

    long apply(long index) {
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException(index);
        }
        long x = index;
        do {
            x = feistel(x);
        } while (x >= n); // cycle walking: stays a bijection on 0..n-1
        return x;
    }

    private long feistel(long x) {
        long left = x >>> halfBits;
        long right = x & mask;
        for (long key : keys) {
            long next = left ^ (SeededRandom.splitMix(right ^ key) & mask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
