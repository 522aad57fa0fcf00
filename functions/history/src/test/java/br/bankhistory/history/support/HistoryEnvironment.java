package br.bankhistory.history.support;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.history.Services;
import br.bankhistory.history.config.ServiceConfig;
import software.amazon.awssdk.core.sync.RequestBody;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DynamoDB Local and s3proxy for one test class, and a fresh table and bucket for each test, so tests never
 * see each other's records.
 */
public final class HistoryEnvironment implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final EmulatorStack stack;

    private HistoryEnvironment(EmulatorStack stack) {
        this.stack = stack;
    }

    public static HistoryEnvironment start() {
        return new HistoryEnvironment(EmulatorStack.start());
    }

    /** With the SES emulator too, for the admin emails. */
    public static HistoryEnvironment startWithSes() {
        return new HistoryEnvironment(EmulatorStack.builder().withSes(true).start());
    }

    public EmulatorStack emulators() {
        return stack;
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
                .withMaxFileBytes(maxFileBytes);
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
                stack.s3Endpoint(), sesEndpoint, stack.accessKey(), stack.secretKey());
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
                null, stack.accessKey(), stack.secretKey()));
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // closed again at once: nothing listens there afterwards
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void put(Services services, String key, byte[] bytes, Map<String, String> metadata) {
        services.s3().putObject(r -> r.bucket(services.config().bucketName()).key(key).metadata(metadata),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public void close() {
        stack.close();
    }
}
