package br.bankhistory.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

class EmulatorStackTest {

  private static EmulatorStack aws;

  @BeforeAll
  static void startEmulators() {
    aws = EmulatorStack.builder().withSes(true).withSqs(true).start();
  }

  @AfterAll
  static void stopEmulators() {
    aws.close();
  }

  @Test
  void everyEmulatorListensOnLoopbackOnly() {
    assertThat(Map.of("dynamodb", aws.dynamoDbEndpoint(), "s3", aws.s3Endpoint(), "ses", aws.sesEndpoint(),
        "sqs", aws.sqsEndpoint()).values()).allSatisfy(endpoint -> {
          assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
          assertThat(endpoint.getPort()).isPositive();
        });
  }

  @Test
  void s3StoresAndReturnsAnObject() {
    try (S3Client s3 = s3Client(aws.secretKey())) {
      s3.createBucket(b -> b.bucket("files"));
      s3.putObject(p -> p.bucket("files").key("inbound/acme/CAIXA.RET"), RequestBody.fromString("02RETORNO"));

      String body = s3.getObjectAsBytes(g -> g.bucket("files").key("inbound/acme/CAIXA.RET")).asUtf8String();

      assertThat(body).isEqualTo("02RETORNO");
    }
  }

  @Test
  void s3RejectsAWrongSecret() {
    try (S3Client s3 = s3Client("not-the-secret")) {
      assertThatThrownBy(() -> s3.listBuckets())
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }

  @Test
  void dynamoDbCreatesATableAndReadsBackAnItem() {
    try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
        .endpointOverride(aws.dynamoDbEndpoint())
        .region(Region.of(aws.region()))
        .credentialsProvider(credentials(aws.secretKey()))
        .httpClient(UrlConnectionHttpClient.create())
        .build()) {
      dynamoDb.createTable(t -> t.tableName("history")
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
      dynamoDb.putItem(p -> p.tableName("history").item(Map.of(
          "pk", AttributeValue.fromS("acme#1"), "fileName", AttributeValue.fromS("CAIXA.RET"))));

      Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName("history")
          .key(Map.of("pk", AttributeValue.fromS("acme#1"))).consistentRead(true)).item();

      assertThat(item.get("fileName").s()).isEqualTo("CAIXA.RET");
    }
  }

  @Test
  void sesKeepsARawEmailWithItsAttachment() {
    byte[] attachment = "02RETORNO01COBRANCA\r\n".getBytes(StandardCharsets.ISO_8859_1);
    String mime = String.join("\r\n",
        "From: historico@bankhistory.local",
        "To: admin@acme.example",
        "Subject: Retorno processado: CAIXA.RET",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"b1\"",
        "",
        "--b1",
        "Content-Type: text/plain; charset=UTF-8",
        "",
        "O arquivo de retorno foi processado.",
        "--b1",
        "Content-Type: text/plain; name=\"CAIXA.RET\"",
        "Content-Disposition: attachment; filename=\"CAIXA.RET\"",
        "Content-Transfer-Encoding: base64",
        "",
        Base64.getMimeEncoder().encodeToString(attachment),
        "--b1--",
        "");
    SesInbox inbox = aws.sesInbox();
    inbox.clear();
    try (SesV2Client ses = SesV2Client.builder()
        .endpointOverride(aws.sesEndpoint())
        .region(Region.of(aws.region()))
        .credentialsProvider(credentials(aws.secretKey()))
        .httpClient(UrlConnectionHttpClient.create())
        .build()) {
      ses.sendEmail(e -> e.fromEmailAddress("historico@bankhistory.local")
          .destination(d -> d.toAddresses("admin@acme.example"))
          .content(c -> c.raw(r -> r.data(SdkBytes.fromString(mime, StandardCharsets.UTF_8)))));
    }

    String store = inbox.storeJson();

    assertThat(inbox.emailCount()).isEqualTo(1);
    assertThat(store)
        .contains("Retorno processado: CAIXA.RET")
        .contains("admin@acme.example")
        .contains("\"filename\":\"CAIXA.RET\"")
        .contains(Base64.getEncoder().encodeToString(attachment));
    inbox.clear();
    assertThat(inbox.emailCount()).isZero();
  }

  @Test
  void sqsSendsAndReceivesAMessage() {
    try (SqsClient sqs = SqsClient.builder()
        .endpointOverride(aws.sqsEndpoint())
        .region(Region.of(aws.region()))
        .credentialsProvider(credentials(aws.secretKey()))
        .httpClient(UrlConnectionHttpClient.create())
        .build()) {
      String queueUrl = sqs.createQueue(q -> q.queueName("ingest-dlq")).queueUrl();
      sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody("{\"key\":\"inbound/acme/CAIXA.RET\"}"));

      var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(2)).messages();

      assertThat(messages).singleElement().satisfies(m -> assertThat(m.body()).contains("inbound/acme/CAIXA.RET"));
    }
  }

  private static S3Client s3Client(String secret) {
    return S3Client.builder()
        .endpointOverride(aws.s3Endpoint())
        .forcePathStyle(true)
        .region(Region.of(aws.region()))
        .credentialsProvider(credentials(secret))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static StaticCredentialsProvider credentials(String secret) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.accessKey(), secret));
  }
}
