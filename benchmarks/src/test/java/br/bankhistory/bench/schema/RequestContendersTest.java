package br.bankhistory.bench.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contenders the request validation benchmark times do the same job: the schema of docs/openapi.yaml
 * and the production binding accept the event's body and a 500-title one, and each refuses every bad body.
 */
class RequestContendersTest {

    private static JsonSchema schema;
    private static JsonNode body;

    @BeforeAll
    static void load() throws IOException {
        Path root = repositoryRoot();
        schema = RequestContenders.compile(RequestContenders.standaloneSchema(
                RequestContenders.readOpenApi(root.resolve("docs/openapi.yaml"))));
        body = RequestContenders.eventBody(root.resolve("events/api-create-remittance.json"));
    }

    @Test
    void both_accept_the_event_body_and_one_of_500_titles() {
        JsonNode big = RequestContenders.withTitles(body, 500);
        assertThat(big.get("titles").size()).isEqualTo(500);
        for (JsonNode valid : new JsonNode[] {body, big}) {
            assertThat(RequestContenders.validate(schema, valid)).isEmpty();
            assertThat(RequestContenders.bindingRefusal(valid)).isEmpty();
        }
        assertThat(RequestContenders.bind(big).titles()).hasSize(500);
    }

    @Test
    void both_refuse_every_bad_body_and_the_binding_names_the_field() {
        assertThat(RequestContenders.badBodies(body)).hasSize(6).allSatisfy(bad -> {
            assertThat(RequestContenders.validate(schema, bad.body())).as(bad.name()).isNotEmpty();
            assertThat(RequestContenders.bindingRefusal(bad.body())).as(bad.name()).isPresent();
        });
        assertThat(RequestContenders.bindingRefusal(RequestContenders.badBodies(body).get(0).body()))
                .hasValue("titles[0].amountCents: deve ser um número inteiro de centavos.");
        assertThat(RequestContenders.bindingRefusal(RequestContenders.badBodies(body).get(1).body()))
                .hasValue("sizeBytes: campo desconhecido.");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/openapi.yaml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root, above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
