package br.bankhistory.history.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Points at a record: one delivered S3 object (bucket, key, sequencer/ETag), an object key, or a claim on what
 * a file is (its bytes, its content by meaning, its bank, account and NSA), with when it was claimed.
 */
public final class ObjectDeliveryItem {

    static final TableSchema<ObjectDeliveryItem> SCHEMA = StaticTableSchema.builder(ObjectDeliveryItem.class)
            .newItemSupplier(ObjectDeliveryItem::new)
            .addAttribute(String.class, a -> a.name("PK").getter(ObjectDeliveryItem::getPk)
                    .setter(ObjectDeliveryItem::setPk).tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("SK").getter(ObjectDeliveryItem::getSk)
                    .setter(ObjectDeliveryItem::setSk).tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("type").getter(ObjectDeliveryItem::getType)
                    .setter(ObjectDeliveryItem::setType))
            .addAttribute(String.class, a -> a.name("recordId").getter(ObjectDeliveryItem::getRecordId)
                    .setter(ObjectDeliveryItem::setRecordId))
            .addAttribute(String.class, a -> a.name("claimedAt").getter(ObjectDeliveryItem::getClaimedAt)
                    .setter(ObjectDeliveryItem::setClaimedAt))
            .build();

    private String pk;
    private String sk;
    private String type;
    private String recordId;
    private String claimedAt;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String v) { recordId = v; }
    public String getClaimedAt() { return claimedAt; }
    public void setClaimedAt(String v) { claimedAt = v; }
}
