package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.port.NotificationLog;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Samples;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SES that takes the message and then does not answer (its process stopped with SIGSTOP, resumed with
 * SIGCONT): the send times out, the email is marked "may have been sent", and neither Lambda's retries of the
 * invocation nor a later replay of the event send it again. Exactly one email reaches the inbox.
 */
class PausedSesTest {

    /** Short, so the test is quick; the rule under test is the same for the deployed 20 s. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(2);
    private static HistoryEnvironment environment;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.startWithSes();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @Test
    void a_paused_ses_gets_the_email_once_through_retries_and_the_replay() throws Exception {
        environment.emulators().sesInbox().clear();
        Services first = environment.freshServices();
        Api.admin(first, "acme").call("api-put-notification-settings.json",
                Events.body("{\"recipients\":[\"financeiro@acme.com.br\"]}"));
        HistoryEnvironment.put(first, "inbound/acme/caixa.ret", Samples.bytes("laravel-boleto/caixa.ret"), Map.of());
        S3Event event = Events.s3("s3-put-inbound.json",
                Events.s3Object(first.config().bucketName(), "inbound/acme/caixa.ret"));

        long ses = environment.emulators().sesServer().pid();
        signal("STOP", ses);
        try {
            // the first attempt and Lambda's two retries, each in its own sandbox (its own wiring)
            for (int attempt = 0; attempt < 3; attempt++) {
                new IngestHandler(shortSesTimeout(first).ingest()).handleRequest(event, null);
            }
        } finally {
            signal("CONT", ses);
        }
        String id = onlyRecord(first).get("id").asText();
        assertThat(first.notificationLog().find("acme", id)).get()
                .extracting(NotificationLog.Entry::state).isEqualTo(NotificationLog.State.UNCERTAIN);
        assertThat(detail(first, id).get("findings").toString()).contains("EMAIL_UNCERTAIN");

        // SES, resumed, handles the request it had taken before it stopped
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (emails().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // the replay of the event, later, with SES answering again
        new IngestHandler(environment.sameStorage(first).ingest()).handleRequest(event, null);

        assertThat(emails()).singleElement().satisfies(e ->
                assertThat(e.get("subject").asText()).contains("caixa.ret"));
        assertThat(onlyRecord(first).get("id").asText()).isEqualTo(id);
    }

    private static Services shortSesTimeout(Services services) {
        return Services.create(environment.sameStorage(services).config().withSesSendTimeout(SEND_TIMEOUT));
    }

    private static JsonNode onlyRecord(Services services) {
        JsonNode items = Api.json(Api.admin(services, "acme").call("api-list-integrations.json", e -> { }), 200)
                .get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static JsonNode detail(Services services, String id) {
        return Api.json(Api.admin(services, "acme").onRecord("api-get-integration.json", id, "", e -> { }), 200);
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }

    private static List<JsonNode> emails() {
        return environment.emails();
    }
}
