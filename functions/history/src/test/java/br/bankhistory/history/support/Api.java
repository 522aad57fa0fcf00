package br.bankhistory.history.support;

import br.bankhistory.history.Services;
import br.bankhistory.history.handler.ApiHandler;
import br.bankhistory.history.handler.IngestHandler;
import br.bankhistory.history.ingest.IngestOutcome;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Drives the handlers the way API Gateway and S3 do, from the events of {@code events/}, as one caller
 * (tenant, user, groups). Keeps tests about behaviour, not plumbing.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Services services;
    private final String tenant;
    private final String userId;
    private final String userName;
    private final String groups;

    private Api(Services services, String tenant, String userId, String userName, String groups) {
        this.services = services;
        this.tenant = tenant;
        this.userId = userId;
        this.userName = userName;
        this.groups = groups;
    }

    public static Api admin(Services services, String tenant) {
        return new Api(services, tenant, "admin-" + tenant, "Admin " + tenant, "[admin]");
    }

    public static Api user(Services services, String tenant, String userId, String name) {
        return new Api(services, tenant, userId, name, "[]");
    }

    /** Calls a route with the caller's claims, after the given edits of the event file. */
    public APIGatewayV2HTTPResponse call(String eventFile, Consumer<ObjectNode> edit) {
        return new ApiHandler(services.api()).handleRequest(Events.http(eventFile,
                Events.claims(tenant, userId, userName, groups).andThen(edit)), null);
    }

    /** Calls a route about one record: {@code /integrations/{id}{suffix}}. */
    public APIGatewayV2HTTPResponse onRecord(String eventFile, String id, String suffix, Consumer<ObjectNode> edit) {
        return call(eventFile, Events.pathId(id, "/integrations/" + id + suffix).andThen(edit));
    }

    /** {@code GET /integrations/{id}}, answered 200. */
    public JsonNode record(String id) {
        return json(onRecord("api-get-integration.json", id, "", e -> { }), 200);
    }

    /** The first page of {@code GET /integrations/{id}/items}, answered 200. */
    public List<JsonNode> items(String id) {
        List<JsonNode> out = new ArrayList<>();
        json(onRecord("api-list-items.json", id, "/items", e -> { }), 200).get("items").forEach(out::add);
        return out;
    }

    /** Puts the bytes under {@code inbound/{tenant}/{name}}, as the bank's integration would, and delivers them. */
    public static String drop(Services services, String tenant, String name, byte[] bytes, String eventTime) {
        HistoryEnvironment.put(services, "inbound/" + tenant + "/" + name, bytes, Map.of());
        return deliver(services, "s3-put-inbound.json", "inbound/" + tenant + "/" + name, eventTime);
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response, int expectedStatus) {
        if (response.getStatusCode() != expectedStatus) {
            throw new AssertionError("expected " + expectedStatus + " but was " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a sample under the key and delivers the S3 event for it; returns the record id. */
    public static String ingest(Services services, String key, String sample, Map<String, String> metadata,
                                String eventTime) {
        HistoryEnvironment.put(services, key, Samples.bytes(sample), metadata);
        return deliver(services, "s3-put-inbound.json", key, eventTime);
    }

    /**
     * Delivers the S3 notification for an object already in the bucket (as S3 would, after the PUT), through
     * the Ingest handler; returns the record id.
     */
    public static String deliver(Services services, String eventFile, String key, String eventTime) {
        IngestOutcome outcome = deliverOnce(services, eventFile, key, eventTime);
        if (outcome instanceof IngestOutcome.Recorded recorded) {
            return recorded.recordId();
        }
        throw new AssertionError("not recorded: " + outcome);
    }

    /** Delivers the S3 notification for an object once more; answers what Ingest made of it. */
    public static IngestOutcome deliverOnce(Services services, String eventFile, String key, String eventTime) {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        IngestHandler.Report report = new IngestHandler(services.ingest()).handleRequest(Events.s3(eventFile,
                Events.s3Object(services.config().bucketName(), encoded).andThen(Events.eventTime(eventTime))
                        .andThen(Events.sequencerOf(eventTime))),
                null);
        return report.outcomes().get(0);
    }
}
