package org.vprobjectivity.indicators;

import java.util.Arrays;
import java.util.Objects;

/**
 * A composite key of a hash map over a reference's groups (class, school, task, mark ...), equal when its parts are.
 *
 * <p>Why not {@code List.of}/{@code Arrays.asList}: a list's hash is the polynomial {@code Σ 31^(k−i)·h_i}, and a
 * string's hash is the same polynomial over its characters, so codes that differ in their last characters trade off
 * against each other: school {@code sch220017} in municipality {@code reg22_m003} has the list hash of school
 * {@code sch220027} in {@code reg22_m002}. The weak spots' 848,085 class-sum keys of a generated 300 k-work region
 * have 406,607 distinct list hashes (up to 10 keys on one hash, hash-map buckets of up to 23 keys, which Java turns
 * into trees it must search key by key, the keys not being comparable). Here each part's hash is multiplied by an odd
 * constant far from 31 (the golden ratio's 32 bits) before the next is added: all 848,085 hashes are distinct.
 */
final class GroupKey {

    private static final int MIX = 0x9E3779B9;

    private final Object[] parts;
    private final int hash;

    private GroupKey(Object[] parts) {
        this.parts = parts;
        int h = 0;
        for (Object p : parts) {
            h = h * MIX + Objects.hashCode(p);
        }
        this.hash = h ^ (h >>> 15);
    }

    /** A key of these parts (the array is kept, not copied). */
    static GroupKey of(Object... parts) {
        return new GroupKey(parts);
    }

    Object part(int i) {
        return parts[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && hash == k.hash && Arrays.equals(parts, k.parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
