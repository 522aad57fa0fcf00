package br.bankhistory.history.notify;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records shaped like the ones ingest writes, for the email tests. */
final class TestRecords {

    static final String ID = "20240106131500000-0123456789ab";
    /** 13:15 UTC is 10:15 in São Paulo (UTC-3, no daylight saving since 2019). */
    static final Instant RECEIVED = Instant.parse("2024-01-06T13:15:00Z");

    private TestRecords() {
    }

    /** A processed Caixa retorno de cobrança with 9 titles: 5 confirmed, 2 rejected, 2 paid, fees. */
    static IntegrationRecord processedCobranca(String fileName) {
        Map<String, Totals> byCategory = new LinkedHashMap<>();
        byCategory.put("PAID", new Totals(2, 123456, 123000, 250));
        byCategory.put("ENTRY_CONFIRMED", new Totals(5, 500000, 0, 0));
        byCategory.put("ENTRY_REJECTED", new Totals(2, 2000, 0, 0));
        byCategory.put("FEE", new Totals(0, 0, 0, 0));
        return record(fileName, RecordStatus.PROCESSED, FileKind.RETORNO_COBRANCA, 9, byCategory,
                List.of(new StoredFinding("WARNING", 3, 120, "W_TRAILER", "valorTotal", "Soma do trailer diferente",
                        "Trailer sum differs")),
                Map.of("WARNING", 1L));
    }

    static IntegrationRecord record(String fileName, RecordStatus status, FileKind kind, long items,
                                    Map<String, Totals> byCategory, List<StoredFinding> findings,
                                    Map<String, Long> findingCounts) {
        long amount = byCategory.values().stream().mapToLong(Totals::amountCents).sum();
        long paid = byCategory.values().stream().mapToLong(Totals::paidCents).sum();
        return new IntegrationRecord("acme", ID, RECEIVED, fileName, "inbound/acme/" + fileName, 1234,
                "ab".repeat(32), Origin.AUTOMATIC, "", "Integração", status, kind, "CNAB240", "RETORNO", "COBRANCA",
                "104", "Caixa", "050", "EMPRESA SÃO JOÃO", "12345678000190", "4321", "00000000111", "123456", 162,
                LocalDate.of(2024, 1, 5), items, amount, paid, byCategory, findings, findingCounts);
    }

    /** A rejected file: not CNAB, with {@code n} error findings (the record keeps them all here). */
    static IntegrationRecord rejected(String fileName, int n) {
        List<StoredFinding> findings = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            findings.add(new StoredFinding("ERROR", i, 1, "E_LINE_LENGTH", "", "Linha com " + (200 + i)
                    + " caracteres; esperado 240", "Line length"));
        }
        return new IntegrationRecord("acme", ID, RECEIVED, fileName, "inbound/acme/" + fileName, 99, "cd".repeat(32),
                Origin.AUTOMATIC, "", "Integração", RecordStatus.REJECTED, FileKind.OTHER, "NOT_CNAB", "UNKNOWN",
                "UNKNOWN", "", "", "", "", "", "", "", "", 0, null, 0, 0, 0, Map.of(), findings,
                Map.of("ERROR", (long) n));
    }

    static List<RejectedItemLine> rejectedLines(int n) {
        List<RejectedItemLine> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add(new RejectedItemLine(String.format("%011d", i), "PAGADOR " + i, "03 - Entrada rejeitada",
                    List.of("08 - Nosso número inválido", "48 - CEP inválido")));
        }
        return lines;
    }

    static byte[] resource(String path) {
        try (InputStream in = TestRecords.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
