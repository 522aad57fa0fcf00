package br.bankhistory.cnab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A read's summary plus the items the sink received, for tests. */
record ReadResult(FileSummary summary, List<Item> items) {

    static ReadResult ofSample(String path) {
        try (InputStream in = ReadResult.class.getResourceAsStream("/samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sampleBytes(String path) {
        try (InputStream in = ReadResult.class.getResourceAsStream("/samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReadResult of(byte[] bytes) {
        return of(new ByteArrayInputStream(bytes));
    }

    static ReadResult ofLatin1(String text) {
        return of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static ReadResult of(InputStream in) {
        List<Item> items = new ArrayList<>();
        FileSummary summary = CnabReader.standard().read(in, items::add, new ReadOptions(10_000));
        return new ReadResult(summary, items);
    }

    Classification classification() {
        return summary.classification();
    }

    List<String> findingCodes() {
        return summary.findings().stream().map(Finding::code).toList();
    }

    long count(String findingCode) {
        return summary.findings().stream().filter(f -> f.code().equals(findingCode)).count();
    }

    Finding first(String findingCode) {
        return summary.findings().stream().filter(f -> f.code().equals(findingCode)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + findingCode + " in " + findingCodes()));
    }
}
