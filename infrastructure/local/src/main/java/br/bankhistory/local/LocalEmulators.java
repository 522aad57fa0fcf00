package br.bankhistory.local;

import br.bankhistory.emulators.EmulatorStack;
import br.bankhistory.emulators.S3ProxyServer;
import br.bankhistory.history.Services;
import br.bankhistory.history.config.DeliveryConfig;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.domain.DeliveryPolicy;
import java.net.URI;
import java.util.List;

/**
 * The AWS side of the local stack: DynamoDB Local, s3proxy, the SES emulator and ElasticMQ with the follow-up and
 * delivery queues, and the service's clients configured for them, its table and bucket created.
 */
record LocalEmulators(EmulatorStack aws, SqsEventSource followUps, SqsEventSource deliveries, Services services) {

  /**
   * s3proxy's CORS, as the files bucket's on AWS (template.yaml: GET and PUT, {@code content-type},
   * {@code content-md5}, {@code x-amz-*}), for a page served from this machine on any port: the browser
   * PUTs a manual import to the presigned URL from {@code POST /uploads} and may read presigned files.
   * s3proxy matches header names exactly, so the {@code x-amz-*} a presigned PUT carries are listed.
   */
  static final S3ProxyServer.Cors S3_CORS = new S3ProxyServer.Cors(
      List.of("https?://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d{1,5})?"),
      List.of("GET", "PUT", "HEAD"),
      List.of("content-type", "content-md5", "x-amz-meta-user-id", "x-amz-meta-user-name", "x-amz-date",
          "x-amz-content-sha256", "x-amz-security-token", "x-amz-checksum-crc32", "x-amz-sdk-checksum-algorithm"),
      List.of("ETag", "Content-Disposition"));

  /** Starts the emulators and the queues (each recorded in {@code running}) for a page at {@code webBase}. */
  static LocalEmulators start(LocalStackOptions options, URI webBase, RunningComponents running) {
    EmulatorStack aws = running.push(EmulatorStack.builder().withSes(true).withSqs(true).withS3Cors(S3_CORS).start());
    SqsEventSource followUps = running.push(SqsEventSource.create(SqsEventSource.FOLLOW_UPS, aws.sqsEndpoint(),
        aws.region(), aws.accessKey(), aws.secretKey()));
    SqsEventSource deliveries = running.push(SqsEventSource.create(SqsEventSource.DELIVERIES, aws.sqsEndpoint(),
        aws.region(), aws.accessKey(), aws.secretKey()));
    Services services = Services.create(ServiceConfig.local(LocalStack.TABLE_NAME, LocalStack.BUCKET_NAME,
        aws.dynamoDbEndpoint(), aws.s3Endpoint(), aws.sesEndpoint(), aws.accessKey(), aws.secretKey())
        .withWebBaseUrl(webBaseUrl(webBase))
        .withFollowUps(aws.sqsEndpoint(), followUps.url())
        .withDelivery(DeliveryConfig.local(deliveries.url(), options.bankOutboxRoot().toAbsolutePath())
            .withPolicy(DeliveryPolicy.LOCAL.withRetryDelays(options.deliveryRetryDelays()))));
    services.ensureStorage();
    return new LocalEmulators(aws, followUps, deliveries, services);
  }

  /** The page's address as the service's {@code WEB_BASE_URL} wants it: {@code http://127.0.0.1:8080}, no trailing slash. */
  static String webBaseUrl(URI base) {
    String page = base.toString();
    return page.endsWith("/") ? page.substring(0, page.length() - 1) : page;
  }
}
