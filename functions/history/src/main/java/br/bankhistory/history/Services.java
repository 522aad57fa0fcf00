package br.bankhistory.history;

import br.bankhistory.cnab.CnabReader;
import br.bankhistory.cnab.bank.BankCatalog;
import br.bankhistory.cnab.layout.LayoutCatalog;
import br.bankhistory.history.adapter.dynamodb.DynamoIdempotencyStore;
import br.bankhistory.history.adapter.dynamodb.DynamoItemStore;
import br.bankhistory.history.adapter.dynamodb.DynamoInstructionStore;
import br.bankhistory.history.adapter.dynamodb.DynamoLeases;
import br.bankhistory.history.adapter.dynamodb.DynamoNotificationLog;
import br.bankhistory.history.adapter.dynamodb.DynamoRecordStore;
import br.bankhistory.history.adapter.dynamodb.DynamoSequenceLog;
import br.bankhistory.history.adapter.dynamodb.DynamoSettingsStore;
import br.bankhistory.history.adapter.dynamodb.DynamoTitleClaims;
import br.bankhistory.history.adapter.dynamodb.DynamoTitleIndex;
import br.bankhistory.history.adapter.dynamodb.HistoryTable;
import br.bankhistory.history.adapter.s3.S3FileStore;
import br.bankhistory.history.adapter.s3.S3ItemStore;
import br.bankhistory.history.adapter.ses.SesEmailSender;
import br.bankhistory.history.adapter.sqs.SqsFollowUps;
import br.bankhistory.history.command.AccountSettings;
import br.bankhistory.history.command.CancelRemittance;
import br.bankhistory.history.command.CreateUpload;
import br.bankhistory.history.command.GenerateRemittance;
import br.bankhistory.history.command.PendingInstructions;
import br.bankhistory.history.command.RunSchedule;
import br.bankhistory.history.handler.RemittanceBodies;
import br.bankhistory.history.query.ListInstructions;
import br.bankhistory.history.command.NotificationSettings;
import br.bankhistory.history.command.ReleaseHeldFile;
import br.bankhistory.history.command.ReprocessRecord;
import br.bankhistory.history.command.SequenceNumbers;
import br.bankhistory.history.config.AwsClients;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.idempotency.IdempotentRequests;
import br.bankhistory.history.ingest.AfterRecording;
import br.bankhistory.history.ingest.ApplyRetorno;
import br.bankhistory.history.ingest.ClaimRemessaTitles;
import br.bankhistory.history.ingest.IngestFile;
import br.bankhistory.history.ingest.NotifyAdmins;
import br.bankhistory.history.ingest.ProcessRecord;
import br.bankhistory.history.ingest.ReceiveFile;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.migrate.ItemMigration;
import br.bankhistory.history.notify.AdminEmailComposer;
import br.bankhistory.history.notify.EmailSender;
import br.bankhistory.history.notify.LazyEmailSender;
import br.bankhistory.history.notify.MimeMessages;
import br.bankhistory.history.port.FollowUps;
import br.bankhistory.history.port.ItemStore;
import br.bankhistory.history.port.Leases;
import br.bankhistory.history.port.NotificationLog;
import br.bankhistory.history.port.TitleIndex;
import br.bankhistory.history.query.DownloadOriginal;
import br.bankhistory.history.query.FindItems;
import br.bankhistory.history.query.GetIntegration;
import br.bankhistory.history.query.ListBanks;
import br.bankhistory.history.query.ListIntegrations;
import br.bankhistory.history.query.ListItems;
import br.bankhistory.history.query.StatementLink;
import br.bankhistory.history.statement.PrepareStatement;
import br.bankhistory.history.statement.StatementRenderer;
import br.bankhistory.history.titles.TitleRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.time.Clock;
import java.util.UUID;

/**
 * The composition root: builds the adapters from configuration once and hands the use cases to the
 * handlers. Building it opens no connection and draws no randomness, so it is safe at class initialisation
 * (and for SnapStart).
 */
public final class Services {

    private final ServiceConfig config;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final ObjectMapper json;
    private final IngestFile ingestFile;
    private final ReceiveFile receiveFile;
    private final NotificationLog notificationLog;
    private final StatementLink statementLink;
    private final ListIntegrations listIntegrations;
    private final GetIntegration getIntegration;
    private final ListItems listItems;
    private final FindItems findItems;
    private final ListBanks listBanks;
    private final DownloadOriginal downloadOriginal;
    private final CancelRemittance cancelRemittance;
    private final CreateUpload createUpload;
    private final GenerateRemittance generateRemittance;
    private final NotificationSettings notificationSettings;
    private final AccountSettings accountSettings;
    private final ReprocessRecord reprocessRecord;
    private final ReleaseHeldFile releaseHeldFile;
    private final ProcessRecord processRecord;
    private final IdempotentRequests idempotentRequests;
    private final ItemMigration itemMigration;
    private final PendingInstructions pendingInstructions;
    private final ListInstructions listInstructions;
    private final RunSchedule runSchedule;
    private final br.bankhistory.history.command.ApprovalSettings approvalSettings;
    private final br.bankhistory.history.command.DecideApproval decideApproval;
    private final br.bankhistory.history.query.ListApprovals listApprovals;

    private Services(ServiceConfig config, Clock clock) {
        AwsClients clients = new AwsClients(config);
        this.config = config;
        this.dynamoDb = clients.dynamoDb();
        this.s3 = clients.s3();
        this.json = JsonMapper.builder().build();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
        DynamoRecordStore records = new DynamoRecordStore(enhanced, config.tableName(), json);
        DynamoItemStore formerItems = new DynamoItemStore(enhanced, config.tableName());
        ItemStore items = new S3ItemStore(s3, config.bucketName(), formerItems);
        TitleIndex titleIndex = new DynamoTitleIndex(dynamoDb, config.tableName());
        S3FileStore files = new S3FileStore(s3, clients.s3Presigner(), config.bucketName());
        DynamoSettingsStore settings = new DynamoSettingsStore(enhanced, config.tableName(), clock);
        DynamoSequenceLog sequenceLog = new DynamoSequenceLog(dynamoDb, config.tableName());
        SequenceNumbers sequenceNumbers = new SequenceNumbers(sequenceLog);
        TitleRegistry titles = new TitleRegistry(new DynamoTitleClaims(dynamoDb, config.tableName()), records, files,
                clock);
        this.ingestFile = new IngestFile(records, items, files, CnabReader.standard(), settings, sequenceLog,
                config.bucketName(), config.maxFileBytes(), clock);
        PrepareStatement statements = new PrepareStatement(records, items, files, new StatementRenderer());
        this.notificationLog = new DynamoNotificationLog(enhanced, config.tableName());
        // Built at the first email, not at init: the Api function never sends one, and Ingest only for
        // automatic retornos (the SES client and Jakarta Mail cost ~150 ms of class loading).
        EmailSender sender = new LazyEmailSender(() -> new SesEmailSender(clients.sesV2(),
                new MimeMessages(config.mailFrom()), config.sesConfigurationSet()));
        AdminEmailComposer composer = new AdminEmailComposer(config.webBaseUrl());
        NotifyAdmins notify = new NotifyAdmins(notificationLog, records, settings, items, files, statements,
                composer, sender, Metrics.stdout(), clock, config.sesSendTimeout());
        br.bankhistory.history.ingest.NotifyApprovers approvers = new br.bankhistory.history.ingest.NotifyApprovers(
                notificationLog, settings, composer, sender, clock, config.sesSendTimeout());
        Leases leases = new DynamoLeases(dynamoDb, config.tableName());
        ClaimRemessaTitles claimTitles = new ClaimRemessaTitles(titles, records, items, titleIndex);
        ApplyRetorno applyRetorno = new ApplyRetorno(records, items, titleIndex, leases, titles, clock);
        AfterRecording afterRecording = new AfterRecording(claimTitles, applyRetorno, notify, approvers);
        this.itemMigration = new ItemMigration(records, formerItems, items, claimTitles, applyRetorno, clock);
        this.receiveFile = new ReceiveFile(ingestFile, afterRecording, records, Metrics.stdout());
        this.processRecord = new ProcessRecord(records, afterRecording);
        FollowUps followUps = config.followUpQueueUrl().<FollowUps>map(url -> new SqsFollowUps(clients::sqs, url))
                .orElse((tenant, recordId, why) -> {
                    throw new IllegalStateException("FOLLOW_UP_QUEUE_URL is not set: no follow-up can be requested");
                });
        this.releaseHeldFile = new ReleaseHeldFile(records, followUps, clock);
        this.statementLink = new StatementLink(records, statements, files, config.presignTtl());
        this.listIntegrations = new ListIntegrations(records);
        this.getIntegration = new GetIntegration(records);
        this.listItems = new ListItems(records, items);
        this.findItems = new FindItems(records, items, titleIndex);
        this.listBanks = new ListBanks(BankCatalog.standard());
        this.downloadOriginal = new DownloadOriginal(records, files, config.presignTtl());
        this.cancelRemittance = new CancelRemittance(records, clock);
        this.approvalSettings = new br.bankhistory.history.command.ApprovalSettings(settings);
        this.decideApproval = new br.bankhistory.history.command.DecideApproval(records, settings, clock);
        this.listApprovals = new br.bankhistory.history.query.ListApprovals(records, settings);
        this.createUpload = new CreateUpload(files, config.maxFileBytes(), config.presignTtl(), clock,
                () -> UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        this.generateRemittance = new GenerateRemittance(files, settings, CnabReader.standard(),
                LayoutCatalog.standard(), sequenceNumbers, titles, clock,
                () -> UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        DynamoInstructionStore instructions = new DynamoInstructionStore(dynamoDb, config.tableName());
        this.pendingInstructions = new PendingInstructions(instructions, LayoutCatalog.standard(), clock,
                () -> UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        this.listInstructions = new ListInstructions(instructions, records);
        this.runSchedule = new RunSchedule(instructions, leases, generateRemittance, RemittanceBodies::parse, json,
                clock);
        this.notificationSettings = new NotificationSettings(settings);
        this.accountSettings = new AccountSettings(settings, sequenceNumbers);
        this.reprocessRecord = new ReprocessRecord(records, items, titleIndex, leases, followUps, ingestFile, clock);
        this.idempotentRequests = new IdempotentRequests(new DynamoIdempotencyStore(enhanced, config.tableName()),
                clock);
    }

    public static Services create(ServiceConfig config) {
        return new Services(config, Clock.systemUTC());
    }

    /** With another clock: tests that let leases and keys expire. */
    public static Services create(ServiceConfig config, Clock clock) {
        return new Services(config, clock);
    }

    public static Services fromEnvironment() {
        return create(ServiceConfig.fromEnvironment(System.getenv()));
    }

    /** Creates the table and the bucket when missing: for the embedded stack and tests (on AWS, the template does). */
    public void ensureStorage() {
        HistoryTable.createIfMissing(dynamoDb, config.tableName());
        try {
            s3.createBucket(r -> r.bucket(config.bucketName()));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // created by an earlier start
        }
    }

    public ServiceConfig config() {
        return config;
    }

    public S3Client s3() {
        return s3;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public PendingInstructions pendingInstructions() {
        return pendingInstructions;
    }

    public ListInstructions listInstructions() {
        return listInstructions;
    }

    public RunSchedule runSchedule() {
        return runSchedule;
    }

    public ObjectMapper json() {
        return json;
    }

    public IngestFile ingestFile() {
        return ingestFile;
    }

    public ReceiveFile receiveFile() {
        return receiveFile;
    }

    public NotificationLog notificationLog() {
        return notificationLog;
    }

    public StatementLink statementLink() {
        return statementLink;
    }

    public ListIntegrations listIntegrations() {
        return listIntegrations;
    }

    public GetIntegration getIntegration() {
        return getIntegration;
    }

    public ListItems listItems() {
        return listItems;
    }

    public FindItems findItems() {
        return findItems;
    }

    public ListBanks listBanks() {
        return listBanks;
    }

    public DownloadOriginal downloadOriginal() {
        return downloadOriginal;
    }

    public br.bankhistory.history.command.ApprovalSettings approvalSettings() {
        return approvalSettings;
    }

    public br.bankhistory.history.command.DecideApproval decideApproval() {
        return decideApproval;
    }

    public br.bankhistory.history.query.ListApprovals listApprovals() {
        return listApprovals;
    }

    public CancelRemittance cancelRemittance() {
        return cancelRemittance;
    }

    public CreateUpload createUpload() {
        return createUpload;
    }

    public GenerateRemittance generateRemittance() {
        return generateRemittance;
    }

    public NotificationSettings notificationSettings() {
        return notificationSettings;
    }

    public AccountSettings accountSettings() {
        return accountSettings;
    }

    public ProcessRecord processRecord() {
        return processRecord;
    }

    public ReleaseHeldFile releaseHeldFile() {
        return releaseHeldFile;
    }

    public ReprocessRecord reprocessRecord() {
        return reprocessRecord;
    }

    /** The one-off move of records of the former layout ({@code MigrateItems}). */
    public ItemMigration itemMigration() {
        return itemMigration;
    }

    public IdempotentRequests idempotentRequests() {
        return idempotentRequests;
    }
}
