package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Category;
import br.bankhistory.cnab.CategoryTotal;
import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.FindingCodes;
import br.bankhistory.cnab.ItemSink;
import br.bankhistory.cnab.Layout;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.Accounts;
import br.bankhistory.history.domain.Approval;
import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.RecordEvents;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.Delivery;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ObjectMetadata;
import br.bankhistory.history.domain.ObjectPlace;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.domain.Totals;
import br.bankhistory.history.domain.Uploader;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.Masking;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.SequenceLog;
import br.bankhistory.history.port.SettingsStore;
import br.bankhistory.history.titles.EventTitles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records one delivered object in the history, exactly once however often it is delivered: classify, read
 * and validate it with the CNAB engine, and write the record together with the object's delivery mark.
 * Bad content never fails the call (it becomes a rejected record with findings); only infrastructure
 * failures do, so the delivery is retried.
 */
public final class IngestFile {

    private static final JsonLog LOG = JsonLog.of(IngestFile.class);

    private final RecordStore records;
    private final ItemStore items;
    private final FileStore files;
    private final CnabReader reader;
    private final SettingsStore settings;
    private final SequenceLog sequences;
    private final String bucket;
    private final long maxFileBytes;
    private final Duplicates duplicates;
    private final ReadOptions readOptions = ReadOptions.defaults();
    /** Statuses a file read with the current engine may end in that make it count (and be processed). */
    private static final java.util.Set<RecordStatus> PROCESSABLE = java.util.EnumSet.of(RecordStatus.PROCESSED,
            RecordStatus.GENERATED, RecordStatus.READY_TO_SEND, RecordStatus.SENT, RecordStatus.AWAITING_APPROVAL);

    public IngestFile(RecordStore records, ItemStore items, FileStore files, CnabReader reader, SettingsStore settings,
                      SequenceLog sequences, String bucket, long maxFileBytes, java.time.Clock clock) {
        this.duplicates = new Duplicates(records, new TitleDifferences(items), clock);
        this.records = records;
        this.items = items;
        this.files = files;
        this.reader = reader;
        this.settings = settings;
        this.sequences = sequences;
        this.bucket = bucket;
        this.maxFileBytes = maxFileBytes;
    }

    public IngestOutcome ingest(DeliveredObject object) {
        if (!bucket.equals(object.bucket())) {
            return ignored(object, "bucket is not the files bucket");
        }
        Optional<ObjectPlace> maybePlace = ObjectPlace.of(object.key());
        if (maybePlace.isEmpty()) {
            return ignored(object, "key is not inbound/{tenant}/{file}, uploads/{tenant}/{user}/{file} "
                    + "or outbound/{tenant}/{file}");
        }
        ObjectPlace place = maybePlace.get();
        String identity = objectIdentity(object);
        Optional<String> existing = records.recordIdForObject(place.tenant(), identity);
        if (existing.isPresent()) {
            return alreadyRecorded(place.tenant(), existing.get(), object);
        }

        FileStore.ObjectInfo info = files.describe(object.key());
        Uploader uploader = Uploader.of(place, info.metadata());
        IntegrationRecord record = evaluate(new Arrival(object.key(), object.eventTime(), place, uploader,
                RecordIds.of(object.eventTime(), identity), info.sizeBytes(), info.metadata()));

        StatusChange created = new StatusChange(object.eventTime(), null, record.status(), uploader.userId(),
                uploader.userName(), "Arquivo recebido");
        // The event goes in the record's own transaction (the outbox, docs/events/README.md).
        Optional<ChangeEvent> event = RecordEvents.recorded(record, place.area(), RecordEvents.listsTitles(record)
                ? EventTitles.of(items, record) : List.of());
        if (!records.saveNew(record, created, identity, event)) {
            String winner = records.recordIdForObject(place.tenant(), identity).orElse(record.id());
            return alreadyRecorded(place.tenant(), winner, object);
        }
        LOG.info("ingest.recorded", logFields(record));
        return new IngestOutcome.Recorded(record.tenant(), record.id(), record.status());
    }

    /**
     * The bytes are hashed first (one streaming pass that also keeps the file's first bytes), so that before
     * anything is processed, content the tenant already has is recognised (only the first record with given
     * bytes is read and gets items), and a file naming an account the tenant has not registered is kept
     * aside (docs/architecture.md: trust the content, not only the folder).
     */
    /**
     * What a stored object is, as a record: read with the current engine (also used to reprocess a record).
     * Writes the object's items and its content claim; not the record itself.
     */
    public IntegrationRecord evaluate(Arrival arrival) {
        return arrival.size() > maxFileBytes ? tooLarge(arrival) : readOnce(arrival);
    }

    /**
     * An object to evaluate: where it is, when it came, whose it is and the id its record has.
     *
     * @param metadata the object's user metadata ({@link ObjectMetadata})
     */
    public record Arrival(String key, Instant receivedAt, ObjectPlace place, Uploader uploader, String id, long size,
                          Map<String, String> metadata) {
    }

    private IntegrationRecord readOnce(Arrival a) {
        ObjectPlace place = a.place();
        String id = a.id();
        Pass pass = read(a);
        Optional<IntegrationRecord> sameBytes = duplicates.sameBytes(place.tenant(), pass.sha256(), id);
        if (sameBytes.isPresent() && FileNames.key(sameBytes.get().fileName()).equals(FileNames.key(place.fileName()))) {
            items.deleteAll(place.tenant(), id); // read for nothing: the same file delivered again
            return duplicate(a, pass.sha256(), sameBytes.get());
        }
        FileSummary summary = pass.summary();
        List<BankAccount> registered = settings.accounts(place.tenant());
        if (summary.classification().isCnab() && !registered.isEmpty() && registered.stream().noneMatch(account ->
                account.matches(summary.classification().bankCode(), summary.header().agency(),
                        summary.header().account(), summary.header().agreement(), summary.header().companyDocument()))) {
            items.deleteAll(place.tenant(), id); // kept aside, not processed: its items do not count
            return suspect(a, pass.sha256(), summary);
        }
        IntegrationRecord read = recordOf(a, pass);
        if (sameBytes.isPresent() && !PROCESSABLE.contains(read.status())) {
            items.deleteAll(place.tenant(), id); // the same unprocessable bytes again: nothing to hold or decide
            return duplicate(a, pass.sha256(), sameBytes.get());
        }
        if (PROCESSABLE.contains(read.status())) {
            Optional<Duplicates.Held> held = sameBytes.isPresent()
                    ? Optional.of(Duplicates.renamedCopy(sameBytes.get()))
                    : duplicates.sameMeaning(read, pass.normalizedSha256());
            if (held.isPresent()) {
                // held: not processed, and its NSA is not a repeat to report (the hold says it all)
                return read.withStatus(RecordStatus.POSSIBLE_DUPLICATE).withFindings(held.get().findings());
            }
        }
        return read.withFindings(sequenceFinding(read, ObjectMetadata.issuedSequenceNumber(a.metadata()))
                .map(List::of).orElse(List.of()));
    }

    /** What one pass over the object learned: the bytes' SHA-256, the content's by meaning, the summary. */
    private record Pass(String sha256, String normalizedSha256, FileSummary summary) {
    }

    /**
     * One streaming pass over the object: the bytes are hashed (as they are, and by meaning) on their way into
     * the CNAB reader, whose items go to the item store in chunks. Chunks are keyed by the record id and their
     * number, so a retried or concurrent delivery rewrites the same ones, and a record never points at missing
     * items; the duplicate decision comes after, and a duplicate's chunks are removed.
     */
    private Pass read(Arrival a) {
        ObjectPlace place = a.place();
        String id = a.id();
        MessageDigest sha256 = sha256();
        NormalizedDigest normalized = new NormalizedDigest();
        FileSummary summary;
        try (InputStream raw = files.open(a.key());
             InputStream in = new TeeInputStream(new DigestInputStream(raw, sha256), normalized);
             ItemStore.Writer writer = items.writer(place.tenant(), id)) {
            int[] seq = {0};
            summary = reader.read(in, item -> writer.add(StoredItem.of(id, place.fileName(), ++seq[0], item)),
                    readOptions);
            in.transferTo(OutputStream.nullOutputStream()); // whatever the reader left unread still counts
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + a.key(), e);
        }
        return new Pass(HexFormat.of().formatHex(sha256.digest()), normalized.hex(), summary);
    }

    private IntegrationRecord recordOf(Arrival a, Pass pass) {
        ObjectPlace place = a.place();
        Uploader uploader = a.uploader();
        String id = a.id();
        String sha256 = pass.sha256();
        FileSummary summary = pass.summary();
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
    private static Approval approvalOf(Arrival a, RecordStatus status) {
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
    private IntegrationRecord duplicate(Arrival a, String sha256, IntegrationRecord first) {
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
    private IntegrationRecord suspect(Arrival a, String sha256, FileSummary peek) {
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

    /**
     * NSA gaps and repeats per account and direction are findings (warnings). A remessa this service generated
     * carries the NSA it issued: it is noted as seen, and is no finding even when its file arrives after a later
     * one (generations run concurrently; their notifications come in any order).
     */
    private Optional<StoredFinding> sequenceFinding(IntegrationRecord r, long issued) {
        if (Layout.NOT_CNAB.name().equals(r.layout()) || r.sequenceNumber() <= 0) {
            return Optional.empty();
        }
        String account = Accounts.sequenceKey(r.bankCode(), r.agency(), r.account(), r.agreement(), r.direction());
        long nsa = r.sequenceNumber();
        SequenceLog.Observation seen = sequences.observe(r.tenant(), account, nsa, r.id());
        if (issued == nsa) {
            return Optional.empty();
        }
        return switch (seen.kind()) {
            case GAP -> Optional.of(new StoredFinding(Severity.WARNING.name(), 1, 158, "NSA_GAP", "nsa",
                    "NSA " + nsa + " após " + seen.previous() + ": faltam arquivos desta conta entre eles.",
                    "NSA " + nsa + " after " + seen.previous() + ": files of this account are missing."));
            case REPEATED -> Optional.of(new StoredFinding(Severity.WARNING.name(), 1, 158, "NSA_REPEATED", "nsa",
                    "NSA " + nsa + " repetido ou fora de ordem (o maior já recebido é " + seen.previous()
                            + ").",
                    "NSA " + nsa + " repeated or out of order (highest seen: " + seen.previous() + ")."));
            default -> Optional.empty();
        };
    }

    private IntegrationRecord tooLarge(Arrival a) {
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

    /** The same object delivered again has the same identity; a new write of the same key has another. */
    static String objectIdentity(DeliveredObject object) {
        MessageDigest digest = sha256();
        digest.update((object.bucket() + "\n" + object.key() + "\n" + object.version())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }

    private static IngestOutcome alreadyRecorded(String tenant, String recordId, DeliveredObject object) {
        LOG.info("ingest.duplicate_delivery", Map.of("tenant", tenant, "recordId", recordId, "key", object.key()));
        return new IngestOutcome.AlreadyRecorded(tenant, recordId);
    }

    private static IngestOutcome ignored(DeliveredObject object, String reason) {
        LOG.warn("ingest.ignored", Map.of("bucket", object.bucket(), "key", object.key(), "reason", reason));
        return new IngestOutcome.Ignored(reason);
    }

    private static Map<String, Object> logFields(IntegrationRecord r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tenant", r.tenant());
        fields.put("recordId", r.id());
        fields.put("key", r.objectKey());
        fields.put("sizeBytes", r.sizeBytes());
        fields.put("status", r.status().name());
        fields.put("kind", r.kind().name());
        fields.put("bank", r.bankCode());
        fields.put("origin", r.origin().name());
        fields.put("companyDocument", Masking.document(r.companyDocument()));
        fields.put("account", Masking.account(r.account()));
        fields.put("items", r.itemCount());
        fields.put("findings", r.findingCounts().toString());
        return fields;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
