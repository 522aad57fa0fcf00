package br.bankhistory.history.ingest;

import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.history.domain.ChangeEvent;
import br.bankhistory.history.domain.RecordEvents;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ObjectMetadata;
import br.bankhistory.history.domain.ObjectPlace;
import br.bankhistory.history.domain.RecordIds;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.StatusChange;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.domain.Uploader;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.Masking;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.SequenceLog;
import br.bankhistory.history.port.SettingsStore;
import br.bankhistory.history.titles.EventTitles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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
    private final SequenceFindings sequenceFindings;
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
        this.sequenceFindings = new SequenceFindings(sequences);
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
     * What a stored object is, as a record: read with the current engine (also used to reprocess a record).
     * Writes the object's items and its content claim; not the record itself.
     */
    public IntegrationRecord evaluate(Arrival arrival) {
        return arrival.size() > maxFileBytes ? ArrivalRecords.tooLarge(arrival, maxFileBytes) : readOnce(arrival);
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
            return ArrivalRecords.duplicate(a, pass.sha256(), sameBytes.get());
        }
        FileSummary summary = pass.summary();
        List<BankAccount> registered = settings.accounts(place.tenant());
        if (summary.classification().isCnab() && !registered.isEmpty() && registered.stream().noneMatch(account ->
                account.matches(summary.classification().bankCode(), summary.header().agency(),
                        summary.header().account(), summary.header().agreement(), summary.header().companyDocument()))) {
            items.deleteAll(place.tenant(), id); // kept aside, not processed: its items do not count
            return ArrivalRecords.suspect(a, pass.sha256(), summary);
        }
        IntegrationRecord read = ArrivalRecords.recordOf(a, pass.sha256(), pass.summary());
        if (sameBytes.isPresent() && !PROCESSABLE.contains(read.status())) {
            items.deleteAll(place.tenant(), id); // the same unprocessable bytes again: nothing to hold or decide
            return ArrivalRecords.duplicate(a, pass.sha256(), sameBytes.get());
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
        return read.withFindings(sequenceFindings.of(read, ObjectMetadata.issuedSequenceNumber(a.metadata()))
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
