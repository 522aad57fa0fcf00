package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CategoryTotal;
import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.Approval;
import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ObjectMetadata;
import br.bankhistory.history.domain.ObjectPlace;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.Totals;
import br.bankhistory.history.domain.Uploader;
import br.bankhistory.history.log.Masking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of an arrival, by what was found: a file read with the engine (its status by the lifecycle's rules,
 * docs/remessa-lifecycle.md), the same bytes as an earlier record (a duplicate), a file naming an account the
 * tenant has not registered (suspect) or one over the size limit (rejected, not read).
 */
final class ArrivalRecords {

    private ArrivalRecords() {
    }

    static IntegrationRecord recordOf(IngestFile.Arrival a, String sha256, FileSummary summary) {
        ObjectPlace place = a.place();
        Uploader uploader = a.uploader();
        String id = a.id();
        Classification c = summary.classification();
        FileHeader h = summary.header();
        FileKind kind = c.isCnab() ? FileKind.of(c.direction(), c.service()) : FileKind.OTHER;
        RecordStatus status = statusOf(summary, kind, place, uploader, a.metadata());
        Approval approval = approvalOf(a, status);
        if (approval.needed()) {
            status = RecordStatus.AWAITING_APPROVAL; // not released until approved (docs/remessa-lifecycle.md)
        }
        List<StoredFinding> findings = new ArrayList<>(summary.findings().stream().map(StoredFinding::of).toList());
        Map<String, Long> counts = counts(summary);
        ObjectMetadata.resendAllowed(a.metadata()).ifPresent(resend -> {
            StoredFinding finding = new StoredFinding(Severity.INFO.name(), 0, 0, "RESEND_ALLOWED", "",
                    "Reenvio autorizado por " + resend.userName() + " (" + resend.userId() + "): "
                            + resend.titles() + " título(s) que já estavam em outra remessa válida vão de novo ao "
                            + "banco, de propósito.",
                    "Resend allowed by " + resend.userId() + ": " + resend.titles()
                            + " title(s) already in another live remessa go to the bank again, on purpose.");
            findings.add(finding);
            counts.merge(finding.severity(), 1L, Long::sum);
        });
        return new IntegrationRecord(place.tenant(), id, a.receivedAt(), place.fileName(),
                a.key(), a.size(), sha256, uploader.origin(), uploader.userId(),
                uploader.userName(), status, kind, c.layout().name(), c.direction().name(), c.service().name(), c.bankCode(), c.bankName(),
                c.layoutVersion(), h.companyName(), h.companyDocument(), h.agency(), h.account(), h.agreement(),
                h.sequenceNumber(), h.generatedOn(), summary.itemCount(), summary.totalAmountCents(),
                summary.totalPaidCents(), totals(summary.byCategory()), findings, counts, approval,
                status == RecordStatus.READY_TO_SEND ? Delivery.WAITING : Delivery.NONE);
    }

    /**
     * The approval a sound remessa the service generated asked for when it was generated (its object metadata,
     * written by the service only, under {@code outbound/}); none for any other file.
     */
    private static Approval approvalOf(IngestFile.Arrival a, RecordStatus status) {
        if (!generatedHere(a.place(), a.metadata()) || (status != RecordStatus.GENERATED
                && status != RecordStatus.READY_TO_SEND)) {
            return Approval.NONE;
        }
        return ObjectMetadata.approvalAsked(a.metadata());
    }

    /** A remessa this service wrote (its metadata, written by the service only, under {@code outbound/}). */
    private static boolean generatedHere(ObjectPlace place, Map<String, String> metadata) {
        return place.area() == ObjectPlace.Area.OUTBOUND
                && "remittances-api".equals(metadata.get(ObjectMetadata.GENERATED_BY));
    }

    /** Same bytes as {@code first}: what it is comes from the first record; nothing is read or processed. */
    static IntegrationRecord duplicate(IngestFile.Arrival a, String sha256, IntegrationRecord first) {
        StoredFinding finding = new StoredFinding(Severity.INFO.name(), 0, 0, "DUPLICATE_CONTENT", first.id(),
                "Conteúdo idêntico ao do arquivo " + first.fileName() + " (registro " + first.id()
                        + "); não foi processado de novo.",
                "Same content as file " + first.fileName() + " (record " + first.id() + "); not processed again.");
        return new IntegrationRecord(a.place().tenant(), a.id(), a.receivedAt(), a.place().fileName(), a.key(),
                a.size(), sha256, a.uploader().origin(), a.uploader().userId(), a.uploader().userName(),
                RecordStatus.DUPLICATE,
                first.kind(), first.layout(), first.direction(), first.service(), first.bankCode(), first.bankName(),
                first.layoutVersion(), first.companyName(), first.companyDocument(), first.agency(), first.account(),
                first.agreement(), first.sequenceNumber(), first.generatedOn(), 0, 0, 0, Map.of(), List.of(finding),
                Map.of(Severity.INFO.name(), 1L));
    }

    /** A file naming an account the tenant has not registered: kept and recorded, not processed. */
    static IntegrationRecord suspect(IngestFile.Arrival a, String sha256, FileSummary peek) {
        Classification c = peek.classification();
        FileHeader h = peek.header();
        StoredFinding finding = new StoredFinding(Severity.ERROR.name(), 1, 0, "ACCOUNT_NOT_REGISTERED", "",
                "O arquivo é do banco " + c.bankCode() + ", agência " + h.agency().strip() + ", conta "
                        + Masking.account(h.account()) + ", convênio " + h.agreement().strip()
                        + ", que não está entre as contas cadastradas da empresa; não foi processado.",
                "The file names bank " + c.bankCode() + " and an account or convênio the company has not registered;"
                        + " it was not processed.");
        return new IntegrationRecord(a.place().tenant(), a.id(), a.receivedAt(), a.place().fileName(), a.key(),
                a.size(), sha256, a.uploader().origin(), a.uploader().userId(), a.uploader().userName(),
                RecordStatus.SUSPECT,
                FileKind.of(c.direction(), c.service()), c.layout().name(), c.direction().name(), c.service().name(),
                c.bankCode(), c.bankName(), c.layoutVersion(), h.companyName(), h.companyDocument(), h.agency(),
                h.account(), h.agreement(), h.sequenceNumber(), h.generatedOn(), 0, 0, 0, Map.of(), List.of(finding),
                Map.of(Severity.ERROR.name(), 1L));
    }

    static IntegrationRecord tooLarge(IngestFile.Arrival a, long maxFileBytes) {
        long size = a.size();
        StoredFinding finding = new StoredFinding(Severity.ERROR.name(), 0, 0, "FILE_TOO_LARGE", "",
                "Arquivo com " + size + " bytes excede o limite de " + maxFileBytes + " bytes; não foi lido.",
                "File of " + size + " bytes exceeds the limit of " + maxFileBytes + " bytes; it was not read.");
        return new IntegrationRecord(a.place().tenant(), a.id(), a.receivedAt(), a.place().fileName(),
                a.key(), size, "", a.uploader().origin(), a.uploader().userId(), a.uploader().userName(),
                RecordStatus.REJECTED, FileKind.OTHER, Layout.NOT_CNAB.name(), "UNKNOWN", "UNKNOWN", "", "", "",
                "", "", "", "", "", 0, null, 0, 0, 0, Map.of(), List.of(finding),
                Map.of(Severity.ERROR.name(), 1L));
    }

    /**
     * A readable text from the bank that is not CNAB (a transmission receipt, a printed report: the engine's
     * only finding about it is {@code NOT_CNAB}) is another kind of bank file. Otherwise errors make a file
     * untrustworthy (rejected: empty, binary, UTF-16, broken CNAB). A sound remessa starts its lifecycle (see
     * docs/remessa-lifecycle.md): generated when a person generated or imported it, waiting for delivery when the
     * service generated it for the integration to send, sent when the integration delivered it on its own.
     */
    private static RecordStatus statusOf(FileSummary summary, FileKind kind, ObjectPlace place, Uploader uploader,
                                         Map<String, String> metadata) {
        if (!summary.classification().isCnab()) {
            boolean readableText = summary.findings().stream().allMatch(f -> f.severity() != Severity.ERROR
                    || FindingCodes.NOT_CNAB.equals(f.code()));
            return readableText ? RecordStatus.OTHER_BANK_FILE : RecordStatus.REJECTED;
        }
        if (kind.fromBank() && !summary.completeness().complete() && onlyIncompleteness(summary)) {
            return RecordStatus.INCOMPLETE; // held: an ERP must not book half a file (docs/operations.md)
        }
        if (summary.errorCount() > 0) {
            return RecordStatus.REJECTED;
        }
        if (kind == FileKind.REMESSA_COBRANCA || kind == FileKind.REMESSA_PAGAMENTO) {
            boolean byPerson = place.area() == ObjectPlace.Area.UPLOADS || uploader.origin() == Origin.MANUAL;
            if (byPerson) {
                return RecordStatus.GENERATED;
            }
            return generatedHere(place, metadata) ? RecordStatus.READY_TO_SEND : RecordStatus.SENT;
        }
        return RecordStatus.PROCESSED;
    }

    /** Whether every error found is one of the file's incompleteness (a missing trailer, a cut last line). */
    private static boolean onlyIncompleteness(FileSummary summary) {
        java.util.Set<String> incomplete = new java.util.HashSet<>(List.of(FindingCodes.PARTIAL_ITEM));
        summary.completeness().reasons().forEach(reason -> incomplete.add(reason.code()));
        return summary.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR
                && !incomplete.contains(f.code()));
    }

    private static Map<String, Totals> totals(Map<Category, CategoryTotal> byCategory) {
        Map<String, Totals> out = new LinkedHashMap<>();
        byCategory.forEach((category, t) -> out.put(category.name(),
                new Totals(t.count(), t.amountCents(), t.paidCents(), t.feeCents())));
        return out;
    }

    private static Map<String, Long> counts(FileSummary summary) {
        // mutable: findings the service adds (NSA) are counted too
        Map<String, Long> out = new LinkedHashMap<>();
        summary.findingCounts().forEach((severity, n) -> out.put(severity.name(), n));
        return out;
    }
}
