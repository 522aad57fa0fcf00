package br.bankhistory.history.ingest;

import br.bankhistory.cnab.Severity;
import br.bankhistory.history.domain.FileClaims;
import br.bankhistory.history.domain.FileNames;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.RetryLaterException;
import br.bankhistory.history.domain.StoredFinding;
import br.bankhistory.history.port.RecordStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells a file the tenant already has from a new one (docs/operations.md, "Duplicates"). The same bytes under
 * the same name are a duplicate, never processed. A file read as processable is a <em>possible duplicate</em> of an earlier
 * processed record when its bytes are the same under another name, when its content by meaning is the same (line endings, byte-order mark, trailing blanks
 * aside) or when it carries the same bank, account, direction, service, NSA and generation date (a bank that
 * resends a corrected file with the same NSA): it is held, and the findings say what differs.
 *
 * <p>Each of these is a claim in the table, taken by the first record with a conditional write, so two copies
 * arriving at once cannot both be first. A claim whose record does not exist yet belongs to a delivery still
 * recording its file: this one is retried later. A claim older than any delivery can take, without its
 * record, was left by a delivery that died: it is taken over.
 */
final class Duplicates {

    /** Longer than an Ingest invocation can run (its timeout is at most 15 minutes). */
    static final Duration RECORDING_WINDOW = Duration.ofMinutes(16);

    private final RecordStore records;
    private final TitleDifferences differences;
    private final Clock clock;

    Duplicates(RecordStore records, TitleDifferences differences, Clock clock) {
        this.records = records;
        this.differences = differences;
        this.clock = clock;
    }

    /** Why a file is held, and the record it probably repeats. */
    record Held(IntegrationRecord first, List<StoredFinding> findings) {
    }

    /** The record that had these exact bytes first, if another one did. */
    Optional<IntegrationRecord> sameBytes(String tenant, String sha256, String recordId) {
        return firstHolder(tenant, FileClaims.bytes(sha256), recordId);
    }

    /**
     * For a file read as processable: the earlier processed record it probably repeats, with the findings that
     * say why. Claims this file's content and meaning otherwise, so that later copies are held against it.
     */
    Optional<Held> sameMeaning(IntegrationRecord read, String normalizedSha256) {
        String tenant = read.tenant();
        String content = FileClaims.content(normalizedSha256);
        Optional<IntegrationRecord> sameContent = firstHolder(tenant, content, read.id());
        if (sameContent.isPresent()) {
            IntegrationRecord first = sameContent.get();
            return Optional.of(new Held(first, List.of(hold(first, "CONTENT",
                    "o conteúdo é o mesmo, a não ser por fins de linha, marca de início (BOM), espaços no fim das "
                            + "linhas ou linhas em branco no fim",
                    "the content is the same but for line endings, a byte-order mark, trailing blanks or final "
                            + "blank lines"))));
        }
        String meaning = FileClaims.meaning(read.bankCode(), read.agency(), read.account(), read.agreement(),
                read.direction(), read.service(), read.sequenceNumber(), read.generatedOn());
        if (meaning.isEmpty()) {
            return Optional.empty();
        }
        Optional<IntegrationRecord> sameMeaning = firstHolder(tenant, meaning, read.id());
        if (sameMeaning.isEmpty()) {
            return Optional.empty();
        }
        // held: the content claim taken above is not this record's to keep
        records.releaseClaim(tenant, content, read.id());
        IntegrationRecord first = sameMeaning.get();
        List<StoredFinding> findings = new ArrayList<>();
        findings.add(hold(first, "MEANING",
                "o banco " + read.bankCode() + ", a conta, o NSA " + read.sequenceNumber() + " e a data de geração "
                        + read.generatedOn() + " são os mesmos",
                "the bank, account, NSA " + read.sequenceNumber() + " and generation date are the same"));
        findings.addAll(differences.between(first, read));
        return Optional.of(new Held(first, findings));
    }

    /**
     * The same bytes under another name: not the same file delivered again (that is a plain duplicate), but a
     * copy someone sent as a new file; held, so that an admin decides.
     */
    static Held renamedCopy(IntegrationRecord first) {
        return new Held(first, List.of(hold(first, "BYTES", "os bytes são idênticos, com outro nome",
                "the bytes are identical, under another name")));
    }

    /** The record holding the claim, when it is another one that exists (taking over claims left by a failure). */
    private Optional<IntegrationRecord> firstHolder(String tenant, String claim, String recordId) {
        Instant now = clock.instant();
        RecordStore.ClaimHolder holder = records.claim(tenant, claim, recordId, now);
        if (holder.recordId().equals(recordId)) {
            return Optional.empty();
        }
        Optional<IntegrationRecord> first = records.find(tenant, holder.recordId());
        if (first.isPresent() && first.get().status() != RecordStatus.DISCARDED) {
            return first;
        }
        if (first.isEmpty() && holder.claimedAt().plus(RECORDING_WINDOW).isAfter(now)) {
            throw new RetryLaterException("record " + holder.recordId() + " of tenant " + tenant + " is still being "
                    + "recorded with the same content; this delivery is retried once it is");
        }
        if (!records.takeOver(tenant, claim, recordId, holder.recordId(), now)) {
            return firstHolder(tenant, claim, recordId);
        }
        return Optional.empty();
    }

    private static StoredFinding hold(IntegrationRecord first, String why, String pt, String en) {
        String name = FileNames.display(first.fileName());
        return new StoredFinding(Severity.WARNING.name(), 0, 0, "POSSIBLE_DUPLICATE", first.id(),
                "Possível duplicado do arquivo " + name + " (registro " + first.id() + "): " + pt + ". Não foi "
                        + "processado nem conciliado; um administrador pode liberá-lo ou descartá-lo.",
                "Possible duplicate of file " + name + " (record " + first.id() + "): " + en + ". Not processed nor "
                        + "reconciled; an administrator may release or discard it. [" + why + "]");
    }
}
