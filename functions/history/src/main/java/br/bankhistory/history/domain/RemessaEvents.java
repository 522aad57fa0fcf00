package br.bankhistory.history.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of a generated remessa's way to the bank (docs/events/README.md): waiting for approval, approved or
 * rejected, delivered, its delivery failed or asked for again. Each starts with the file, as every event does, and
 * says the status the remessa is in after the change (the delivery queue's rule matches on it).
 */
public final class RemessaEvents {

    private RemessaEvents() {
    }

    /** @param generated what {@code remessa.generated} would have said (file, status, who, total, titles) */
    static ChangeEvent awaitingApproval(IntegrationRecord r, Map<String, Object> generated) {
        Map<String, Object> data = new LinkedHashMap<>(generated);
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("required", r.approval().required());
        approval.put("rule", r.approval().rule());
        data.put("approval", approval);
        return new ChangeEvent(EventTypes.REMESSA_AWAITING_APPROVAL, data);
    }

    /** The approval that completed the number required: every approver, oldest first. */
    public static ChangeEvent approved(IntegrationRecord after) {
        Map<String, Object> data = withStatus(after);
        data.put("totalAmountCents", after.totalAmountCents());
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("required", after.approval().required());
        approval.put("rule", after.approval().rule());
        approval.put("approvals", after.approval().approvals().stream().map(d -> Map.of("userId", d.userId(),
                "userName", d.userName(), "at", d.at().toString())).toList());
        data.put("approval", approval);
        return new ChangeEvent(EventTypes.REMESSA_APPROVED, data);
    }

    public static ChangeEvent approvalRejected(IntegrationRecord after, Approval.Decision rejection) {
        Map<String, Object> data = withStatus(after);
        data.put("totalAmountCents", after.totalAmountCents());
        data.put("rejectedBy", Map.of("userId", rejection.userId(), "userName", rejection.userName()));
        data.put("reason", rejection.reason());
        data.put("releasedTitles", after.itemCount());
        return new ChangeEvent(EventTypes.REMESSA_APPROVAL_REJECTED, data);
    }

    public static ChangeEvent delivered(IntegrationRecord after) {
        Map<String, Object> data = withStatus(after);
        data.put("delivery", delivery(after.delivery()));
        return new ChangeEvent(EventTypes.REMESSA_DELIVERED, data);
    }

    public static ChangeEvent deliveryFailed(IntegrationRecord before, IntegrationRecord after) {
        Map<String, Object> data = withStatus(after);
        data.put("fromStatus", before.status().name());
        data.put("reason", after.delivery().failureReason());
        data.put("delivery", delivery(after.delivery()));
        return new ChangeEvent(EventTypes.REMESSA_DELIVERY_FAILED, data);
    }

    public static ChangeEvent deliveryRequested(IntegrationRecord before, IntegrationRecord after, Identity by) {
        Map<String, Object> data = withStatus(after);
        data.put("requestedBy", Map.of("userId", RecordEvents.nz(by.userId()), "userName",
                RecordEvents.nz(by.userName())));
        data.put("previousFailure", before.delivery().failureReason());
        return new ChangeEvent(EventTypes.REMESSA_DELIVERY_REQUESTED, data);
    }

    private static Map<String, Object> withStatus(IntegrationRecord after) {
        Map<String, Object> data = RecordEvents.file(after);
        data.put("status", after.status().name());
        return data;
    }

    /** The delivery facts an ERP reads: channel, remote path, tries, when it reached the bank. */
    private static Map<String, Object> delivery(Delivery d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("channel", d.destination() == null ? null : d.destination().channel());
        v.put("channelLabel", d.destination() == null ? null : d.destination().label());
        v.put("remotePath", d.destination() == null ? null : d.destination().remotePath());
        v.put("attempts", d.attempts());
        v.put("lastAttemptAt", d.lastAttemptAt() == null ? null : d.lastAttemptAt().toString());
        v.put("deliveredAt", d.deliveredAt() == null ? null : d.deliveredAt().toString());
        return v;
    }
}
