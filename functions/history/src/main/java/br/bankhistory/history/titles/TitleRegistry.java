package br.bankhistory.history.titles;

import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.TitleEvents;
import br.bankhistory.history.domain.TitleKeys;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.TitleClaims;
import br.bankhistory.history.port.TitleClaims.Holder;
import br.bankhistory.history.port.TitleClaims.Title;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A title goes to the bank once (docs/remessa-lifecycle.md, "A title goes to the bank once"): a remessa's
 * entry titles are claimed for its object; a title another <em>live</em> remessa holds is a conflict. A
 * holder is live while its record is generated, sent or processed by the bank, or, before its record
 * exists, while its object is in the bucket (its notification is on the way) or its generation is still
 * running. A cancelled, rejected or discarded remessa, or a generation that never stored its file, lets the
 * title go: its claim is taken over.
 */
public final class TitleRegistry {

    /** Remessas whose titles are with the bank, or on their way to it. */
    public static final Set<RecordStatus> LIVE = EnumSet.of(RecordStatus.GENERATED, RecordStatus.READY_TO_SEND,
            RecordStatus.SENT, RecordStatus.DELIVERY_FAILED, RecordStatus.AWAITING_APPROVAL, RecordStatus.APPROVED,
            RecordStatus.PROCESSED_BY_BANK);
    /** Longer than any generation takes: a claim this old whose object never appeared was left by a failure. */
    static final Duration GENERATION_WINDOW = Duration.ofMinutes(5);

    private final TitleClaims claims;
    private final RecordStore records;
    private final FileStore files;
    private final Clock clock;

    public TitleRegistry(TitleClaims claims, RecordStore records, FileStore files, Clock clock) {
        this.claims = claims;
        this.records = records;
        this.files = files;
        this.clock = clock;
    }

    /**
     * A title of this remessa that a live remessa holds.
     *
     * @param holderRecordId the holder's record, empty while it is not recorded yet
     */
    public record Conflict(Title title, Holder holder, String holderRecordId) {
    }

    /**
     * Claims the titles for the object. Titles held by remessas no longer live are taken over; with
     * {@code resendOnPurpose} (an admin's decision, audited by the caller) live ones are too.
     *
     * @return the titles live remessas held: not claimed, or taken over on purpose
     */
    public List<Conflict> claim(String tenant, String objectKey, String fileName, List<Title> titles,
                                boolean resendOnPurpose) {
        Instant now = clock.instant();
        Map<String, Holder> held = claims.claim(tenant, objectKey, fileName, titles, now);
        List<Conflict> conflicts = new ArrayList<>();
        for (Title title : titles) {
            Holder holder = held.get(title.key());
            if (holder == null) {
                continue;
            }
            Optional<String> live = liveRecord(tenant, holder, now);
            boolean taken = (live.isEmpty() || resendOnPurpose)
                    && claims.takeOver(tenant, objectKey, fileName, title, holder, now);
            if (live.isPresent() || !taken) {
                // a live holder (kept, or replaced on purpose), or another remessa that took it in between
                conflicts.add(new Conflict(title, holder, live.orElse("")));
            }
        }
        return conflicts;
    }

    /**
     * The claim key of a remessa's title known by its index key (a nosso número key, or {@code P:} + the seu
     * número of a payment), under the remessa's bank and account.
     */
    public static String claimKey(IntegrationRecord remessa, String indexKey) {
        if (TitleEvents.isYourNumberKey(indexKey)) {
            return ""; // boletos are claimed by nosso número; one matched by seu número had none to claim
        }
        return indexKey.startsWith("P:")
                ? TitleKeys.ofPayment(remessa.bankCode(), remessa.agency(), remessa.account(), remessa.agreement(),
                indexKey.substring(2))
                : TitleKeys.of(remessa.bankCode(), remessa.agency(), remessa.account(), remessa.agreement(), indexKey);
    }

    /**
     * The bank acted on a title of a cancelled remessa (paid it, confirmed it): the title stays the remessa's, so a
     * new remessa carrying it is refused, whatever the cancellation (docs/remessa-lifecycle.md).
     */
    public void settle(String tenant, IntegrationRecord remessa, String indexKey, String byRetorno) {
        String key = claimKey(remessa, indexKey);
        if (!key.isEmpty()) {
            claims.settle(tenant, key, remessa.objectKey(), remessa.fileName(), byRetorno, clock.instant());
        }
    }

    /** Gives up this object's claims (a remessa never stored, or one whose titles the bank refused). */
    public void release(String tenant, String objectKey, List<String> titleKeys) {
        claims.release(tenant, objectKey, titleKeys);
    }

    /** The holder's record id (empty while not recorded) when the holder is live; empty Optional when not. */
    private Optional<String> liveRecord(String tenant, Holder holder, Instant now) {
        if (holder.objectKey().isEmpty()) {
            return Optional.empty();
        }
        if (!holder.settledBy().isEmpty()) {
            return Optional.of(records.recordIdForKey(tenant, holder.objectKey()).orElse("")); // the bank acted on it
        }
        Optional<String> recordId = records.recordIdForKey(tenant, holder.objectKey());
        if (recordId.isPresent()) {
            Optional<IntegrationRecord> record = records.find(tenant, recordId.get());
            return record.filter(r -> LIVE.contains(r.status())).map(IntegrationRecord::id);
        }
        boolean stored = files.exists(holder.objectKey());
        boolean running = holder.claimedAt().plus(GENERATION_WINDOW).isAfter(now);
        return stored || running ? Optional.of("") : Optional.empty();
    }
}
