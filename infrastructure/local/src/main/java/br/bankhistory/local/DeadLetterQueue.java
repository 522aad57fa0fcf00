package br.bankhistory.local;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The Ingest function's on-failure destination: an SQS queue (ElasticMQ on the local stack, the template's
 * {@code IngestDeadLetterQueue} on AWS), kept 14 days as in the template.
 */
final class DeadLetterQueue implements AutoCloseable {

  /** The local queue's name (on AWS: the template's {@code IngestDeadLetterQueue}). */
  static final String DEFAULT_NAME = "bank-history-ingest-dlq";
  static final Duration RETENTION = Duration.ofDays(14);

  private final SqsClient sqs;
  private final String url;
  private final boolean ownsClient;

  private DeadLetterQueue(SqsClient sqs, String url, boolean ownsClient) {
    this.sqs = sqs;
    this.url = url;
    this.ownsClient = ownsClient;
  }

  /** Creates the queue on the emulator (or finds it) with a client of its own, closed with this object. */
  static DeadLetterQueue createLocal(URI sqsEndpoint, String region, String accessKey, String secretKey, String name) {
    SqsClient sqs = localClient(sqsEndpoint, region, accessKey, secretKey);
    try {
      return new DeadLetterQueue(sqs, create(sqs, name), true);
    } catch (RuntimeException e) {
      sqs.close();
      throw e;
    }
  }

  /** Creates the queue with someone else's client (which this object will not close). */
  static DeadLetterQueue create(SqsClient sqs, String name, boolean closeClient) {
    return new DeadLetterQueue(sqs, create(sqs, name), closeClient);
  }

  /** A queue that exists already, by URL, with someone else's client (which this object will not close). */
  static DeadLetterQueue existing(SqsClient sqs, String url) {
    return new DeadLetterQueue(sqs, url, false);
  }

  private static String create(SqsClient sqs, String name) {
    return sqs.createQueue(request -> request.queueName(name).attributes(Map.of(
        QueueAttributeName.MESSAGE_RETENTION_PERIOD, Long.toString(RETENTION.toSeconds())))).queueUrl();
  }

  /** An SQS client for an emulator: static local credentials, standard retries, short timeouts. */
  static SqsClient localClient(URI endpoint, String region, String accessKey, String secretKey) {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(20))
            .build())
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(RetryMode.STANDARD)
            .apiCallAttemptTimeout(Duration.ofSeconds(25))
            .apiCallTimeout(Duration.ofSeconds(60))
            .build())
        .build();
  }

  String url() {
    return url;
  }

  SqsClient client() {
    return sqs;
  }

  /** Sends one message; returns its message id. */
  String send(String body) {
    return sqs.sendMessage(request -> request.queueUrl(url).messageBody(body)).messageId();
  }

  /** Messages waiting plus messages being handled (received, not yet deleted). */
  int approximateDepth() {
    return approximateDepth(sqs, url);
  }

  /** The depth of any queue, by URL: messages waiting plus messages received and not yet deleted. */
  static int approximateDepth(SqsClient sqs, String queueUrl) {
    Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
        + Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
  }

  @Override
  public void close() {
    if (ownsClient) {
      sqs.close();
    }
  }
}
