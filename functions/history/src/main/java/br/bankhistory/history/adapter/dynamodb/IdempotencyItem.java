package br.bankhistory.history.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A request made with an Idempotency-Key: in progress (until {@code inProgressUntil}) or complete with its
 * answer; {@code expiresAt} lets DynamoDB's TTL remove it after a day.
 */
public final class IdempotencyItem {

    static final TableSchema<IdempotencyItem> SCHEMA = StaticTableSchema.builder(IdempotencyItem.class)
            .newItemSupplier(IdempotencyItem::new)
            .addAttribute(String.class, a -> a.name("PK").getter(IdempotencyItem::getPk).setter(IdempotencyItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("SK").getter(IdempotencyItem::getSk).setter(IdempotencyItem::setSk)
                    .tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("type").getter(IdempotencyItem::getType).setter(IdempotencyItem::setType))
            .addAttribute(String.class, a -> a.name("fingerprint").getter(IdempotencyItem::getFingerprint).setter(IdempotencyItem::setFingerprint))
            .addAttribute(String.class, a -> a.name("state").getter(IdempotencyItem::getState).setter(IdempotencyItem::setState))
            .addAttribute(Long.class, a -> a.name("inProgressUntil").getter(IdempotencyItem::getInProgressUntil).setter(IdempotencyItem::setInProgressUntil))
            .addAttribute(Integer.class, a -> a.name("status").getter(IdempotencyItem::getStatus).setter(IdempotencyItem::setStatus))
            .addAttribute(String.class, a -> a.name("body").getter(IdempotencyItem::getBody).setter(IdempotencyItem::setBody))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(IdempotencyItem::getExpiresAt).setter(IdempotencyItem::setExpiresAt))
            .build();

    private String pk;
    private String sk;
    private String type;
    private String fingerprint;
    private String state;
    private Long inProgressUntil;
    private Integer status;
    private String body;
    private Long expiresAt;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getFingerprint() { return fingerprint; }
    public void setFingerprint(String v) { fingerprint = v; }
    public String getState() { return state; }
    public void setState(String v) { state = v; }
    public Long getInProgressUntil() { return inProgressUntil; }
    public void setInProgressUntil(Long v) { inProgressUntil = v; }
    public Integer getStatus() { return status; }
    public void setStatus(Integer v) { status = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long v) { expiresAt = v; }
}
