package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Category;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The remessa side of a retorno's application: per remessa and chunk, the titles the retorno answers, written
 * once all are known (each answered title also settles its pending instruction); each remessa answered moves
 * to "processada pelo banco" (docs/remessa-lifecycle.md).
 */
final class RemessaAnswers {

    /** The remessas a retorno's answer moves to PROCESSED_BY_BANK. */
    private static final Set<RecordStatus> ANSWERABLE = EnumSet.of(RecordStatus.GENERATED, RecordStatus.SENT,
            RecordStatus.APPROVED, RecordStatus.READY_TO_SEND, RecordStatus.DELIVERY_FAILED);

    private final RecordStore records;
    private final ItemStore items;
    private final Clock clock;
    private final IntegrationRecord retorno;
    private final SettleInstructions.Batch settling;
    private final List<String> recordIds;
    private final Function<String, Optional<IntegrationRecord>> record;
    private final Map<Integer, Map<Integer, List<int[]>>> byRemessa = new TreeMap<>();
    private final Map<Integer, Map<String, Long>> counts = new TreeMap<>();
    private long total;

    /** @param recordIds the records the application's results point at, by index; {@code record} finds one */
    RemessaAnswers(RecordStore records, ItemStore items, Clock clock, IntegrationRecord retorno,
                   SettleInstructions.Batch settling, List<String> recordIds,
                   Function<String, Optional<IntegrationRecord>> record) {
        this.records = records;
        this.items = items;
        this.clock = clock;
        this.retorno = retorno;
        this.settling = settling;
        this.recordIds = recordIds;
        this.record = record;
    }

    long total() {
        return total;
    }

    int remessas() {
        return byRemessa.size();
    }

    void add(int remessa, int remessaSeq, int retornoSeq, int retornoLine, String category) {
        byRemessa.computeIfAbsent(remessa, r -> new TreeMap<>())
                .computeIfAbsent(ItemStore.chunkOf(remessaSeq), c -> new ArrayList<>())
                .add(new int[] {remessaSeq, retornoSeq, retornoLine, Category.valueOf(category).ordinal()});
        counts.computeIfAbsent(remessa, r -> new TreeMap<>()).merge(category, 1L, Long::sum);
        total++;
    }

    void write() {
        byRemessa.forEach((remessa, chunks) -> {
            String remessaId = recordIds.get(remessa);
            chunks.forEach((chunk, rows) -> {
                Map<Integer, Reconciliation> bySeq = new TreeMap<>();
                for (int[] row : rows) {
                    bySeq.put(row[0], new Reconciliation(Reconciliation.Status.ANSWERED, retorno.id(),
                            retorno.fileName(), row[1], row[2], Category.values()[row[3]].name()));
                    record.apply(remessaId).ifPresent(r -> settling.add(r, row[0], row[1]));
                }
                items.putAnswers(retorno.tenant(), remessaId, chunk, retorno.id(), bySeq);
            });
            record.apply(remessaId).ifPresent(r -> markProcessed(r, counts.get(remessa)));
        });
    }

    /** A remessa the bank answered (one of ANSWERABLE) becomes processed by the bank, once. */
    private void markProcessed(IntegrationRecord remessa, Map<String, Long> answered) {
        RecordStatus status = remessa.status();
        if (!ANSWERABLE.contains(status)) {
            return;
        }
        StringBuilder reason = new StringBuilder("Respondida pelo retorno " + FileNames.display(retorno.fileName())
                + ":");
        answered.forEach((category, n) -> reason.append(' ').append(category).append('=').append(n));
        records.changeStatus(retorno.tenant(), remessa.id(), new StatusChange(clock.instant(), status,
                RecordStatus.PROCESSED_BY_BANK, "", Identity.INTEGRATION_USER_NAME, reason.toString()));
    }
}
