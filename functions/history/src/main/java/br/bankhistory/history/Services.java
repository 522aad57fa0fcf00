package br.bankhistory.history;

import br.bankhistory.cnab.CnabReader;
import br.bankhistory.history.adapter.dynamodb.DynamoRecordStore;
import br.bankhistory.history.adapter.dynamodb.HistoryTable;
import br.bankhistory.history.adapter.s3.S3FileStore;
import br.bankhistory.history.config.AwsClients;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.ingest.IngestFile;
import br.bankhistory.history.query.DownloadOriginal;
import br.bankhistory.history.query.ListIntegrations;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The composition root: builds the adapters from configuration once and hands the use cases to the
 * handlers. Building it opens no connection, so it is safe at class initialisation (and for SnapStart).
 */
public final class Services {

    private final ServiceConfig config;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final ObjectMapper json;
    private final IngestFile ingestFile;
    private final ListIntegrations listIntegrations;
    private final DownloadOriginal downloadOriginal;

    private Services(ServiceConfig config) {
        AwsClients clients = new AwsClients(config);
        this.config = config;
        this.dynamoDb = clients.dynamoDb();
        this.s3 = clients.s3();
        this.json = JsonMapper.builder().build();
        DynamoRecordStore records = new DynamoRecordStore(dynamoDb, config.tableName(), json);
        S3FileStore files = new S3FileStore(s3, clients.s3Presigner(), config.bucketName());
        this.ingestFile = new IngestFile(records, files, CnabReader.standard(), config.bucketName(),
                config.maxFileBytes());
        this.listIntegrations = new ListIntegrations(records);
        this.downloadOriginal = new DownloadOriginal(records, files, config.presignTtl());
    }

    public static Services create(ServiceConfig config) {
        return new Services(config);
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

    public ObjectMapper json() {
        return json;
    }

    public IngestFile ingestFile() {
        return ingestFile;
    }

    public ListIntegrations listIntegrations() {
        return listIntegrations;
    }

    public DownloadOriginal downloadOriginal() {
        return downloadOriginal;
    }
}
