package br.bankhistory.history.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.util.List;

/** One tenant setting ({@code T#{tenant}} / {@code SETTINGS#{name}}): a list of values and who set it. */
public final class SettingsItem {

    static final TableSchema<SettingsItem> SCHEMA = StaticTableSchema.builder(SettingsItem.class)
            .newItemSupplier(SettingsItem::new)
            .addAttribute(String.class, a -> a.name("PK").getter(SettingsItem::getPk).setter(SettingsItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("SK").getter(SettingsItem::getSk).setter(SettingsItem::setSk)
                    .tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("type").getter(SettingsItem::getType).setter(SettingsItem::setType))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("values").getter(SettingsItem::getValues)
                    .setter(SettingsItem::setValues))
            .addAttribute(String.class, a -> a.name("updatedBy").getter(SettingsItem::getUpdatedBy)
                    .setter(SettingsItem::setUpdatedBy))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(SettingsItem::getUpdatedAt)
                    .setter(SettingsItem::setUpdatedAt))
            .build();

    private String pk;
    private String sk;
    private String type;
    private List<String> values;
    private String updatedBy;
    private String updatedAt;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public List<String> getValues() { return values; }
    public void setValues(List<String> v) { values = v; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { updatedBy = v; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String v) { updatedAt = v; }
}
