package br.bankhistory.history.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The admin email of one record ({@code T#{tenant}} / {@code MAIL#{recordId}}). */
public final class NotificationItem {

    static final TableSchema<NotificationItem> SCHEMA = StaticTableSchema.builder(NotificationItem.class)
            .newItemSupplier(NotificationItem::new)
            .addAttribute(String.class, a -> a.name("PK").getter(NotificationItem::getPk).setter(NotificationItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("SK").getter(NotificationItem::getSk).setter(NotificationItem::setSk)
                    .tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("type").getter(NotificationItem::getType).setter(NotificationItem::setType))
            .addAttribute(String.class, a -> a.name("state").getter(NotificationItem::getState).setter(NotificationItem::setState))
            .addAttribute(Long.class, a -> a.name("leaseUntil").getter(NotificationItem::getLeaseUntil).setter(NotificationItem::setLeaseUntil))
            .addAttribute(String.class, a -> a.name("messageId").getter(NotificationItem::getMessageId).setter(NotificationItem::setMessageId))
            .addAttribute(Integer.class, a -> a.name("recipients").getter(NotificationItem::getRecipients).setter(NotificationItem::setRecipients))
            .addAttribute(String.class, a -> a.name("at").getter(NotificationItem::getAt).setter(NotificationItem::setAt))
            .build();

    private String pk;
    private String sk;
    private String type;
    private String state;
    private Long leaseUntil;
    private String messageId;
    private Integer recipients;
    private String at;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getState() { return state; }
    public void setState(String v) { state = v; }
    public Long getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(Long v) { leaseUntil = v; }
    public String getMessageId() { return messageId; }
    public void setMessageId(String v) { messageId = v; }
    public Integer getRecipients() { return recipients; }
    public void setRecipients(Integer v) { recipients = v; }
    public String getAt() { return at; }
    public void setAt(String v) { at = v; }
}
