package br.bankhistory.cnab.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Where a writer's records go: latin-1 bytes, one record per line, the line end between them. */
final class RecordSink {

    private final OutputStream out;
    private final byte[] lineEnding;
    private final boolean endWithLineEnding;
    private long records;

    RecordSink(OutputStream out, WriteOptions options) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.lineEnding = options.lineEnding().getBytes(StandardCharsets.ISO_8859_1);
        this.endWithLineEnding = options.endWithLineEnding();
    }

    void write(List<byte[]> lines) {
        try {
            for (byte[] line : lines) {
                if (records > 0 && !endWithLineEnding) {
                    out.write(lineEnding);
                }
                out.write(line);
                if (endWithLineEnding) {
                    out.write(lineEnding);
                }
                records++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long records() {
        return records;
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
