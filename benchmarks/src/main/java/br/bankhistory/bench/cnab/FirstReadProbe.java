package br.bankhistory.bench.cnab;

import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.FileSummary;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * The engine's part of a cold start: in a fresh JVM, the first read of a small retorno (class loading, the
 * layouts, occurrence tables and bank descriptions it needs) and a second read of the same bytes, in
 * milliseconds, as one line. Run it once per JVM (command and figures: docs/benchmarks.md, "Lambda init").
 */
public final class FirstReadProbe {

    private FirstReadProbe() {
    }

    public static void main(String[] args) throws Exception {
        byte[] file;
        try (InputStream in = FirstReadProbe.class.getResourceAsStream("/bench/caixa.ret")) {
            file = in.readAllBytes();
        }
        long start = System.nanoTime();
        FileSummary first = CnabReader.standard().read(new ByteArrayInputStream(file));
        long firstDone = System.nanoTime();
        FileSummary second = CnabReader.standard().read(new ByteArrayInputStream(file));
        long secondDone = System.nanoTime();
        if (first.itemCount() != second.itemCount() || first.itemCount() == 0) {
            throw new IllegalStateException("the two reads disagree: " + first.itemCount() + " and "
                    + second.itemCount() + " items");
        }
        System.out.printf("first read %.1f ms, second %.1f ms, %d items, bank %s%n", (firstDone - start) / 1e6,
                (secondDone - firstDone) / 1e6, first.itemCount(), first.classification().bankName());
    }
}
