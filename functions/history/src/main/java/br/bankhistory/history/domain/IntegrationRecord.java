package br.bankhistory.history.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One file in the history: what it is, where its bytes are, who brought it and what was found in it.
 *
 * @param id            stable, sortable by receipt time; unique within the tenant
 * @param receivedAt    when the file arrived (UTC)
 * @param objectKey     the S3 key of the original bytes (never rewritten)
 * @param sha256        hex SHA-256 of the original bytes
 * @param generatedOn   the file's own generation date from its header, or null
 * @param byCategory    totals per outcome category
 * @param findings      the first findings (bounded); {@code findingCounts} counts all of them
 * @param approval      what a remessa waiting for approval needs and has got; {@link Approval#NONE} otherwise
 * @param delivery      a remessa's way to the bank when this service delivers it; {@link Delivery#NONE} otherwise
 */
public record IntegrationRecord(
        String tenant,
        String id,
        Instant receivedAt,
        String fileName,
        String objectKey,
        long sizeBytes,
        String sha256,
        Origin origin,
        String userId,
        String userName,
        RecordStatus status,
        FileKind kind,
        String layout,
        String direction,
        String service,
        String bankCode,
        String bankName,
        String layoutVersion,
        String companyName,
        String companyDocument,
        String agency,
        String account,
        String agreement,
        long sequenceNumber,
        LocalDate generatedOn,
        long itemCount,
        long totalAmountCents,
        long totalPaidCents,
        Map<String, Totals> byCategory,
        List<StoredFinding> findings,
        Map<String, Long> findingCounts,
        Approval approval,
        Delivery delivery) {

    public IntegrationRecord {
        approval = approval == null ? Approval.NONE : approval;
        delivery = delivery == null ? Delivery.NONE : delivery;
    }

    /** A record this service does not deliver. */
    public IntegrationRecord(String tenant, String id, Instant receivedAt, String fileName, String objectKey,
                             long sizeBytes, String sha256, Origin origin, String userId, String userName,
                             RecordStatus status, FileKind kind, String layout, String direction, String service,
                             String bankCode, String bankName, String layoutVersion, String companyName,
                             String companyDocument, String agency, String account, String agreement,
                             long sequenceNumber, LocalDate generatedOn, long itemCount, long totalAmountCents,
                             long totalPaidCents, Map<String, Totals> byCategory, List<StoredFinding> findings,
                             Map<String, Long> findingCounts, Approval approval) {
        this(tenant, id, receivedAt, fileName, objectKey, sizeBytes, sha256, origin, userId, userName, status, kind,
                layout, direction, service, bankCode, bankName, layoutVersion, companyName, companyDocument, agency,
                account, agreement, sequenceNumber, generatedOn, itemCount, totalAmountCents, totalPaidCents,
                byCategory, findings, findingCounts, approval, Delivery.NONE);
    }

    /** A record that needs no approval. */
    public IntegrationRecord(String tenant, String id, Instant receivedAt, String fileName, String objectKey,
                             long sizeBytes, String sha256, Origin origin, String userId, String userName,
                             RecordStatus status, FileKind kind, String layout, String direction, String service,
                             String bankCode, String bankName, String layoutVersion, String companyName,
                             String companyDocument, String agency, String account, String agreement,
                             long sequenceNumber, LocalDate generatedOn, long itemCount, long totalAmountCents,
                             long totalPaidCents, Map<String, Totals> byCategory, List<StoredFinding> findings,
                             Map<String, Long> findingCounts) {
        this(tenant, id, receivedAt, fileName, objectKey, sizeBytes, sha256, origin, userId, userName, status, kind,
                layout, direction, service, bankCode, bankName, layoutVersion, companyName, companyDocument, agency,
                account, agreement, sequenceNumber, generatedOn, itemCount, totalAmountCents, totalPaidCents,
                byCategory, findings, findingCounts, Approval.NONE, Delivery.NONE);
    }

    /** The same record with its approval moved on (a decision), in {@code next} status. */
    public IntegrationRecord withApproval(RecordStatus next, Approval decided) {
        return new IntegrationRecord(tenant, id, receivedAt, fileName, objectKey, sizeBytes, sha256, origin, userId,
                userName, next, kind, layout, direction, service, bankCode, bankName, layoutVersion, companyName,
                companyDocument, agency, account, agreement, sequenceNumber, generatedOn, itemCount,
                totalAmountCents, totalPaidCents, byCategory, findings, findingCounts, decided, delivery);
    }

    /** The same record in another status. */
    public IntegrationRecord withStatus(RecordStatus next) {
        return new IntegrationRecord(tenant, id, receivedAt, fileName, objectKey, sizeBytes, sha256, origin, userId,
                userName, next, kind, layout, direction, service, bankCode, bankName, layoutVersion, companyName,
                companyDocument, agency, account, agreement, sequenceNumber, generatedOn, itemCount,
                totalAmountCents, totalPaidCents, byCategory, findings, findingCounts, approval, delivery);
    }

    /** The same record with its delivery moved on, in {@code next} status. */
    public IntegrationRecord withDelivery(RecordStatus next, Delivery moved) {
        return new IntegrationRecord(tenant, id, receivedAt, fileName, objectKey, sizeBytes, sha256, origin, userId,
                userName, next, kind, layout, direction, service, bankCode, bankName, layoutVersion, companyName,
                companyDocument, agency, account, agreement, sequenceNumber, generatedOn, itemCount,
                totalAmountCents, totalPaidCents, byCategory, findings, findingCounts, approval, moved);
    }

    /** The same record with other totals by outcome. */
    public IntegrationRecord withTotals(Map<String, Totals> totals) {
        return new IntegrationRecord(tenant, id, receivedAt, fileName, objectKey, sizeBytes, sha256, origin, userId,
                userName, status, kind, layout, direction, service, bankCode, bankName, layoutVersion, companyName,
                companyDocument, agency, account, agreement, sequenceNumber, generatedOn, itemCount,
                totalAmountCents, totalPaidCents, Map.copyOf(totals), findings, findingCounts, approval, delivery);
    }

    /** The same record with more findings, counted by severity with the others. */
    public IntegrationRecord withFindings(List<StoredFinding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<StoredFinding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        Map<String, Long> counts = new java.util.LinkedHashMap<>(findingCounts);
        more.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return new IntegrationRecord(tenant, id, receivedAt, fileName, objectKey, sizeBytes, sha256, origin, userId,
                userName, status, kind, layout, direction, service, bankCode, bankName, layoutVersion, companyName,
                companyDocument, agency, account, agreement, sequenceNumber, generatedOn, itemCount,
                totalAmountCents, totalPaidCents, byCategory, List.copyOf(all), Map.copyOf(counts), approval, delivery);
    }

    /**
     * The same record with its findings of {@code code} replaced by {@code replacement} (none when null): a finding
     * the service keeps up to date, such as the extrato's cobrança credits no retorno accounts for yet.
     */
    public IntegrationRecord withFindingReplaced(String code, StoredFinding replacement) {
        List<StoredFinding> kept = new java.util.ArrayList<>();
        Map<String, Long> counts = new java.util.LinkedHashMap<>(findingCounts);
        for (StoredFinding f : findings) {
            if (f.code().equals(code)) {
                counts.computeIfPresent(f.severity(), (severity, n) -> n > 1 ? n - 1 : null);
            } else {
                kept.add(f);
            }
        }
        IntegrationRecord without = new IntegrationRecord(tenant, id, receivedAt, fileName, objectKey, sizeBytes,
                sha256, origin, userId, userName, status, kind, layout, direction, service, bankCode, bankName,
                layoutVersion, companyName, companyDocument, agency, account, agreement, sequenceNumber, generatedOn,
                itemCount, totalAmountCents, totalPaidCents, byCategory, List.copyOf(kept), Map.copyOf(counts),
                approval, delivery);
        return replacement == null ? without : without.withFindings(List.of(replacement));
    }
}
