package br.bankhistory.history.wiring;

import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.history.adapter.dynamodb.DynamoCreditBook;
import br.bankhistory.history.adapter.dynamodb.DynamoIdempotencyStore;
import br.bankhistory.history.adapter.dynamodb.DynamoInstructionStore;
import br.bankhistory.history.adapter.dynamodb.DynamoItemStore;
import br.bankhistory.history.adapter.dynamodb.DynamoLeases;
import br.bankhistory.history.adapter.dynamodb.DynamoNotificationLog;
import br.bankhistory.history.adapter.dynamodb.DynamoRecordStore;
import br.bankhistory.history.adapter.dynamodb.DynamoSequenceLog;
import br.bankhistory.history.adapter.dynamodb.DynamoSettingsStore;
import br.bankhistory.history.adapter.dynamodb.DynamoTitleClaims;
import br.bankhistory.history.adapter.dynamodb.DynamoTitleIndex;
import br.bankhistory.history.adapter.s3.S3FileStore;
import br.bankhistory.history.adapter.s3.S3ItemStore;
import br.bankhistory.history.adapter.ses.SesEmailSender;
import br.bankhistory.history.adapter.sqs.SqsFollowUps;
import br.bankhistory.history.command.GenerateRemittance;
import br.bankhistory.history.command.SequenceNumbers;
import br.bankhistory.history.config.AwsClients;
import br.bankhistory.history.config.Lazy;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.ingest.AfterRecording;
import br.bankhistory.history.ingest.ApplyRetorno;
import br.bankhistory.history.ingest.ClaimRemessaTitles;
import br.bankhistory.history.ingest.IngestFile;
import br.bankhistory.history.ingest.MatchCredits;
import br.bankhistory.history.ingest.NotifyAdmins;
import br.bankhistory.history.ingest.NotifyApprovers;
import br.bankhistory.history.ingest.SettleInstructions;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.notify.AdminEmailComposer;
import br.bankhistory.history.notify.MimeMessages;
import br.bankhistory.history.port.CreditBook;
import br.bankhistory.history.port.FollowUps;
import br.bankhistory.history.port.IdempotencyStore;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.Leases;
import br.bankhistory.history.port.NotificationLog;
import br.bankhistory.history.port.RecordStore;
import br.bankhistory.history.port.SettingsStore;
import br.bankhistory.history.port.TitleIndex;
import br.bankhistory.history.statement.PrepareStatement;
import br.bankhistory.history.statement.StatementRenderer;
import br.bankhistory.history.titles.TitleRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one place the functions' wirings take their parts from: the AWS clients (built from configuration, with
 * its endpoints), the adapters of the ports, and the use cases more than one function runs (recording a file
 * and what follows it, writing a remessa). Every part is built at its first use and once: a function's wiring
 * names what its routes need, and only what its first request reaches is built before that request answers.
 * Nothing here opens a connection or draws randomness when built (SnapStart).
 */
public final class Components {

    private final ServiceConfig config;
    private final Clock clock;
    private final AwsClients clients;
    /** Databind, for the request bodies and the other functions; the cold paths write with PlainJson. */
    private final Lazy<ObjectMapper> json = Lazy.of(new DatabindMapper());

    private final Lazy<DynamoDbEnhancedClient> enhanced;
    private final Lazy<DynamoRecordStore> records;
    private final Lazy<DynamoItemStore> formerItems;
    private final Lazy<ItemStore> items;
    private final Lazy<TitleIndex> titleIndex;
    private final Lazy<S3FileStore> files;
    private final Lazy<DynamoSettingsStore> settings;
    private final Lazy<DynamoSequenceLog> sequenceLog;
    private final Lazy<SequenceNumbers> sequenceNumbers;
    private final Lazy<TitleRegistry> titles;
    private final Lazy<NotificationLog> notificationLog;
    private final Lazy<Leases> leases;
    private final Lazy<DynamoInstructionStore> instructions;
    private final Lazy<IdempotencyStore> idempotency;
    private final Lazy<FollowUps> followUps;
    private final Lazy<CreditBook> credits;
    private final Lazy<OnFirstEmail> email;
    private final Lazy<PrepareStatement> statements;
    private final Lazy<IngestFile> ingestFile;
    private final Lazy<ClaimRemessaTitles> claimTitles;
    private final Lazy<ApplyRetorno> applyRetorno;
    private final Lazy<AfterRecording> afterRecording;
    private final Lazy<GenerateRemittance> generateRemittance;

    public Components(ServiceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.clients = new AwsClients(config);
        String table = config.tableName();
        String bucket = config.bucketName();
        enhanced = Lazy.of(() -> DynamoDbEnhancedClient.builder().dynamoDbClient(clients.dynamoDb()).build());
        records = Lazy.of(() -> new DynamoRecordStore(enhanced.get(), table));
        formerItems = Lazy.of(() -> new DynamoItemStore(enhanced.get(), table));
        items = Lazy.of(() -> new S3ItemStore(clients.s3(), bucket, formerItems.get()));
        titleIndex = Lazy.of(() -> new DynamoTitleIndex(clients.dynamoDb(), table));
        files = Lazy.of(() -> new S3FileStore(clients.s3(), clients::s3Presigner, bucket));
        settings = Lazy.of(() -> new DynamoSettingsStore(enhanced.get(), table, clock));
        sequenceLog = Lazy.of(() -> new DynamoSequenceLog(clients.dynamoDb(), table));
        sequenceNumbers = Lazy.of(() -> new SequenceNumbers(sequenceLog.get()));
        titles = Lazy.of(() -> new TitleRegistry(new DynamoTitleClaims(clients.dynamoDb(), table), records.get(),
                files.get(), clock));
        notificationLog = Lazy.of(() -> new DynamoNotificationLog(enhanced.get(), table));
        leases = Lazy.of(() -> new DynamoLeases(clients.dynamoDb(), table));
        instructions = Lazy.of(() -> new DynamoInstructionStore(clients.dynamoDb(), table));
        idempotency = Lazy.of(() -> new DynamoIdempotencyStore(enhanced.get(), table));
        followUps = Lazy.of(() -> config.followUpQueueUrl().<FollowUps>map(url -> new SqsFollowUps(clients::sqs, url))
                .orElse((tenant, recordId, why) -> {
                    throw new IllegalStateException("FOLLOW_UP_QUEUE_URL is not set: no follow-up can be requested");
                }));
        email = Lazy.of(() -> new OnFirstEmail(() -> new SesEmailSender(clients.sesV2(),
                new MimeMessages(config.mailFrom()), config.sesConfigurationSet())));
        credits = Lazy.of(() -> new DynamoCreditBook(clients.dynamoDb(), table));
        statements = Lazy.of(() -> new PrepareStatement(records.get(), items.get(), files.get(),
                new StatementRenderer(), credits.get()));
        ingestFile = Lazy.of(() -> new IngestFile(records.get(), items.get(), files.get(), CnabReader.standard(),
                settings.get(), sequenceLog.get(), bucket, config.maxFileBytes(), clock));
        claimTitles = Lazy.of(() -> new ClaimRemessaTitles(titles.get(), records.get(), items.get(), titleIndex.get()));
        applyRetorno = Lazy.of(() -> new ApplyRetorno(records.get(), items.get(), titleIndex.get(), leases.get(),
                titles.get(), new SettleInstructions(instructions.get(), items.get(), clock), clock));
        afterRecording = Lazy.of(() -> new AfterRecording(claimTitles.get(), applyRetorno.get(),
                new MatchCredits(records.get(), items.get(), credits.get(), leases.get(), clock), notifyAdmins(),
                notifyApprovers()));
        generateRemittance = Lazy.of(() -> new GenerateRemittance(files.get(), settings.get(), CnabReader.standard(),
                LayoutCatalog.standard(), sequenceNumbers.get(), titles.get(), clock, ids(12)));
    }

    /**
     * The admin emails. The SES client and Jakarta Mail are built at the first email, not with the rest: Ingest
     * sends one only for automatic retornos and failures (they cost ~150 ms of class loading), and the Api
     * function never builds this at all.
     */
    private NotifyAdmins notifyAdmins() {
        return new NotifyAdmins(notificationLog.get(), records.get(), settings.get(), items.get(), files.get(),
                statements.get(), composer(), email.get(), Metrics.stdout(), clock,
                config.sesSendTimeout()).withCredits(credits.get());
    }

    /** The emails to the approvers of a remessa waiting for approval, through the same sender as the admins'. */
    private NotifyApprovers notifyApprovers() {
        return new NotifyApprovers(notificationLog.get(), settings.get(), composer(), email.get(), clock,
                config.sesSendTimeout());
    }

    private AdminEmailComposer composer() {
        return new AdminEmailComposer(config.webBaseUrl());
    }

    /**
     * Builds databind's mapper at the first use. A class, not a lambda: a lambda's bootstrap resolves its method
     * type, which names {@code ObjectMapper}, and would load it at init; the building itself is in a class of its
     * own, linked (and its databind types loaded) only when first called.
     */
    private static final class DatabindMapper implements Supplier<ObjectMapper> {

        @Override
        public ObjectMapper get() {
            return Build.mapper();
        }

        private static final class Build {

            static ObjectMapper mapper() {
                return JsonMapper.builder().build();
            }
        }
    }

    /** Random ids of {@code length} hex digits, drawn per call (never at build time). */
    static Supplier<String> ids(int length) {
        return () -> UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }

    public ServiceConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public AwsClients clients() {
        return clients;
    }

    public ObjectMapper json() {
        return json.get();
    }

    public RecordStore records() {
        return records.get();
    }

    public DynamoItemStore formerItems() {
        return formerItems.get();
    }

    public ItemStore items() {
        return items.get();
    }

    public TitleIndex titleIndex() {
        return titleIndex.get();
    }

    public S3FileStore files() {
        return files.get();
    }

    public SettingsStore settings() {
        return settings.get();
    }

    public SequenceNumbers sequenceNumbers() {
        return sequenceNumbers.get();
    }

    public NotificationLog notificationLog() {
        return notificationLog.get();
    }

    public CreditBook credits() {
        return credits.get();
    }

    public Leases leases() {
        return leases.get();
    }

    public DynamoInstructionStore instructions() {
        return instructions.get();
    }

    public IdempotencyStore idempotency() {
        return idempotency.get();
    }

    public FollowUps followUps() {
        return followUps.get();
    }

    public PrepareStatement statements() {
        return statements.get();
    }

    public IngestFile ingestFile() {
        return ingestFile.get();
    }

    public ClaimRemessaTitles claimTitles() {
        return claimTitles.get();
    }

    public ApplyRetorno applyRetorno() {
        return applyRetorno.get();
    }

    public AfterRecording afterRecording() {
        return afterRecording.get();
    }

    public GenerateRemittance generateRemittance() {
        return generateRemittance.get();
    }
}
