package br.bankhistory.history.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real CNAB files copied into the test resources (see samples/PROVENANCE.md). */
public final class Samples {

    private Samples() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream("samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
