package org.vprobjectivity.synthetic;

import java.util.Random;

/**
 * Independent random streams derived from the run's seed. Each school draws from its own streams, so
 * schools can be generated one at a time (and in any order) with the same result; and the simulation,
 * the manipulation, the bad rows and the cosmetic variation use separate streams, so switching
 * manipulation or bad rows on leaves the simulated pupils untouched (tests compare the two runs cell by cell).
 */
final class SeededRandom {

    /** Stream ids: one per purpose. */
    static final long PUPILS = 1;
    static final long MANIPULATION = 2;
    static final long BAD_ROWS = 3;
    static final long STYLE = 4;
    static final long PLAN = 5;
    static final long ITEMS = 6;
    static final long LAYOUT = 7;
    static final long LENIENCY = 8;
    static final long HISTORY = 9;

    private SeededRandom() {
    }

    static Random of(long seed, long stream, long... parts) {
        return new Random(mix(seed, stream, parts));
    }

    /** SplitMix64 over the parts: well-spread 64-bit seeds even for neighbouring indices. */
    static long mix(long seed, long stream, long... parts) {
        long h = splitMix(seed ^ 0x6A09E667F3BCC909L);
        h = splitMix(h ^ stream);
        for (long p : parts) {
            h = splitMix(h ^ p);
        }
        return h;
    }

    static long splitMix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A stable number for a text (subject codes), independent of String.hashCode's JVM contract. */
    static long textKey(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
