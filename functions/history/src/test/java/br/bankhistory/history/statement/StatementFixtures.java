package br.bankhistory.history.statement;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.Item;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/** Realistic records and items for statement tests (a Caixa retorno de cobrança CNAB 240). */
final class StatementFixtures {

    static final Instant RECEIVED = Instant.parse("2025-03-14T13:05:00Z"); // 10:05 in São Paulo

    private StatementFixtures() {
    }

    static IntegrationRecord record(FileKind kind, List<StoredFinding> findings, Map<String, Long> findingCounts,
                                    Map<String, Totals> byCategory, long itemCount) {
        long amount = byCategory.values().stream().mapToLong(Totals::amountCents).sum();
        long paid = byCategory.values().stream().mapToLong(Totals::paidCents).sum();
        return new IntegrationRecord("acme", "01JPB7S4Q0000000000000000A", RECEIVED, "RET_CAIXA_20250314_0042.RET",
                "inbound/acme/RET_CAIXA_20250314_0042.RET", 24_000, "ab".repeat(32), Origin.AUTOMATIC, "", "",
                RecordStatus.PROCESSED, kind, "CNAB240", "RETORNO", "COBRANCA", "104", "Caixa Econômica Federal",
                "107", "ACME INDÚSTRIA E COMÉRCIO DE PEÇAS LTDA", "12345678000195", "1234", "000567890", "654321",
                42, LocalDate.of(2025, 3, 13), itemCount, amount, paid, byCategory, findings, findingCounts);
    }

    /** A record for the three sample items below. */
    static IntegrationRecord retorno() {
        Map<String, Totals> byCategory = new LinkedHashMap<>();
        byCategory.put("PAID", new Totals(1, 123_456, 123_456, 250));
        byCategory.put("ENTRY_CONFIRMED", new Totals(1, 98_000, 0, 0));
        byCategory.put("ENTRY_REJECTED", new Totals(1, 5_000_00, 0, 0));
        List<StoredFinding> findings = List.of(
                new StoredFinding("WARNING", 7, 18, "DATE_INVALID", "data_vencimento",
                        "Data de vencimento inválida: 31/02/2025", "Invalid due date: 31/02/2025"),
                new StoredFinding("ERROR", 12, 215, "TRAILER_SUM", "valor_total",
                        "Soma dos valores no trailer do lote não confere com os títulos", "Batch trailer sum mismatch"));
        return record(FileKind.RETORNO_COBRANCA, findings, Map.of("ERROR", 1L, "WARNING", 1L), byCategory, 3);
    }

    static List<Item> items() {
        return List.of(
                new Item(3, "T", "14000000000012345", "NF 4512/1", "06", "Liquidação", Category.PAID, List.of(),
                        LocalDate.of(2025, 3, 10), 123_456, 123_456, 250, LocalDate.of(2025, 3, 12),
                        LocalDate.of(2025, 3, 13), "JOSÉ DA CONCEIÇÃO ARAÚJO", "12345678909"),
                new Item(5, "T", "14000000000012346", "NF 4513/1", "02", "Entrada confirmada",
                        Category.ENTRY_CONFIRMED, List.of(), LocalDate.of(2025, 4, 10), 98_000, 0, 0,
                        LocalDate.of(2025, 3, 12), null, "MERCADO BOM PREÇO LTDA", "98765432000110"),
                new Item(7, "T", "14000000000012347", "NF 4514/1", "03", "Entrada rejeitada",
                        Category.ENTRY_REJECTED, List.of("08 - Nosso número inválido", "16 - Data de vencimento inválida"),
                        null, 5_000_00, 0, 0, LocalDate.of(2025, 3, 12), null, "PADARIA SÃO JOÃO ME",
                        "11222333000181"));
    }

    /**
     * {@code n} generated items, created while iterated; refuses a third iteration (the renderer streams them
     * twice: the first page's totals, then the rows).
     */
    static Iterable<Item> generated(int n) {
        AtomicInteger iterations = new AtomicInteger();
        return () -> {
            if (iterations.incrementAndGet() > 2) {
                throw new IllegalStateException("items iterated more than twice (totals, then rows)");
            }
            return new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return i < n;
                }

                @Override
                public Item next() {
                    if (i >= n) {
                        throw new NoSuchElementException();
                    }
                    int k = i++;
                    Category category = Category.values()[k % 6];
                    return new Item(3 + 2 * k, "T", ourNumber(k), "DOC" + k, "06", "Liquidação", category,
                            k % 7 == 0 ? List.of("A4 - Pagador DDA") : List.of(), LocalDate.of(2025, 1 + k % 12, 1 + k % 28),
                            10_000L + k * 37L, k % 2 == 0 ? 10_000L + k * 37L : 0, 150, null, null,
                            "PAGADOR NÚMERO " + k + " COMÉRCIO LTDA", "12345678000195");
                }
            };
        };
    }

    static String ourNumber(int k) {
        return String.format("14%015d", k + 1);
    }

    static byte[] render(IntegrationRecord record, Iterable<Item> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new StatementRenderer().render(record, items, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }
}
