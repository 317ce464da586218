package org.vprobjectivity.indicators;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GroupKeyTest {

    @Test
    void equalPartsMakeEqualKeysNullsIncluded() {
        GroupKey a = GroupKey.of("2025-spring", "22", 4, null, "sch220017", "А");
        GroupKey b = GroupKey.of("2025-spring", "22", 4, null, "sch220017", "А");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(GroupKey.of("2025-spring", "22", 4, null, "sch220017", "Б"));
        assertThat(a).isNotEqualTo(GroupKey.of("2025-spring", "22", 4, "", "sch220017", "А"));
        assertThat(a.part(4)).isEqualTo("sch220017");
    }

    @Test
    void neighbouringCodesDoNotCancelAsInAListsHash() {
        // A municipality one lower and a school ten higher: the same List.hashCode (31·Δmunicipality + Δschool = 0).
        List<Object> one = Arrays.asList("reg22_m003", "sch220017");
        List<Object> other = Arrays.asList("reg22_m002", "sch220027");
        assertThat(one.hashCode()).as("the weakness GroupKey avoids").isEqualTo(other.hashCode());
        assertThat(GroupKey.of(one.toArray()).hashCode()).isNotEqualTo(GroupKey.of(other.toArray()).hashCode());
    }

    @Test
    void aRegionsClassSumKeysHaveDistinctHashes() {
        // The shape of the weak spots' keys: municipality, school, class, VPR mark and task, codes numbered in a row.
        Set<Integer> listHashes = new HashSet<>();
        Set<Integer> keyHashes = new HashSet<>();
        int keys = 0;
        for (int m = 1; m <= 20; m++) {
            for (int s = 0; s < 15; s++) {
                for (String c : List.of("А", "Б", "В")) {
                    for (int mark = 2; mark <= 5; mark++) {
                        for (int task = 0; task < 15; task++) {
                            Object[] parts = {"2025-spring", "22", "MA", 4, task, mark, String.format("reg22_m%03d", m),
                                    String.format("sch22%02d%02d", m, s), c, null, null, "MA-4-2023"};
                            listHashes.add(Arrays.asList(parts).hashCode());
                            keyHashes.add(GroupKey.of(parts).hashCode());
                            keys++;
                        }
                    }
                }
            }
        }
        assertThat(listHashes.size()).as("List.hashCode collides on such keys").isLessThan(keys / 2);
        assertThat(keyHashes).hasSize(keys);
    }
}
