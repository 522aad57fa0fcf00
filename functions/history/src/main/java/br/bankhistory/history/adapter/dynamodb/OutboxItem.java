package br.bankhistory.history.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An event in the outbox ({@code type = OUTBOX_EVENT}), written in the transaction of the change it tells: the
 * table's stream carries its insert to the OutboxPublisher function, which publishes {@code detail} as it is.
 * DynamoDB's TTL removes it after {@link #RETENTION_DAYS} days (the removal is filtered out of the stream).
 */
public final class OutboxItem {

    /** The item's {@code type}, which the stream's filter matches. */
    public static final String TYPE = "OUTBOX_EVENT";
    /** Kept for replays and inspection well past the stream's 24 hours, then removed by TTL. */
    static final int RETENTION_DAYS = 7;

    static final TableSchema<OutboxItem> SCHEMA = StaticTableSchema.builder(OutboxItem.class)
            .newItemSupplier(OutboxItem::new)
            .addAttribute(String.class, a -> a.name("PK").getter(OutboxItem::getPk)
                    .setter(OutboxItem::setPk).tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("SK").getter(OutboxItem::getSk)
                    .setter(OutboxItem::setSk).tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("type").getter(OutboxItem::getType).setter(OutboxItem::setType))
            .addAttribute(String.class, a -> a.name("eventId").getter(OutboxItem::getEventId)
                    .setter(OutboxItem::setEventId))
            .addAttribute(String.class, a -> a.name("eventType").getter(OutboxItem::getEventType)
                    .setter(OutboxItem::setEventType))
            .addAttribute(String.class, a -> a.name("recordId").getter(OutboxItem::getRecordId)
                    .setter(OutboxItem::setRecordId))
            .addAttribute(Long.class, a -> a.name("sequence").getter(OutboxItem::getSequence)
                    .setter(OutboxItem::setSequence))
            .addAttribute(String.class, a -> a.name("occurredAt").getter(OutboxItem::getOccurredAt)
                    .setter(OutboxItem::setOccurredAt))
            .addAttribute(String.class, a -> a.name("detail").getter(OutboxItem::getDetail)
                    .setter(OutboxItem::setDetail))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(OutboxItem::getExpiresAt)
                    .setter(OutboxItem::setExpiresAt))
            .build();

    /** The outbox item of an event, {@code detail} its envelope as JSON; written only if it does not exist. */
    static OutboxItem of(br.bankhistory.history.domain.OutboxEvent event, String detail) {
        OutboxItem item = new OutboxItem();
        item.setPk(TableKeys.tenantPartition(event.tenant()));
        item.setSk(TableKeys.outboxSort(event.recordId(), event.sequence()));
        item.setType(TYPE);
        item.setEventId(event.id());
        item.setEventType(event.type());
        item.setRecordId(event.recordId());
        item.setSequence(event.sequence());
        item.setOccurredAt(event.occurredAt().toString());
        item.setDetail(detail);
        item.setExpiresAt(event.occurredAt().plus(java.time.Duration.ofDays(RETENTION_DAYS)).getEpochSecond());
        return item;
    }

    private String pk;
    private String sk;
    private String type;
    private String eventId;
    private String eventType;
    private String recordId;
    private Long sequence;
    private String occurredAt;
    private String detail;
    private Long expiresAt;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getEventId() { return eventId; }
    public void setEventId(String v) { eventId = v; }
    public String getEventType() { return eventType; }
    public void setEventType(String v) { eventType = v; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String v) { recordId = v; }
    public Long getSequence() { return sequence; }
    public void setSequence(Long v) { sequence = v; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String v) { occurredAt = v; }
    public String getDetail() { return detail; }
    public void setDetail(String v) { detail = v; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long v) { expiresAt = v; }
}
