package br.bankhistory.cnab.write;

import java.io.OutputStream;

/**
 * Writes a remessa to a stream as its items come: each {@link #add} writes the item's records at once, so
 * memory does not grow with the file; {@link #close} writes the lote and file trailers with their counts
 * and sums and closes the stream. A value that does not fit its field is a {@link CnabWriteException}
 * raised before any of the item's records is written: the file stays consistent and the caller may skip
 * the item. Not thread-safe: one writer per file.
 *
 * <pre>{@code
 * try (var remessa = RemessaWriter.cobranca240(out, header)) {
 *     titles.forEach(remessa::add);
 * }
 * }</pre>
 *
 * @param <T> {@link CobrancaTitle} or {@link Payment}
 */
public interface RemessaWriter<T> extends AutoCloseable {

    /** Writes the item's records (a title's P, Q and R; a payment's A and B). */
    void add(T item);

    /** Writes the trailers and flushes; the stream stays open. Called by {@link #close} when not called before. */
    void finish();

    /** Finishes the file and closes the stream. */
    @Override
    void close();

    /** Items written so far. */
    long itemCount();

    /** Records (lines) written so far. */
    long recordCount();

    /** A CNAB 240 cobrança remessa (P, Q, optional R/S/Y) in the bank's layout, CRLF. */
    static Cobranca240Writer cobranca240(OutputStream out, RemessaHeader header) {
        return new Cobranca240Writer(out, header, WriteOptions.defaults());
    }

    static Cobranca240Writer cobranca240(OutputStream out, RemessaHeader header, WriteOptions options) {
        return new Cobranca240Writer(out, header, options);
    }

    /** A CNAB 400 cobrança remessa (detail and the bank's complement records) in the bank's layout, CRLF. */
    static Cobranca400Writer cobranca400(OutputStream out, RemessaHeader header) {
        return new Cobranca400Writer(out, header, WriteOptions.defaults());
    }

    static Cobranca400Writer cobranca400(OutputStream out, RemessaHeader header, WriteOptions options) {
        return new Cobranca400Writer(out, header, options);
    }

    /** A CNAB 240 pagamento remessa: transfers (A+B) and boletos (J+J-52), one lote per kind, CRLF. */
    static Pagamento240Writer pagamento240(OutputStream out, RemessaHeader header) {
        return new Pagamento240Writer(out, header, WriteOptions.defaults());
    }

    static Pagamento240Writer pagamento240(OutputStream out, RemessaHeader header, WriteOptions options) {
        return new Pagamento240Writer(out, header, options);
    }
}
