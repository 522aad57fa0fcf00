package br.bankhistory.history.ingest;

import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.OurNumbers;
import br.bankhistory.history.domain.Reconciliation;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Links each title of a processed retorno to the remessa title that sent it: same tenant, same bank, same
 * service, nosso número equal once normalised ({@link OurNumbers}: letters and digits, no leading zeros), the
 * newest remessa received before the retorno and not cancelled. Both sides get the link; titles that match
 * nothing are "não localizado"; each remessa answered moves from generated/sent to processed by the bank,
 * with the counts of the answer in its history. Every write is a repeatable put, so a repeated delivery
 * reconciles again to the same result.
 *
 * <p>Files with more than {@link #MAX_ITEMS} titles are not reconciled here (a lookup per title); the record
 * says so in the log and the titles keep no link.
 */
public final class ReconcileRetorno {

    public static final int MAX_ITEMS = 20_000;
    private static final int PAGE = 500;
    private static final JsonLog LOG = JsonLog.of(ReconcileRetorno.class);

    private final RecordStore records;
    private final ItemStore items;
    private final Clock clock;

    public ReconcileRetorno(RecordStore records, ItemStore items, Clock clock) {
        this.records = records;
        this.items = items;
        this.clock = clock;
    }

    public void reconcile(IntegrationRecord retorno) {
        FileKind remessaKind = remessaKindOf(retorno.kind());
        if (remessaKind == null || retorno.status() != RecordStatus.PROCESSED) {
            return;
        }
        if (retorno.itemCount() > MAX_ITEMS) {
            LOG.warn("reconcile.skipped", Map.of("tenant", retorno.tenant(), "recordId", retorno.id(),
                    "items", retorno.itemCount()));
            return;
        }
        Map<String, Optional<IntegrationRecord>> files = new HashMap<>();
        Map<String, Map<String, Long>> answered = new LinkedHashMap<>();
        int after = 0;
        long matched = 0;
        while (true) {
            ItemStore.ItemPage page = items.page(retorno.tenant(), retorno.id(), after, PAGE);
            for (StoredItem title : page.items()) {
                Optional<StoredItem> sent = sentBy(retorno, remessaKind, title, files);
                if (sent.isEmpty()) {
                    items.reconcile(retorno.tenant(), retorno.id(), title.seq(), Reconciliation.notFound());
                    continue;
                }
                StoredItem remessaTitle = sent.get();
                matched++;
                items.reconcile(retorno.tenant(), retorno.id(), title.seq(), new Reconciliation(
                        Reconciliation.Status.MATCHED, remessaTitle.recordId(), remessaTitle.fileName(),
                        remessaTitle.seq(), ""));
                items.reconcile(retorno.tenant(), remessaTitle.recordId(), remessaTitle.seq(), new Reconciliation(
                        Reconciliation.Status.ANSWERED, retorno.id(), retorno.fileName(), title.seq(),
                        title.category()));
                answered.computeIfAbsent(remessaTitle.recordId(), id -> new TreeMap<>())
                        .merge(title.category(), 1L, Long::sum);
            }
            if (page.lastSeq().isEmpty()) {
                break;
            }
            after = page.lastSeq().get();
        }
        answered.forEach((remessaId, counts) -> markProcessed(retorno, files.get(remessaId), counts));
        LOG.info("reconcile.done", Map.of("tenant", retorno.tenant(), "recordId", retorno.id(), "matched", matched,
                "remessas", answered.size()));
    }

    private Optional<StoredItem> sentBy(IntegrationRecord retorno, FileKind remessaKind, StoredItem title,
                                        Map<String, Optional<IntegrationRecord>> files) {
        for (String key : OurNumbers.candidates(title.ourNumber(), retorno.agreement())) {
            Optional<StoredItem> found = items.findByOurNumber(retorno.tenant(), key, 20).stream()
                    .filter(candidate -> !candidate.recordId().equals(retorno.id()))
                    .filter(candidate -> files.computeIfAbsent(candidate.recordId(),
                            id -> records.find(retorno.tenant(), id)).filter(file -> file.kind() == remessaKind
                            && file.bankCode().equals(retorno.bankCode())
                            && file.status() != RecordStatus.CANCELLED
                            && !file.receivedAt().isAfter(retorno.receivedAt())).isPresent())
                    .max(Comparator.comparing(StoredItem::recordId));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A remessa the bank answered: generated or sent becomes processed by the bank, once. */
    private void markProcessed(IntegrationRecord retorno, Optional<IntegrationRecord> remessa, Map<String, Long> counts) {
        if (remessa.isEmpty()) {
            return;
        }
        RecordStatus status = remessa.get().status();
        if (status != RecordStatus.GENERATED && status != RecordStatus.SENT) {
            return;
        }
        StringBuilder reason = new StringBuilder("Respondida pelo retorno " + retorno.fileName() + ":");
        counts.forEach((category, n) -> reason.append(' ').append(category).append('=').append(n));
        records.changeStatus(retorno.tenant(), remessa.get().id(), new StatusChange(clock.instant(), status,
                RecordStatus.PROCESSED_BY_BANK, "", br.bankhistory.history.domain.Identity.INTEGRATION_USER_NAME,
                reason.toString()));
    }

    private static FileKind remessaKindOf(FileKind retorno) {
        return switch (retorno) {
            case RETORNO_COBRANCA -> FileKind.REMESSA_COBRANCA;
            case RETORNO_PAGAMENTO -> FileKind.REMESSA_PAGAMENTO;
            default -> null;
        };
    }
}
