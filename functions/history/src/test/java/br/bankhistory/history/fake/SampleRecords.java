package br.bankhistory.history.fake;

import br.bankhistory.history.domain.Approval;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Records shaped like the ones ingest writes, for the port contracts and the unit tier. */
public final class SampleRecords {

    public static final Instant RECEIVED = Instant.parse("2026-03-02T12:00:00.123Z");

    private SampleRecords() {
    }

    /** A Caixa retorno de cobrança of tenant {@code tenant}, under {@code inbound/{tenant}/{fileName}}. */
    public static IntegrationRecord retorno(String tenant, String id, String fileName, RecordStatus status) {
        return new IntegrationRecord(tenant, id, RECEIVED, fileName, "inbound/" + tenant + "/" + fileName, 1234,
                "ab".repeat(32), Origin.AUTOMATIC, "", "Integração", status, FileKind.RETORNO_COBRANCA, "CNAB240",
                "RETORNO", "COBRANCA", "104", "Caixa", "050", "EMPRESA SÃO JOÃO", "12345678000190", "4321",
                "00000000111", "123456", 162, LocalDate.of(2026, 3, 1), 2, 123456, 123000,
                Map.of("PAID", new Totals(2, 123456, 123000, 250)),
                List.of(new StoredFinding("WARNING", 3, 120, "W_TRAILER", "valorTotal", "Soma do trailer diferente",
                        "Trailer sum differs")),
                Map.of("WARNING", 1L));
    }

    /** A Bradesco remessa de pagamento the service generated, under {@code outbound/{tenant}/{fileName}}. */
    public static IntegrationRecord pagamentoRemessa(String tenant, String id, String fileName, RecordStatus status,
                                                     Approval approval) {
        return new IntegrationRecord(tenant, id, RECEIVED, fileName, "outbound/" + tenant + "/" + fileName, 960,
                "cd".repeat(32), Origin.MANUAL, "bia", "Beatriz Lima", status, FileKind.REMESSA_PAGAMENTO, "CNAB240",
                "REMESSA", "PAGAMENTO", "237", "Bradesco", "089", "INDUSTRIA OMEGA SA", "11222333000181", "1234",
                "567890", "000123", 7, LocalDate.of(2026, 3, 1), 2, 1_500_000, 0, Map.of(), List.of(), Map.of(),
                approval);
    }

    /** The first entry of a record's history. */
    public static StatusChange created(RecordStatus status) {
        return new StatusChange(RECEIVED, null, status, "", "Integração", "Recebido");
    }
}
