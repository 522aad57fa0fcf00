package br.bankhistory.history.support;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.config.DeliveryConfig;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.domain.DeliveryPolicy;
import br.bankhistory.history.handler.FollowUpHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DynamoDB Local and s3proxy for one test class, and a fresh table and bucket for each test, so tests never
 * see each other's records.
 */
public final class HistoryEnvironment implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /**
     * Three tries with no wait between them, so a test sees a refusal retried and then failed at once; a try holds
     * a remessa for a minute (a test moves a clock past it to stand for a sandbox that died).
     */
    public static final DeliveryPolicy QUICK_TRIES = new DeliveryPolicy(List.of(Duration.ZERO, Duration.ZERO),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMillis(100));

    private final EmulatorStack stack;

    private HistoryEnvironment(EmulatorStack stack) {
        this.stack = stack;
    }

    /** DynamoDB Local, s3proxy and ElasticMQ (the follow-up queue). */
    public static HistoryEnvironment start() {
        return new HistoryEnvironment(EmulatorStack.builder().withSqs(true).start());
    }

    /** With the SES emulator too, for the admin emails. */
    public static HistoryEnvironment startWithSes() {
        return new HistoryEnvironment(EmulatorStack.builder().withSes(true).withSqs(true).start());
    }

    public EmulatorStack emulators() {
        return stack;
    }

    /** Every email the SES emulator holds, oldest first, as its {@code /store} lists them. */
    public List<JsonNode> emails() {
        try {
            List<JsonNode> all = new ArrayList<>();
            new ObjectMapper().readTree(stack.sesInbox().storeJson()).get("emails")
                    .forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Services on a new, empty table and bucket. */
    public Services freshServices() {
        return freshServices(ServiceConfig.DEFAULT_MAX_FILE_BYTES);
    }

    public Services freshServices(long maxFileBytes) {
        int n = SEQUENCE.incrementAndGet();
        ServiceConfig config = ServiceConfig.local("history-test-" + n, "files-test-" + n,
                stack.dynamoDbEndpoint(), stack.s3Endpoint(), stack.hasSes() ? stack.sesEndpoint() : null,
                stack.accessKey(), stack.secretKey())
                .withMaxFileBytes(maxFileBytes)
                .withFollowUps(stack.sqsEndpoint(), followUpQueue("follow-up-" + n))
                .withDelivery(DeliveryConfig.local(followUpQueue("delivery-" + n), bankOutbox(n))
                        .withPolicy(QUICK_TRIES));
        Services services = Services.create(config);
        services.ensureStorage();
        return services;
    }

    /**
     * Services on the same table and bucket as {@code services}, but another SES endpoint and clock: a
     * second process (a Lambda retry) after a fault, or later in time.
     */
    public Services sameStorage(Services services, java.net.URI sesEndpoint, java.time.Clock clock) {
        ServiceConfig c = services.config();
        ServiceConfig config = ServiceConfig.local(c.tableName(), c.bucketName(), stack.dynamoDbEndpoint(),
                stack.s3Endpoint(), sesEndpoint, stack.accessKey(), stack.secretKey())
                .withFollowUps(stack.sqsEndpoint(), c.followUpQueueUrl().orElseThrow())
                .withDelivery(c.delivery());
        return Services.create(config, clock);
    }

    /** A second wiring over the same table, bucket and SES: another Lambda sandbox of the same deployment. */
    public Services sameStorage(Services services) {
        return sameStorage(services, stack.hasSes() ? stack.sesEndpoint() : null, java.time.Clock.systemUTC());
    }

    /**
     * The same table and bucket, but S3 at a port where nothing listens: a fault inside a use case that
     * nobody planned for (the SDK's retries give up, the call throws).
     */
    public Services withS3Down(Services services) {
        ServiceConfig c = services.config();
        java.net.URI closed = java.net.URI.create("http://127.0.0.1:" + closedPort());
        return Services.create(ServiceConfig.local(c.tableName(), c.bucketName(), stack.dynamoDbEndpoint(), closed,
                null, stack.accessKey(), stack.secretKey())
                .withFollowUps(stack.sqsEndpoint(), c.followUpQueueUrl().orElseThrow())
                .withDelivery(c.delivery()));
    }

    /** The folder standing in for the banks' SFTP of one test's services (made at its first delivery). */
    private static Path bankOutbox(int n) {
        return Path.of(System.getProperty("java.io.tmpdir"), "bank-outbox-" + ProcessHandle.current().pid() + "-" + n);
    }

    private String followUpQueue(String name) {
        try (SqsClient sqs = sqs()) {
            return sqs.createQueue(r -> r.queueName(name)).queueUrl();
        }
    }

    public SqsClient sqs() {
        return sqsAt(stack.sqsEndpoint());
    }

    /** An SQS client at a port where nothing listens: a queue that is down. */
    public SqsClient sqsDown() {
        return sqsAt(java.net.URI.create("http://127.0.0.1:" + closedPort()));
    }

    private SqsClient sqsAt(java.net.URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(stack.accessKey(),
                        stack.secretKey())))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * Runs the follow-ups waiting in the queue through the FollowUp handler, as the Lambda SQS poller would (one
     * message per event, deleted when it succeeded), until the queue is empty; answers how many ran.
     */
    public int runFollowUps(Services services) {
        String queue = services.config().followUpQueueUrl().orElseThrow();
        int ran = 0;
        try (SqsClient sqs = sqs()) {
            while (true) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                        .waitTimeSeconds(0).visibilityTimeout(30)).messages();
                if (messages.isEmpty()) {
                    return ran;
                }
                for (Message message : messages) {
                    SQSEvent event = Events.sqs("sqs-follow-up.json", root -> ((ObjectNode) root.withArray("Records")
                            .get(0)).put("messageId", message.messageId()).put("body", message.body()));
                    SQSBatchResponse response = new FollowUpHandler(services.followUp()).handleRequest(event, null);
                    if (!response.getBatchItemFailures().isEmpty()) {
                        throw new AssertionError("follow-up failed: " + message.body());
                    }
                    sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
                    ran++;
                }
            }
        }
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // closed again at once: nothing listens there afterwards
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void put(Services services, String key, byte[] bytes, Map<String, String> metadata) {
        services.s3().putObject(r -> r.bucket(services.config().bucketName()).key(key).metadata(metadata),
                RequestBody.fromBytes(bytes));
    }

    public static byte[] get(Services services, String key) {
        return services.s3().getObjectAsBytes(r -> r.bucket(services.config().bucketName()).key(key)).asByteArray();
    }

    @Override
    public void close() {
        stack.close();
    }
}
