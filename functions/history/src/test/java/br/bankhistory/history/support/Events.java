package br.bankhistory.history.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Loads the sample events of {@code events/} (the files {@code sam local invoke -e} uses) and deserialises
 * them with the Lambda runtime's own serialiser. A test may edit the JSON first (another key, another
 * bucket) without leaving the event's real shape.
 */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    public static S3Event s3(String file, Consumer<ObjectNode> edit) {
        return deserialise(S3Event.class, file, edit);
    }

    public static com.amazonaws.services.lambda.runtime.events.SQSEvent sqs(String file, Consumer<ObjectNode> edit) {
        return deserialise(com.amazonaws.services.lambda.runtime.events.SQSEvent.class, file, edit);
    }

    public static APIGatewayV2HTTPEvent http(String file, Consumer<ObjectNode> edit) {
        return deserialise(APIGatewayV2HTTPEvent.class, file, edit);
    }

    /** Points the first record of an S3 event at another bucket and (already URL-encoded) key. */
    public static Consumer<ObjectNode> s3Object(String bucket, String encodedKey) {
        return root -> {
            ObjectNode s3 = (ObjectNode) root.withArray("Records").get(0).get("s3");
            ((ObjectNode) s3.get("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
            ((ObjectNode) s3.get("object")).put("key", encodedKey);
        };
    }

    /** Sets the event time of the first record of an S3 event (ISO-8601 UTC). */
    public static Consumer<ObjectNode> eventTime(String isoTime) {
        return root -> ((ObjectNode) root.withArray("Records").get(0)).put("eventTime", isoTime);
    }

    /**
     * A sequencer that follows the event time, as S3's does (each PUT of a key gets a later one): the same
     * notification delivered again has the same one, a new PUT of the same key a new one.
     */
    public static Consumer<ObjectNode> sequencerOf(String isoTime) {
        return root -> ((ObjectNode) root.withArray("Records").get(0).get("s3").get("object"))
                .put("sequencer", String.format("%016X", java.time.Instant.parse(isoTime).toEpochMilli()));
    }

    /** Replaces the verified JWT claims API Gateway would pass on. */
    public static Consumer<ObjectNode> claims(String tenant, String userId, String name, String groups) {
        return root -> {
            ObjectNode claims = (ObjectNode) root.get("requestContext").get("authorizer").get("jwt").get("claims");
            claims.put("custom:tenant_id", tenant).put("sub", userId).put("name", name).put("cognito:groups", groups);
        };
    }

    /** Sets the query string parameters (and the raw query string) of an HTTP API event. */
    public static Consumer<ObjectNode> query(java.util.Map<String, String> parameters) {
        return root -> {
            ObjectNode query = root.putObject("queryStringParameters");
            StringBuilder raw = new StringBuilder();
            parameters.forEach((name, value) -> {
                query.put(name, value);
                raw.append(raw.length() == 0 ? "" : "&").append(name).append('=').append(value);
            });
            root.put("rawQueryString", raw.toString());
        };
    }

    /** Sets the {id} path parameter and the raw path of an HTTP API event. */
    public static Consumer<ObjectNode> pathId(String id, String rawPath) {
        return root -> {
            root.putObject("pathParameters").put("id", id);
            root.put("rawPath", rawPath);
            ((ObjectNode) root.get("requestContext").get("http")).put("path", rawPath);
        };
    }

    /** Replaces the JSON body of an HTTP API event. */
    public static Consumer<ObjectNode> body(String json) {
        return root -> root.put("body", json).put("isBase64Encoded", false);
    }

    /**
     * The body of a cancel that says the bank was asked not to process the remessa ({@code bankNotified}), as a
     * remessa at the bank needs; the sample event's reason.
     */
    public static Consumer<ObjectNode> bankNotified() {
        return body("{\"reason\": \"Remessa gerada com vencimentos errados\", \"bankNotified\": true}");
    }

    /** Sets (or, with a null value, removes) one lower-case header of an HTTP API event. */
    public static Consumer<ObjectNode> header(String name, String value) {
        return root -> {
            ObjectNode headers = (ObjectNode) root.get("headers");
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
        };
    }

    /** A plain JSON event (a schedule's input), as the Lambda runtime hands a {@code Map} handler. */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> plain(String file, Consumer<ObjectNode> edit) {
        try (InputStream in = Events.class.getClassLoader().getResourceAsStream("events/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no event file events/" + file);
            }
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            edit.accept(root);
            return JSON.convertValue(root, java.util.Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T deserialise(Class<T> type, String file, Consumer<ObjectNode> edit) {
        try (InputStream in = Events.class.getClassLoader().getResourceAsStream("events/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no event file events/" + file);
            }
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            edit.accept(root);
            return LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader())
                    .fromJson(JSON.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
