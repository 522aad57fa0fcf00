package br.bankhistory.history.support;

import br.bankhistory.history.Services;
import br.bankhistory.history.handler.ScheduleHandler;
import br.bankhistory.history.wiring.ScheduleWiring;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static br.bankhistory.history.support.Api.json;

/**
 * Pending instructions through the API ({@code events/api-create-instruction.json}, list, cancel) and the
 * scheduled run through the Schedule handler ({@code events/schedule-run-now.json}: run now;
 * {@code events/schedule-run.json}: the slots due at its time).
 */
public final class Instructions {

    public static final String CREATE = "api-create-instruction.json";
    public static final String LIST = "api-list-instructions.json";
    public static final String CANCEL = "api-cancel-instruction.json";
    public static final String RUN_NOW = "schedule-run-now.json";
    public static final String RUN_DUE = "schedule-run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Instructions() {
    }

    /** The event's instruction (Itaú CNAB 240 cobrança), for another account, nosso número and amount. */
    public static ObjectNode title(String account, String ourNumber, long amountCents) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(Events.http(CREATE, e -> { }).getBody());
            ((ObjectNode) body.get("header")).put("account", account);
            ((ObjectNode) body.get("title")).put("ourNumber", ourNumber).put("amountCents", amountCents);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static APIGatewayV2HTTPResponse post(Api who, JsonNode body) {
        return who.call(CREATE, Events.body(body.toString())
                .andThen(Events.header("idempotency-key", UUID.randomUUID().toString())));
    }

    /** Creates it (201, {@code PENDING}); answers its id. */
    public static String created(Api who, JsonNode body) {
        JsonNode answer = json(post(who, body), 201);
        if (!answer.get("status").asText().equals("PENDING")) {
            throw new AssertionError("a new instruction is not pending: " + answer);
        }
        return answer.get("id").asText();
    }

    public static APIGatewayV2HTTPResponse cancel(Api who, String id) {
        return who.call(CANCEL, Events.pathId(id, "/instructions/" + id + "/cancel")
                .andThen(Events.header("idempotency-key", UUID.randomUUID().toString())));
    }

    /** The first page of {@code GET /instructions?status=}, answered 200. */
    public static JsonNode list(Api who, String status) {
        return json(who.call(LIST, Events.query(Map.of("status", status))), 200);
    }

    /** The instruction as {@code GET /instructions} lists it in that status. */
    public static JsonNode listed(Api who, String status, String id) {
        for (JsonNode i : list(who, status).get("items")) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("instruction " + id + " is not " + status + ": " + list(who, status));
    }

    /** The Schedule handler on the wiring, with the event file's input (its {@code scheduledTime} set, if given). */
    public static JsonNode run(ScheduleWiring wiring, String eventFile, String scheduledTime) {
        return JSON.valueToTree(new ScheduleHandler(wiring).handleRequest(Events.plain(eventFile, e -> {
            if (scheduledTime != null) {
                e.put("scheduledTime", scheduledTime);
            }
        }), null));
    }

    public static JsonNode runNow(Services services) {
        return run(services.schedule(), RUN_NOW, null);
    }

    public static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    public static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    public static List<S3Object> outbound(Services services) {
        return services.s3().listObjectsV2(r -> r.bucket(services.config().bucketName()).prefix("outbound/"))
                .contents();
    }
}
