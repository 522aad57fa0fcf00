package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that lie (docs/operations.md, "File names"): a right-to-left override makes {@code retorno‮ter.exe}
 * read as {@code retornoexe.ret}. Such names are refused at upload; a bank's drop with one is kept under its
 * original key and downloaded with its original name, but shown neutralised ({@code [U+202E]}) in the API
 * the page and the CSV read, in the statement and in the email.
 */
class DeceptiveNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HistoryEnvironment environment;
    private Services services;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.startWithSes();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void freshStorage() {
        environment.emulators().sesInbox().clear();
        services = environment.freshServices();
        Api.admin(services, "acme").call("api-put-notification-settings.json",
                Events.body("{\"recipients\":[\"financeiro@acme.com.br\"]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"retorno\u202Eter.exe", "a\u2066b.ret", "a\u2069b.ret", "zero\u200Bwidth.ret",
            "bell\u0007.ret", "nova\nlinha.ret", "lixo\uFFFD.ret", "meio\uD800.ret", "fim\u2028.ret"})
    void an_upload_whose_name_hides_or_reverses_text_is_refused(String name) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("fileName", name).put("sizeBytes", 100);

        JsonNode problem = json(Api.user(services, "acme", "ana", "Ana Souza").call("api-create-upload.json",
                Events.header("idempotency-key", null).andThen(Events.body(body.toString()))), 400);

        assertThat(problem.get("detail").asText()).startsWith("Nome de arquivo inválido: contém").contains("U+");
        assertThat(services.s3().listObjectsV2(r -> r.bucket(services.config().bucketName())).contents()).isEmpty();
    }

    @Test
    void a_dropped_file_with_an_override_is_kept_as_it_is_and_shown_neutralised() throws Exception {
        String name = "RETORNO\u202Eter.CAIXA.exe";
        String key = "inbound/acme/" + name;
        String id = Api.ingest(services, key, "laravel-boleto/caixa.ret", Map.of(), "2026-11-23T12:00:00.000Z");
        Api admin = Api.admin(services, "acme");
        String shown = "RETORNO[U+202E]ter.CAIXA.exe";

        JsonNode detail = json(admin.onRecord("api-get-integration.json", id, "", e -> { }), 200);
        assertThat(detail.get("fileName").asText()).isEqualTo(shown);
        JsonNode row = json(admin.call("api-list-integrations.json", e -> { }), 200).get("items").get(0);
        assertThat(row.get("fileName").asText()).isEqualTo(shown);

        // The object and the download keep the original name.
        assertThat(services.s3().headObject(r -> r.bucket(services.config().bucketName()).key(key)).contentLength())
                .isEqualTo(Samples.bytes("laravel-boleto/caixa.ret").length);
        String downloadUrl = json(admin.onRecord("api-download-file.json", id, "/file",
                Events.header("accept", "application/json")), 200).get("url").asText();
        HttpResponse<byte[]> download = get(downloadUrl);
        String disposition = download.headers().firstValue("content-disposition").orElseThrow();
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo(name);

        // The statement and the email show it neutralised.
        String statementUrl = json(admin.onRecord("api-get-statement.json", id, "/statement",
                Events.header("accept", "application/json")), 200).get("url").asText();
        try (PDDocument pdf = Loader.loadPDF(get(statementUrl).body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(shown).doesNotContain("\u202E");
            assertThat(pdf.getDocumentInformation().getTitle()).contains(shown);
        }
        JsonNode email = JSON.readTree(environment.emulators().sesInbox().storeJson()).get("emails").get(0);
        assertThat(email.get("subject").asText()).contains(shown).doesNotContain("\u202E");
        assertThat(email.get("body").get("text").asText()).contains(shown).doesNotContain("\u202E");
        assertThat(email.get("body").get("html").asText()).doesNotContain("\u202E");
        for (JsonNode attachment : email.get("attachments")) {
            assertThat(attachment.get("filename").asText()).doesNotContain("\u202E");
        }
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
