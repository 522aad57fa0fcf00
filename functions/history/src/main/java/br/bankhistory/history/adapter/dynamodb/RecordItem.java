package br.bankhistory.history.adapter.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The DynamoDB shape of a history record. Totals and findings are kept as JSON documents: they are read
 * whole with the record and never queried by their content.
 */
public final class RecordItem {

    static final TableSchema<RecordItem> SCHEMA = StaticTableSchema.builder(RecordItem.class)
            .newItemSupplier(RecordItem::new)
            .addAttribute(String.class, a -> a.name("PK").getter(RecordItem::getPk).setter(RecordItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("SK").getter(RecordItem::getSk).setter(RecordItem::setSk)
                    .tags(StaticAttributeTags.primarySortKey()))
            .addAttribute(String.class, a -> a.name("type").getter(RecordItem::getType).setter(RecordItem::setType))
            .addAttribute(String.class, a -> a.name("tenant").getter(RecordItem::getTenant).setter(RecordItem::setTenant))
            .addAttribute(String.class, a -> a.name("id").getter(RecordItem::getId).setter(RecordItem::setId)
                    .tags(StaticAttributeTags.secondarySortKey(ListIndex.NAMES)))
            .addAttribute(String.class, a -> a.name("kindKey").getter(RecordItem::getKindKey).setter(RecordItem::setKindKey)
                    .tags(StaticAttributeTags.secondaryPartitionKey("byKind")))
            .addAttribute(String.class, a -> a.name("kindBankKey").getter(RecordItem::getKindBankKey).setter(RecordItem::setKindBankKey)
                    .tags(StaticAttributeTags.secondaryPartitionKey("byKindBank")))
            .addAttribute(String.class, a -> a.name("directionKey").getter(RecordItem::getDirectionKey).setter(RecordItem::setDirectionKey)
                    .tags(StaticAttributeTags.secondaryPartitionKey("byDirection")))
            .addAttribute(String.class, a -> a.name("bankKey").getter(RecordItem::getBankKey).setter(RecordItem::setBankKey)
                    .tags(StaticAttributeTags.secondaryPartitionKey("byBank")))
            .addAttribute(String.class, a -> a.name("accountKey").getter(RecordItem::getAccountKey).setter(RecordItem::setAccountKey)
                    .tags(StaticAttributeTags.secondaryPartitionKey("byAccount")))
            .addAttribute(String.class, a -> a.name("originKey").getter(RecordItem::getOriginKey).setter(RecordItem::setOriginKey)
                    .tags(StaticAttributeTags.secondaryPartitionKey("byOrigin")))
            .addAttribute(String.class, a -> a.name("userKey").getter(RecordItem::getUserKey).setter(RecordItem::setUserKey)
                    .tags(StaticAttributeTags.secondaryPartitionKey("byUser")))
            .addAttribute(String.class, a -> a.name("statusKey").getter(RecordItem::getStatusKey).setter(RecordItem::setStatusKey)
                    .tags(StaticAttributeTags.secondaryPartitionKey("byStatus")))
            .addAttribute(String.class, a -> a.name("fileNameKey").getter(RecordItem::getFileNameKey).setter(RecordItem::setFileNameKey)
                    .tags(StaticAttributeTags.secondaryPartitionKey("byFileName")))
            .addAttribute(String.class, a -> a.name("receivedAt").getter(RecordItem::getReceivedAt).setter(RecordItem::setReceivedAt))
            .addAttribute(String.class, a -> a.name("fileName").getter(RecordItem::getFileName).setter(RecordItem::setFileName))
            .addAttribute(String.class, a -> a.name("objectKey").getter(RecordItem::getObjectKey).setter(RecordItem::setObjectKey))
            .addAttribute(Long.class, a -> a.name("sizeBytes").getter(RecordItem::getSizeBytes).setter(RecordItem::setSizeBytes))
            .addAttribute(String.class, a -> a.name("sha256").getter(RecordItem::getSha256).setter(RecordItem::setSha256))
            .addAttribute(String.class, a -> a.name("origin").getter(RecordItem::getOrigin).setter(RecordItem::setOrigin))
            .addAttribute(String.class, a -> a.name("userId").getter(RecordItem::getUserId).setter(RecordItem::setUserId))
            .addAttribute(String.class, a -> a.name("userName").getter(RecordItem::getUserName).setter(RecordItem::setUserName))
            .addAttribute(String.class, a -> a.name("status").getter(RecordItem::getStatus).setter(RecordItem::setStatus))
            .addAttribute(String.class, a -> a.name("kind").getter(RecordItem::getKind).setter(RecordItem::setKind))
            .addAttribute(String.class, a -> a.name("layout").getter(RecordItem::getLayout).setter(RecordItem::setLayout))
            .addAttribute(String.class, a -> a.name("direction").getter(RecordItem::getDirection).setter(RecordItem::setDirection))
            .addAttribute(String.class, a -> a.name("service").getter(RecordItem::getService).setter(RecordItem::setService))
            .addAttribute(String.class, a -> a.name("bankCode").getter(RecordItem::getBankCode).setter(RecordItem::setBankCode))
            .addAttribute(String.class, a -> a.name("bankName").getter(RecordItem::getBankName).setter(RecordItem::setBankName))
            .addAttribute(String.class, a -> a.name("layoutVersion").getter(RecordItem::getLayoutVersion).setter(RecordItem::setLayoutVersion))
            .addAttribute(String.class, a -> a.name("companyName").getter(RecordItem::getCompanyName).setter(RecordItem::setCompanyName))
            .addAttribute(String.class, a -> a.name("companyDocument").getter(RecordItem::getCompanyDocument).setter(RecordItem::setCompanyDocument))
            .addAttribute(String.class, a -> a.name("agency").getter(RecordItem::getAgency).setter(RecordItem::setAgency))
            .addAttribute(String.class, a -> a.name("account").getter(RecordItem::getAccount).setter(RecordItem::setAccount))
            .addAttribute(String.class, a -> a.name("agreement").getter(RecordItem::getAgreement).setter(RecordItem::setAgreement))
            .addAttribute(Long.class, a -> a.name("sequenceNumber").getter(RecordItem::getSequenceNumber).setter(RecordItem::setSequenceNumber))
            .addAttribute(String.class, a -> a.name("generatedOn").getter(RecordItem::getGeneratedOn).setter(RecordItem::setGeneratedOn))
            .addAttribute(Long.class, a -> a.name("itemCount").getter(RecordItem::getItemCount).setter(RecordItem::setItemCount))
            .addAttribute(Long.class, a -> a.name("totalAmountCents").getter(RecordItem::getTotalAmountCents).setter(RecordItem::setTotalAmountCents))
            .addAttribute(Long.class, a -> a.name("totalPaidCents").getter(RecordItem::getTotalPaidCents).setter(RecordItem::setTotalPaidCents))
            .addAttribute(String.class, a -> a.name("totalsJson").getter(RecordItem::getTotalsJson).setter(RecordItem::setTotalsJson))
            .addAttribute(String.class, a -> a.name("findingsJson").getter(RecordItem::getFindingsJson).setter(RecordItem::setFindingsJson))
            .addAttribute(String.class, a -> a.name("statusHistoryJson").getter(RecordItem::getStatusHistoryJson).setter(RecordItem::setStatusHistoryJson))
            .addAttribute(String.class, a -> a.name("findingCountsJson").getter(RecordItem::getFindingCountsJson).setter(RecordItem::setFindingCountsJson))
            .addAttribute(String.class, a -> a.name("approvalJson").getter(RecordItem::getApprovalJson).setter(RecordItem::setApprovalJson))
            .addAttribute(String.class, a -> a.name("deliveryJson").getter(RecordItem::getDeliveryJson).setter(RecordItem::setDeliveryJson))
            .build();

    private String pk;
    private String sk;
    private String type;
    private String tenant;
    private String id;
    private String receivedAt;
    private String fileName;
    private String objectKey;
    private Long sizeBytes;
    private String sha256;
    private String origin;
    private String userId;
    private String userName;
    private String status;
    private String kind;
    private String layout;
    private String direction;
    private String service;
    private String bankCode;
    private String bankName;
    private String layoutVersion;
    private String companyName;
    private String companyDocument;
    private String agency;
    private String account;
    private String agreement;
    private Long sequenceNumber;
    private String generatedOn;
    private Long itemCount;
    private Long totalAmountCents;
    private Long totalPaidCents;
    private String totalsJson;
    private String findingsJson;
    private String findingCountsJson;
    /** A remessa's approval (absent when it needs none). */
    private String approvalJson;
    /** A remessa's delivery to the bank (absent when this service does not deliver it). */
    private String deliveryJson;
    private String kindKey;
    private String directionKey;
    private String kindBankKey;
    private String bankKey;
    private String accountKey;
    private String originKey;
    private String userKey;
    private String statusKey;
    private String fileNameKey;
    private String statusHistoryJson;

    public String getPk() { return pk; }
    public void setPk(String v) { pk = v; }
    public String getSk() { return sk; }
    public void setSk(String v) { sk = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getTenant() { return tenant; }
    public void setTenant(String v) { tenant = v; }
    public String getId() { return id; }
    public void setId(String v) { id = v; }
    public String getReceivedAt() { return receivedAt; }
    public void setReceivedAt(String v) { receivedAt = v; }
    public String getFileName() { return fileName; }
    public void setFileName(String v) { fileName = v; }
    public String getObjectKey() { return objectKey; }
    public void setObjectKey(String v) { objectKey = v; }
    public Long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(Long v) { sizeBytes = v; }
    public String getSha256() { return sha256; }
    public void setSha256(String v) { sha256 = v; }
    public String getOrigin() { return origin; }
    public void setOrigin(String v) { origin = v; }
    public String getUserId() { return userId; }
    public void setUserId(String v) { userId = v; }
    public String getUserName() { return userName; }
    public void setUserName(String v) { userName = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getLayout() { return layout; }
    public void setLayout(String v) { layout = v; }
    public String getDirection() { return direction; }
    public void setDirection(String v) { direction = v; }
    public String getService() { return service; }
    public void setService(String v) { service = v; }
    public String getBankCode() { return bankCode; }
    public void setBankCode(String v) { bankCode = v; }
    public String getBankName() { return bankName; }
    public void setBankName(String v) { bankName = v; }
    public String getLayoutVersion() { return layoutVersion; }
    public void setLayoutVersion(String v) { layoutVersion = v; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String v) { companyName = v; }
    public String getCompanyDocument() { return companyDocument; }
    public void setCompanyDocument(String v) { companyDocument = v; }
    public String getAgency() { return agency; }
    public void setAgency(String v) { agency = v; }
    public String getAccount() { return account; }
    public void setAccount(String v) { account = v; }
    public String getAgreement() { return agreement; }
    public void setAgreement(String v) { agreement = v; }
    public Long getSequenceNumber() { return sequenceNumber; }
    public void setSequenceNumber(Long v) { sequenceNumber = v; }
    public String getGeneratedOn() { return generatedOn; }
    public void setGeneratedOn(String v) { generatedOn = v; }
    public Long getItemCount() { return itemCount; }
    public void setItemCount(Long v) { itemCount = v; }
    public Long getTotalAmountCents() { return totalAmountCents; }
    public void setTotalAmountCents(Long v) { totalAmountCents = v; }
    public Long getTotalPaidCents() { return totalPaidCents; }
    public void setTotalPaidCents(Long v) { totalPaidCents = v; }
    public String getTotalsJson() { return totalsJson; }
    public void setTotalsJson(String v) { totalsJson = v; }
    public String getFindingsJson() { return findingsJson; }
    public void setFindingsJson(String v) { findingsJson = v; }
    public String getFindingCountsJson() { return findingCountsJson; }
    public void setFindingCountsJson(String v) { findingCountsJson = v; }
    public String getApprovalJson() { return approvalJson; }
    public void setApprovalJson(String v) { approvalJson = v; }
    public String getDeliveryJson() { return deliveryJson; }
    public void setDeliveryJson(String v) { deliveryJson = v; }
    public String getKindKey() { return kindKey; }
    public void setKindKey(String v) { kindKey = v; }
    public String getDirectionKey() { return directionKey; }
    public void setDirectionKey(String v) { directionKey = v; }
    public String getBankKey() { return bankKey; }
    public void setBankKey(String v) { bankKey = v; }
    public String getAccountKey() { return accountKey; }
    public void setAccountKey(String v) { accountKey = v; }
    public String getOriginKey() { return originKey; }
    public void setOriginKey(String v) { originKey = v; }
    public String getUserKey() { return userKey; }
    public void setUserKey(String v) { userKey = v; }
    public String getStatusKey() { return statusKey; }
    public void setStatusKey(String v) { statusKey = v; }
    public String getFileNameKey() { return fileNameKey; }
    public void setFileNameKey(String v) { fileNameKey = v; }
    public String getStatusHistoryJson() { return statusHistoryJson; }
    public void setStatusHistoryJson(String v) { statusHistoryJson = v; }
    public String getKindBankKey() { return kindBankKey; }
    public void setKindBankKey(String v) { kindBankKey = v; }
}
