package br.bankhistory.history.delivery;

import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.domain.DeliveryPolicy;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ObjectPlace;
import br.bankhistory.history.domain.RecordDecision;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.RemessaDelivery;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.port.BankChannel;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.SettingsStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One step of a remessa's delivery to the bank (docs/remessa-lifecycle.md, "Delivery to the bank"), run each time
 * its message on the delivery queue is received: the record says what comes next, the message only wakes it up, so
 * a message delivered twice, or two at once, changes nothing more.
 *
 * <ul>
 *   <li>A try first takes the record with a write conditional on the record as read (as approvals are decided):
 *       of two deliveries at once, or a delivery and a cancellation, one wins; the other sends nothing.</li>
 *   <li>Then it sends, and writes the outcome: "Enviada ao banco"; a transfer started (its result comes later);
 *       refused, retried after the policy's wait, and "Falha no envio" after the last try, with its event and the
 *       {@code DeliveryFailed} metric the alarm watches.</li>
 *   <li>A try whose outcome nobody knows (it crashed, or the channel did not answer) keeps the record until its
 *       lease ends; the step after that asks the destination whether the file is there (the remessa keeps its own
 *       name) before it sends again, so a crash between the transfer and the record's update never sends twice.</li>
 * </ul>
 */
public final class DeliverRemessa {

    private static final JsonLog LOG = JsonLog.of(DeliverRemessa.class);

    /** What the message that woke the step does next. */
    public sealed interface Next {
        /** Nothing more to do for this record: the message is done. */
        record Done(String why) implements Next {
        }

        /** Look again after {@code after} (the message is kept and comes back then). */
        record Later(Duration after) implements Next {
        }
    }

    private final RecordStore records;
    private final SettingsStore settings;
    private final BankChannel channel;
    private final DeliveryPolicy policy;
    private final Metrics metrics;
    private final Clock clock;
    private final Supplier<String> claimIds;

    /** @param claimIds a fresh id per try (drawn at call time, never at init: SnapStart) */
    public DeliverRemessa(RecordStore records, SettingsStore settings, BankChannel channel, DeliveryPolicy policy,
                          Metrics metrics, Clock clock, Supplier<String> claimIds) {
        this.records = records;
        this.settings = settings;
        this.channel = channel;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
        this.claimIds = claimIds;
    }

    public Next step(String tenant, String recordId) {
        Optional<IntegrationRecord> found = records.find(tenant, recordId);
        if (found.isEmpty() || !RemessaDelivery.deliverable(found.get())) {
            return new Next.Done(found.map(r -> "status " + r.status().name()).orElse("no record"));
        }
        IntegrationRecord record = found.get();
        Delivery d = record.delivery();
        Instant now = clock.instant();
        return switch (d.state()) {
            case SENDING -> now.isBefore(d.claimedAt().plus(policy.lease()))
                    ? new Next.Later(Duration.between(now, d.claimedAt().plus(policy.lease())))
                    : resolve(record);
            case TRANSFERRING -> now.isBefore(d.claimedAt().plus(policy.transferWait()))
                    ? new Next.Later(policy.poll())
                    : resolve(record);
            default -> d.nextAttemptAt() != null && now.isBefore(d.nextAttemptAt())
                    ? new Next.Later(Duration.between(now, d.nextAttemptAt()))
                    : attempt(record);
        };
    }

    /**
     * The outcome of a transfer the channel took (AWS Transfer Family's result event), for the record of the object
     * it sent: "Enviada ao banco", or a failed try. A result for another transfer than the one the record waits for,
     * for an object that is no remessa of the history, or one that comes again, changes nothing.
     *
     * @param objectKey the sent object's key in the files bucket ({@code outbound/{tenant}/{file}})
     * @param failure   why it failed, as the channel says it (code and message), when it did
     */
    public Next settle(String objectKey, String transferId, boolean completed, String failure) {
        Optional<IntegrationRecord> found = ObjectPlace.of(objectKey)
                .flatMap(place -> records.recordIdForKey(place.tenant(), objectKey)
                        .flatMap(id -> records.find(place.tenant(), id)));
        if (found.isEmpty()) {
            LOG.warn("delivery.result_ignored", Map.of("key", objectKey, "transferId", transferId));
            return new Next.Done("no record");
        }
        String why = "o SFTP do banco não recebeu o arquivo (" + failure + ").";
        boolean[] late = {false};
        boolean[] contradicted = {false};
        Next next = write(found.get(), r -> {
            Delivery d = r.delivery();
            late[0] = !d.inFlight();
            if (late[0]) {
                Optional<RecordDecision> decision = RemessaDelivery.lateResult(r, transferId, completed, failure,
                        clock.instant());
                contradicted[0] = decision.isPresent() && !completed;
                return decision;
            }
            if (!d.transferId().isEmpty() && !d.transferId().equals(transferId)) {
                return Optional.empty();
            }
            return completed ? RemessaDelivery.delivered(r, d.claimId(), clock.instant())
                    : RemessaDelivery.failed(r, d.claimId(), why, clock.instant(), policy);
        });
        if (late[0]) {
            LOG.warn("delivery.late_result", Map.of("tenant", found.get().tenant(), "recordId", found.get().id(),
                    "transferId", transferId, "completed", completed, "contradicted", contradicted[0]));
        }
        if (contradicted[0]) {
            metrics.count("DeliveryResultContradicted", 1);
        }
        return next;
    }

    /** A new try: take the record, send, write the outcome. */
    private Next attempt(IntegrationRecord record) {
        BankChannel.Outgoing file = outgoing(record);
        BankChannel.Route route = channel.route(file, account(record));
        if (route instanceof BankChannel.Route.Unconfigured none) {
            return write(record, r -> RemessaDelivery.cannotSend(r, none.reason(), clock.instant()));
        }
        Delivery.Destination to = ((BankChannel.Route.To) route).destination();
        String claim = claimIds.get();
        IntegrationRecord taken = records.decide(record.tenant(), record.id(),
                r -> RemessaDelivery.claim(r, claim, clock.instant(), to)).orElseThrow();
        if (!RemessaDelivery.holds(taken, claim)) {
            // another try took it first, or it left the delivery's hands (cancelled): it decides, not this one
            LOG.info("delivery.not_taken", fields(taken, "status", taken.status().name()));
            return RemessaDelivery.deliverable(taken) ? new Next.Later(policy.poll()) : new Next.Done("not taken");
        }
        return send(taken, file, claim);
    }

    private Next send(IntegrationRecord taken, BankChannel.Outgoing file, String claim) {
        Delivery.Destination to = taken.delivery().destination();
        BankChannel.Sent sent;
        try {
            sent = channel.send(file, to);
        } catch (RuntimeException unknown) {
            // the file may or may not be there: the record stays taken, and the step after the lease checks
            LOG.warn("delivery.outcome_unknown", fields(taken, "error", String.valueOf(unknown)));
            return new Next.Later(policy.lease());
        }
        if (sent instanceof BankChannel.Sent.Delivered) {
            return write(taken, r -> RemessaDelivery.delivered(r, claim, clock.instant()));
        }
        if (sent instanceof BankChannel.Sent.Started started) {
            write(taken, r -> RemessaDelivery.transferring(r, claim, started.transferId()));
            return new Next.Later(policy.poll());
        }
        String reason = ((BankChannel.Sent.Refused) sent).reason();
        return write(taken, r -> RemessaDelivery.failed(r, claim, reason, clock.instant(), policy));
    }

    /**
     * A try holds the record past its lease (or its transfer's result never came): the destination says whether the
     * file got there, and only an absent file is tried again.
     */
    private Next resolve(IntegrationRecord record) {
        String claim = record.delivery().claimId();
        BankChannel.Presence presence = channel.presence(outgoing(record), record.delivery().destination());
        LOG.info("delivery.checked", fields(record, "presence", presence.name()));
        return switch (presence) {
            case THERE -> write(record, r -> RemessaDelivery.delivered(r, claim, clock.instant()));
            case CHECKING -> new Next.Later(policy.poll());
            case ABSENT -> write(record, r -> RemessaDelivery.failed(r, claim, "a tentativa " + r.delivery().attempts()
                    + " não terminou e o arquivo não chegou ao banco.", clock.instant(), policy));
        };
    }

    /** Writes the step's decision on the record as it is now, and says what comes next. */
    private Next write(IntegrationRecord before, Function<IntegrationRecord, Optional<RecordDecision>> decision) {
        boolean[] decided = {false};
        IntegrationRecord after = records.decide(before.tenant(), before.id(), r -> {
            Optional<RecordDecision> d = decision.apply(r);
            decided[0] = d.isPresent();
            return d;
        }).orElseThrow();
        if (decided[0] && after.status() != before.status()) {
            LOG.info("delivery." + after.status().name().toLowerCase(java.util.Locale.ROOT), fields(after,
                    "attempts", after.delivery().attempts()));
            metrics.count(after.status() == RecordStatus.SENT ? "RemessasDelivered" : "DeliveryFailed", 1);
        }
        return next(after);
    }

    /** What the record, as written, asks of its message. */
    Next next(IntegrationRecord after) {
        if (!RemessaDelivery.deliverable(after)) {
            return new Next.Done("status " + after.status().name());
        }
        Delivery d = after.delivery();
        if (d.inFlight()) {
            return new Next.Later(policy.poll());
        }
        Instant now = clock.instant();
        return new Next.Later(d.nextAttemptAt() == null || !now.isBefore(d.nextAttemptAt()) ? Duration.ZERO
                : Duration.between(now, d.nextAttemptAt()));
    }

    /** The tenant's registered account the remessa is of. */
    private Optional<BankAccount> account(IntegrationRecord r) {
        return settings.accounts(r.tenant()).stream().filter(a -> a.matches(r.bankCode(), r.agency(), r.account(),
                r.agreement(), r.companyDocument())).findFirst();
    }

    static BankChannel.Outgoing outgoing(IntegrationRecord r) {
        return new BankChannel.Outgoing(r.tenant(), r.id(), r.bankCode(), r.objectKey(), r.fileName(), r.sha256(),
                r.sizeBytes());
    }

    private static Map<String, Object> fields(IntegrationRecord r, String key, Object value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tenant", r.tenant());
        f.put("recordId", r.id());
        f.put(key, value);
        return f;
    }
}
