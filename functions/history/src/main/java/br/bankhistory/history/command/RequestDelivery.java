package br.bankhistory.history.command;

import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RemessaDelivery;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.RecordStore;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * An admin asks again for a remessa whose delivery failed ({@code POST /integrations/{id}/deliver}): it waits for
 * delivery again with a new round of tries. The change and its event ({@code remessa.delivery_requested}, routed to
 * the delivery queue) are one write, conditional on the record as read: two requests at once move it once, the
 * second answers 409, as does any remessa not in "Falha no envio".
 */
public final class RequestDelivery {

    private static final JsonLog LOG = JsonLog.of(RequestDelivery.class);

    private final RecordStore records;
    private final Clock clock;

    public RequestDelivery(RecordStore records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Empty when the tenant has no such record. */
    public Optional<IntegrationRecord> request(Identity caller, String id) {
        caller.requireAdmin("Somente administradores podem pedir um novo envio ao banco.");
        if (!RecordIds.isValid(id)) {
            return Optional.empty();
        }
        Optional<IntegrationRecord> after = records.decide(caller.tenant(), id,
                record -> Optional.of(RemessaDelivery.requestAgain(record, caller, clock.instant())));
        after.ifPresent(r -> LOG.info("delivery.requested", Map.of("tenant", caller.tenant(), "recordId", id,
                "by", caller.userId())));
        return after;
    }
}
