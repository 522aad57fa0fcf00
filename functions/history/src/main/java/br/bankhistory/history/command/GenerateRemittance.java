package br.bankhistory.history.command;

import br.bankhistory.cnab.Classification;
import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.Direction;
import br.bankhistory.cnab.FileHeader;
import br.bankhistory.cnab.FileSummary;
import br.bankhistory.cnab.Finding;
import br.bankhistory.cnab.ItemSink;
import br.bankhistory.cnab.ReadOptions;
import br.bankhistory.cnab.Severity;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.cnab.write.CnabWriteException;
import br.bankhistory.cnab.write.CobrancaTitle;
import br.bankhistory.cnab.write.Payment;
import br.bankhistory.cnab.write.RemessaHeader;
import br.bankhistory.cnab.write.RemessaWriter;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.ForbiddenException;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.domain.PayloadTooLargeException;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.domain.Tenants;
import br.bankhistory.history.ingest.ObjectPlace;
import br.bankhistory.history.ingest.Uploader;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.log.Masking;
import br.bankhistory.history.port.FileStore;
import br.bankhistory.history.port.SettingsStore;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
 * <p>Who (SPEC section 2): a remessa generated on a user's request carries that user as object metadata
 * ({@code user-id}, {@code user-name} percent-encoded UTF-8), so its record names them and its status is
 * {@code GENERATED}; a remessa an administrator hands to the integration to send on its own
 * ({@code sendAutomatically}) carries no user, so its record is "Integração" and {@code SENT}
 * (docs/remessa-lifecycle.md).
 */
public final class GenerateRemittance {

    /** Titles or payments per request (413 above). */
    public static final int MAX_ITEMS = 10_000;
    /** The banks whose remessas the writer is proven for (docs/cnab-coverage.md, "Writing"). */
    public static final List<String> BANKS = List.of("001", "033", "104", "237", "341", "748", "756");
    /** Where the files' dates and times are, and where "now" is read when the request gives no time. */
    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    static final String CONTENT_TYPE = "text/plain; charset=ISO-8859-1";
    static final String GENERATED_BY_METADATA = "generated-by";
    static final String REQUESTED_BY_METADATA = "requested-by";
    private static final int ERRORS_SHOWN = 10;
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final JsonLog LOG = JsonLog.of(GenerateRemittance.class);

    /** Layout field (engine) -> request property, for the header's values wherever a record repeats them. */
    private static final Map<String, String> HEADER_PATHS = Map.ofEntries(
            Map.entry("bank_code", "bankCode"),
            Map.entry("company_name", "header.companyName"),
            Map.entry("company_document", "header.companyDocument"),
            Map.entry("company_document_type", "header.companyDocument"),
            Map.entry("agency", "header.agency"),
            Map.entry("agency_digit", "header.agencyDigit"),
            Map.entry("account", "header.account"),
            Map.entry("account_digit", "header.accountDigit"),
            Map.entry("agreement", "header.agreement"),
            Map.entry("wallet", "header.wallet"),
            Map.entry("sequence_number", "header.sequenceNumber"),
            Map.entry("return_number", "header.sequenceNumber"),
            Map.entry("generated_on", "header.generatedAt"),
            Map.entry("generated_at", "header.generatedAt"),
            Map.entry("recorded_on", "header.generatedAt"));
    private static final Map<String, String> TITLE_PATHS = Map.ofEntries(
            Map.entry("occurrence_code", "instruction"),
            Map.entry("our_number", "ourNumber"),
            Map.entry("document_number", "yourNumber"),
            Map.entry("due_date", "dueDate"),
            Map.entry("amount", "amountCents"),
            Map.entry("issued_on", "issueDate"),
            Map.entry("payer_document_type", "payer.document"),
            Map.entry("payer_document", "payer.document"),
            Map.entry("payer_name", "payer.name"),
            Map.entry("payer_address", "payer.address"),
            Map.entry("payer_district", "payer.district"),
            Map.entry("payer_zip", "payer.zip"),
            Map.entry("payer_city", "payer.city"),
            Map.entry("payer_state", "payer.state"),
            Map.entry("interest_code", "interest.code"),
            Map.entry("interest_date", "interest.date"),
            Map.entry("interest_value", "interest.value"),
            Map.entry("interest_rate", "interest.value"),
            Map.entry("fine_code", "fine.code"),
            Map.entry("fine_date", "fine.date"),
            Map.entry("fine_value", "fine.value"),
            Map.entry("fine_rate", "fine.value"),
            Map.entry("discount_code", "discount.code"),
            Map.entry("discount_date", "discount.date"),
            Map.entry("discount_value", "discount.value"),
            Map.entry("discount_rate", "discount.value"));
    private static final Map<String, String> TRANSFER_PATHS = Map.ofEntries(
            Map.entry("payee_bank", "bankCode"),
            Map.entry("payee_agency", "agency"),
            Map.entry("payee_agency_digit", "agencyDigit"),
            Map.entry("payee_account", "account"),
            Map.entry("payee_account_digit", "accountDigit"),
            Map.entry("payee_name", "payee.name"),
            Map.entry("your_number", "yourNumber"),
            Map.entry("scheduled_date", "paymentDate"),
            Map.entry("amount", "amountCents"),
            Map.entry("payee_document_type", "payee.document"),
            Map.entry("payee_document", "payee.document"),
            Map.entry("payee_street", "payee.address"),
            Map.entry("payee_district", "payee.district"),
            Map.entry("payee_city", "payee.city"),
            Map.entry("payee_zip", "payee.zip"),
            Map.entry("payee_state", "payee.state"));
    private static final Map<String, String> BOLETO_PATHS = Map.ofEntries(
            Map.entry("barcode", "barcode"),
            Map.entry("beneficiary_name", "beneficiaryName"),
            Map.entry("beneficiary_document_type", "beneficiaryDocument"),
            Map.entry("beneficiary_document", "beneficiaryDocument"),
            Map.entry("due_date", "dueDate"),
            Map.entry("document_amount", "documentAmountCents"),
            Map.entry("payment_date", "paymentDate"),
            Map.entry("amount", "amountCents"),
            Map.entry("your_number", "yourNumber"),
            // the payer of a boleto paid by the company is the company itself (the header's)
            Map.entry("payer_document_type", "header.companyDocument"),
            Map.entry("payer_document", "header.companyDocument"),
            Map.entry("payer_name", "header.companyName"));

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
                          List<CobrancaTitle> titles, List<Payment> payments, boolean sendAutomatically) {

        public Request {
            titles = titles == null ? List.of() : titles;
            payments = payments == null ? List.of() : payments;
        }
    }

    /**
     * The stored file, before Ingest records it.
     *
     * @param recordStatus   the status its record will have ({@code GENERATED} or {@code SENT})
     * @param recordUserName the user its record will name ("Integração" when sent automatically)
     */
    public record Generated(String key, String fileName, long sizeBytes, String sha256, ServiceKind service,
                            LayoutKind layout, String bankCode, long sequenceNumber, long itemCount,
                            long totalAmountCents, boolean sendAutomatically, RecordStatus recordStatus,
                            String recordUserName) {
    }

    private final FileStore files;
    private final SettingsStore settings;
    private final CnabReader reader;
    private final LayoutCatalog layouts;
    private final Clock clock;
    private final Supplier<String> fileIds;
    private final Map<String, Set<String>> fieldNames = new ConcurrentHashMap<>();

    /** @param fileIds a fresh random part of a file name per call (drawn at call time, never at init: SnapStart) */
    public GenerateRemittance(FileStore files, SettingsStore settings, CnabReader reader, LayoutCatalog layouts,
                              Clock clock, Supplier<String> fileIds) {
        this.files = files;
        this.settings = settings;
        this.reader = reader;
        this.layouts = layouts;
        this.clock = clock;
        this.fileIds = fileIds;
    }

    public Generated generate(Identity caller, Request request) {
        if (request.sendAutomatically() && !caller.admin()) {
            throw new ForbiddenException("Somente administradores podem entregar uma remessa à integração para "
                    + "envio automático (sendAutomatically); sem essa opção, a remessa é gerada em seu nome.");
        }
        if (!request.sendAutomatically() && !Tenants.isValidUserId(caller.userId())) {
            throw new InvalidRequestException("O identificador do usuário não pode ser gravado no arquivo gerado.");
        }
        check(request);
        String family = request.layout() == LayoutKind.CNAB240 ? LayoutCatalog.CNAB240 : LayoutCatalog.CNAB400;
        String bank = request.bankCode();
        checkLayoutFields(family, bank, request);

        LocalDateTime at = request.header().generatedAt()
                .map(instant -> LocalDateTime.ofInstant(instant, SAO_PAULO))
                .orElseGet(() -> LocalDateTime.now(clock.withZone(SAO_PAULO)))
                .truncatedTo(ChronoUnit.SECONDS);
        Header h = request.header();
        RemessaHeader header = RemessaHeader.builder(bank)
                .company(h.companyName(), h.companyDocument())
                .agency(h.agency(), h.agencyDigit())
                .account(h.account(), h.accountDigit())
                .agreement(h.agreement())
                .wallet(h.wallet())
                .sequenceNumber(h.sequenceNumber())
                .generatedAt(at)
                .extraFields(h.layoutFields())
                .build();

        Path temp = createTemp();
        try {
            String sha256 = write(request, header, temp);
            FileSummary summary = readBack(request, temp);
            checkRegisteredAccount(caller.tenant(), summary);
            long size = Files.size(temp);
            String fileName = (request.service() == ServiceKind.COBRANCA ? "COB" : "PAG")
                    + (request.layout() == LayoutKind.CNAB240 ? "240" : "400") + "-" + bank + "-"
                    + NAME_TIME.format(at) + "-" + String.format("%06d", h.sequenceNumber()) + "-" + fileIds.get()
                    + ".rem";
            String key = "outbound/" + caller.tenant() + "/" + fileName;
            if (ObjectPlace.of(key).isEmpty()) {
                throw new IllegalStateException("generated key is not one Ingest accepts: " + key);
            }
            files.putGenerated(key, temp, CONTENT_TYPE, metadata(caller, request.sendAutomatically()));
            Generated generated = new Generated(key, fileName, size, sha256, request.service(), request.layout(), bank,
                    h.sequenceNumber(), summary.itemCount(), summary.totalAmountCents(), request.sendAutomatically(),
                    request.sendAutomatically() ? RecordStatus.SENT : RecordStatus.GENERATED,
                    request.sendAutomatically() ? Identity.INTEGRATION_USER_NAME : caller.userName());
            LOG.info("remittance.generated", Map.of("tenant", caller.tenant(), "key", key, "bank", bank,
                    "items", summary.itemCount(), "sizeBytes", size, "userId", caller.userId(),
                    "sendAutomatically", request.sendAutomatically(),
                    "account", Masking.account(h.account())));
            return generated;
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

    // ---- checks before writing -------------------------------------------------------------------

    private static void check(Request r) {
        if (!BANKS.contains(r.bankCode())) {
            throw new InvalidRequestException("bankCode: o banco " + r.bankCode() + " não é gerado por este serviço; "
                    + "bancos aceitos: " + String.join(", ", BANKS) + ".");
        }
        if (r.service() == ServiceKind.PAGAMENTO && r.layout() != LayoutKind.CNAB240) {
            throw new InvalidRequestException("layout: remessas de pagamento são geradas só em CNAB240.");
        }
        int count = r.service() == ServiceKind.COBRANCA ? r.titles().size() : r.payments().size();
        String list = r.service() == ServiceKind.COBRANCA ? "titles" : "payments";
        if (r.service() == ServiceKind.COBRANCA && !r.payments().isEmpty()) {
            throw new InvalidRequestException("payments: uma remessa de cobrança leva títulos (titles), não pagamentos.");
        }
        if (r.service() == ServiceKind.PAGAMENTO && !r.titles().isEmpty()) {
            throw new InvalidRequestException("titles: uma remessa de pagamento leva pagamentos (payments), não títulos.");
        }
        if (count > MAX_ITEMS) {
            throw tooMany(list, count);
        }
        if (count == 0) {
            throw new InvalidRequestException(list + ": informe ao menos um item.");
        }
    }

    public static PayloadTooLargeException tooMany(String list, long count) {
        return new PayloadTooLargeException(list + ": a requisição tem " + count + " itens; o limite é " + MAX_ITEMS
                + " por remessa. Divida-a em mais de uma remessa.");
    }

    /** Every name in {@code layoutFields} must be a field of the bank's layout in that family. */
    private void checkLayoutFields(String family, String bank, Request r) {
        Set<String> known = fieldNames.computeIfAbsent(family + "/" + bank, k -> fieldsOf(family, bank));
        Errors errors = new Errors();
        unknownFields(known, "header", r.header().layoutFields(), family, bank, errors);
        for (int i = 0; i < r.titles().size(); i++) {
            unknownFields(known, "titles[" + i + "]", r.titles().get(i).extraFields(), family, bank, errors);
        }
        for (int i = 0; i < r.payments().size(); i++) {
            unknownFields(known, "payments[" + i + "]", r.payments().get(i).extraFields(), family, bank, errors);
        }
        errors.throwIfAny();
    }

    private static void unknownFields(Set<String> known, String path, Map<String, String> given, String family,
                                      String bank, Errors errors) {
        for (String name : new TreeSet<>(given.keySet())) {
            if (!known.contains(name)) {
                errors.add(path + ".layoutFields." + name + ": não há campo com esse nome no leiaute " + family
                        + " do banco " + bank + ".");
            }
        }
    }

    private Set<String> fieldsOf(String family, String bank) {
        Set<String> names = new TreeSet<>();
        for (String record : layouts.recordNames(family, bank)) {
            layouts.find(family, bank, record).ifPresent(layout -> {
                for (var field : layout.fields()) {
                    names.add(field.name());
                }
            });
        }
        return names;
    }

    // ---- writing ---------------------------------------------------------------------------------

    /** Writes the file (all or nothing: any refused value refuses the request) and answers its SHA-256. */
    private String write(Request r, RemessaHeader header, Path temp) throws IOException {
        MessageDigest sha256 = sha256();
        Errors errors = new Errors();
        LocalDateTime at = header.generatedAt();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16),
                sha256)) {
            if (r.service() == ServiceKind.COBRANCA) {
                List<CobrancaTitle> titles = r.titles().stream().map(t -> t.issueDate() != null ? t
                        : new CobrancaTitle(t.instruction(), t.ourNumber(), t.yourNumber(), t.dueDate(), t.amountCents(),
                        at.toLocalDate(), t.payer(), t.interest(), t.fine(), t.discount(), t.extraFields())).toList();
                RemessaWriter<CobrancaTitle> writer = open(() -> r.layout() == LayoutKind.CNAB240
                        ? RemessaWriter.cobranca240(out, header) : RemessaWriter.cobranca400(out, header), header);
                writeAll(writer, titles, "titles", t -> TITLE_PATHS, CobrancaTitle::extraFields, header, errors);
            } else {
                RemessaWriter<Payment> writer = open(() -> RemessaWriter.pagamento240(out, header), header);
                writeAll(writer, r.payments(), "payments",
                        p -> p instanceof Payment.Transfer ? TRANSFER_PATHS : BOLETO_PATHS, Payment::extraFields, header,
                        errors);
            }
        }
        errors.throwIfAny();
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The writer writes the file header at once: a header value it refuses is the header's fault. */
    private static <T> RemessaWriter<T> open(Supplier<? extends RemessaWriter<T>> factory, RemessaHeader header) {
        try {
            return factory.get();
        } catch (CnabWriteException e) {
            throw new InvalidRequestException(refused(e, "", Map.of(), Map.of(), header.extraFields()));
        }
    }

    private static <T> void writeAll(RemessaWriter<T> writer, List<T> items, String list,
                                     Function<T, Map<String, String>> paths, Function<T, Map<String, String>> extras,
                                     RemessaHeader header, Errors errors) {
        try {
            for (int i = 0; i < items.size(); i++) {
                T item = items.get(i);
                try {
                    writer.add(item);
                } catch (CnabWriteException e) {
                    // nothing of the item was written; go on, to report every refused value at once
                    errors.add(refused(e, list + "[" + i + "]", paths.apply(item), extras.apply(item),
                            header.extraFields()));
                }
            }
            if (errors.isEmpty()) {
                writer.finish();
            }
        } catch (CnabWriteException e) {
            errors.add("Os totais não cabem no trailer do arquivo (" + e.record() + ", campo " + e.field()
                    + "): divida a remessa em arquivos menores.");
        } finally {
            try {
                writer.close();
            } catch (CnabWriteException alreadyReported) {
                // a refused trailer is reported above; the temporary file is discarded
            }
        }
    }

    /** A value the bank's layout refuses, named by the request property it came from. */
    static String refused(CnabWriteException e, String itemPath, Map<String, String> itemPaths,
                          Map<String, String> itemLayoutFields, Map<String, String> headerLayoutFields) {
        String field = e.field();
        String where;
        if (!itemPath.isEmpty() && itemLayoutFields.containsKey(field)) {
            where = itemPath + ".layoutFields." + field;
        } else if (!itemPath.isEmpty() && itemPaths.containsKey(field)) {
            String path = itemPaths.get(field);
            where = path.startsWith("header.") ? path : itemPath + "." + path;
        } else if (headerLayoutFields.containsKey(field)) {
            where = "header.layoutFields." + field;
        } else if (HEADER_PATHS.containsKey(field)) {
            where = HEADER_PATHS.get(field);
        } else {
            where = (itemPath.isEmpty() ? "header" : itemPath) + " (campo " + field + " do leiaute)";
        }
        return where + ": " + reason(e) + " [" + e.record() + (field.isEmpty() ? "" : ", campo " + field) + "]";
    }

    /** The writer's reason in pt-BR, from the engine's message catalogue (by code, never by parsing text). */
    private static String reason(CnabWriteException e) {
        return e.messagePt();
    }

    // ---- checks after writing --------------------------------------------------------------------

    /** The file as Ingest will read it: a file with errors is not stored. */
    private FileSummary readBack(Request r, Path temp) throws IOException {
        FileSummary summary;
        try (InputStream in = Files.newInputStream(temp)) {
            summary = reader.read(in, ItemSink.DISCARD, ReadOptions.defaults());
        }
        Classification c = summary.classification();
        br.bankhistory.cnab.Service expected = r.service() == ServiceKind.COBRANCA
                ? br.bankhistory.cnab.Service.COBRANCA : br.bankhistory.cnab.Service.PAGAMENTO;
        if (c.direction() != Direction.REMESSA || c.service() != expected || !c.bankCode().equals(r.bankCode())) {
            throw new IllegalStateException("the generated remessa reads as " + c);
        }
        if (summary.errorCount() > 0) {
            List<String> messages = new ArrayList<>();
            for (Finding finding : summary.findings()) {
                if (finding.severity() == Severity.ERROR && messages.size() < ERRORS_SHOWN) {
                    messages.add("linha " + finding.line() + ": " + finding.messagePt());
                }
            }
            throw new InvalidRequestException("O arquivo gerado com estes dados não passa na leitura do banco "
                    + r.bankCode() + ": " + String.join("; ", messages));
        }
        return summary;
    }

    /** A file Ingest would hold as suspect (an account the tenant has not registered) is refused up front. */
    private void checkRegisteredAccount(String tenant, FileSummary summary) {
        List<BankAccount> registered = settings.accounts(tenant);
        Classification c = summary.classification();
        FileHeader h = summary.header();
        if (!registered.isEmpty() && registered.stream().noneMatch(account -> account.matches(c.bankCode(),
                h.agency(), h.account(), h.agreement(), h.companyDocument()))) {
            throw new InvalidRequestException("header: o banco " + c.bankCode() + ", a agência, a conta, o convênio "
                    + "e o CNPJ do cabeçalho não correspondem a nenhuma conta cadastrada da empresa; o arquivo seria "
                    + "registrado como suspeito. Corrija o cabeçalho ou cadastre a conta (Configurações > Contas).");
        }
    }

    private static Map<String, String> metadata(Identity caller, boolean sendAutomatically) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(GENERATED_BY_METADATA, "remittances-api");
        if (sendAutomatically) {
            // no user-id: Ingest attributes the file to the integration; who asked for it stays on the object
            metadata.put(REQUESTED_BY_METADATA, percent(caller.userId()));
        } else {
            metadata.put(Uploader.USER_ID_METADATA, caller.userId());
            metadata.put(Uploader.USER_NAME_METADATA, percent(caller.userName()));
        }
        return metadata;
    }

    private static String percent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Path createTemp() {
        try {
            return Files.createTempFile("remessa-", ".rem");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary file", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refusals gathered over the whole request, shown together (the first few, all counted). */
    public static final class Errors {
        private final Set<String> messages = new LinkedHashSet<>();
        private long count;

        public void add(String message) {
            if (messages.add(message)) {
                count++;
            }
        }

        public boolean isEmpty() {
            return count == 0;
        }

        public void throwIfAny() {
            if (count == 0) {
                return;
            }
            List<String> shown = messages.stream().limit(ERRORS_SHOWN).toList();
            if (count == 1) {
                throw new InvalidRequestException(shown.get(0));
            }
            String more = count > shown.size() ? " (e mais " + (count - shown.size()) + ")" : "";
            String all = String.join(" | ", shown) + more;
            throw new InvalidRequestException(count + " problemas na remessa: " + all + (all.endsWith(".") ? "" : "."));
        }
    }
}
