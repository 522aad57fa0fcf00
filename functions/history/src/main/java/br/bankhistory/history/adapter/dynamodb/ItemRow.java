package br.bankhistory.history.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.util.List;

/** The DynamoDB shape of one title or payment of a recorded file. */
public final class ItemRow {

    static final String BY_OUR_NUMBER = "byOurNumber";

    static final TableSchema<ItemRow> SCHEMA = StaticTableSchema.builder(ItemRow.class)
            .newItemSupplier(ItemRow::new)
            .addAttribute(String.class, a -> a.name("PK").getter(ItemRow::getPk).setter(ItemRow::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("SK").getter(ItemRow::getSk).setter(ItemRow::setSk)
                    .tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("ourNumberKey").getter(ItemRow::getOurNumberKey)
                    .setter(ItemRow::setOurNumberKey).tags(StaticAttributeTags.secondaryPartitionKey(BY_OUR_NUMBER)))
            .addAttribute(String.class, a -> a.name("itemSort").getter(ItemRow::getItemSort)
                    .setter(ItemRow::setItemSort).tags(StaticAttributeTags.secondarySortKey(BY_OUR_NUMBER)))
            .addAttribute(String.class, a -> a.name("type").getter(ItemRow::getType).setter(ItemRow::setType))
            .addAttribute(String.class, a -> a.name("recordId").getter(ItemRow::getRecordId).setter(ItemRow::setRecordId))
            .addAttribute(Integer.class, a -> a.name("seq").getter(ItemRow::getSeq).setter(ItemRow::setSeq))
            .addAttribute(String.class, a -> a.name("fileName").getter(ItemRow::getFileName).setter(ItemRow::setFileName))
            .addAttribute(Integer.class, a -> a.name("line").getter(ItemRow::getLine).setter(ItemRow::setLine))
            .addAttribute(String.class, a -> a.name("segment").getter(ItemRow::getSegment).setter(ItemRow::setSegment))
            .addAttribute(String.class, a -> a.name("ourNumber").getter(ItemRow::getOurNumber).setter(ItemRow::setOurNumber))
            .addAttribute(String.class, a -> a.name("yourNumber").getter(ItemRow::getYourNumber).setter(ItemRow::setYourNumber))
            .addAttribute(String.class, a -> a.name("occurrenceCode").getter(ItemRow::getOccurrenceCode).setter(ItemRow::setOccurrenceCode))
            .addAttribute(String.class, a -> a.name("occurrenceText").getter(ItemRow::getOccurrenceText).setter(ItemRow::setOccurrenceText))
            .addAttribute(String.class, a -> a.name("category").getter(ItemRow::getCategory).setter(ItemRow::setCategory))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("reasons").getter(ItemRow::getReasons).setter(ItemRow::setReasons))
            .addAttribute(String.class, a -> a.name("dueDate").getter(ItemRow::getDueDate).setter(ItemRow::setDueDate))
            .addAttribute(Long.class, a -> a.name("amountCents").getter(ItemRow::getAmountCents).setter(ItemRow::setAmountCents))
            .addAttribute(Long.class, a -> a.name("paidCents").getter(ItemRow::getPaidCents).setter(ItemRow::setPaidCents))
            .addAttribute(Long.class, a -> a.name("feeCents").getter(ItemRow::getFeeCents).setter(ItemRow::setFeeCents))
            .addAttribute(String.class, a -> a.name("occurrenceDate").getter(ItemRow::getOccurrenceDate).setter(ItemRow::setOccurrenceDate))
            .addAttribute(String.class, a -> a.name("creditDate").getter(ItemRow::getCreditDate).setter(ItemRow::setCreditDate))
            .addAttribute(String.class, a -> a.name("counterpartName").getter(ItemRow::getCounterpartName).setter(ItemRow::setCounterpartName))
            .addAttribute(String.class, a -> a.name("counterpartDocument").getter(ItemRow::getCounterpartDocument).setter(ItemRow::setCounterpartDocument))
            .addAttribute(String.class, a -> a.name("reconStatus").getter(ItemRow::getReconStatus).setter(ItemRow::setReconStatus))
            .addAttribute(String.class, a -> a.name("reconRecordId").getter(ItemRow::getReconRecordId).setter(ItemRow::setReconRecordId))
            .addAttribute(String.class, a -> a.name("reconFileName").getter(ItemRow::getReconFileName).setter(ItemRow::setReconFileName))
            .addAttribute(Integer.class, a -> a.name("reconSeq").getter(ItemRow::getReconSeq).setter(ItemRow::setReconSeq))
            .addAttribute(String.class, a -> a.name("reconCategory").getter(ItemRow::getReconCategory).setter(ItemRow::setReconCategory))
            .build();

    private String pk;
    private String sk;
    private String ourNumberKey;
    private String itemSort;
    private String type;
    private String recordId;
    private Integer seq;
    private String fileName;
    private Integer line;
    private String segment;
    private String ourNumber;
    private String yourNumber;
    private String occurrenceCode;
    private String occurrenceText;
    private String category;
    private List<String> reasons;
    private String dueDate;
    private Long amountCents;
    private Long paidCents;
    private Long feeCents;
    private String occurrenceDate;
    private String creditDate;
    private String counterpartName;
    private String counterpartDocument;
    private String reconStatus;
    private String reconRecordId;
    private String reconFileName;
    private Integer reconSeq;
    private String reconCategory;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getOurNumberKey() { return ourNumberKey; }
    public void setOurNumberKey(String v) { ourNumberKey = v; }
    public String getItemSort() { return itemSort; }
    public void setItemSort(String v) { itemSort = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String v) { recordId = v; }
    public Integer getSeq() { return seq; }
    public void setSeq(Integer v) { seq = v; }
    public String getFileName() { return fileName; }
    public void setFileName(String v) { fileName = v; }
    public Integer getLine() { return line; }
    public void setLine(Integer v) { line = v; }
    public String getSegment() { return segment; }
    public void setSegment(String v) { segment = v; }
    public String getOurNumber() { return ourNumber; }
    public void setOurNumber(String v) { ourNumber = v; }
    public String getYourNumber() { return yourNumber; }
    public void setYourNumber(String v) { yourNumber = v; }
    public String getOccurrenceCode() { return occurrenceCode; }
    public void setOccurrenceCode(String v) { occurrenceCode = v; }
    public String getOccurrenceText() { return occurrenceText; }
    public void setOccurrenceText(String v) { occurrenceText = v; }
    public String getCategory() { return category; }
    public void setCategory(String v) { category = v; }
    public List<String> getReasons() { return reasons; }
    public void setReasons(List<String> v) { reasons = v; }
    public String getDueDate() { return dueDate; }
    public void setDueDate(String v) { dueDate = v; }
    public Long getAmountCents() { return amountCents; }
    public void setAmountCents(Long v) { amountCents = v; }
    public Long getPaidCents() { return paidCents; }
    public void setPaidCents(Long v) { paidCents = v; }
    public Long getFeeCents() { return feeCents; }
    public void setFeeCents(Long v) { feeCents = v; }
    public String getOccurrenceDate() { return occurrenceDate; }
    public void setOccurrenceDate(String v) { occurrenceDate = v; }
    public String getCreditDate() { return creditDate; }
    public void setCreditDate(String v) { creditDate = v; }
    public String getCounterpartName() { return counterpartName; }
    public void setCounterpartName(String v) { counterpartName = v; }
    public String getCounterpartDocument() { return counterpartDocument; }
    public void setCounterpartDocument(String v) { counterpartDocument = v; }
    public String getReconStatus() { return reconStatus; }
    public void setReconStatus(String v) { reconStatus = v; }
    public String getReconRecordId() { return reconRecordId; }
    public void setReconRecordId(String v) { reconRecordId = v; }
    public String getReconFileName() { return reconFileName; }
    public void setReconFileName(String v) { reconFileName = v; }
    public Integer getReconSeq() { return reconSeq; }
    public void setReconSeq(Integer v) { reconSeq = v; }
    public String getReconCategory() { return reconCategory; }
    public void setReconCategory(String v) { reconCategory = v; }
}
