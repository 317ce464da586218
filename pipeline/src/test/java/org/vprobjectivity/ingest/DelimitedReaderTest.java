package org.vprobjectivity.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DelimitedReaderTest {

    private static final String TEXT = "Код участника;Пол;Школа\n40001;ж;\"МБОУ \"\"СОШ; №1\"\"\"\n";

    @Test
    void utf8WithBom() {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        assertParsed(DelimitedReader.read(bytes, null));
    }

    @Test
    void utf8WithoutBom() {
        assertParsed(DelimitedReader.read(TEXT.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void windows1251IsDetected() {
        byte[] bytes = TEXT.getBytes(DelimitedReader.WINDOWS_1251);
        assertThat(DelimitedReader.detectEncoding(bytes)).isEqualTo(DelimitedReader.WINDOWS_1251);
        assertParsed(DelimitedReader.read(bytes, null));
    }

    @Test
    void forcedEncodingWins() {
        byte[] bytes = TEXT.getBytes(DelimitedReader.WINDOWS_1251);
        assertParsed(DelimitedReader.read(bytes, "windows-1251"));
        assertThat(DelimitedReader.read(bytes, "ISO-8859-1").rows().get(0).cell(0)).isNotEqualTo("Код участника");
    }

    @Test
    void tabAndCommaDelimiters() {
        assertParsed(DelimitedReader.read(TEXT.replace(';', '\t').replace("\t №1", "; №1").getBytes(StandardCharsets.UTF_8), null));
        String comma = "Код участника,Пол,Школа\r\n40001,ж,\"МБОУ \"\"СОШ; №1\"\"\"\r\n";
        assertParsed(DelimitedReader.read(comma.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void rowNumbersCountPhysicalLines() {
        String text = "a;b\n1;\"x\ny\"\n2;z\n";
        RawSheet sheet = DelimitedReader.read(text.getBytes(StandardCharsets.UTF_8), null);
        assertThat(sheet.rows()).extracting(RawRow::number).containsExactly(1, 2, 4);
        assertThat(sheet.rows().get(1).cell(1)).isEqualTo("x\ny");
    }

    private static void assertParsed(RawSheet sheet) {
        assertThat(sheet.rows()).hasSize(2);
        assertThat(sheet.rows().get(0).cells()).containsExactly("Код участника", "Пол", "Школа");
        assertThat(sheet.rows().get(1).cells()).containsExactly("40001", "ж", "МБОУ \"СОШ; №1\"");
        assertThat(sheet.rows().get(1).number()).isEqualTo(2);
    }
}
