package org.vprobjectivity.ingest;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads .zip archives entry by entry with each entry's name decoded from its own bytes. Windows'
 * built-in archiver and older tools write names in the OEM code page (cp866 for Russian) without the
 * UTF-8 flag; Linux and macOS tools write UTF-8, often without the flag too. Decoding every name as
 * UTF-8 (what java.util.zip does) aborts on the first cp866 name and takes the good entries after it
 * down with it, so the name is decoded here and an undecodable one is reported for that entry alone.
 */
public final class ZipEntries {

    /** The OEM code page of Russian Windows, in which its archivers store names. */
    public static final Charset CP866 = Charset.forName("IBM866");

    private ZipEntries() {
    }

    /** Streams an archive; names are decoded by {@link #name}, not by the stream. */
    public static ZipArchiveInputStream open(InputStream in) {
        // Unicode extra fields (Info-ZIP 0x7075) name the entry in UTF-8 whatever the raw name; stored
        // entries with a data descriptor (some Windows tools) are read rather than refused.
        return new ZipArchiveInputStream(in, StandardCharsets.UTF_8.name(), true, true);
    }

    /**
     * The entry's name: from a Unicode extra field if present; UTF-8 when the entry's UTF-8 flag is set;
     * otherwise UTF-8 when the bytes are valid UTF-8 (a non-ASCII cp866 name almost never is), else cp866.
     * Empty when the bytes cannot be decoded in the encoding the entry declares.
     */
    public static Optional<String> name(ZipArchiveEntry entry) {
        if (entry.getNameSource() == ZipArchiveEntry.NameSource.UNICODE_EXTRA_FIELD) {
            return Optional.of(entry.getName());
        }
        byte[] raw = entry.getRawName();
        if (raw == null) {
            return Optional.of(entry.getName());
        }
        Optional<String> utf8 = strict(raw, StandardCharsets.UTF_8);
        if (entry.getGeneralPurposeBit().usesUTF8ForNames() || utf8.isPresent()) {
            return utf8;
        }
        return strict(raw, CP866);
    }

    /** The name for reports when it cannot be decoded: undecodable bytes shown as U+FFFD. */
    public static String lenientName(ZipArchiveEntry entry) {
        byte[] raw = entry.getRawName();
        return raw == null ? entry.getName() : new String(raw, StandardCharsets.UTF_8);
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Reads the bytes of the entry named {@code name} (as {@link #name} decodes it); empty if there is none. */
    public static Optional<byte[]> read(InputStream in, String name) throws IOException {
        try (ZipArchiveInputStream zip = open(in)) {
            for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory() && name(e).filter(name::equals).isPresent()) {
                    return Optional.of(zip.readAllBytes());
                }
            }
        }
        return Optional.empty();
    }
}
