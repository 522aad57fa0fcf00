package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.adapter.dynamodb.RecordMapping.StoredApproval;
import br.bankhistory.history.adapter.dynamodb.RecordMapping.StoredChange;
import br.bankhistory.history.adapter.dynamodb.RecordMapping.StoredDelivery;
import br.bankhistory.history.adapter.dynamodb.RecordMapping.StoredVote;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record's JSON parts as databind wrote them (every record stored before) read back the same by the mapping,
 * and what the mapping writes now is databind's text, property for property.
 */
class RecordMappingJsonTest {

    private static final ObjectMapper DATABIND = JsonMapper.builder().build();

    @Test
    void totalsReadAsDatabindWroteThem() throws Exception {
        Map<String, Totals> totals = new LinkedHashMap<>();
        totals.put("LIQUIDADO", new Totals(3, 12_345_678_901L, 12_345_678_000L, 901));
        totals.put("REJEITADO", new Totals(0, 0, 0, 0));
        roundTrip(totals, RecordMapping::totals);
        roundTrip(Map.of(), RecordMapping::totals);
    }

    @Test
    void findingsReadAsDatabindWroteThem() throws Exception {
        List<StoredFinding> findings = List.of(
                new StoredFinding("ERROR", 7, 18, "E001", "valor", "Valor inválido: \"0,00\"", "Invalid amount"),
                new StoredFinding("WARNING", 3_000_000_000L, 0, "W002", null, "Aviso", null));
        roundTrip(findings, RecordMapping::findings);
        roundTrip(List.of(), RecordMapping::findings);
    }

    @Test
    void countsReadAsLongsWhateverTheirSize() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ERROR", 2L);
        counts.put("WARNING", 5_000_000_000L);
        counts.put("INFO", 0L);
        Map<String, Long> read = roundTrip(counts, RecordMapping::counts);
        assertThat(read.values()).allMatch(Long.class::isInstance);
        roundTrip(Map.of(), RecordMapping::counts);
    }

    @Test
    void statusHistoryReadAsDatabindWroteIt() throws Exception {
        List<StoredChange> history = List.of(
                new StoredChange("2026-01-02T03:04:05Z", null, "RECEIVED", "u-1", "Ana", null),
                new StoredChange("2026-01-02T03:04:06.123Z", "RECEIVED", "PROCESSED", "", "", "Reprocessado"));
        roundTrip(history, RecordMapping::changes);
        roundTrip(List.of(), RecordMapping::changes);
    }

    @Test
    void approvalWithItsVotesReadAsDatabindWroteIt() throws Exception {
        StoredVote ana = new StoredVote("u-1", "Ana", "2026-01-02T03:04:05Z", null);
        StoredVote bia = new StoredVote("u-2", "Bia", "2026-01-02T04:00:00Z", "Conferido");
        roundTrip(new StoredApproval(2, "DOIS", List.of("u-9"), List.of(ana, bia), null), RecordMapping::approval);
        roundTrip(new StoredApproval(1, null, List.of(), List.of(), bia), RecordMapping::approval);
        roundTrip(new StoredApproval(1, "", null, null, null), RecordMapping::approval);
    }

    @Test
    void deliveryReadAsDatabindWroteIt() throws Exception {
        roundTrip(new StoredDelivery("DELIVERED", 2, "2026-01-02T03:04:05Z", "2026-01-02T03:05:00Z", "SFTP",
                "Banco", "sftp.example.com", "/in/a.rem", "", "c-1", "2026-01-02T03:04:00Z", "t-1", null),
                RecordMapping::delivery);
        roundTrip(new StoredDelivery("WAITING", 0, null, null, null, null, null, null, null, null, null, null,
                null), RecordMapping::delivery);
    }

    /** Databind's text read by the mapping equals the value; the mapping writes databind's very text. */
    private static <T> T roundTrip(T value, Function<String, T> read) throws Exception {
        String byDatabind = DATABIND.writeValueAsString(value);
        T read1 = read.apply(byDatabind);
        assertThat(read1).isEqualTo(value);
        String byJr = RecordMapping.write(value);
        assertThat(DATABIND.readTree(byJr)).isEqualTo(DATABIND.readTree(byDatabind));
        assertThat(byJr).isEqualTo(byDatabind);
        assertThat(read.apply(byJr)).isEqualTo(value);
        return read1;
    }
}
