package br.bankhistory.history.handler;

import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A remessa's delivery to the bank as the API shows it (docs/openapi.yaml, {@code Delivery}). */
final class DeliveryViews {

    private DeliveryViews() {
    }

    /** Null for a record this service does not deliver. */
    static Map<String, Object> delivery(IntegrationRecord r) {
        Delivery d = r.delivery();
        if (d.state() == Delivery.State.NONE) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("state", d.state().name());
        v.put("attempts", d.attempts());
        v.put("lastAttemptAt", time(d.lastAttemptAt()));
        v.put("nextAttemptAt", time(d.nextAttemptAt()));
        v.put("deliveredAt", time(d.deliveredAt()));
        v.put("channel", d.destination() == null ? null : d.destination().channel());
        v.put("channelLabel", d.destination() == null ? null : d.destination().label());
        v.put("remotePath", d.destination() == null ? null : d.destination().remotePath());
        v.put("failureReason", d.failureReason().isEmpty() ? null : d.failureReason());
        v.put("retryable", r.status() == RecordStatus.DELIVERY_FAILED);
        return v;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
