package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.Accounts;
import br.bankhistory.history.domain.Approval;
import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;
import br.bankhistory.history.config.PlainJson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A history record as its DynamoDB item and back: the columns, the index keys, and the parts kept as JSON
 * documents (totals, findings, the status history, a remessa's approval and delivery), which are read whole with
 * the record and never queried by their content. They are read and written with {@link PlainJson}, in the text
 * databind wrote: a document stored before reads the same.
 */
final class RecordMapping {

    List<StatusChange> history(RecordItem item) {
        return changes(item.getStatusHistoryJson()).stream()
                .map(StoredChange::toChange).toList();
    }

    /** A status change as stored in the record's JSON history (plain strings, no date-time module needed). */
    record StoredChange(String at, String from, String to, String byUserId, String byUserName,
                                String reason) {

        static StoredChange of(StatusChange c) {
            return new StoredChange(c.at().toString(), c.from() == null ? null : c.from().name(), c.to().name(),
                    c.byUserId(), c.byUserName(), c.reason());
        }

        StatusChange toChange() {
            return new StatusChange(Instant.parse(at), from == null ? null : RecordStatus.valueOf(from),
                    RecordStatus.valueOf(to), byUserId, byUserName, reason);
        }
    }

    /** A remessa's approval as stored in the record (plain strings, as the history). */
    record StoredApproval(int required, String rule, List<String> creators, List<StoredVote> approvals,
                                  StoredVote rejection) {

        static StoredApproval of(Approval a) {
            return new StoredApproval(a.required(), a.rule(), a.creators(),
                    a.approvals().stream().map(StoredVote::of).toList(), a.rejection().map(StoredVote::of).orElse(null));
        }

        Approval toApproval() {
            return new Approval(required, rule == null ? "" : rule, creators == null ? List.of() : creators,
                    approvals == null ? List.of() : approvals.stream().map(StoredVote::toDecision).toList(),
                    Optional.ofNullable(rejection).map(StoredVote::toDecision));
        }
    }

    record StoredVote(String userId, String userName, String at, String reason) {

        static StoredVote of(Approval.Decision d) {
            return new StoredVote(d.userId(), d.userName(), d.at().toString(), d.reason());
        }

        Approval.Decision toDecision() {
            return new Approval.Decision(userId, userName, Instant.parse(at), reason == null ? "" : reason);
        }
    }


    /** A remessa's delivery as stored in the record (plain strings, as the history). */
    record StoredDelivery(String state, int attempts, String lastAttemptAt, String deliveredAt,
                                  String channel, String channelLabel, String address, String remotePath,
                                  String failureReason, String claimId, String claimedAt, String transferId,
                                  String nextAttemptAt) {

        static StoredDelivery of(Delivery d) {
            Optional<Delivery.Destination> to = Optional.ofNullable(d.destination());
            return new StoredDelivery(d.state().name(), d.attempts(), text(d.lastAttemptAt()), text(d.deliveredAt()),
                    to.map(Delivery.Destination::channel).orElse(null), to.map(Delivery.Destination::label).orElse(null),
                    to.map(Delivery.Destination::address).orElse(null),
                    to.map(Delivery.Destination::remotePath).orElse(null), d.failureReason(), d.claimId(),
                    text(d.claimedAt()), d.transferId(), text(d.nextAttemptAt()));
        }

        Delivery toDelivery() {
            Delivery.Destination to = channel == null ? null
                    : new Delivery.Destination(channel, nz(channelLabel), nz(address), nz(remotePath));
            return new Delivery(Delivery.State.valueOf(state), attempts, time(lastAttemptAt), time(deliveredAt), to,
                    failureReason, claimId, time(claimedAt), transferId, time(nextAttemptAt));
        }

        private static String text(Instant at) {
            return at == null ? null : at.toString();
        }

        private static Instant time(String at) {
            return at == null ? null : Instant.parse(at);
        }
    }

    RecordItem toItem(IntegrationRecord r, List<StatusChange> history) {
        RecordItem item = new RecordItem();
        item.setPk(TableKeys.tenantPartition(r.tenant()));
        item.setSk(TableKeys.recordSort(r.id()));
        item.setType("RECORD");
        item.setTenant(r.tenant());
        item.setId(r.id());
        item.setReceivedAt(r.receivedAt().toString());
        item.setFileName(r.fileName());
        item.setObjectKey(r.objectKey());
        item.setSizeBytes(r.sizeBytes());
        item.setSha256(r.sha256());
        item.setOrigin(r.origin().name());
        item.setUserId(r.userId());
        item.setUserName(r.userName());
        item.setStatus(r.status().name());
        item.setKind(r.kind().name());
        item.setLayout(r.layout());
        item.setDirection(r.direction());
        item.setService(r.service());
        item.setBankCode(r.bankCode());
        item.setBankName(r.bankName());
        item.setLayoutVersion(r.layoutVersion());
        item.setCompanyName(r.companyName());
        item.setCompanyDocument(r.companyDocument());
        item.setAgency(r.agency());
        item.setAccount(r.account());
        item.setAgreement(r.agreement());
        item.setSequenceNumber(r.sequenceNumber());
        item.setGeneratedOn(r.generatedOn() == null ? null : r.generatedOn().toString());
        item.setItemCount(r.itemCount());
        item.setTotalAmountCents(r.totalAmountCents());
        item.setTotalPaidCents(r.totalPaidCents());
        item.setTotalsJson(write(r.byCategory()));
        item.setFindingsJson(write(r.findings()));
        item.setFindingCountsJson(write(r.findingCounts()));
        item.setStatusHistoryJson(write(history.stream().map(StoredChange::of).toList()));
        item.setApprovalJson(r.approval().needed() ? write(StoredApproval.of(r.approval())) : null);
        item.setDeliveryJson(r.delivery().state() == Delivery.State.NONE ? null
                : write(StoredDelivery.of(r.delivery())));
        String t = r.tenant();
        item.setKindKey(ListIndex.KIND.partition(t, r.kind().name()));
        item.setDirectionKey(ListIndex.DIRECTION.partition(t, r.direction()));
        item.setBankKey(r.bankCode().isEmpty() ? null : ListIndex.BANK.partition(t, r.bankCode()));
        item.setKindBankKey(r.bankCode().isEmpty() ? null
                : ListIndex.KIND_BANK.partition(t, r.kind().name() + "#" + r.bankCode()));
        String accountNumber = Accounts.accountKey(r.account().isBlank() || Accounts.sameNumber(r.account(), "0")
                ? r.agreement() : r.account());
        item.setAccountKey(accountNumber.isEmpty() || accountNumber.equals("0") ? null
                : ListIndex.ACCOUNT.partition(t, accountNumber));
        item.setOriginKey(ListIndex.ORIGIN.partition(t, r.origin().name()));
        item.setUserKey(r.userId().isEmpty() ? null : ListIndex.USER.partition(t, r.userId()));
        item.setStatusKey(ListIndex.STATUS.partition(t, r.status().name()));
        item.setFileNameKey(ListIndex.FILE_NAME.partition(t, FileNames.key(r.fileName())));
        return item;
    }

    IntegrationRecord toRecord(RecordItem i) {
        return new IntegrationRecord(
                i.getTenant(), i.getId(), Instant.parse(i.getReceivedAt()), i.getFileName(), i.getObjectKey(),
                orZero(i.getSizeBytes()), i.getSha256(), Origin.valueOf(i.getOrigin()), nz(i.getUserId()),
                nz(i.getUserName()), RecordStatus.valueOf(i.getStatus()), FileKind.valueOf(i.getKind()),
                nz(i.getLayout()), nz(i.getDirection()), nz(i.getService()), nz(i.getBankCode()),
                nz(i.getBankName()), nz(i.getLayoutVersion()), nz(i.getCompanyName()), nz(i.getCompanyDocument()),
                nz(i.getAgency()), nz(i.getAccount()), nz(i.getAgreement()), orZero(i.getSequenceNumber()),
                i.getGeneratedOn() == null ? null : LocalDate.parse(i.getGeneratedOn()),
                orZero(i.getItemCount()), orZero(i.getTotalAmountCents()), orZero(i.getTotalPaidCents()),
                totals(i.getTotalsJson()), findings(i.getFindingsJson()), counts(i.getFindingCountsJson()),
                i.getApprovalJson() == null ? Approval.NONE : approval(i.getApprovalJson()).toApproval(),
                i.getDeliveryJson() == null ? Delivery.NONE : delivery(i.getDeliveryJson()).toDelivery());
    }

    static Map<String, Totals> totals(String text) {
        return read(text, t -> PlainJson.mapOf(Totals.class, t), Map.of());
    }

    static List<StoredFinding> findings(String text) {
        return read(text, t -> PlainJson.listOf(StoredFinding.class, t), List.of());
    }

    /** The counts by severity, each a long whatever its size (jr reads a small number as an Integer). */
    static Map<String, Long> counts(String text) {
        return read(text, t -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            PlainJson.map(t).forEach((severity, count) -> counts.put(severity,
                    count == null ? null : ((Number) count).longValue()));
            return counts;
        }, Map.of());
    }

    static List<StoredChange> changes(String text) {
        return read(text, t -> PlainJson.listOf(StoredChange.class, t), List.of());
    }

    static StoredApproval approval(String text) {
        return PlainJson.bean(StoredApproval.class, text);
    }

    static StoredDelivery delivery(String text) {
        return PlainJson.bean(StoredDelivery.class, text);
    }

    static String write(Object value) {
        return PlainJson.write(value);
    }

    private static <T> T read(String value, Function<String, T> reader, T empty) {
        if (value == null || value.isEmpty()) {
            return empty;
        }
        return reader.apply(value);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
