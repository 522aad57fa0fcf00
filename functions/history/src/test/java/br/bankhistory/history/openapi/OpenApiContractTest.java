package br.bankhistory.history.openapi;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoIdempotencyStore;
import br.bankhistory.history.idempotency.IdempotentRequests;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import java.time.Instant;
import java.time.LocalDate;
import br.bankhistory.history.handler.ApiHandler;
import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.ingest.IngestOutcome;
import br.bankhistory.history.adapter.folder.FolderBankChannel;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Deliveries;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.CobrancaRetorno240;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Instructions;
import br.bankhistory.history.support.Samples;
import br.bankhistory.history.support.SyntheticExtrato;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the Api function, called the way API Gateway calls it (the events of {@code events/})
 * against DynamoDB Local and s3proxy, in success and error cases; each real response must match
 * {@code docs/openapi.yaml}: a status documented for the operation, a documented content type, the
 * documented headers, and a body that validates against the operation's schema.
 *
 * <p>One environment and one set of files for the class: a retorno the bank dropped, a remessa Ana imported,
 * a remessa the integration sent, an unreadable file and a copy of the retorno. The exchanges run in order
 * (cancels and settings change state). The request bodies of the exchanges that succeed must match the
 * document too.
 */
class OpenApiContractTest {

    /**
     * Statuses not exercised by the exchanges: the ones only API Gateway answers (throttling, a timed-out
     * function), and 500, which the function answers only on a fault ({@link #an_unexpected_failure_answers_as_the_document_says}).
     */
    private static final Set<String> NOT_EXERCISED = Set.of("429", "500", "503");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller ADMIN = new Caller("acme", "admin-acme", "Admin Acme", "[admin]");
    private static final Caller ANA = new Caller("acme", "ana", "Ana Souza", "[]");
    private static final Caller BRUNO = new Caller("acme", "bruno", "Bruno Lima", "[]");
    private static final Caller GLOBEX = new Caller("globex", "admin-globex", "Admin Globex", "[admin]");
    private static final Caller NOBODY = null;
    private static final String MALFORMED_ID = "..%2F..%2Fetc";
    /** A pagamento 240 for Bradesco, handed to the integration: a TED and a boleto of another bank. */
    private static final String PAGAMENTO = """
            {"service": "PAGAMENTO", "layout": "CNAB240", "bankCode": "237", "sendAutomatically": true,
             "header": {"companyName": "Indústria Ômega S.A.", "companyDocument": "11.222.333/0001-81",
                        "agency": "1234", "agencyDigit": "0", "account": "567890", "accountDigit": "1",
                        "agreement": "000123", "sequenceNumber": 41},
             "payments": [
               {"kind": "TRANSFER", "yourNumber": "PG-1",
                "payee": {"name": "Fornecedor Alfa Ltda", "document": "33.444.555/0001-66"},
                "bankCode": "341", "agency": "4321", "account": "12345", "accountDigit": "6",
                "paymentDate": "2026-11-25", "amountCents": 150000},
               {"kind": "BOLETO", "yourNumber": "BL-1", "barcode": "34191000000000000000000000000000000000000000",
                "beneficiaryName": "Energia Elétrica S.A.", "dueDate": "2026-11-30", "paymentDate": "2026-11-25",
                "amountCents": 99990}]}""";

    /** Ana and Bruno approve; a pagamento above R$ 1.000,00 needs both. */
    private static final String APPROVAL_RULES = """
            {"approvers": [{"userId": "ana", "name": "Ana Souza", "email": "ana@acme.com.br"},
                           {"userId": "bruno", "name": "Bruno Lima", "email": "bruno@acme.com.br"}],
             "pagamento": [{"upToCents": 100000, "approvals": 0}, {"upToCents": null, "approvals": 2}], "cobranca": []}""";

    private static OpenApiDocument document;
    private static HistoryEnvironment environment;
    private static Services services;
    private static String retorno;
    private static String anasRemessa;
    private static String sentRemessa;
    private static String unreadable;
    private static String duplicate;
    private static String held;
    private static String heldToDiscard;
    private static String extrato;
    /** Values one exchange reads from an answer for a later one (cursors, a nosso número, a first answer). */
    private static final Map<String, String> STATE = new ConcurrentHashMap<>();

    @BeforeAll
    static void filesOfOneCompany() {
        document = OpenApiDocument.load();
        environment = HistoryEnvironment.startWithSes(); // the approvers of a waiting remessa are emailed
        services = environment.freshServices();
        retorno = ingest("inbound/acme/caixa.ret", Samples.bytes("laravel-boleto/caixa.ret"), Map.of(),
                "2026-11-20T12:00:00.000Z");
        anasRemessa = ingest("uploads/acme/ana/u1/cobranca.itau.rem", Samples.bytes("kmee-cnab240/cobranca.itau.rem"),
                Map.of("user-id", "ana", "user-name", "Ana%20Souza"), "2026-11-21T12:00:00.000Z");
        sentRemessa = ingest("outbound/acme/remessa-caixa.rem", Samples.bytes("brcobranca/remessa-caixa-cnab240.rem"),
                Map.of(), "2026-11-22T12:00:00.000Z");
        unreadable = ingest("inbound/acme/lixo.bin", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0x1b, 'x', 0},
                Map.of(), "2026-11-23T12:00:00.000Z");
        duplicate = ingest("inbound/acme/caixa.ret", Samples.bytes("laravel-boleto/caixa.ret"), Map.of(),
                "2026-11-24T12:00:00.000Z");
        held = ingest("inbound/acme/caixa-copia.ret", Samples.bytes("laravel-boleto/caixa.ret"), Map.of(),
                "2026-11-24T13:00:00.000Z");
        heldToDiscard = ingest("inbound/acme/caixa-lf.ret", new String(Samples.bytes("laravel-boleto/caixa.ret"),
                StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1), Map.of(),
                "2026-11-24T14:00:00.000Z");
        // caixa.ret credits R$ 1.010,00 on 07/01/2014: the extrato's first cobrança credit is it, the second none
        extrato = ingest("inbound/acme/extrato.ret", SyntheticExtrato.of("104", List.of(
                SyntheticExtrato.Entry.cobranca(LocalDate.of(2014, 1, 7), 1010_00),
                SyntheticExtrato.Entry.cobranca(LocalDate.of(2014, 1, 7), 1_00))), Map.of(), "2026-11-25T12:00:00.000Z");
    }

    @AfterAll
    static void stopEmulators() {
        if (environment != null) {
            environment.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_route_answers_as_the_document_says() {
        return exchanges().stream().map(x -> DynamicTest.dynamicTest(x.status() + " " + x.route() + ": " + x.name(),
                () -> run(x)));
    }

    /**
     * The exchanges cover every operation of the document and every status the function itself can answer
     * for it; the statuses only API Gateway answers are checked by {@link OpenApiDocumentTest}.
     */
    @Test
    void the_exchanges_cover_every_documented_operation_and_status() {
        Map<String, Set<String>> exercised = new TreeMap<>();
        exchanges().forEach(x -> exercised.computeIfAbsent(x.route(), r -> new TreeSet<>())
                .add(Integer.toString(x.status())));
        Map<String, Set<String>> documented = new TreeMap<>();
        document.routeKeys().forEach(route -> documented.put(route, document.statuses(route).stream()
                .filter(status -> !NOT_EXERCISED.contains(status))
                .collect(Collectors.toCollection(TreeSet::new))));

        assertThat(exercised).isEqualTo(documented);
    }

    @Test
    void an_unexpected_failure_answers_as_the_document_says() {
        APIGatewayV2HTTPEvent event = event("api-create-remittance.json", ANA, header("idempotency-key", null),
                renumbered("5"));
        APIGatewayV2HTTPResponse response = new ApiHandler(environment.withS3Down(services).api()).handleRequest(event, null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(500);
        assertThat(document.violations("POST /remittances", response)).isEmpty();
        assertThat(parse(response.getBody()).get("requestId").asText()).isNotBlank();
    }

    private static void run(Exchange x) {
        APIGatewayV2HTTPEvent event = x.event().get();
        assertThat(event.getRouteKey()).as("the event's route").isEqualTo(x.route());
        // The handler is called whatever the checks find, so that a mismatch does not change the state later
        // exchanges rely on.
        APIGatewayV2HTTPResponse response = new ApiHandler(services.api()).handleRequest(event, null);

        assertThat(response.getStatusCode()).as("status; body: %s", response.getBody()).isEqualTo(x.status());
        assertThat(document.violations(x.route(), response))
                .as("%s answered %s %s %s", x.route(), response.getStatusCode(), response.getHeaders(),
                        response.getBody())
                .isEmpty();
        JsonNode body = response.getBody() == null ? null : parse(response.getBody());
        if (response.getStatusCode() >= 400) {
            assertThat(body.get("status").asInt()).as("problem status").isEqualTo(response.getStatusCode());
            assertThat(body.get("instance").asText()).as("problem instance").isEqualTo(event.getRawPath());
        }
        if (x.status() < 300) {
            assertThat(document.requestViolations(x.route(), event.getBody()))
                    .as("a request that succeeds is documented as valid: %s", event.getBody()).isEmpty();
        }
        x.then().accept(response, body);
    }

    private static List<Exchange> exchanges() {
        List<Exchange> x = new ArrayList<>();
        String list = "GET /integrations";
        String detail = "GET /integrations/{id}";
        String items = "GET /integrations/{id}/items";
        String cancel = "POST /integrations/{id}/cancel";
        String statement = "GET /integrations/{id}/statement";
        String file = "GET /integrations/{id}/file";
        String upload = "POST /uploads";
        String getSettings = "GET /settings/notifications";
        String putSettings = "PUT /settings/notifications";
        String find = "GET /items";

        // GET /integrations
        x.add(new Exchange("all eight files", list, 200, () -> listEvent(ADMIN, Map.of()),
                (r, b) -> assertThat(b.get("items")).hasSize(8)));
        x.add(new Exchange("a page of one, with a cursor", list, 200, () -> listEvent(ADMIN, Map.of("limit", "1")),
                (r, b) -> STATE.put("listCursor", b.get("nextCursor").asText())));
        x.add(new Exchange("the next page", list, 200,
                () -> listEvent(ADMIN, Map.of("limit", "1", "cursor", STATE.get("listCursor"))),
                (r, b) -> assertThat(b.get("items")).hasSize(1)));
        x.add(new Exchange("kind, origin and period (lower-case enum values)", list, 200,
                () -> listEvent(ADMIN, Map.of("kind", "remessa_cobranca", "origin", "manual", "from", "2026-11-21",
                        "to", "2026-11-21")),
                (r, b) -> assertThat(b.get("items").get(0).get("id").asText()).isEqualTo(anasRemessa)));
        x.add(new Exchange("every filter at once", list, 200,
                () -> listEvent(ADMIN, Map.ofEntries(Map.entry("kind", "REMESSA_COBRANCA"),
                        Map.entry("direction", "REMESSA"), Map.entry("bank", "341"), Map.entry("account", "12345-6"),
                        Map.entry("origin", "MANUAL"), Map.entry("user", "ana"), Map.entry("status", "GENERATED"),
                        Map.entry("fileName", "cobranca.itau.rem"), Map.entry("from", "2026-11-01"),
                        Map.entry("to", "2026-11-30"), Map.entry("limit", "10"))),
                (r, b) -> assertThat(b.get("nextCursor").isNull()).isTrue()));
        x.add(new Exchange("another company sees none of them", list, 200, () -> listEvent(GLOBEX, Map.of()),
                (r, b) -> assertThat(b.get("items")).isEmpty()));
        for (String limit : List.of("0", "201", "abc")) {
            x.add(new Exchange("limit " + limit, list, 400, () -> listEvent(ADMIN, Map.of("limit", limit)), none()));
        }
        x.add(new Exchange("unknown kind", list, 400, () -> listEvent(ADMIN, Map.of("kind", "BOLETO")), none()));
        x.add(new Exchange("period backwards", list, 400,
                () -> listEvent(ADMIN, Map.of("from", "2026-11-22", "to", "2026-11-21")), none()));
        x.add(new Exchange("impossible date", list, 400, () -> listEvent(ADMIN, Map.of("from", "2026-13-01")), none()));
        x.add(new Exchange("forged cursor", list, 400, () -> listEvent(ADMIN, Map.of("cursor", "bm90LWEtY3Vyc29y")),
                none()));
        x.add(new Exchange("another company's cursor", list, 400,
                () -> listEvent(GLOBEX, Map.of("limit", "1", "cursor", STATE.get("listCursor"))), none()));
        x.add(new Exchange("no claims", list, 401, () -> Events.http("api-list-no-identity.json", e -> { }), none()));
        x.add(new Exchange("claims without a tenant", list, 401,
                () -> event("api-list-integrations.json", ADMIN, root -> claims(root).remove("custom:tenant_id")),
                none()));

        // GET /integrations/{id}
        x.add(new Exchange("a retorno", detail, 200, () -> onRecord("api-get-integration.json", ADMIN, retorno, ""),
                (r, b) -> assertThat(b.get("totals").get("PAID").get("count").asLong()).isEqualTo(9)));
        x.add(new Exchange("a remessa at the bank, cancelled only once the bank is asked not to process it", detail,
                200, () -> onRecord("api-get-integration.json", ADMIN, sentRemessa, ""),
                (r, b) -> {
                    assertThat(b.get("cancelRequiresBankNotified").asBoolean()).isTrue();
                    assertThat(b.get("cancelBlockedReason").asText()).contains("bankNotified");
                }));
        x.add(new Exchange("an unreadable file", detail, 200,
                () -> onRecord("api-get-integration.json", ADMIN, unreadable, ""),
                (r, b) -> assertThat(b.get("generatedOn").isNull()).isTrue()));
        x.add(new Exchange("the same file delivered again", detail, 200,
                () -> onRecord("api-get-integration.json", ADMIN, duplicate, ""),
                (r, b) -> assertThat(b.get("status").asText()).isEqualTo("DUPLICATE")));
        x.add(new Exchange("a copy under another name, held", detail, 200,
                () -> onRecord("api-get-integration.json", ADMIN, held, ""),
                (r, b) -> {
                    assertThat(b.get("status").asText()).isEqualTo("POSSIBLE_DUPLICATE");
                    assertThat(b.get("duplicateOf").get("id").asText()).isEqualTo(retorno);
                    assertThat(b.get("actions").get("release").get("allowed").asBoolean()).isTrue();
                }));
        x.add(new Exchange("another company's id", detail, 404,
                () -> onRecord("api-get-integration.json", GLOBEX, retorno, ""), none()));
        x.add(new Exchange("a malformed id", detail, 404,
                () -> onRecord("api-get-integration.json", ADMIN, MALFORMED_ID, ""), none()));
        x.add(new Exchange("no claims", detail, 401,
                () -> onRecord("api-get-integration.json", NOBODY, retorno, ""), none()));

        // GET /integrations/{id}/items
        x.add(new Exchange("first page", items, 200,
                () -> onRecord("api-list-items.json", ADMIN, retorno, "/items", Events.query(Map.of("limit", "5"))),
                (r, b) -> {
                    STATE.put("itemsCursor", b.get("nextCursor").asText());
                    STATE.put("ourNumber", b.get("items").get(0).get("ourNumber").asText());
                }));
        x.add(new Exchange("last page", items, 200,
                () -> onRecord("api-list-items.json", ADMIN, retorno, "/items",
                        Events.query(Map.of("limit", "5", "cursor", STATE.get("itemsCursor")))),
                (r, b) -> assertThat(b.get("nextCursor").isNull()).isTrue()));
        x.add(new Exchange("a retorno's titles credited in an extrato", items, 200,
                () -> onRecord("api-list-items.json", ADMIN, retorno, "/items", e -> { }),
                (r, b) -> assertThat(b.get("items").get(0).get("credit").get("status").asText()).isEqualTo("CREDITED")));
        x.add(new Exchange("an extrato's cobrança credits, matched and not", items, 200,
                () -> onRecord("api-list-items.json", ADMIN, extrato, "/items", e -> { }),
                (r, b) -> assertThat(b.get("items")).extracting(i -> i.get("credit").get("status").asText())
                        .containsExactly("MATCHED", "NOT_FOUND")));
        x.add(new Exchange("a remessa's instructions", items, 200,
                () -> onRecord("api-list-items.json", ADMIN, sentRemessa, "/items", e -> { }), none()));
        x.add(new Exchange("an unreadable file has none", items, 200,
                () -> onRecord("api-list-items.json", ADMIN, unreadable, "/items", e -> { }),
                (r, b) -> assertThat(b.get("items")).isEmpty()));
        x.add(new Exchange("limit 501", items, 400,
                () -> onRecord("api-list-items.json", ADMIN, retorno, "/items", Events.query(Map.of("limit", "501"))),
                none()));
        x.add(new Exchange("another record's cursor", items, 400,
                () -> onRecord("api-list-items.json", ADMIN, sentRemessa, "/items",
                        Events.query(Map.of("cursor", STATE.get("itemsCursor")))), none()));
        x.add(new Exchange("another company's id", items, 404,
                () -> onRecord("api-list-items.json", GLOBEX, retorno, "/items", e -> { }), none()));
        x.add(new Exchange("no claims", items, 401,
                () -> onRecord("api-list-items.json", NOBODY, retorno, "/items", e -> { }), none()));

        // POST /integrations/{id}/cancel
        x.add(new Exchange("a retorno is not a remessa", cancel, 409,
                () -> onRecord("api-cancel-remessa.json", ADMIN, retorno, "/cancel", header("idempotency-key", null)),
                none()));
        x.add(new Exchange("no reason", cancel, 400,
                () -> onRecord("api-cancel-remessa.json", ADMIN, anasRemessa, "/cancel", header("idempotency-key", null),
                        Events.body("{}")), none()));
        x.add(new Exchange("a body that is not JSON", cancel, 400,
                () -> onRecord("api-cancel-remessa.json", ADMIN, anasRemessa, "/cancel", header("idempotency-key", null),
                        Events.body("motivo")),
                none()));
        x.add(new Exchange("the reason misspelt", cancel, 400,
                () -> onRecord("api-cancel-remessa.json", ADMIN, anasRemessa, "/cancel", header("idempotency-key", null),
                        Events.body("{\"motivo\": \"Remessa gerada com vencimentos errados\"}")),
                (r, b) -> assertThat(b.get("detail").asText()).contains("motivo").contains("reason")));
        x.add(new Exchange("a JSON body sent as text/plain", cancel, 415,
                () -> onRecord("api-cancel-remessa.json", ADMIN, anasRemessa, "/cancel", header("idempotency-key", null),
                        header("content-type", "text/plain")),
                (r, b) -> assertThat(b.get("detail").asText()).contains("text/plain")));
        x.add(new Exchange("a malformed Idempotency-Key", cancel, 400,
                () -> onRecord("api-cancel-remessa.json", ADMIN, anasRemessa, "/cancel", header("idempotency-key", "x")),
                none()));
        x.add(new Exchange("neither an admin nor its author", cancel, 403,
                () -> onRecord("api-cancel-remessa.json", BRUNO, anasRemessa, "/cancel", header("idempotency-key", null)),
                none()));
        x.add(new Exchange("another company's id", cancel, 404,
                () -> onRecord("api-cancel-remessa.json", GLOBEX, anasRemessa, "/cancel", header("idempotency-key", null)),
                none()));
        x.add(new Exchange("its author cancels it", cancel, 200,
                () -> onRecord("api-cancel-remessa.json", ANA, anasRemessa, "/cancel",
                        header("idempotency-key", "cancel-ana-0001")),
                (r, b) -> {
                    assertThat(b.get("status").asText()).isEqualTo("CANCELLED");
                    STATE.put("firstCancel", r.getBody());
                }));
        x.add(new Exchange("the same key again: the first answer", cancel, 200,
                () -> onRecord("api-cancel-remessa.json", ANA, anasRemessa, "/cancel",
                        header("idempotency-key", "cancel-ana-0001")),
                (r, b) -> assertThat(r.getBody()).isEqualTo(STATE.get("firstCancel"))));
        x.add(new Exchange("already cancelled", cancel, 409,
                () -> onRecord("api-cancel-remessa.json", ADMIN, anasRemessa, "/cancel", header("idempotency-key", null)),
                none()));
        x.add(new Exchange("the key reused for another record", cancel, 422,
                () -> onRecord("api-cancel-remessa.json", ANA, sentRemessa, "/cancel",
                        header("idempotency-key", "cancel-ana-0001")),
                none()));
        x.add(new Exchange("the same cancel still in progress elsewhere", cancel, 409,
                () -> inFlight(onRecord("api-cancel-remessa.json", ANA, anasRemessa, "/cancel",
                        header("idempotency-key", "cancel-ana-0002")), ANA, "cancel-ana-0002"),
                (r, b) -> assertThat(r.getHeaders()).containsKey("retry-after")));
        x.add(new Exchange("a sent remessa, without saying the bank was asked not to process it", cancel, 409,
                () -> onRecord("api-cancel-remessa.json", ADMIN, sentRemessa, "/cancel", header("idempotency-key", null)),
                (r, b) -> assertThat(b.get("detail").asText()).contains("bankNotified")));
        x.add(new Exchange("an admin cancels a sent remessa the bank was asked not to process", cancel, 200,
                () -> onRecord("api-cancel-remessa.json", ADMIN, sentRemessa, "/cancel", header("idempotency-key", null),
                        Events.bankNotified()),
                (r, b) -> assertThat(b.get("effect").asText()).contains("banco foi avisado")));
        x.add(new Exchange("no claims", cancel, 401,
                () -> onRecord("api-cancel-remessa.json", NOBODY, anasRemessa, "/cancel", e -> { }), none()));
        x.add(new Exchange("a cancelled remessa, with its audit entry", detail, 200,
                () -> onRecord("api-get-integration.json", ANA, anasRemessa, ""),
                (r, b) -> {
                    assertThat(b.get("statusHistory")).hasSize(2);
                    assertThat(b.get("titlesFreeForNewRemittance").asBoolean()).isTrue();
                }));
        x.add(new Exchange("a cancelled remessa's titles are free", items, 200,
                () -> onRecord("api-list-items.json", ANA, anasRemessa, "/items", e -> { }),
                (r, b) -> assertThat(b.get("items").get(0).get("freeForNewRemittance").asBoolean()).isTrue()));

        // GET /integrations/{id}/statement and /file
        for (String[] route : List.of(new String[] {statement, "api-get-statement.json", "/statement"},
                new String[] {file, "api-download-file.json", "/file"})) {
            x.add(new Exchange("redirect", route[0], 302,
                    () -> onRecord(route[1], ANA, retorno, route[2], header("accept", "application/pdf,*/*")), none()));
            x.add(new Exchange("the link as JSON", route[0], 200,
                    () -> onRecord(route[1], ANA, anasRemessa, route[2], header("accept", "application/json")), none()));
            x.add(new Exchange("another company's id", route[0], 404,
                    () -> onRecord(route[1], GLOBEX, retorno, route[2], e -> { }), none()));
            x.add(new Exchange("a malformed id", route[0], 404,
                    () -> onRecord(route[1], ADMIN, MALFORMED_ID, route[2], e -> { }), none()));
            x.add(new Exchange("no claims", route[0], 401,
                    () -> onRecord(route[1], NOBODY, retorno, route[2], e -> { }), none()));
        }

        // POST /uploads
        x.add(new Exchange("a presigned PUT", upload, 200, () -> event("api-create-upload.json", ANA, e -> { }),
                (r, b) -> assertThat(b.get("headers").get("content-length").asText()).isEqualTo("1936")));
        x.add(new Exchange("no size", upload, 400,
                () -> event("api-create-upload.json", ANA, Events.body("{\"fileName\": \"a.rem\"}")), none()));
        x.add(new Exchange("sent as a form (curl -d)", upload, 415,
                () -> event("api-create-upload.json", ANA,
                        header("content-type", "application/x-www-form-urlencoded")), none()));
        x.add(new Exchange("a size in fractions of a byte", upload, 400,
                () -> event("api-create-upload.json", ANA, Events.body("{\"fileName\": \"a.rem\", \"sizeBytes\": 1.5}")),
                none()));
        x.add(new Exchange("a field the request does not have", upload, 400,
                () -> event("api-create-upload.json", ANA,
                        Events.body("{\"fileName\": \"a.rem\", \"sizeBytes\": 10, \"size\": 10}")),
                (r, b) -> assertThat(b.get("detail").asText()).contains("size")));
        x.add(new Exchange("a path as the name", upload, 400,
                () -> event("api-create-upload.json", ANA, Events.body("{\"fileName\": \"../a.rem\", \"sizeBytes\": 10}")),
                none()));
        x.add(new Exchange("an empty file", upload, 400,
                () -> event("api-create-upload.json", ANA, Events.body("{\"fileName\": \"a.rem\", \"sizeBytes\": 0}")),
                none()));
        x.add(new Exchange("over the limit", upload, 413,
                () -> event("api-create-upload.json", ANA,
                        Events.body("{\"fileName\": \"a.rem\", \"sizeBytes\": 600000000}")), none()));
        x.add(new Exchange("no claims", upload, 401, () -> event("api-create-upload.json", NOBODY, e -> { }), none()));
        keyExchanges(x, upload, "upload-ana-0001",
                k -> event("api-create-upload.json", ANA, header("idempotency-key", k)),
                () -> event("api-create-upload.json", ANA, header("idempotency-key", "upload-ana-0001"),
                        Events.body("{\"fileName\": \"outro.ret\", \"sizeBytes\": 10}")), ANA, 200);

        // POST /instructions, GET /instructions, POST /instructions/{id}/cancel
        String createInstruction = "POST /instructions";
        String listInstructions = "GET /instructions";
        String cancelInstruction = "POST /instructions/{id}/cancel";
        x.add(new Exchange("one title pending for its account", createInstruction, 201,
                () -> event("api-create-instruction.json", ANA, header("idempotency-key", "instr-ana-0001")),
                (r, b) -> {
                    assertThat(b.get("status").asText()).isEqualTo("PENDING");
                    STATE.put("instruction", b.get("id").asText());
                    STATE.put("firstInstruction", r.getBody());
                }));
        x.add(new Exchange("the same key again: the first instruction", createInstruction, 201,
                () -> event("api-create-instruction.json", ANA, header("idempotency-key", "instr-ana-0001")),
                (r, b) -> assertThat(r.getBody()).isEqualTo(STATE.get("firstInstruction"))));
        x.add(new Exchange("the key used by another user", createInstruction, 422,
                () -> event("api-create-instruction.json", BRUNO, header("idempotency-key", "instr-ana-0001")),
                none()));
        x.add(new Exchange("a bank the service does not write", createInstruction, 400,
                () -> event("api-create-instruction.json", ANA, header("idempotency-key", null),
                        e -> e.put("body", e.get("body").asText().replace("\"341\"", "\"999\""))),
                (r, b) -> assertThat(b.get("detail").asText()).startsWith("bankCode:")));
        x.add(new Exchange("not JSON", createInstruction, 415,
                () -> event("api-create-instruction.json", ANA, header("idempotency-key", null),
                        header("content-type", "text/plain")), none()));
        x.add(new Exchange("no claims", createInstruction, 401,
                () -> event("api-create-instruction.json", NOBODY), none()));
        x.add(new Exchange("the pending ones", listInstructions, 200,
                () -> event("api-list-instructions.json", ANA),
                (r, b) -> assertThat(b.get("items")).extracting(i -> i.get("id").asText())
                        .containsExactly(STATE.get("instruction"))));
        x.add(new Exchange("an unknown status", listInstructions, 400,
                () -> event("api-list-instructions.json", ANA, Events.query(Map.of("status", "WAITING"))), none()));
        x.add(new Exchange("no claims", listInstructions, 401,
                () -> event("api-list-instructions.json", NOBODY), none()));
        x.add(new Exchange("another user's instruction", cancelInstruction, 403,
                () -> event("api-cancel-instruction.json", BRUNO, header("idempotency-key", null),
                        instructionPath()), none()));
        x.add(new Exchange("another company's instruction", cancelInstruction, 404,
                () -> event("api-cancel-instruction.json", GLOBEX, header("idempotency-key", null),
                        instructionPath()), none()));
        x.add(new Exchange("by its creator", cancelInstruction, 200,
                () -> event("api-cancel-instruction.json", ANA, instructionPath()),
                (r, b) -> assertThat(b.get("status").asText()).isEqualTo("CANCELLED")));
        x.add(new Exchange("already cancelled", cancelInstruction, 409,
                () -> event("api-cancel-instruction.json", ANA, header("idempotency-key", null), instructionPath()),
                none()));
        x.add(new Exchange("the key used by another user", cancelInstruction, 422,
                () -> event("api-cancel-instruction.json", ADMIN, instructionPath()), none()));
        x.add(new Exchange("no claims", cancelInstruction, 401,
                () -> event("api-cancel-instruction.json", NOBODY, instructionPath()), none()));

        x.add(new Exchange("a settled one, with the bank's answer", listInstructions, 200, () -> {
            settledInstruction();
            return event("api-list-instructions.json", ANA, Events.query(Map.of("status", "SETTLED")));
        }, (r, b) -> assertThat(b.get("items")).singleElement().satisfies(i -> {
            assertThat(i.get("settlement").get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(i.get("settlement").get("reasons").get(0).get("code").asText()).isEqualTo("08");
        })));

        // GET and PUT /settings/schedule
        String getSchedule = "GET /settings/schedule";
        String putSchedule = "PUT /settings/schedule";
        x.add(new Exchange("weekdays at 16:30 until one is set", getSchedule, 200,
                () -> event("api-get-schedule-settings.json", ADMIN, e -> { }),
                (r, b) -> assertThat(b.get("time").asText()).isEqualTo("16:30")));
        x.add(new Exchange("account 22222 at 10:00", putSchedule, 200,
                () -> event("api-put-schedule-settings.json", ADMIN, e -> { }),
                (r, b) -> assertThat(b.get("accounts").get(0).get("time").asText()).isEqualTo("10:00")));
        x.add(new Exchange("a time off the quarter hour", putSchedule, 400,
                () -> event("api-put-schedule-settings.json", ADMIN, Events.body("{\"days\": [1], \"time\": \"16:40\"}")),
                (r, b) -> assertThat(b.get("detail").asText()).startsWith("time:")));
        x.add(new Exchange("sent as text/csv", putSchedule, 415,
                () -> event("api-put-schedule-settings.json", ADMIN, header("content-type", "text/csv")), none()));
        x.add(new Exchange("not an admin", getSchedule, 403,
                () -> event("api-get-schedule-settings.json", ANA, e -> { }), none()));
        x.add(new Exchange("not an admin", putSchedule, 403,
                () -> event("api-put-schedule-settings.json", ANA, e -> { }), none()));
        x.add(new Exchange("no claims", getSchedule, 401,
                () -> event("api-get-schedule-settings.json", NOBODY, e -> { }), none()));
        x.add(new Exchange("no claims", putSchedule, 401,
                () -> event("api-put-schedule-settings.json", NOBODY, e -> { }), none()));
        keyExchanges(x, putSchedule, "settings-schedule-0001",
                k -> event("api-put-schedule-settings.json", ADMIN, header("idempotency-key", k)),
                () -> event("api-put-schedule-settings.json", ADMIN, header("idempotency-key", "settings-schedule-0001"),
                        Events.body("{\"days\": [2], \"time\": \"09:00\"}")), ADMIN, 200);

        // POST /remittances (before any account is registered, which would make these files' accounts unknown)
        String remittance = "POST /remittances";
        x.add(new Exchange("a cobrança 240 in the caller's name", remittance, 202,
                () -> event("api-create-remittance.json", ANA, e -> { }),
                (r, b) -> {
                    assertThat(b.get("key").asText()).startsWith("outbound/acme/COB240-341-");
                    assertThat(b.get("recordStatus").asText()).isEqualTo("GENERATED");
                    assertThat(b.get("recordUserName").asText()).isEqualTo("Ana Souza");
                }));
        x.add(new Exchange("a pagamento 240 an admin hands to the integration", remittance, 202,
                () -> event("api-create-remittance.json", ADMIN, Events.body(PAGAMENTO)),
                (r, b) -> {
                    assertThat(b.get("key").asText()).startsWith("outbound/acme/PAG240-237-");
                    assertThat(b.get("itemCount").asLong()).isEqualTo(2);
                    assertThat(b.get("recordStatus").asText()).isEqualTo("READY_TO_SEND");
                    assertThat(b.get("recordUserName").asText()).isEqualTo("Integração");
                }));
        x.add(new Exchange("titles a live remessa already carries", remittance, 409,
                () -> event("api-create-remittance.json", ANA, header("idempotency-key", null)),
                (r, b) -> assertThat(b.get("detail").asText()).contains("já está na remessa COB240-341-")));
        x.add(new Exchange("with an Idempotency-Key", remittance, 202,
                () -> event("api-create-remittance.json", ANA, header("idempotency-key", "remessa-ana-0001"),
                        renumbered("1")),
                (r, b) -> STATE.put("firstRemittance", r.getBody())));
        x.add(new Exchange("the same key again: the first file", remittance, 202,
                () -> event("api-create-remittance.json", ANA, header("idempotency-key", "remessa-ana-0001"),
                        renumbered("1")),
                (r, b) -> assertThat(r.getBody()).isEqualTo(STATE.get("firstRemittance"))));
        x.add(new Exchange("the key used by another user", remittance, 422,
                () -> event("api-create-remittance.json", BRUNO, header("idempotency-key", "remessa-ana-0001"),
                        renumbered("1")),
                none()));
        x.add(new Exchange("the same remessa still being generated elsewhere", remittance, 409,
                () -> inFlight(event("api-create-remittance.json", ANA, header("idempotency-key", "remessa-ana-0002"),
                        renumbered("2")), ANA, "remessa-ana-0002"),
                (r, b) -> assertThat(r.getHeaders()).containsKey("retry-after")));
        x.add(new Exchange("a nosso número too long for the bank's layout", remittance, 400,
                () -> event("api-create-remittance.json", ANA,
                        e -> e.put("body", e.get("body").asText().replace("\"90000000\"", "\"123456789\""))),
                (r, b) -> assertThat(b.get("detail").asText()).startsWith("titles[0].ourNumber:")));
        x.add(new Exchange("an instruction the bank's layout has no code for", remittance, 400,
                () -> event("api-create-remittance.json", ANA,
                        e -> e.put("body", e.get("body").asText().replace("\"ourNumber\"",
                                "\"instruction\": \"CHANGE_OTHER_DATA\", \"ourNumber\"")
                                .replace("\"CNAB240\"", "\"CNAB400\"").replace("\"341\"", "\"001\""))),
                (r, b) -> assertThat(b.get("code").asText()).isEqualTo("UNSUPPORTED_INSTRUCTION")));
        x.add(new Exchange("a bank the writer does not write", remittance, 400,
                () -> event("api-create-remittance.json", ANA,
                        e -> e.put("body", e.get("body").asText().replace("\"341\"", "\"999\""))),
                (r, b) -> assertThat(b.get("detail").asText()).startsWith("bankCode:")));
        x.add(new Exchange("a body that is not JSON", remittance, 400,
                () -> event("api-create-remittance.json", ANA, Events.body("remessa")), none()));
        x.add(new Exchange("no content type", remittance, 415,
                () -> event("api-create-remittance.json", ANA, header("content-type", null)), none()));
        x.add(new Exchange("handed to the integration by a non-admin", remittance, 403,
                () -> event("api-create-remittance.json", ANA,
                        Events.body(PAGAMENTO)),
                none()));
        x.add(new Exchange("more than 10,000 titles", remittance, 413,
                () -> event("api-create-remittance.json", ANA, Events.body("{\"service\": \"COBRANCA\", "
                        + "\"layout\": \"CNAB240\", \"bankCode\": \"341\", \"titles\": ["
                        + String.join(",", java.util.Collections.nCopies(10_001, "{}")) + "]}")),
                none()));
        x.add(new Exchange("no claims", remittance, 401,
                () -> event("api-create-remittance.json", NOBODY, e -> { }), none()));

        // GET and PUT /settings/notifications
        x.add(new Exchange("none yet", getSettings, 200,
                () -> event("api-get-notification-settings.json", ADMIN, e -> { }),
                (r, b) -> assertThat(b.get("recipients")).isEmpty()));
        x.add(new Exchange("not an admin", getSettings, 403,
                () -> event("api-get-notification-settings.json", ANA, e -> { }), none()));
        x.add(new Exchange("no claims", getSettings, 401,
                () -> event("api-get-notification-settings.json", NOBODY, e -> { }), none()));
        x.add(new Exchange("replaced, cleaned", putSettings, 200,
                () -> event("api-put-notification-settings.json", ADMIN,
                        Events.body("{\"recipients\": [\"Financeiro@Acme.com.br\", \"ana.souza@acme.com.br\"]}")),
                (r, b) -> assertThat(b.get("recipients").get(0).asText()).isEqualTo("financeiro@acme.com.br")));
        x.add(new Exchange("read back", getSettings, 200,
                () -> event("api-get-notification-settings.json", ADMIN, e -> { }),
                (r, b) -> assertThat(b.get("recipients")).hasSize(2)));
        x.add(new Exchange("an invalid address", putSettings, 400,
                () -> event("api-put-notification-settings.json", ADMIN, Events.body("{\"recipients\": [\"ana@\"]}")),
                none()));
        x.add(new Exchange("not a list", putSettings, 400,
                () -> event("api-put-notification-settings.json", ADMIN,
                        Events.body("{\"recipients\": \"ana@acme.com.br\"}")), none()));
        x.add(new Exchange("sent as application/octet-stream", putSettings, 415,
                () -> event("api-put-notification-settings.json", ADMIN,
                        header("content-type", "application/octet-stream")), none()));
        x.add(new Exchange("not an admin", putSettings, 403,
                () -> event("api-put-notification-settings.json", ANA, e -> { }), none()));
        x.add(new Exchange("no claims", putSettings, 401,
                () -> event("api-put-notification-settings.json", NOBODY, e -> { }), none()));
        keyExchanges(x, putSettings, "settings-mail-0001",
                k -> event("api-put-notification-settings.json", ADMIN, header("idempotency-key", k),
                        Events.body("{\"recipients\": [\"financeiro@acme.com.br\", \"ana.souza@acme.com.br\"]}")),
                () -> event("api-put-notification-settings.json", ADMIN, header("idempotency-key", "settings-mail-0001"),
                        Events.body("{\"recipients\": []}")), ADMIN, 200);

        // GET /items
        x.add(new Exchange("a nosso número of the retorno", find, 200,
                () -> event("api-find-items.json", ADMIN, Events.query(Map.of("ourNumber", STATE.get("ourNumber")))),
                (r, b) -> assertThat(b.get("items").findValuesAsText("id")).contains(retorno)));
        x.add(new Exchange("nowhere", find, 200,
                () -> event("api-find-items.json", ADMIN, Events.query(Map.of("ourNumber", "ZZ999"))),
                (r, b) -> assertThat(b.get("items")).isEmpty()));
        x.add(new Exchange("no nosso número", find, 400,
                () -> event("api-find-items.json", ADMIN, root -> root.remove("queryStringParameters")), none()));
        x.add(new Exchange("too long", find, 400,
                () -> event("api-find-items.json", ADMIN, Events.query(Map.of("ourNumber", "1".repeat(41)))), none()));
        x.add(new Exchange("no claims", find, 401, () -> event("api-find-items.json", NOBODY, e -> { }), none()));

        // POST /integrations/{id}/reprocess (before any account is registered: a retorno stays as it was)
        String reprocess = "POST /integrations/{id}/reprocess";
        x.add(new Exchange("a retorno", reprocess, 200,
                () -> onRecord("api-reprocess-integration.json", ADMIN, retorno, "/reprocess"),
                (r, b) -> assertThat(b.get("status").asText()).isEqualTo("PROCESSED")));
        x.add(new Exchange("an unreadable file", reprocess, 200,
                () -> onRecord("api-reprocess-integration.json", ADMIN, unreadable, "/reprocess"), none()));
        x.add(new Exchange("a cancelled remessa", reprocess, 409,
                () -> onRecord("api-reprocess-integration.json", ADMIN, anasRemessa, "/reprocess"), none()));
        x.add(new Exchange("a duplicate", reprocess, 409,
                () -> onRecord("api-reprocess-integration.json", ADMIN, duplicate, "/reprocess"), none()));
        x.add(new Exchange("not an admin", reprocess, 403,
                () -> onRecord("api-reprocess-integration.json", ANA, retorno, "/reprocess"), none()));
        x.add(new Exchange("another company's id", reprocess, 404,
                () -> onRecord("api-reprocess-integration.json", GLOBEX, retorno, "/reprocess"), none()));
        x.add(new Exchange("no claims", reprocess, 401,
                () -> onRecord("api-reprocess-integration.json", NOBODY, retorno, "/reprocess"), none()));
        keyExchanges(x, reprocess, "reprocess-0001",
                k -> onRecord("api-reprocess-integration.json", ADMIN, unreadable, "/reprocess",
                        header("idempotency-key", k)),
                () -> onRecord("api-reprocess-integration.json", ADMIN, retorno, "/reprocess",
                        header("idempotency-key", "reprocess-0001")), ADMIN, 200);

        // GET /banks
        String banks = "GET /banks";
        x.add(new Exchange("the catalogue, for any user", banks, 200, () -> event("api-list-banks.json", ANA, e -> { }),
                (r, b) -> {
                    JsonNode bb = null;
                    for (JsonNode bank : b.get("banks")) {
                        if (bank.get("code").asText().equals("001")) {
                            bb = bank;
                        }
                    }
                    assertThat(bb).isNotNull();
                    assertThat(bb.get("name").asText()).isEqualTo("Banco do Brasil");
                    List<String> accepted = new ArrayList<>();
                    bb.get("instructions").forEach(i -> accepted.add(i.get("layout").asText() + " "
                            + i.get("instruction").asText() + " " + i.get("code").asText()));
                    assertThat(accepted).contains("CNAB240 CHANGE_OTHER_DATA 31", "CNAB400 CANCEL_PROTEST 10")
                            .doesNotContain("CNAB400 CHANGE_OTHER_DATA 31");
                }));
        x.add(new Exchange("no claims", banks, 401, () -> event("api-list-banks.json", NOBODY, e -> { }), none()));

        // POST /integrations/{id}/deliver (before approval rules and accounts: the pagamento needs neither)
        String deliver = "POST /integrations/{id}/deliver";
        x.add(new Exchange("a failed delivery asked again", deliver, 200, () -> {
            failedDelivery("deliveryFailed", "1");
            return onRecord("api-deliver-integration.json", ADMIN, STATE.get("deliveryFailed"), "/deliver",
                    header("idempotency-key", null));
        }, (r, b) -> assertThat(b.get("status").asText()).isEqualTo("READY_TO_SEND")));
        x.add(new Exchange("not an admin", deliver, 403, () -> onRecord("api-deliver-integration.json", ANA,
                STATE.get("deliveryFailed"), "/deliver", header("idempotency-key", null)), none()));
        x.add(new Exchange("another company's id", deliver, 404, () -> onRecord("api-deliver-integration.json",
                GLOBEX, STATE.get("deliveryFailed"), "/deliver", header("idempotency-key", null)), none()));
        x.add(new Exchange("not in Falha no envio", deliver, 409, () -> onRecord("api-deliver-integration.json",
                ADMIN, sentRemessa, "/deliver", header("idempotency-key", null)), none()));
        x.add(new Exchange("no claims", deliver, 401, () -> onRecord("api-deliver-integration.json", NOBODY,
                sentRemessa, "/deliver", e -> { }), none()));
        keyExchanges(x, deliver, "deliver-0001",
                k -> {
                    failedDelivery("deliveryFailedKeyed", "2");
                    return onRecord("api-deliver-integration.json", ADMIN, STATE.get("deliveryFailedKeyed"),
                            "/deliver", header("idempotency-key", k));
                },
                () -> onRecord("api-deliver-integration.json", ADMIN, sentRemessa, "/deliver",
                        header("idempotency-key", "deliver-0001")), ADMIN, 200);

        // GET and PUT /settings/approvals, GET /approvals, approve and reject (before accounts are registered: the
        // remessas they decide on are generated here, for Bradesco)
        String getApprovalRules = "GET /settings/approvals";
        String putApprovalRules = "PUT /settings/approvals";
        String waiting = "GET /approvals";
        String approve = "POST /integrations/{id}/approve";
        String reject = "POST /integrations/{id}/reject";
        x.add(new Exchange("none yet", getApprovalRules, 200,
                () -> event("api-get-approval-settings.json", ADMIN, e -> { }),
                (r, b) -> assertThat(b.get("approvers")).isEmpty()));
        x.add(new Exchange("ana and bruno approve payments above R$ 1.000,00", putApprovalRules, 200,
                () -> event("api-put-approval-settings.json", ADMIN, Events.body(APPROVAL_RULES)),
                (r, b) -> assertThat(b.get("pagamento").get(1).get("upToCents").isNull()).isTrue()));
        x.add(new Exchange("tiers out of order", putApprovalRules, 400,
                () -> event("api-put-approval-settings.json", ADMIN, Events.body(APPROVAL_RULES.replace(
                        "{\"upToCents\": null, \"approvals\": 2}", "{\"upToCents\": 50000, \"approvals\": 2}"))),
                (r, b) -> assertThat(b.get("detail").asText()).startsWith("pagamento[1].upToCents:")));
        x.add(new Exchange("sent as text/csv", putApprovalRules, 415,
                () -> event("api-put-approval-settings.json", ADMIN, header("content-type", "text/csv")), none()));
        x.add(new Exchange("not an admin", getApprovalRules, 403,
                () -> event("api-get-approval-settings.json", ANA, e -> { }), none()));
        x.add(new Exchange("not an admin", putApprovalRules, 403,
                () -> event("api-put-approval-settings.json", ANA, e -> { }), none()));
        x.add(new Exchange("no claims", getApprovalRules, 401,
                () -> event("api-get-approval-settings.json", NOBODY, e -> { }), none()));
        x.add(new Exchange("no claims", putApprovalRules, 401,
                () -> event("api-put-approval-settings.json", NOBODY, e -> { }), none()));
        keyExchanges(x, putApprovalRules, "settings-approvals-0001",
                k -> event("api-put-approval-settings.json", ADMIN, header("idempotency-key", k),
                        Events.body(APPROVAL_RULES)),
                () -> event("api-put-approval-settings.json", ADMIN, header("idempotency-key", "settings-approvals-0001"),
                        Events.body(APPROVAL_RULES.replace("\"approvals\": 2", "\"approvals\": 1"))),
                ADMIN, 200);
        x.add(new Exchange("a remessa waiting for bruno", waiting, 200, () -> {
            awaiting("toApprove", "1");
            awaiting("toReject", "3");
            return event("api-list-approvals.json", BRUNO, e -> { });
        }, (r, b) -> assertThat(b.get("items")).hasSize(2).allSatisfy(i ->
                assertThat(i.get("approval").get("required").asInt()).isEqualTo(2))));
        x.add(new Exchange("no claims", waiting, 401, () -> event("api-list-approvals.json", NOBODY, e -> { }),
                none()));
        for (String[] route : List.of(new String[] {approve, "api-approve-integration.json", "/approve"},
                new String[] {reject, "api-reject-integration.json", "/reject"})) {
            x.add(new Exchange("by its creator", route[0], 403,
                    () -> onRecord(route[1], ADMIN, STATE.get("toApprove"), route[2]), none()));
            x.add(new Exchange("another company's id", route[0], 404,
                    () -> onRecord(route[1], GLOBEX, STATE.get("toApprove"), route[2]), none()));
            x.add(new Exchange("a file that does not wait for approval", route[0], 409,
                    () -> onRecord(route[1], ANA, retorno, route[2]), none()));
            x.add(new Exchange("no claims", route[0], 401,
                    () -> onRecord(route[1], NOBODY, STATE.get("toApprove"), route[2]), none()));
        }
        x.add(new Exchange("no reason", reject, 400,
                () -> onRecord("api-reject-integration.json", BRUNO, STATE.get("toReject"), "/reject",
                        Events.body("{}")), none()));
        x.add(new Exchange("sent as text/plain", reject, 415,
                () -> onRecord("api-reject-integration.json", BRUNO, STATE.get("toReject"), "/reject",
                        header("content-type", "text/plain; charset=utf-8")), none()));
        x.add(new Exchange("the first of two approvals", approve, 200,
                () -> onRecord("api-approve-integration.json", ANA, STATE.get("toApprove"), "/approve"),
                (r, b) -> assertThat(b.get("status").asText()).isEqualTo("AWAITING_APPROVAL")));
        x.add(new Exchange("the second: approved", approve, 200,
                () -> onRecord("api-approve-integration.json", BRUNO, STATE.get("toApprove"), "/approve"),
                (r, b) -> assertThat(b.get("status").asText()).isEqualTo("APPROVED")));
        x.add(new Exchange("rejected with its reason", reject, 200,
                () -> onRecord("api-reject-integration.json", BRUNO, STATE.get("toReject"), "/reject"),
                (r, b) -> assertThat(b.get("approval").get("rejection").get("reason").asText()).isNotBlank()));
        x.add(new Exchange("an approval after the rejection", approve, 409,
                () -> onRecord("api-approve-integration.json", ANA, STATE.get("toReject"), "/approve"), none()));
        x.add(new Exchange("the rejected remessa in full", detail, 200,
                () -> onRecord("api-get-integration.json", ADMIN, STATE.get("toReject"), ""),
                (r, b) -> assertThat(b.get("status").asText()).isEqualTo("APPROVAL_REJECTED")));
        keyExchanges(x, approve, "approve-0001",
                k -> onRecord("api-approve-integration.json", ANA, STATE.get("toApprove"), "/approve",
                        header("idempotency-key", k)),
                () -> onRecord("api-approve-integration.json", ANA, STATE.get("toReject"), "/approve",
                        header("idempotency-key", "approve-0001")), ANA, 200);
        keyExchanges(x, reject, "reject-0001",
                k -> onRecord("api-reject-integration.json", ANA, STATE.get("toReject"), "/reject",
                        header("idempotency-key", k)),
                () -> onRecord("api-reject-integration.json", ANA, STATE.get("toReject"), "/reject",
                        header("idempotency-key", "reject-0001"), Events.body("{\"reason\": \"outro motivo\"}")),
                ANA, 409);

        // GET and PUT /settings/accounts
        String getAccounts = "GET /settings/accounts";
        String putAccounts = "PUT /settings/accounts";
        x.add(new Exchange("none yet", getAccounts, 200, () -> event("api-get-account-settings.json", ADMIN, e -> { }),
                (r, b) -> assertThat(b.get("accounts")).isEmpty()));
        x.add(new Exchange("replaced, as digits", putAccounts, 200,
                () -> event("api-put-account-settings.json", ADMIN, e -> { }),
                (r, b) -> assertThat(b.get("accounts").get(0).get("companyDocument").asText())
                        .isEqualTo("12345678000190")));
        x.add(new Exchange("only a convênio", putAccounts, 200,
                () -> event("api-put-account-settings.json", ADMIN,
                        Events.body("{\"accounts\": [{\"bankCode\": \"1\", \"agreement\": \"99\"}]}")),
                (r, b) -> assertThat(b.get("accounts").get(0).get("bankCode").asText()).isEqualTo("001")));
        x.add(new Exchange("read back", getAccounts, 200, () -> event("api-get-account-settings.json", ADMIN, e -> { }),
                (r, b) -> assertThat(b.get("accounts")).hasSize(1)));
        x.add(new Exchange("a bank code that is not one", putAccounts, 400,
                () -> event("api-put-account-settings.json", ADMIN,
                        Events.body("{\"accounts\": [{\"bankCode\": \"1041\", \"agreement\": \"1\"}]}")), none()));
        x.add(new Exchange("nothing to identify files by", putAccounts, 400,
                () -> event("api-put-account-settings.json", ADMIN,
                        Events.body("{\"accounts\": [{\"bankCode\": \"104\"}]}")), none()));
        x.add(new Exchange("not a list", putAccounts, 400,
                () -> event("api-put-account-settings.json", ADMIN, Events.body("{\"accounts\": {}}")), none()));
        x.add(new Exchange("an account field that does not exist", putAccounts, 400,
                () -> event("api-put-account-settings.json", ADMIN,
                        Events.body("{\"accounts\": [{\"bankCode\": \"104\", \"agreement\": \"1\", \"cnpj\": \"1\"}]}")),
                (r, b) -> assertThat(b.get("detail").asText()).contains("cnpj")));
        x.add(new Exchange("sent as text/csv", putAccounts, 415,
                () -> event("api-put-account-settings.json", ADMIN, header("content-type", "text/csv")), none()));
        x.add(new Exchange("not an admin", getAccounts, 403,
                () -> event("api-get-account-settings.json", ANA, e -> { }), none()));
        x.add(new Exchange("not an admin", putAccounts, 403,
                () -> event("api-put-account-settings.json", ANA, e -> { }), none()));
        x.add(new Exchange("no claims", getAccounts, 401,
                () -> event("api-get-account-settings.json", NOBODY, e -> { }), none()));
        x.add(new Exchange("no claims", putAccounts, 401,
                () -> event("api-put-account-settings.json", NOBODY, e -> { }), none()));
        keyExchanges(x, putAccounts, "settings-accounts-0001",
                k -> event("api-put-account-settings.json", ADMIN, header("idempotency-key", k),
                        Events.body("{\"accounts\": [{\"bankCode\": \"1\", \"agreement\": \"99\"}]}")),
                () -> event("api-put-account-settings.json", ADMIN, header("idempotency-key", "settings-accounts-0001"),
                        Events.body("{\"accounts\": [{\"bankCode\": \"1\", \"agreement\": \"98\"}]}")),
                ADMIN, 200);

        // POST /integrations/{id}/release and /discard (last: a released file is processed)
        String release = "POST /integrations/{id}/release";
        String discard = "POST /integrations/{id}/discard";
        for (String[] route : List.of(new String[] {release, "api-release-integration.json", "/release"},
                new String[] {discard, "api-discard-integration.json", "/discard"})) {
            x.add(new Exchange("no reason", route[0], 400,
                    () -> onRecord(route[1], ADMIN, held, route[2], header("idempotency-key", null), Events.body("{}")),
                    none()));
            x.add(new Exchange("sent as text/plain", route[0], 415,
                    () -> onRecord(route[1], ADMIN, held, route[2], header("idempotency-key", null),
                            header("content-type", "text/plain; charset=utf-8")), none()));
            x.add(new Exchange("not an admin", route[0], 403,
                    () -> onRecord(route[1], ANA, held, route[2], header("idempotency-key", null)), none()));
            x.add(new Exchange("another company's id", route[0], 404,
                    () -> onRecord(route[1], GLOBEX, held, route[2], header("idempotency-key", null)), none()));
            x.add(new Exchange("a file that is not held", route[0], 409,
                    () -> onRecord(route[1], ADMIN, retorno, route[2], header("idempotency-key", null)), none()));
            x.add(new Exchange("no claims", route[0], 401,
                    () -> onRecord(route[1], NOBODY, held, route[2], e -> { }), none()));
        }
        x.add(new Exchange("the held copy released: processed", release, 200,
                () -> onRecord("api-release-integration.json", ADMIN, held, "/release", header("idempotency-key", null)),
                (r, b) -> assertThat(b.get("status").asText()).isEqualTo("PROCESSED")));
        x.add(new Exchange("the other held copy discarded", discard, 200,
                () -> onRecord("api-discard-integration.json", ADMIN, heldToDiscard, "/discard",
                        header("idempotency-key", null)),
                (r, b) -> assertThat(b.get("status").asText()).isEqualTo("DISCARDED")));
        keyExchanges(x, release, "release-0001",
                k -> onRecord("api-release-integration.json", ADMIN, held, "/release", header("idempotency-key", k)),
                () -> onRecord("api-release-integration.json", ADMIN, held, "/release",
                        header("idempotency-key", "release-0001"), Events.body("{\"reason\": \"outro motivo\"}")),
                ADMIN, 200);
        keyExchanges(x, discard, "discard-0001",
                k -> onRecord("api-discard-integration.json", ADMIN, heldToDiscard, "/discard",
                        header("idempotency-key", k)),
                () -> onRecord("api-discard-integration.json", ADMIN, heldToDiscard, "/discard",
                        header("idempotency-key", "discard-0001"), Events.body("{\"reason\": \"outro motivo\"}")),
                ADMIN, 200);

        return x;
    }

    // ---- events ----

    private record Caller(String tenant, String userId, String name, String groups) {
    }

    private record Exchange(String name, String route, int status, Supplier<APIGatewayV2HTTPEvent> event,
                            Then then) {
    }

    @FunctionalInterface
    private interface Then {
        void accept(APIGatewayV2HTTPResponse response, JsonNode body);
    }

    private static Then none() {
        return (response, body) -> { };
    }

    /** An event of {@code events/} as {@code caller} (no verified claims at all when null), then edited. */
    @SafeVarargs
    private static APIGatewayV2HTTPEvent event(String file, Caller caller, Consumer<ObjectNode>... edits) {
        Consumer<ObjectNode> edit = caller == null
                ? root -> {
                    ((ObjectNode) root.get("requestContext")).remove("authorizer");
                    ((ObjectNode) root.get("headers")).remove("authorization");
                }
                : Events.claims(caller.tenant(), caller.userId(), caller.name(), caller.groups());
        for (Consumer<ObjectNode> more : edits) {
            edit = edit.andThen(more);
        }
        return Events.http(file, edit);
    }

    @SafeVarargs
    private static APIGatewayV2HTTPEvent onRecord(String file, Caller caller, String id, String suffix,
                                                  Consumer<ObjectNode>... edits) {
        List<Consumer<ObjectNode>> all = new ArrayList<>();
        all.add(Events.pathId(id, "/integrations/" + id + suffix));
        all.addAll(List.of(edits));
        @SuppressWarnings("unchecked")
        Consumer<ObjectNode>[] array = all.toArray(new Consumer[0]);
        return event(file, caller, array);
    }

    private static APIGatewayV2HTTPEvent listEvent(Caller caller, Map<String, String> query) {
        return event("api-list-integrations.json", caller, Events.query(query));
    }

    /** A route with no event file of its own: another event with its route, path, method and body replaced. */
    private static APIGatewayV2HTTPEvent plannedEvent(Caller caller, String[] planned) {
        String routeKey = planned[0];
        String rawPath = planned[1];
        String body = planned[2];
        return event("api-get-notification-settings.json", caller, root -> {
            root.put("routeKey", routeKey).put("rawPath", rawPath);
            ObjectNode context = (ObjectNode) root.get("requestContext");
            context.put("routeKey", routeKey);
            ((ObjectNode) context.get("http")).put("method", routeKey.split(" ")[0]).put("path", rawPath);
            if (routeKey.contains("{id}")) {
                root.putObject("pathParameters").put("id", rawPath.split("/")[2]);
            }
            if (body != null) {
                root.put("body", body);
                ((ObjectNode) root.get("headers")).put("content-type", "application/json");
            }
        });
    }

    /**
     * The event, with its Idempotency-Key claimed first as if the very same request were running elsewhere
     * right now (another Lambda sandbox, a retry sent too soon).
     */
    private static APIGatewayV2HTTPEvent inFlight(APIGatewayV2HTTPEvent event, Caller caller, String key) {
        String id = event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("id", "");
        String fingerprint = new IdempotentRequests.Request(caller.tenant(), key, event.getRouteKey(), id,
                caller.userId(), event.getBody()).fingerprint();
        Instant now = Instant.now();
        new DynamoIdempotencyStore(DynamoDbEnhancedClient.builder().dynamoDbClient(services.dynamoDb()).build(),
                services.config().tableName()).claim(caller.tenant(), key, fingerprint, now,
                now.plus(IdempotentRequests.IN_PROGRESS_LEASE), now.plus(IdempotentRequests.KEPT_FOR));
        return event;
    }

    /** Two exchanges every mutating route has: its key reused with another body (422), and in flight (409). */
    private static void keyExchanges(List<Exchange> x, String route, String key,
                                     Function<String, APIGatewayV2HTTPEvent> withKey,
                                     Supplier<APIGatewayV2HTTPEvent> otherBody, Caller caller, int firstStatus) {
        x.add(new Exchange("a first request with a key", route, firstStatus, () -> withKey.apply(key), none()));
        x.add(new Exchange("the key reused with another body", route, 422, otherBody, none()));
        x.add(new Exchange("the same request still in progress elsewhere", route, 409,
                () -> inFlight(withKey.apply(key + "-inflight"), caller, key + "-inflight"),
                (r, b) -> assertThat(r.getHeaders()).containsKey("retry-after")));
    }

    /**
     * A pagamento the admin generates in their own name (so they may not approve it), recorded by Ingest as
     * waiting for approval; its record id kept under {@code name}.
     */
    private static void awaiting(String name, String digit) {
        String body = PAGAMENTO.replace("\"sendAutomatically\": true, ", "").replace(", \"sequenceNumber\": 41", "")
                .replace("\"PG-1\"", "\"AP-" + digit + "\"").replace("\"BL-1\"", "\"AP-" + digit + "B\"");
        APIGatewayV2HTTPResponse generated = new ApiHandler(services.api()).handleRequest(event("api-create-remittance.json",
                ADMIN, header("idempotency-key", null), Events.body(body)), null);
        assertThat(generated.getStatusCode()).as(generated.getBody()).isEqualTo(202);
        STATE.put(name, Api.deliver(services, "s3-put-outbound.json", parse(generated.getBody()).get("key").asText(),
                "2026-11-25T12:0" + digit + ":00.000Z"));
    }

    /**
     * A pagamento handed to the integration whose delivery failed at every try (the SFTP stand-in refusing),
     * recorded "Falha no envio"; its record id kept under {@code name}.
     */
    private static void failedDelivery(String name, String digit) {
        if (STATE.containsKey(name)) {
            return;
        }
        String body = PAGAMENTO.replace(", \"sequenceNumber\": 41", "").replace("\"PG-1\"", "\"DL-" + digit + "\"")
                .replace("\"BL-1\"", "\"DL-" + digit + "B\"");
        APIGatewayV2HTTPResponse generated = new ApiHandler(services.api()).handleRequest(event(
                "api-create-remittance.json", ADMIN, header("idempotency-key", null), Events.body(body)), null);
        assertThat(generated.getStatusCode()).as(generated.getBody()).isEqualTo(202);
        String id = Api.deliver(services, "s3-put-outbound.json", parse(generated.getBody()).get("key").asText(),
                "2026-11-25T13:0" + digit + ":00.000Z");
        Deliveries deliveries = new Deliveries(environment, services);
        java.nio.file.Path refuse = deliveries.bankFolder("acme", "237").resolve(FolderBankChannel.REFUSE);
        try {
            java.nio.file.Files.createDirectories(refuse.getParent());
            java.nio.file.Files.writeString(refuse, "");
            deliveries.route(id);
            deliveries.drain(services.delivery());
            java.nio.file.Files.delete(refuse);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(Api.admin(services, "acme").record(id).get("status").asText()).isEqualTo("DELIVERY_FAILED");
        STATE.put(name, id);
    }

    /** The remittance event with its two nosso números changed, so it carries titles no remessa carries yet. */
    private static Consumer<ObjectNode> renumbered(String digit) {
        return e -> e.put("body", e.get("body").asText().replace("\"90000000\"", "\"9" + digit + "000000\"")
                .replace("\"00000001\"", "\"0" + digit + "000001\""));
    }

    /**
     * An instruction for account 22222 carried by a scheduled remessa, which Ingest records, and rejected by the
     * bank's retorno (occurrence 03, reason 08), recorded too.
     */
    private static void settledInstruction() {
        APIGatewayV2HTTPResponse created = new ApiHandler(services.api()).handleRequest(event(
                "api-create-instruction.json", ANA, header("idempotency-key", null),
                e -> e.put("body", e.get("body").asText().replace("\"17600\"", "\"22222\""))), null);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode run = Instructions.runNow(services);
        String key = run.get("remessas").get(0).get("key").asText();
        Api.deliver(services, "s3-put-outbound.json", key, "2026-11-23T19:30:05.000Z");
        ingest("inbound/acme/RET-INSTR.ret", CobrancaRetorno240.answering(HistoryEnvironment.get(services, key),
                Map.of(1, CobrancaRetorno240.Answer.of("03", "08")), 321), Map.of(), "2026-11-24T12:30:00.000Z");
    }

    /** The event's path at the instruction the first exchange created. */
    private static Consumer<ObjectNode> instructionPath() {
        String id = STATE.get("instruction");
        return Events.pathId(id, "/instructions/" + id + "/cancel");
    }

    private static Consumer<ObjectNode> header(String name, String value) {
        return Events.header(name, value);
    }

    private static ObjectNode claims(ObjectNode root) {
        return (ObjectNode) root.get("requestContext").get("authorizer").get("jwt").get("claims");
    }

    // ---- files ----

    /** Puts the bytes under the key and delivers the S3 event for them, as S3 does; returns the record id. */
    private static String ingest(String key, byte[] bytes, Map<String, String> metadata, String eventTime) {
        HistoryEnvironment.put(services, key, bytes, metadata);
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        IngestHandler.Report report = new IngestHandler(services.ingest()).handleRequest(Events.s3("s3-put-inbound.json",
                Events.s3Object(services.config().bucketName(), encoded).andThen(Events.eventTime(eventTime))
                        .andThen(Events.sequencerOf(eventTime))), null);
        IngestOutcome outcome = report.outcomes().get(0);
        if (outcome instanceof IngestOutcome.Recorded recorded) {
            return recorded.recordId();
        }
        throw new AssertionError("not recorded: " + key + ": " + outcome);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
