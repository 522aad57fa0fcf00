package br.bankhistory.history.notify;

import java.io.IOException;
import java.util.Objects;

/**
 * The bytes of a file to attach, with their size known up front so the composer can decide whether to
 * attach them without reading them. The bytes are read only when the MIME message is written (lazily, e.g.
 * from S3), and read exactly as stored: never re-encoded.
 *
 * @param sizeBytes how many bytes {@link Reader#read()} returns
 * @param reader    reads the bytes; called at most once per message written
 */
public record FileBytes(long sizeBytes, Reader reader) {

    /** Reads the bytes of a file. */
    @FunctionalInterface
    public interface Reader {
        byte[] read() throws IOException;
    }

    public FileBytes {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
        Objects.requireNonNull(reader, "reader");
    }

    /** Bytes already in memory (kept as given, not copied). */
    public static FileBytes of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new FileBytes(bytes.length, () -> bytes);
    }

    /** Reads the bytes and checks that their size is the one announced. */
    public byte[] readAll() throws IOException {
        byte[] bytes = reader.read();
        if (bytes == null || bytes.length != sizeBytes) {
            throw new IOException("expected " + sizeBytes + " bytes, read " + (bytes == null ? "none" : bytes.length));
        }
        return bytes;
    }
}
