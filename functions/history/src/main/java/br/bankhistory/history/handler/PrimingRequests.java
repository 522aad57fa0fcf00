package br.bankhistory.history.handler;

import br.bankhistory.history.config.ServiceConfig;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The requests each function primes itself with before a snapshot ({@link Priming}): one of its own kind, with a
 * caller or an object that exists nowhere, through a wiring whose AWS endpoints are a closed local port.
 */
final class PrimingRequests {

    private static final String TENANT = "snapstart-priming";

    private PrimingRequests() {
    }

    /** The same configuration, with every AWS call refused at once by a local port where nothing listens. */
    static ServiceConfig unreachable(ServiceConfig config) {
        return config.withEveryEndpoint(URI.create("http://127.0.0.1:" + closedPort()));
    }

    /** {@code GET /integrations} by an administrator: the Api function's most common route. */
    static APIGatewayV2HTTPEvent listIntegrations() {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /integrations")
                .withRawPath("/integrations")
                .withQueryStringParameters(Map.of("limit", "50"))
                .withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(Priming.REQUEST_ID)
                        .withRouteKey("GET /integrations")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/integrations").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of(Claims.TENANT, TENANT, Claims.USER_ID, "priming",
                                                Claims.USER_NAME, "Priming", Claims.GROUPS, "[admin]"))
                                        .build())
                                .build())
                        .build())
                .build();
    }

    /** An S3 notification of a bank file dropped for a tenant: the Ingest function's one event. */
    static S3Event objectCreated(String bucket) {
        var object = new S3EventNotification.S3ObjectEntity("inbound/" + TENANT + "/priming.ret", 480L,
                "0123456789abcdef0123456789abcdef", null, "0055AED6DCD90281E5");
        var s3 = new S3EventNotification.S3Entity("priming", new S3EventNotification.S3BucketEntity(bucket,
                new S3EventNotification.UserIdentityEntity("priming"), "arn:aws:s3:::" + bucket), object, "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put", "aws:s3",
                "2026-01-01T00:00:00.000Z", "2.1", null, null, s3, null);
        return new S3Event(List.of(record));
    }

    /** A follow-up asking for a record of the priming tenant to be processed: the FollowUp function's message. */
    static SQSEvent followUp() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(Priming.REQUEST_ID);
        message.setBody("{\"tenant\":\"" + TENANT + "\",\"recordId\":\"20260101000000000-000000000000\","
                + "\"reason\":\"priming\"}");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    /** The Lambda context of the priming request: only its request id is read. */
    static Context context() {
        return new Context() {
            @Override public String getAwsRequestId() { return Priming.REQUEST_ID; }
            @Override public String getLogGroupName() { return ""; }
            @Override public String getLogStreamName() { return ""; }
            @Override public String getFunctionName() { return ""; }
            @Override public String getFunctionVersion() { return ""; }
            @Override public String getInvokedFunctionArn() { return ""; }
            @Override public CognitoIdentity getIdentity() { return null; }
            @Override public ClientContext getClientContext() { return null; }
            @Override public int getRemainingTimeInMillis() { return 60_000; }
            @Override public int getMemoryLimitInMB() { return 0; }
            @Override public LambdaLogger getLogger() { return null; }
        };
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // closed again at once: nothing listens there afterwards
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
