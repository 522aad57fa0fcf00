package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.domain.FileKind;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.IntegrationRecord;
import br.bankhistory.history.domain.ListFilter;
import br.bankhistory.history.domain.Origin;
import br.bankhistory.history.domain.RecordStatus;
import br.bankhistory.history.ingest.IngestOutcome;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Race;
import br.bankhistory.history.support.Samples;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ingest function, driven by the events of {@code events/} against DynamoDB Local and s3proxy. */
class IngestHandlerTest {

    private static HistoryEnvironment environment;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    /**
     * Expected values were read from the files themselves (positions 1-3, 8, 14, 143 and lote header 10-11
     * of each line, counted with awk), not from the engine's output.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "laravel-boleto/caixa.ret,            104, CNAB240, RETORNO, COBRANCA, RETORNO_COBRANCA, 9, PROCESSED",
            "OpenCnabPHP/sicoob-example.ret,      756, CNAB240, RETORNO, COBRANCA, RETORNO_COBRANCA, 5, PROCESSED",
            "brcobranca/CNAB240SICREDI.CRT,       748, CNAB240, RETORNO, COBRANCA, RETORNO_COBRANCA, 2, PROCESSED",
            "brcobranca/remessa-caixa-cnab240.rem, 104, CNAB240, REMESSA, COBRANCA, REMESSA_COBRANCA, 1, SENT",
            "kmee-cnab240/cobranca.itau.rem,      341, CNAB240, REMESSA, COBRANCA, REMESSA_COBRANCA, 2, SENT"
    })
    void records_each_sample_with_what_its_content_says(String sample, String bank, String layout, String direction,
                                                         String service, FileKind kind, long items,
                                                         RecordStatus status) {
        Services services = environment.freshServices();
        String fileName = sample.substring(sample.indexOf('/') + 1);
        HistoryEnvironment.put(services, "inbound/acme/" + fileName, Samples.bytes(sample), Map.of());

        IngestHandler.Report report = new IngestHandler(services.ingest()).handleRequest(
                inbound(services, "inbound/acme/" + fileName), null);

        IngestOutcome.Recorded recorded = (IngestOutcome.Recorded) report.outcomes().get(0);
        IntegrationRecord record = services.listIntegrations().page("acme", ListFilter.NONE, Optional.empty(), 10).records().get(0);
        assertThat(record.id()).isEqualTo(recorded.recordId());
        assertThat(record.bankCode()).isEqualTo(bank);
        assertThat(record.layout()).isEqualTo(layout);
        assertThat(record.direction()).isEqualTo(direction);
        assertThat(record.service()).isEqualTo(service);
        assertThat(record.kind()).isEqualTo(kind);
        assertThat(record.itemCount()).isEqualTo(items);
        assertThat(record.fileName()).isEqualTo(fileName);
        // A remessa the integration delivered on its own (a bank-side drop, no user) is "sent".
        assertThat(record.status()).isEqualTo(status);
        assertThat(services.listItems().page("acme", record.id(), Optional.empty(), 100).orElseThrow().items())
                .hasSize((int) items);
    }

    @Test
    void a_bank_drop_is_attributed_to_the_integration_with_its_amounts() {
        Services services = environment.freshServices();
        byte[] bytes = Samples.bytes("laravel-boleto/caixa.ret");
        HistoryEnvironment.put(services, "inbound/acme/RETORNO CAIXA 2311.ret", bytes, Map.of());

        new IngestHandler(services.ingest()).handleRequest(Events.s3("s3-put-inbound.json",
                Events.s3Object(services.config().bucketName(), "inbound/acme/RETORNO+CAIXA+2311.ret")), null);

        IntegrationRecord record = only(services, "acme");
        assertThat(record.fileName()).isEqualTo("RETORNO CAIXA 2311.ret");
        assertThat(record.origin()).isEqualTo(Origin.AUTOMATIC);
        assertThat(record.userName()).isEqualTo(Identity.INTEGRATION_USER_NAME);
        // Sums of T 82-96 (valor do título) and U 78-92 (valor pago) over the nine titles, read with awk.
        assertThat(record.totalAmountCents()).isEqualTo(112_000);
        assertThat(record.totalPaidCents()).isEqualTo(101_000);
        assertThat(record.sha256()).isEqualTo(sha256(bytes));
        assertThat(record.receivedAt()).hasToString("2026-11-23T12:30:15.123Z");
    }

    @Test
    void a_manual_upload_carries_the_user_from_its_metadata() {
        Services services = environment.freshServices();
        HistoryEnvironment.put(services, "uploads/acme/user-ana/cobranca.itau.rem",
                Samples.bytes("kmee-cnab240/cobranca.itau.rem"),
                Map.of("user-id", "user-ana", "user-name", "Ana%20Concei%C3%A7%C3%A3o"));

        new IngestHandler(services.ingest()).handleRequest(Events.s3("s3-put-upload.json",
                Events.s3Object(services.config().bucketName(), "uploads/acme/user-ana/cobranca.itau.rem")), null);

        IntegrationRecord record = only(services, "acme");
        assertThat(record.origin()).isEqualTo(Origin.MANUAL);
        assertThat(record.userId()).isEqualTo("user-ana");
        assertThat(record.userName()).isEqualTo("Ana Conceição");
        assertThat(record.kind()).isEqualTo(FileKind.REMESSA_COBRANCA);
        assertThat(record.status()).isEqualTo(RecordStatus.GENERATED);
    }

    @Test
    void a_remessa_the_integration_wrote_on_its_own_is_automatic() {
        Services services = environment.freshServices();
        HistoryEnvironment.put(services, "outbound/acme/remessa-caixa-cnab240.rem",
                Samples.bytes("brcobranca/remessa-caixa-cnab240.rem"), Map.of());

        new IngestHandler(services.ingest()).handleRequest(Events.s3("s3-put-outbound.json",
                Events.s3Object(services.config().bucketName(), "outbound/acme/remessa-caixa-cnab240.rem")), null);

        IntegrationRecord record = only(services, "acme");
        assertThat(record.origin()).isEqualTo(Origin.AUTOMATIC);
        assertThat(record.userName()).isEqualTo("Integração");
        assertThat(record.direction()).isEqualTo("REMESSA");
        assertThat(record.status()).isEqualTo(RecordStatus.SENT);
    }

    @Test
    void the_same_event_delivered_ten_times_concurrently_gives_one_record() throws Exception {
        Services services = environment.freshServices();
        HistoryEnvironment.put(services, "inbound/acme/caixa.ret", Samples.bytes("laravel-boleto/caixa.ret"), Map.of());
        S3Event event = inbound(services, "inbound/acme/caixa.ret");

        List<IngestOutcome> outcomes = Race.run(environment, services, 10,
                        (wiring, i) -> new IngestHandler(wiring.ingest()).handleRequest(event, null)).stream()
                .flatMap(report -> report.outcomes().stream()).toList();

        assertThat(outcomes).filteredOn(IngestOutcome.Recorded.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(IngestOutcome.AlreadyRecorded.class::isInstance).hasSize(9);
        assertThat(services.listIntegrations().page("acme", ListFilter.NONE, Optional.empty(), 50).records()).hasSize(1);
        String id = ((IngestOutcome.Recorded) outcomes.stream()
                .filter(IngestOutcome.Recorded.class::isInstance).findFirst().orElseThrow()).recordId();
        assertThat(outcomes).filteredOn(IngestOutcome.AlreadyRecorded.class::isInstance)
                .allSatisfy(o -> assertThat(((IngestOutcome.AlreadyRecorded) o).recordId()).isEqualTo(id));
    }

    @Test
    void a_corrupted_file_is_kept_and_recorded_as_rejected_with_findings() {
        Services services = environment.freshServices();
        byte[] bytes = Samples.bytes("OpenCnabPHP/teste.rem");
        HistoryEnvironment.put(services, "inbound/acme/teste.rem", bytes, Map.of());

        new IngestHandler(services.ingest()).handleRequest(inbound(services, "inbound/acme/teste.rem"), null);

        IntegrationRecord record = only(services, "acme");
        assertThat(record.status()).isEqualTo(RecordStatus.REJECTED);
        assertThat(record.findings()).isNotEmpty();
        assertThat(record.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
        // The file is UTF-16 (it starts with FF FE, checked with xxd): one finding for the whole file says so.
        assertThat(record.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("UTF16_CONTENT"));
        assertThat(record.findingCounts().get("ERROR")).isPositive();
        assertThat(storedBytes(services, "inbound/acme/teste.rem")).isEqualTo(bytes);
    }

    @Test
    void an_empty_file_is_recorded_as_rejected_with_a_finding() {
        Services services = environment.freshServices();
        HistoryEnvironment.put(services, "inbound/acme/vazio.ret", new byte[0], Map.of());

        new IngestHandler(services.ingest()).handleRequest(inbound(services, "inbound/acme/vazio.ret"), null);

        IntegrationRecord record = only(services, "acme");
        assertThat(record.status()).isEqualTo(RecordStatus.REJECTED);
        assertThat(record.sizeBytes()).isZero();
        assertThat(record.findings()).isNotEmpty();
        assertThat(storedBytes(services, "inbound/acme/vazio.ret")).isEmpty();
    }

    @Test
    void a_file_over_the_size_limit_is_rejected_without_being_read() {
        Services services = environment.freshServices(1_000);
        byte[] bytes = Samples.bytes("laravel-boleto/caixa.ret");
        HistoryEnvironment.put(services, "inbound/acme/caixa.ret", bytes, Map.of());

        new IngestHandler(services.ingest()).handleRequest(inbound(services, "inbound/acme/caixa.ret"), null);

        IntegrationRecord record = only(services, "acme");
        assertThat(record.status()).isEqualTo(RecordStatus.REJECTED);
        assertThat(record.itemCount()).isZero();
        assertThat(record.findings().get(0).code()).isEqualTo("FILE_TOO_LARGE");
        // the finding says the file's size and the configured limit
        assertThat(record.findings().get(0).message()).contains(bytes.length + " bytes").contains("limite de 1000 bytes");
        // The second says no admin could be told: this test's company has no recipients.
        assertThat(record.findings()).extracting(f -> f.code()).containsExactly("FILE_TOO_LARGE", "NO_ADMIN_RECIPIENTS");
        assertThat(storedBytes(services, "inbound/acme/caixa.ret")).isEqualTo(bytes);
    }

    @Test
    void a_file_of_exactly_the_size_limit_is_read() {
        byte[] bytes = Samples.bytes("laravel-boleto/caixa.ret");
        Services services = environment.freshServices(bytes.length);
        HistoryEnvironment.put(services, "inbound/acme/caixa.ret", bytes, Map.of());

        new IngestHandler(services.ingest()).handleRequest(inbound(services, "inbound/acme/caixa.ret"), null);

        IntegrationRecord record = only(services, "acme");
        assertThat(record.status()).isEqualTo(RecordStatus.PROCESSED);
        assertThat(record.itemCount()).isPositive();
        assertThat(record.findings()).extracting(f -> f.code()).doesNotContain("FILE_TOO_LARGE");
    }

    @ParameterizedTest
    @CsvSource({
            "other/acme/caixa.ret",
            "inbound/acme/sub/caixa.ret",
            "inbound/../globex/caixa.ret",
            "inbound/ACME!/caixa.ret",
            "uploads/acme/caixa.ret",
            "inbound/acme/.hidden"
    })
    void keys_outside_the_known_prefixes_are_ignored_with_a_reason(String key) {
        Services services = environment.freshServices();

        IngestHandler.Report report = new IngestHandler(services.ingest()).handleRequest(inbound(services, key), null);

        assertThat(report.outcomes()).singleElement().isInstanceOf(IngestOutcome.Ignored.class);
        assertThat(((IngestOutcome.Ignored) report.outcomes().get(0)).reason()).isNotBlank();
        assertThat(services.listIntegrations().page("acme", ListFilter.NONE, Optional.empty(), 10).records()).isEmpty();
        assertThat(services.listIntegrations().page("globex", ListFilter.NONE, Optional.empty(), 10).records()).isEmpty();
    }

    @Test
    void an_event_for_another_bucket_is_ignored() {
        Services services = environment.freshServices();

        IngestHandler.Report report = new IngestHandler(services.ingest()).handleRequest(Events.s3("s3-put-inbound.json",
                Events.s3Object("someone-elses-bucket", "inbound/acme/caixa.ret")), null);

        assertThat(report.outcomes()).singleElement().isInstanceOf(IngestOutcome.Ignored.class);
    }

    private static S3Event inbound(Services services, String key) {
        return Events.s3("s3-put-inbound.json", Events.s3Object(services.config().bucketName(),
                key.replace(" ", "+")));
    }

    private static IntegrationRecord only(Services services, String tenant) {
        List<IntegrationRecord> records = services.listIntegrations().page(tenant, ListFilter.NONE, Optional.empty(), 10).records();
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static byte[] storedBytes(Services services, String key) {
        return services.s3().getObjectAsBytes(r -> r.bucket(services.config().bucketName()).key(key)).asByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
