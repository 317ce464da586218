package org.vprobjectivity.ingest;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archives as Windows, Linux and broken tools write them: real .zip files whose entry names are cp866
 * without the UTF-8 flag, UTF-8 without the flag, or flagged UTF-8 with bytes that are not UTF-8.
 */
class ZipInputTest {

    /** Subject, grade and year come from the entry's own name, so a garbled name loses the file. */
    static final String CP866_NAME = "Проведение работы по математике, 4 класс. ВПР 2021.csv";
    static final String CSV = "Логин ОО;Код;Вариант;1;2;3К1\nsch220001;40001;1;1;1;1\nsch220001;40002;2;0;1;0\n";

    @TempDir
    Path dir;

    @Test
    void windowsCp866NamesAreDecodedAndAnUndecodableNameIsReportedAloneWithTheRestRead() throws Exception {
        Files.writeString(dir.resolve("ВПР 2021 Математика 4 класс plain.csv"), CSV.replace("sch220001", "sch220002"));
        // Windows' archiver: cp866 names, no UTF-8 flag (java.util.zip writes exactly that for a non-UTF-8 charset).
        writeZip(dir.resolve("windows.zip"), Charset.forName("IBM866"), Map.of(CP866_NAME, CSV.replace("sch220001", "sch220003")));
        // Linux zip: UTF-8 bytes, no flag, no Unicode extra field.
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(dir.resolve("linux.zip").toFile())) {
            zip.setEncoding("UTF-8");
            zip.setUseLanguageEncodingFlag(false);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zip.putArchiveEntry(new ZipArchiveEntry("Математика 4 класс ВПР 2021.csv"));
            zip.write(CSV.replace("sch220001", "sch220004").getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        // A flagged UTF-8 archive whose first entry's name bytes are not UTF-8 (a broken tool): that entry is
        // reported, the good entry after it is read.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (String[] e : new String[][]{{"QQQQ MA4 2021.csv", "sch220005"}, {"good MA4 2021.csv", "sch220006"}}) {
                zip.putNextEntry(new ZipEntry(e[0]));
                zip.write(CSV.replace("sch220001", e[1]).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.write(dir.resolve("broken-name.zip"), replaceAll(bytes.toByteArray(), "QQQQ".getBytes(StandardCharsets.US_ASCII),
                new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28}));

        List<InputUnit> units = InputCatalog.list(List.of(dir.toString()), new Configuration());
        assertThat(units).extracting(InputUnit::fileName).contains(CP866_NAME, "Математика 4 класс ВПР 2021.csv", "good MA4 2021.csv");

        FileIngestor ingestor = new FileIngestor(HeaderMapping.bundled(), FileIngestorTest.SCALES, IngestOptions.NONE);
        List<IngestRecord> records = new ArrayList<>();
        List<TableReport> reports = new ArrayList<>();
        for (InputUnit u : units) {
            FileIngestor.Result r = ingestor.ingest(u);
            records.addAll(r.records());
            reports.addAll(r.reports());
        }
        assertThat(reports).filteredOn(t -> !t.ok()).singleElement().satisfies(t -> {
            assertThat(t.problem()).isEqualTo(FileProblem.ENTRY_NAME_UNREADABLE);
            assertThat(t.sourceFile()).contains("broken-name.zip!/");
            assertThat(t.detail()).contains("entry 1");
        });
        assertThat(records).allSatisfy(r -> assertThat(r.type).isEqualTo(IngestRecord.Type.WORK));
        assertThat(records).extracting(r -> r.schoolId)
                .containsExactlyInAnyOrder("sch220002", "sch220002", "sch220003", "sch220003", "sch220004", "sch220004",
                        "sch220006", "sch220006");
        assertThat(records).filteredOn(r -> r.schoolId.equals("sch220003"))
                .allSatisfy(r -> assertThat(r.sourceFile).endsWith("windows.zip!/" + CP866_NAME));
    }

    @Test
    void aDamagedArchiveKeepsTheEntriesBeforeTheDamageAndIsReported() throws Exception {
        Path zip = writeZip(dir.resolve("cut.zip"), StandardCharsets.UTF_8,
                Map.of("a MA4 2021.csv", CSV, "b MA4 2021.csv", CSV.replace("sch220001", "sch220002")));
        byte[] all = Files.readAllBytes(zip);
        // Cut inside the second entry's data: the first entry is intact, the second and the directory are lost.
        int second = indexOf(all, "PK\u0003\u0004".getBytes(StandardCharsets.US_ASCII), 4);
        Files.write(zip, java.util.Arrays.copyOf(all, second + 40));
        List<InputUnit> units = InputCatalog.list(List.of(zip.toString()), new Configuration());
        assertThat(units).anySatisfy(u -> assertThat(u.problem()).isNull());
        assertThat(units).filteredOn(u -> u.problem() != null).isNotEmpty()
                .allSatisfy(u -> assertThat(u.detail()).doesNotContain("Exception"));
        FileIngestor ingestor = new FileIngestor(HeaderMapping.bundled(), FileIngestorTest.SCALES, IngestOptions.NONE);
        assertThat(units.stream().flatMap(u -> ingestor.ingest(u).reports().stream()))
                .anySatisfy(t -> assertThat(t.ok()).isTrue())
                .anySatisfy(t -> assertThat(t.problem()).isEqualTo(FileProblem.UNREADABLE));
    }

    private static Path writeZip(Path file, Charset names, Map<String, String> entries) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out, names)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static byte[] replaceAll(byte[] data, byte[] what, byte[] with) {
        byte[] out = data.clone();
        for (int i = indexOf(out, what, 0); i >= 0; i = indexOf(out, what, i + 1)) {
            System.arraycopy(with, 0, out, i, with.length);
        }
        return out;
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
