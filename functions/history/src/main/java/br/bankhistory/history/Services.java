package br.bankhistory.history;

import br.bankhistory.history.adapter.dynamodb.HistoryTable;
import br.bankhistory.history.config.Lazy;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.migrate.ItemMigration;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.port.BankChannel;
import br.bankhistory.history.port.NotificationLog;
import br.bankhistory.history.query.ListIntegrations;
import br.bankhistory.history.query.ListItems;
import br.bankhistory.history.wiring.ApiWiring;
import br.bankhistory.history.wiring.Components;
import br.bankhistory.history.wiring.DeliveryWiring;
import br.bankhistory.history.wiring.FollowUpWiring;
import br.bankhistory.history.wiring.IngestWiring;
import br.bankhistory.history.wiring.ScheduleWiring;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.time.Clock;

/**
 * The whole deployment in one process: the functions' wirings over one set of clients, for the local
 * stack, the tests, the benchmarks and the one-off item migration. No Lambda function uses it: each builds
 * only its own wiring ({@code ApiWiring}, {@code IngestWiring}, {@code FollowUpWiring}, {@code ScheduleWiring}, {@code DeliveryWiring}).
 * Each wiring is built at its first use; building opens no connection and draws no randomness.
 */
public final class Services {

    private final Components parts;
    private final Lazy<ApiWiring> api;
    private final Lazy<IngestWiring> ingest;
    private final Lazy<FollowUpWiring> followUp;
    private final Lazy<ScheduleWiring> schedule;
    private final Lazy<DeliveryWiring> delivery;
    private final Lazy<ItemMigration> itemMigration;

    private Services(ServiceConfig config, Clock clock) {
        Components components = new Components(config, clock);
        this.parts = components;
        this.api = Lazy.of(() -> new ApiWiring(components));
        this.ingest = Lazy.of(() -> new IngestWiring(components));
        this.followUp = Lazy.of(() -> new FollowUpWiring(components));
        this.schedule = Lazy.of(() -> new ScheduleWiring(components));
        this.delivery = Lazy.of(() -> new DeliveryWiring(components));
        this.itemMigration = Lazy.of(() -> new ItemMigration(components.records(), components.formerItems(),
                components.items(), components.claimTitles(), components.applyRetorno(), clock));
    }

    public static Services create(ServiceConfig config) {
        return new Services(config, Clock.systemUTC());
    }

    /** With another clock: tests that let leases and keys expire. */
    public static Services create(ServiceConfig config, Clock clock) {
        return new Services(config, clock);
    }

    /** Creates the table and the bucket when missing: for the embedded stack and tests (on AWS, the template does). */
    public void ensureStorage() {
        HistoryTable.createIfMissing(dynamoDb(), config().tableName());
        try {
            s3().createBucket(r -> r.bucket(config().bucketName()));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // created by an earlier start
        }
    }

    public ApiWiring api() {
        return api.get();
    }

    public IngestWiring ingest() {
        return ingest.get();
    }

    public FollowUpWiring followUp() {
        return followUp.get();
    }

    public ScheduleWiring schedule() {
        return schedule.get();
    }

    /** Another Schedule function's wiring over the same parts, told of each step of its runs. */
    public ScheduleWiring scheduleWith(br.bankhistory.history.command.RunSchedule.Hook hook) {
        return new ScheduleWiring(parts, hook);
    }

    /** The Delivery and TransferResult functions' wiring. */
    public DeliveryWiring delivery() {
        return delivery.get();
    }

    /**
     * Another Delivery wiring over the same parts, its channel seen through {@code around} and its metrics to
     * {@code metrics}: a test that counts sends, or a sandbox that dies after one.
     */
    public DeliveryWiring delivery(java.util.function.UnaryOperator<BankChannel> around, Metrics metrics) {
        return new DeliveryWiring(parts, around, metrics);
    }

    public ServiceConfig config() {
        return parts.config();
    }

    /** The raw clients, for tests and the local stack to place and read objects and items directly. */
    public S3Client s3() {
        return parts.clients().s3();
    }

    public DynamoDbClient dynamoDb() {
        return parts.clients().dynamoDb();
    }

    public ObjectMapper json() {
        return parts.json();
    }

    public NotificationLog notificationLog() {
        return parts.notificationLog();
    }

    public ListIntegrations listIntegrations() {
        return api().listIntegrations();
    }

    public ListItems listItems() {
        return api().listItems();
    }

    /** The one-off move of records of the former layout ({@code MigrateItems}). */
    public ItemMigration itemMigration() {
        return itemMigration.get();
    }
}
