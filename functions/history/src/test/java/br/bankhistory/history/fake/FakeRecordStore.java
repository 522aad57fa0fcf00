package br.bankhistory.history.fake;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.OutboxEvent;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.port.RecordStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link RecordStore} in memory, with the adapter's conditions: a record and its object identity are written
 * together only when neither exists; status moves only from the status expected; claims are taken when free
 * or already the record's, taken over only from the holder named. Listing is not faked (its index plans are
 * the adapter's own; the emulator tests cover it).
 */
public final class FakeRecordStore implements RecordStore {

    private record Stored(IntegrationRecord record, List<StatusChange> history) {
    }

    private final Map<String, Stored> records = new HashMap<>();
    private final Map<String, String> byObject = new HashMap<>();
    private final Map<String, String> byKey = new HashMap<>();
    private final Map<String, ClaimHolder> claims = new HashMap<>();
    private final List<OutboxEvent> outbox = new ArrayList<>();

    @Override
    public synchronized Optional<String> recordIdForObject(String tenant, String objectIdentity) {
        return Optional.ofNullable(byObject.get(key(tenant, objectIdentity)));
    }

    @Override
    public synchronized Optional<String> recordIdForKey(String tenant, String objectKey) {
        return Optional.ofNullable(byKey.get(key(tenant, objectKey)));
    }

    @Override
    public synchronized boolean saveNew(IntegrationRecord record, StatusChange created, String objectIdentity,
                                        Optional<ChangeEvent> event) {
        String id = key(record.tenant(), record.id());
        String object = key(record.tenant(), objectIdentity);
        if (records.containsKey(id) || byObject.containsKey(object)) {
            return false;
        }
        records.put(id, new Stored(record, List.of(created)));
        byObject.put(object, record.id());
        byKey.put(key(record.tenant(), record.objectKey()), record.id());
        event.ifPresent(e -> outbox.add(OutboxEvent.of(record.tenant(), record.id(), 1, created.at(), e)));
        return true;
    }

    @Override
    public synchronized ClaimHolder claim(String tenant, String claim, String recordId, Instant now) {
        ClaimHolder held = claims.get(key(tenant, claim));
        if (held != null && !held.recordId().equals(recordId)) {
            return held;
        }
        ClaimHolder mine = new ClaimHolder(recordId, now);
        claims.put(key(tenant, claim), mine);
        return mine;
    }

    @Override
    public synchronized boolean takeOver(String tenant, String claim, String recordId, String from, Instant now) {
        ClaimHolder held = claims.get(key(tenant, claim));
        if (held == null || !held.recordId().equals(from)) {
            return false;
        }
        claims.put(key(tenant, claim), new ClaimHolder(recordId, now));
        return true;
    }

    @Override
    public synchronized void releaseClaim(String tenant, String claim, String recordId) {
        claims.computeIfPresent(key(tenant, claim), (k, held) -> held.recordId().equals(recordId) ? null : held);
    }

    @Override
    public synchronized Optional<IntegrationRecord> find(String tenant, String id) {
        return Optional.ofNullable(records.get(key(tenant, id))).map(Stored::record);
    }

    @Override
    public synchronized boolean revise(String tenant, String id, UnaryOperator<IntegrationRecord> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Stored current = records.get(key(tenant, id));
            if (current == null) {
                return false;
            }
            IntegrationRecord next = change.apply(current.record());
            if (next.equals(current.record())) {
                return true;
            }
            if (next.status() != current.record().status()) {
                throw new IllegalArgumentException("revise does not change a status (changeStatus does)");
            }
            if (records.get(key(tenant, id)) == current) { // as the adapter: only if nobody wrote in between
                records.put(key(tenant, id), new Stored(next, current.history()));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void addFinding(String tenant, String id, StoredFinding finding) {
        revise(tenant, id, r -> r.findings().stream().anyMatch(f -> f.code().equals(finding.code()))
                ? r : r.withFindings(List.of(finding)));
    }

    @Override
    public synchronized List<StatusChange> statusHistory(String tenant, String id) {
        Stored current = records.get(key(tenant, id));
        return current == null ? List.of() : current.history();
    }

    @Override
    public synchronized boolean changeStatus(String tenant, String id, StatusChange change,
                                             Optional<ChangeEvent> event) {
        Stored current = records.get(key(tenant, id));
        if (current == null || !write(current, current.record().withStatus(change.to()), change)) {
            return false;
        }
        event.ifPresent(e -> outbox.add(OutboxEvent.of(tenant, id, current.history().size() + 1, change.at(), e)));
        return true;
    }

    @Override
    public synchronized Optional<IntegrationRecord> decide(String tenant, String id,
            java.util.function.Function<IntegrationRecord, Optional<br.bankhistory.history.domain.RecordDecision>> decision) {
        Stored current = records.get(key(tenant, id));
        if (current == null) {
            return Optional.empty();
        }
        Optional<br.bankhistory.history.domain.RecordDecision> decided = decision.apply(current.record());
        if (decided.isEmpty()) {
            return Optional.of(current.record());
        }
        List<StatusChange> history = new ArrayList<>(current.history());
        decided.get().change().ifPresent(history::add);
        records.put(key(tenant, id), new Stored(decided.get().next(), List.copyOf(history)));
        decided.get().event().ifPresent(e -> outbox.add(OutboxEvent.of(tenant, id, history.size(),
                decided.get().change().orElseThrow().at(), e)));
        return Optional.of(decided.get().next());
    }

    @Override
    public synchronized boolean replace(IntegrationRecord record, StatusChange change) {
        Stored current = records.get(key(record.tenant(), record.id()));
        return current != null && write(current, record, change);
    }

    private boolean write(Stored current, IntegrationRecord next, StatusChange change) {
        if (current.record().status() != change.from()) {
            return false;
        }
        List<StatusChange> history = new ArrayList<>(current.history());
        history.add(change);
        records.put(key(next.tenant(), next.id()), new Stored(next, List.copyOf(history)));
        return true;
    }

    /** The events written with the changes, in the order they were written. */
    public synchronized List<OutboxEvent> outbox() {
        return List.copyOf(outbox);
    }

    @Override
    public RecordPage list(String tenant, ListFilter filter, Optional<String> afterId, int limit) {
        throw new UnsupportedOperationException("listing is not faked: test it against DynamoDB Local");
    }

    private static String key(String tenant, String value) {
        return tenant + "\u0000" + value;
    }
}
