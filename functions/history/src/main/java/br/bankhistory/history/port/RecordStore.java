package br.bankhistory.history.port;

import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.RecordDecision;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where history records live. Every method is scoped to one tenant. */
public interface RecordStore {

    /** The record already written for this delivered object, if any. */
    Optional<String> recordIdForObject(String tenant, String objectIdentity);

    /** The record of the newest object written under this S3 key, if it was recorded. */
    Optional<String> recordIdForKey(String tenant, String objectKey);

    /**
     * Writes the record (with its first status entry) and its object identity together, only if neither
     * exists yet; the object's key then points at the record too.
     *
     * @return false when another delivery of the same object was recorded first (nothing is written)
     */
    default boolean saveNew(IntegrationRecord record, StatusChange created, String objectIdentity) {
        return saveNew(record, created, objectIdentity, Optional.empty());
    }

    /**
     * {@link #saveNew(IntegrationRecord, StatusChange, String)}, and the event in the outbox in the same
     * transaction (sequence 1 of the record): both are written, or neither.
     */
    boolean saveNew(IntegrationRecord record, StatusChange created, String objectIdentity, Optional<ChangeEvent> event);

    /**
     * Claims what a file is for a record, unless another record of the tenant claimed it first: its bytes
     * ({@code HASH#}), its content by meaning ({@code NORM#}), its bank, account, NSA and date ({@code MEAN#}).
     * See docs/operations.md, "Duplicates".
     *
     * @return who holds the claim now: {@code recordId} itself, or the record that claimed it first and when
     */
    ClaimHolder claim(String tenant, String claim, String recordId, Instant now);

    /** Takes a claim over from a record that never came to be (its writer died), if it still holds it. */
    boolean takeOver(String tenant, String claim, String recordId, String from, Instant now);

    /** Gives a claim up (a record that did not end up processed), if the record still holds it. */
    void releaseClaim(String tenant, String claim, String recordId);

    record ClaimHolder(String recordId, Instant claimedAt) {
    }

    Optional<IntegrationRecord> find(String tenant, String id);

    /**
     * Changes the record's content (not its status, nor its history) with {@code change}, if nobody changed the
     * record in between (read again and retried a few times otherwise).
     *
     * @return false when the record does not exist or kept changing
     */
    boolean revise(String tenant, String id, java.util.function.UnaryOperator<IntegrationRecord> change);

    /** Appends a finding the service itself found after the record was written (counted with the others). */
    void addFinding(String tenant, String id, StoredFinding finding);

    /** The record's status history, oldest first. */
    List<StatusChange> statusHistory(String tenant, String id);

    /**
     * Moves the record to {@code change.to()} only if its status is still {@code change.from()}.
     *
     * @return false when the status had changed meanwhile (another request won)
     */
    default boolean changeStatus(String tenant, String id, StatusChange change) {
        return changeStatus(tenant, id, change, Optional.empty());
    }

    /**
     * {@link #changeStatus(String, String, StatusChange)}, and the event in the outbox in the same transaction
     * (its sequence is the change's position in the record's history): a change that loses the race writes no
     * event.
     */
    boolean changeStatus(String tenant, String id, StatusChange change, Optional<ChangeEvent> event);

    /**
     * Moves a record through a decision taken on its current state (an approval, a rejection): reads it
     * consistently, asks {@code decision} for the record it becomes and the entry appended to its history, and
     * writes both only if the record is still as read (status, approval, findings, totals, history); when another
     * request wrote in between, it reads again and asks again. The decision may throw (a refusal, passed on) or
     * answer empty (nothing to write).
     *
     * @return the record as it is after the decision; empty when it does not exist
     */
    Optional<IntegrationRecord> decide(String tenant, String id,
                                       java.util.function.Function<IntegrationRecord, Optional<RecordDecision>> decision);

    /**
     * Replaces the record's content (a reprocessing) only if its status is still {@code change.from()},
     * appending {@code change} to its history.
     *
     * @return false when the status had changed meanwhile
     */
    boolean replace(IntegrationRecord record, StatusChange change);

    /**
     * Newest first, matching the filter, starting after {@code afterId} when given. A page holds at most
     * {@code limit} matches; it may hold fewer, with a cursor, when the read budget of one page runs out
     * on a sparse combination of filters.
     */
    RecordPage list(String tenant, ListFilter filter, Optional<String> afterId, int limit);

    record RecordPage(List<IntegrationRecord> records, Optional<String> lastId) {
    }
}
