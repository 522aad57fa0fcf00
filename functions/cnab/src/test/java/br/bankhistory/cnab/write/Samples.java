package br.bankhistory.cnab.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test resources: the real sample files under {@code samples/}. */
final class Samples {

    private Samples() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
