package br.bankhistory.history.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.endpoints.DynamoDbStreamsEndpointProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.endpoints.EventBridgeEndpointProvider;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.endpoints.SesV2EndpointProvider;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.endpoints.SqsEndpointProvider;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.endpoints.TransferEndpointProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the AWS clients from configuration: the lightweight URL-connection HTTP client (cold start),
 * standard retries with backoff, explicit timeouts, and endpoint overrides when configured. The JSON-protocol
 * services' endpoints are resolved by {@link RegionalEndpoints}, not by the SDK's rules (cold start).
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(25);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 6;

    private final ServiceConfig config;
    private final Lazy<SdkHttpClient> http;
    private final Lazy<AwsCredentialsProvider> credentials;
    private final Lazy<DynamoDbClient> dynamoDb = Lazy.of(this::buildDynamoDb);
    private final Lazy<S3Client> s3 = Lazy.of(this::buildS3);
    private final Lazy<S3Presigner> s3Presigner = Lazy.of(this::buildS3Presigner);
    private final Lazy<SesV2Client> sesV2 = Lazy.of(this::buildSesV2);
    private final Lazy<SqsClient> sqs = Lazy.of(this::buildSqs);
    private final Lazy<TransferClient> transfer = Lazy.of(this::buildTransfer);

    /**
     * Builds nothing yet: each client (and the HTTP client they share) is built at its first use, once, so a
     * function pays only for the services its request reaches.
     */
    public AwsClients(ServiceConfig config) {
        this.config = config;
        this.http = Lazy.of(() -> UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build());
        this.credentials = Lazy.of(() -> credentials(config));
    }

    public ServiceConfig config() {
        return config;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    public S3Presigner s3Presigner() {
        return s3Presigner.get();
    }

    public SesV2Client sesV2() {
        return sesV2.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    /** AWS Transfer Family (the Delivery function's SFTP connectors); no emulator: always AWS's endpoint. */
    public TransferClient transfer() {
        return transfer.get();
    }

    /** The table's stream (the local stack reads it as Lambda's event source mapping does on AWS); a new client per call. */
    public DynamoDbStreamsClient dynamoDbStreams() {
        return standard(DynamoDbStreamsClient.builder().endpointProvider(p -> RegionalEndpoints.resolve(
                "streams.dynamodb", p.region(), p.endpoint(), p.useFips(), p.useDualStack(),
                () -> DynamoDbStreamsEndpointProvider.defaultProvider().resolveEndpoint(p))), config.dynamoEndpoint());
    }

    /** EventBridge, at {@code endpoint} when given (the bus of the OutboxPublisher function); a new client per call. */
    public EventBridgeClient eventBridge(Optional<URI> endpoint) {
        return standard(EventBridgeClient.builder().endpointProvider(p -> p.endpointId() != null
                ? EventBridgeEndpointProvider.defaultProvider().resolveEndpoint(p)
                : RegionalEndpoints.resolve("events", p.region(), p.endpoint(), p.useFips(), p.useDualStack(),
                        () -> EventBridgeEndpointProvider.defaultProvider().resolveEndpoint(p))), endpoint);
    }

    private DynamoDbClient buildDynamoDb() {
        return standard(DynamoDbClient.builder().endpointProvider(p -> RegionalEndpoints.resolve("dynamodb",
                p.region(), p.endpoint(), p.useFips(), p.useDualStack(),
                () -> DynamoDbEndpointProvider.defaultProvider().resolveEndpoint(p))), config.dynamoEndpoint());
    }

    private TransferClient buildTransfer() {
        return standard(TransferClient.builder().endpointProvider(p -> RegionalEndpoints.resolve("transfer",
                p.region(), p.endpoint(), p.useFips(), p.useDualStack(),
                () -> TransferEndpointProvider.defaultProvider().resolveEndpoint(p))), Optional.empty());
    }

    /** A client with the shared HTTP client, region, credentials, retries and timeouts, at {@code endpoint}. */
    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C standard(B builder,
                                                                                           Optional<URI> endpoint) {
        builder.httpClient(http.get())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials.get())
                .overrideConfiguration(overrides());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * S3 without {@code Expect: 100-continue} on PUTs: the URL-connection client then waits for an interim answer
     * that a server closing an idle connection never sends ("Unexpected end of file from server", seen under
     * load), and every item chunk pays one more round trip for it. The bodies are small and the requests
     * signed, so nothing is gained by asking first.
     */
    private S3Client buildS3() {
        var builder = S3Client.builder()
                .httpClient(http.get())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials.get())
                .overrideConfiguration(overrides().toBuilder().addExecutionInterceptor(new NoExpectContinue()).build())
                .forcePathStyle(config.s3Endpoint().isPresent());
        config.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * SES with one attempt and a bounded time ({@code SES_SEND_TIMEOUT_SECONDS}): a retry after a timeout could
     * deliver an email twice, and the email's claim must outlive the whole call (docs/operations.md).
     */
    private SesV2Client buildSesV2() {
        var builder = SesV2Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(config.sesSendTimeout())
                        .build())
                .region(Region.of(config.region()))
                .credentialsProvider(credentials.get())
                .endpointProvider(p -> p.endpointId() != null
                        ? SesV2EndpointProvider.defaultProvider().resolveEndpoint(p)
                        : RegionalEndpoints.resolve("email", p.region(), p.endpoint(), p.useFips(), p.useDualStack(),
                                () -> SesV2EndpointProvider.defaultProvider().resolveEndpoint(p)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(config.sesSendTimeout())
                        .apiCallTimeout(config.sesSendTimeout())
                        .build());
        config.sesEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private SqsClient buildSqs() {
        return standard(SqsClient.builder().endpointProvider(p -> RegionalEndpoints.resolve("sqs", p.region(),
                p.endpoint(), p.useFips(), p.useDualStack(),
                () -> SqsEndpointProvider.defaultProvider().resolveEndpoint(p))), config.sqsEndpoint());
    }

    private S3Presigner buildS3Presigner() {
        var builder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials.get())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.s3Endpoint().isPresent())
                        .build());
        config.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Static keys for emulators; on Lambda the role's keys are in the environment, and reading them directly
     * skips the default chain's probing (profile files, container and instance metadata) at cold start.
     */
    private static AwsCredentialsProvider credentials(ServiceConfig config) {
        if (config.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey().get(),
                    config.secretKey().orElseThrow()));
        }
        if (System.getenv("AWS_ACCESS_KEY_ID") != null && System.getenv("AWS_SESSION_TOKEN") != null) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Drops the header the S3 client adds to every PUT with a body. */
    static final class NoExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            SdkHttpRequest request = context.httpRequest();
            return request.firstMatchingHeader("Expect").isPresent()
                    ? request.toBuilder().removeHeader("Expect").build() : request;
        }
    }

    /**
     * Standard retries with backoff, plus an I/O failure surfaced as an unchecked exception: the URL-connection
     * client reports a kept-alive connection the server had closed ("Unexpected end of file from server", or
     * "Error writing request body to server" on a PUT, which the JDK does not retry itself when it streams the
     * body) that way, and every call of these clients is safe to repeat (idempotent writes, conditional writes
     * whose repetition is recognised, reads). Six attempts: the JDK keeps up to five idle connections per host
     * ({@code http.maxConnections}), any of which the server may have closed, so the last attempt always opens a
     * fresh one; a failure on a stale connection costs no wait on the server.
     */
    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .retryOnExceptionOrCauseInstanceOf(java.io.IOException.class)
                        .maxAttempts(MAX_ATTEMPTS)
                        .build())
                .apiCallAttemptTimeout(CALL_ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
    }
}
