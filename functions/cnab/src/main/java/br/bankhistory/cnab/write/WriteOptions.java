package br.bankhistory.cnab.write;

import br.bankhistory.cnab.layout.LayoutCatalog;

import java.util.Objects;

/**
 * How a remessa is framed: the line end (CRLF, what the banks ask for; LF for the few systems that want
 * it), whether the last record ends with one too, and the layouts to write with.
 */
public record WriteOptions(String lineEnding, boolean endWithLineEnding, LayoutCatalog layouts) {

    public WriteOptions {
        Objects.requireNonNull(lineEnding, "lineEnding");
        Objects.requireNonNull(layouts, "layouts");
        if (!lineEnding.equals("\r\n") && !lineEnding.equals("\n")) {
            throw new IllegalArgumentException("line ending must be CRLF or LF");
        }
    }

    /** CRLF after every record, the last one included; the engine's layouts. */
    public static WriteOptions defaults() {
        return new WriteOptions("\r\n", true, LayoutCatalog.standard());
    }

    public WriteOptions withLineEnding(String value) {
        return new WriteOptions(value, endWithLineEnding, layouts);
    }

    public WriteOptions withFinalLineEnding(boolean value) {
        return new WriteOptions(lineEnding, value, layouts);
    }
}
