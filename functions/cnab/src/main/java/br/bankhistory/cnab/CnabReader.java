package br.bankhistory.cnab;

import java.io.InputStream;

/**
 * Reads a CNAB file from a stream: classifies it, streams its items to a sink and returns the summary
 * with its findings. Thread-safe and reusable; layouts are compiled once.
 */
public interface CnabReader {

    /**
     * @throws CnabReadException only when the stream itself fails; irregular content becomes findings
     */
    FileSummary read(InputStream in, ItemSink sink, ReadOptions options);

    default FileSummary read(InputStream in) {
        return read(in, ItemSink.DISCARD, ReadOptions.defaults());
    }

    /** The engine's default reader, with every built-in layout. */
    static CnabReader standard() {
        return br.bankhistory.cnab.read.StandardCnabReader.INSTANCE;
    }
}
