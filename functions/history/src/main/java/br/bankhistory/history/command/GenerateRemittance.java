package br.bankhistory.history.command;

import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.write.CobrancaTitle;
import br.bankhistory.cnab.write.Payment;
import br.bankhistory.cnab.write.RemessaHeader;
import br.bankhistory.history.domain.Accounts;
import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.ConflictException;
import br.bankhistory.history.domain.ForbiddenException;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.PayloadTooLargeException;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.Masking;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.SettingsStore;
import br.bankhistory.history.port.TitleClaims;
import br.bankhistory.history.titles.TitleRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Generates a remessa (cobrança CNAB 240 or 400, pagamento CNAB 240) with the CNAB engine's writer from typed
 * titles or payments, and writes it under {@code outbound/{tenant}/} for the bank integration to deliver.
 *
 * <p>The file is written to a temporary file as the items come (the writer streams), hashed on the way, read
 * back with the engine's reader (a file the reader would reject is never stored), checked against the
 * tenant's registered accounts (a file Ingest would hold as suspect is refused), and then stored with one
 * PUT. It is <em>not</em> recorded here: the object's S3 notification records it through Ingest, like every
 * other file, so the object has exactly one record (recording it here too would give it a second identity,
 * since the notification's sequencer is unknown at PUT time). The caller gets the key, name, size and
 * SHA-256 at once (HTTP 202) and finds the record by file name when it appears.
 *
 * <p>Who (docs/architecture.md): a remessa generated on a user's request carries that user as object metadata
 * ({@code user-id}, {@code user-name} percent-encoded UTF-8), so its record names them and its status is
 * {@code GENERATED}; a remessa an administrator hands to the integration to send on its own
 * ({@code sendAutomatically}) carries no user, so its record is "Integração" and {@code READY_TO_SEND}: the
 * delivery step sends it to the bank (docs/remessa-lifecycle.md).
 */
public final class GenerateRemittance {

    /** Titles or payments per request (413 above). */
    public static final int MAX_ITEMS = 10_000;
    /** Where the files' dates and times are, and where "now" is read when the request gives no time. */
    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    static final String CONTENT_TYPE = "text/plain; charset=ISO-8859-1";
    private static final JsonLog LOG = JsonLog.of(GenerateRemittance.class);

    public enum ServiceKind { COBRANCA, PAGAMENTO }

    public enum LayoutKind { CNAB240, CNAB400 }

    /**
     * The company and file identity of the remessa, as the request gives them.
     *
     * @param generatedAt  the file's generation instant (its São Paulo date and time go in the file); empty
     *                     for now
     * @param layoutFields values for layout fields the typed input does not model, by layout field name
     */
    public record Header(String companyName, String companyDocument, String agency, String agencyDigit,
                         String account, String accountDigit, String agreement, String wallet, long sequenceNumber,
                         Optional<Instant> generatedAt, Map<String, String> layoutFields) {
    }

    /**
     * What to generate. Exactly one of {@code titles} (cobrança) and {@code payments} (pagamento) is used;
     * a title without an issue date is issued on the file's generation date.
     */
    public record Request(ServiceKind service, LayoutKind layout, String bankCode, Header header,
                          List<CobrancaTitle> titles, List<Payment> payments, boolean sendAutomatically,
                          boolean allowResend) {

        public Request {
            titles = titles == null ? List.of() : titles;
            payments = payments == null ? List.of() : payments;
        }
    }

    /**
     * The stored file, before Ingest records it.
     *
     * @param recordStatus   the status its record will have ({@code GENERATED}, {@code READY_TO_SEND} or
     *                       {@code AWAITING_APPROVAL})
     * @param recordUserName the user its record will name ("Integração" when sent automatically)
     */
    public record Generated(String key, String fileName, long sizeBytes, String sha256, ServiceKind service,
                            LayoutKind layout, String bankCode, long sequenceNumber, long itemCount,
                            long totalAmountCents, boolean sendAutomatically, RecordStatus recordStatus,
                            String recordUserName) {
    }

    private final FileStore files;
    private final RemittanceChecks checks;
    private final WrittenRemessa written;
    private final Clock clock;
    private final Supplier<String> fileIds;
    private final SequenceNumbers sequenceNumbers;
    private final TitleRegistry titleRegistry;
    private final SettingsStore settings;

    /** @param fileIds a fresh random part of a file name per call (drawn at call time, never at init: SnapStart) */
    public GenerateRemittance(FileStore files, SettingsStore settings, CnabReader reader, LayoutCatalog layouts,
                              SequenceNumbers sequenceNumbers, TitleRegistry titleRegistry, Clock clock,
                              Supplier<String> fileIds) {
        this.sequenceNumbers = sequenceNumbers;
        this.titleRegistry = titleRegistry;
        this.settings = settings;
        this.files = files;
        this.checks = new RemittanceChecks(layouts);
        this.written = new WrittenRemessa(reader, settings);
        this.clock = clock;
        this.fileIds = fileIds;
    }

    public Generated generate(Identity caller, Request request) {
        return generate(caller, request, List.of());
    }

    /**
     * @param alsoCreatedBy who else created what the remessa carries (a scheduled run: the instructions'
     *                      creators): with the caller, none of them may approve it
     */
    public Generated generate(Identity caller, Request request, java.util.Collection<String> alsoCreatedBy) {
        return generate(caller, request, alsoCreatedBy, (key, fileName) -> { });
    }

    /**
     * @param beforeStoring told the file's key and name once its titles are claimed, just before it is stored: a
     *                      caller that must find the file after dying (the scheduled run) notes them there; if
     *                      it throws, nothing is stored
     */
    public Generated generate(Identity caller, Request request, java.util.Collection<String> alsoCreatedBy,
                              java.util.function.BiConsumer<String, String> beforeStoring) {
        if (request.sendAutomatically() && !caller.admin()) {
            throw new ForbiddenException("Somente administradores podem entregar uma remessa à integração para "
                    + "envio automático (sendAutomatically); sem essa opção, a remessa é gerada em seu nome.");
        }
        if (request.allowResend() && !caller.admin()) {
            throw new ForbiddenException("Somente administradores podem reenviar de propósito títulos que já estão "
                    + "em outra remessa (allowResend).");
        }
        if (!request.sendAutomatically() && !Tenants.isValidUserId(caller.userId())) {
            throw new InvalidRequestException("O identificador do usuário não pode ser gravado no arquivo gerado.");
        }
        checks.check(request);
        String bank = request.bankCode();
        LocalDateTime at = request.header().generatedAt()
                .map(instant -> LocalDateTime.ofInstant(instant, SAO_PAULO))
                .orElseGet(() -> LocalDateTime.now(clock.withZone(SAO_PAULO)))
                .truncatedTo(ChronoUnit.SECONDS);

        Path temp = createTemp();
        try {
            // Written first with the NSA asked for (or 1): every refused value is the request's fault, found
            // before an NSA is issued or a title claimed.
            long asked = request.header().sequenceNumber();
            RemessaHeader draft = RemessaWriting.header(request, at, asked > 0 ? asked : 1);
            String sha256 = RemessaWriting.write(request, draft, temp);
            WrittenRemessa.ReadBack read = written.readBack(request, temp);
            written.checkRegisteredAccount(caller.tenant(), read.summary());

            FileHeader fh = read.summary().header();
            String accountKey = Accounts.sequenceKey(bank, fh.agency(), fh.account(), fh.agreement(),
                    Direction.REMESSA.name());
            long nsa = sequenceNumbers.issue(caller.tenant(), accountKey, asked);
            String fileName = RemessaObject.fileName(request, at, nsa, fileIds.get());
            String key = RemessaObject.key(caller.tenant(), fileName);
            List<TitleClaims.Title> titles = RemessaTitles.titlesOf(bank, fh, read.titles());
            boolean stored = false;
            try {
                List<TitleRegistry.Conflict> conflicts = titleRegistry.claim(caller.tenant(), key, fileName, titles,
                        request.allowResend());
                if (!conflicts.isEmpty() && !request.allowResend()) {
                    throw new ConflictException(RemessaTitles.conflictMessage(request, read.titles(), conflicts));
                }
                if (nsa != draft.sequenceNumber()) {
                    sha256 = RemessaWriting.write(request, RemessaWriting.header(request, at, nsa), temp);
                }
                // what the tenant's rules ask of this total now is fixed on the object, for Ingest to record
                Optional<ApprovalRules.Requirement> approval = settings.approvalRules(caller.tenant())
                        .requirement(request.service().name(), read.summary().totalAmountCents());
                Map<String, String> metadata = RemessaObject.metadata(caller, request, nsa, conflicts, approval,
                        alsoCreatedBy);
                beforeStoring.accept(key, fileName);
                files.putGenerated(key, temp, CONTENT_TYPE, metadata);
                stored = true;
                long size = Files.size(temp);
                LOG.info("remittance.generated", Map.of("tenant", caller.tenant(), "key", key, "bank", bank,
                        "items", read.summary().itemCount(), "sizeBytes", size, "userId", caller.userId(),
                        "sendAutomatically", request.sendAutomatically(), "nsa", nsa,
                        "resentTitles", request.allowResend() ? conflicts.size() : 0,
                        "account", Masking.account(request.header().account())));
                return new Generated(key, fileName, size, sha256, request.service(), request.layout(), bank, nsa,
                        read.summary().itemCount(), read.summary().totalAmountCents(), request.sendAutomatically(),
                        approval.isPresent() ? RecordStatus.AWAITING_APPROVAL
                                : request.sendAutomatically() ? RecordStatus.READY_TO_SEND : RecordStatus.GENERATED,
                        request.sendAutomatically() ? Identity.INTEGRATION_USER_NAME : caller.userName());
            } finally {
                if (!stored) {
                    // nothing went to the bucket: the titles and the NSA are free again
                    titleRegistry.release(caller.tenant(), key, titles.stream().map(TitleClaims.Title::key).toList());
                    sequenceNumbers.takeBack(caller.tenant(), accountKey, nsa);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("generating a remessa", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // /tmp is the sandbox's; a leftover goes with it
            }
        }
    }

    public static PayloadTooLargeException tooMany(String list, long count) {
        return new PayloadTooLargeException(list + ": a requisição tem " + count + " itens; o limite é " + MAX_ITEMS
                + " por remessa. Divida-a em mais de uma remessa.");
    }

    private static Path createTemp() {
        try {
            return Files.createTempFile("remessa-", ".rem");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary file", e);
        }
    }
}
