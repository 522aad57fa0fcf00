package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.domain.TitleKeys;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.TitleClaims;
import br.bankhistory.history.port.TitleIndex;
import br.bankhistory.history.domain.TitleEvents;
import br.bankhistory.history.titles.TitleRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Notes which remessa carries each title to the bank, for every remessa recorded (and puts its titles in the
 * title index, where retornos find it) (generated here, imported
 * by a person, sent by the integration), so that a later {@code POST /remittances} with the same title is
 * refused while this remessa is live. A recorded remessa whose titles a live remessa already carries gets a
 * warning naming them (the file exists and was imported on purpose; it is not refused, but nobody should send
 * it without knowing). Repeated on every delivery of the object: claims of one object are its own.
 */
public final class ClaimRemessaTitles {

    /** Titles claimed per remessa; beyond them the record says the rest was not checked. */
    static final int MAX_TITLES = 50_000;
    private static final int SHOWN = 5;
    private static final JsonLog LOG = JsonLog.of(ClaimRemessaTitles.class);

    private final TitleRegistry registry;
    private final RecordStore records;
    private final ItemStore items;
    private final TitleIndex index;

    public ClaimRemessaTitles(TitleRegistry registry, RecordStore records, ItemStore items, TitleIndex index) {
        this.registry = registry;
        this.records = records;
        this.items = items;
        this.index = index;
    }

    public void claim(IntegrationRecord remessa) {
        if (!isRemessa(remessa) || !TitleRegistry.LIVE.contains(remessa.status())) {
            return;
        }
        List<TitleClaims.Title> titles = new ArrayList<>();
        List<TitleIndex.Entry> entries = read(remessa, titles);
        // every title in the index, where retornos find the remessa that sent it
        index.put(remessa.tenant(), remessa.id(), remessa.bankCode(), remessa.kind().name(), entries);
        List<TitleRegistry.Conflict> conflicts = registry.claim(remessa.tenant(), remessa.objectKey(),
                remessa.fileName(), titles.subList(0, Math.min(titles.size(), MAX_TITLES)), false);
        if (!conflicts.isEmpty()) {
            records.addFinding(remessa.tenant(), remessa.id(), finding(conflicts));
            LOG.warn("titles.already_sent", Map.of("tenant", remessa.tenant(), "recordId", remessa.id(),
                    "titles", conflicts.size()));
        }
    }

    /**
     * Puts a remessa's titles in the title index only, claiming none: a remessa of the former layout that was
     * cancelled after it was claimed (its titles were let go, but a retorno still finds them and tells).
     */
    public void index(IntegrationRecord remessa) {
        if (!isRemessa(remessa)) {
            return;
        }
        List<TitleIndex.Entry> entries = read(remessa, new ArrayList<>());
        index.put(remessa.tenant(), remessa.id(), remessa.bankCode(), remessa.kind().name(), entries);
    }

    private static boolean isRemessa(IntegrationRecord r) {
        return r.kind() == FileKind.REMESSA_COBRANCA || r.kind() == FileKind.REMESSA_PAGAMENTO;
    }

    /** The remessa's index entries, chunk by chunk, and its first {@link #MAX_TITLES} titles to claim. */
    private List<TitleIndex.Entry> read(IntegrationRecord remessa, List<TitleClaims.Title> titles) {
        List<TitleIndex.Entry> entries = new ArrayList<>();
        items.forEachItem(remessa.tenant(), remessa.id(), item -> {
            if (titles.size() < MAX_TITLES) {
                titleOf(remessa, item).ifPresent(titles::add);
            }
            for (TitleEvents.KeyAndCheck key : TitleEvents.remessaKeys(remessa.kind(), item)) {
                entries.add(new TitleIndex.Entry(key.key(), item.seq(), item.line(), key.check()));
            }
        });
        return entries;
    }

    private static java.util.Optional<TitleClaims.Title> titleOf(IntegrationRecord r, StoredItem item) {
        boolean payment = "INSTRUCTION_PAYMENT".equals(item.category());
        if (!payment && !"INSTRUCTION_ENTRY".equals(item.category())) {
            return java.util.Optional.empty();
        }
        String key = payment
                ? TitleKeys.ofPayment(r.bankCode(), r.agency(), r.account(), r.agreement(), item.yourNumber())
                : TitleKeys.of(r.bankCode(), r.agency(), r.account(), r.agreement(), item.ourNumber());
        return key.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new TitleClaims.Title(key, payment ? item.yourNumber() : item.ourNumber(),
                        item.line()));
    }

    private static StoredFinding finding(List<TitleRegistry.Conflict> conflicts) {
        List<String> shown = new ArrayList<>();
        for (TitleRegistry.Conflict c : conflicts.subList(0, Math.min(SHOWN, conflicts.size()))) {
            shown.add(c.title().ourNumber() + " (linha " + c.title().line() + ", já na remessa "
                    + FileNames.display(c.holder().fileName()) + ", linha " + c.holder().line() + ")");
        }
        String more = conflicts.size() > SHOWN ? " e mais " + (conflicts.size() - SHOWN) : "";
        return new StoredFinding(Severity.WARNING.name(), conflicts.get(0).title().line(), 0,
                "TITLE_IN_ANOTHER_REMESSA", "",
                conflicts.size() + " título(s) desta remessa já estão em outra remessa válida: " + String.join("; ", shown)
                        + more + ". Enviá-la ao banco registraria o boleto (ou faria o pagamento) de novo.",
                conflicts.size() + " title(s) of this remessa are already in another live remessa.");
    }
}
