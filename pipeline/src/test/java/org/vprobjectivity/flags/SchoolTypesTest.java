package org.vprobjectivity.flags;

import org.vprobjectivity.ingest.SideFileProblem;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.vprobjectivity.SparkTestSession;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolTypesTest {

    @Test
    void readsTypesSkipsTheHeaderAndListsBadLines() {
        SchoolTypes types = SchoolTypes.parse(List.of(
                "Логин;Тип",
                "sch220013;гимназия",
                "sch220014;СОШ с углублённым изучением математики",
                "sch220015;",
                "sch220013;лицей"));
        assertThat(types.types()).containsExactly(Map.entry("sch220013", "гимназия"),
                Map.entry("sch220014", "СОШ с углублённым изучением математики"));
        assertThat(types.problems()).extracting(SideFileProblem::line).containsExactly(4, 5);
        assertThat(types.problems().get(1).messageRu()).contains("гимназия");
        // one delimiter per file, detected as for every side file (DelimitedReader): tab here, quotes as RFC 4180
        assertThat(SchoolTypes.parse(List.of("sch1\tлицей", "sch2\t\"школа-интернат; кадетская\"")).types())
                .containsExactly(Map.entry("sch1", "лицей"), Map.entry("sch2", "школа-интернат; кадетская"));
    }

    /** A type from the file wins over the one read from the name; a school not in the file keeps its name's. */
    @Test
    void givenTypesWinOverTheName() {
        var spark = SparkTestSession.get();
        var given = SchoolTypes.parse(List.of("s1;школа-интернат")).toDataset(spark);
        FlagTables t = new FlagTables()
                .cell("s1", "MA", 4, "m1", false, 0.3).cell("s2", "MA", 4, "m1", false, 0.3)
                .official("s1", "MA", 4, "МБОУ «Лицей № 1»", "m1", 0, true)
                .official("s2", "MA", 4, "МБОУ «Гимназия № 2»", "m1", 0, true);
        var flags = t.cells(spark);
        var official = t.official(spark);
        Map<String, String> type = SchoolFlags.compute(flags, official, given, new FlagConfig(), "ru").collectAsList()
                .stream().collect(Collectors.toMap(r -> r.<String>getAs("school_id"), (Row r) -> r.<String>getAs("school_type")));
        assertThat(type).containsEntry("s1", "школа-интернат").containsEntry("s2", "гимназия");
    }
}
