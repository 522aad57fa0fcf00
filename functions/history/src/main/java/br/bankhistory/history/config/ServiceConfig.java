package br.bankhistory.history.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the service reads from its environment, read once. The same code runs on AWS (no endpoints),
 * on LocalStack ({@code AWS_ENDPOINT_URL}) and on the embedded emulators (one endpoint per service).
 *
 * @param dynamoEndpoint  endpoint override for DynamoDB, empty on AWS
 * @param s3Endpoint      endpoint override for S3 (path-style addressing is used whenever it is set)
 * @param sesEndpoint     endpoint override for SESv2
 * @param accessKey       static credentials for emulators; empty on AWS (the default provider chain is used)
 * @param maxFileBytes    files larger than this are recorded as rejected without being parsed
 * @param presignTtl      how long a presigned URL stays valid
 * @param mailFrom        the From of the admin emails (an SES-verified identity on AWS)
 * @param sesConfigurationSet SES configuration set for sending, if any
 * @param webBaseUrl      the history page's address, for links in emails
 * @param sqsEndpoint     endpoint override for SQS
 * @param followUpQueueUrl the queue of follow-up work (a released or reprocessed file's processing), read by
 *                        the FollowUp function; empty where nothing requests follow-ups
 * @param sesSendTimeout  how long one admin email send may take (one attempt: a retry after a timeout could
 *                        deliver it twice); the email's claim holds a little longer
 * @param delivery        how remessas reach the banks (the Delivery function)
 */
public record ServiceConfig(String tableName, String bucketName, String region, Optional<URI> dynamoEndpoint,
                            Optional<URI> s3Endpoint, Optional<URI> sesEndpoint, Optional<String> accessKey,
                            Optional<String> secretKey, long maxFileBytes, Duration presignTtl, String mailFrom,
                            Optional<String> sesConfigurationSet, String webBaseUrl, Optional<URI> sqsEndpoint,
                            Optional<String> followUpQueueUrl, Duration sesSendTimeout, DeliveryConfig delivery) {

    public static final String DEFAULT_MAIL_FROM = "Histórico Bancário <no-reply@example.com>";
    public static final String LOCAL_WEB_BASE_URL = "http://127.0.0.1:8080";

    public static final long DEFAULT_MAX_FILE_BYTES = 512L * 1024 * 1024;
    public static final Duration DEFAULT_PRESIGN_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SES_SEND_TIMEOUT = Duration.ofSeconds(20);

    public ServiceConfig {
        require(tableName, "TABLE_NAME");
        require(bucketName, "FILES_BUCKET");
        require(region, "AWS_REGION");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("MAX_FILE_BYTES must be positive");
        }
        require(mailFrom, "SES_FROM_ADDRESS");
        require(webBaseUrl, "WEB_BASE_URL");
        if (sesSendTimeout.isNegative() || sesSendTimeout.isZero() || sesSendTimeout.compareTo(Duration.ofSeconds(40)) > 0) {
            throw new IllegalArgumentException("SES_SEND_TIMEOUT_SECONDS must be between 1 and 40 (the email's claim "
                    + "must expire before Lambda's first retry, a minute later)");
        }
        if (presignTtl.isNegative() || presignTtl.isZero() || presignTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("PRESIGN_TTL_SECONDS must be between 1 and 3600");
        }
    }

    /** Reads the Lambda environment. {@code AWS_ENDPOINT_URL_<SERVICE>} wins over {@code AWS_ENDPOINT_URL}. */
    public static ServiceConfig fromEnvironment(Map<String, String> env) {
        Optional<URI> global = uri(env.get("AWS_ENDPOINT_URL"));
        return new ServiceConfig(
                env.get("TABLE_NAME"),
                env.get("FILES_BUCKET"),
                env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1")),
                uri(env.get("AWS_ENDPOINT_URL_DYNAMODB")).or(() -> global),
                uri(env.get("AWS_ENDPOINT_URL_S3")).or(() -> global),
                uri(env.get("AWS_ENDPOINT_URL_SESV2")).or(() -> global),
                Optional.empty(),
                Optional.empty(),
                Long.parseLong(env.getOrDefault("MAX_FILE_BYTES", Long.toString(DEFAULT_MAX_FILE_BYTES))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("PRESIGN_TTL_SECONDS",
                        Long.toString(DEFAULT_PRESIGN_TTL.toSeconds())))),
                env.getOrDefault("SES_FROM_ADDRESS", DEFAULT_MAIL_FROM),
                Optional.ofNullable(env.get("SES_CONFIGURATION_SET")).filter(v -> !v.isBlank()),
                env.getOrDefault("WEB_BASE_URL", LOCAL_WEB_BASE_URL),
                uri(env.get("AWS_ENDPOINT_URL_SQS")).or(() -> global),
                Optional.ofNullable(env.get("FOLLOW_UP_QUEUE_URL")).filter(v -> !v.isBlank()),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("SES_SEND_TIMEOUT_SECONDS",
                        Long.toString(DEFAULT_SES_SEND_TIMEOUT.toSeconds())))),
                DeliveryConfig.fromEnvironment(env));
    }

    /** The embedded local stack and the tests: one emulator per service, fixed local credentials. */
    public static ServiceConfig local(String tableName, String bucketName, URI dynamoEndpoint, URI s3Endpoint,
                                      URI sesEndpoint, String accessKey, String secretKey) {
        return new ServiceConfig(tableName, bucketName, "us-east-1", Optional.of(dynamoEndpoint),
                Optional.of(s3Endpoint), Optional.ofNullable(sesEndpoint), Optional.of(accessKey),
                Optional.of(secretKey), DEFAULT_MAX_FILE_BYTES, DEFAULT_PRESIGN_TTL, DEFAULT_MAIL_FROM,
                Optional.empty(), LOCAL_WEB_BASE_URL, Optional.empty(), Optional.empty(), DEFAULT_SES_SEND_TIMEOUT,
                DeliveryConfig.AWS);
    }

    public ServiceConfig withMaxFileBytes(long limit) {
        return new ServiceConfig(tableName, bucketName, region, dynamoEndpoint, s3Endpoint, sesEndpoint, accessKey,
                secretKey, limit, presignTtl, mailFrom, sesConfigurationSet, webBaseUrl, sqsEndpoint, followUpQueueUrl,
                sesSendTimeout, delivery);
    }

    public ServiceConfig withWebBaseUrl(String url) {
        return new ServiceConfig(tableName, bucketName, region, dynamoEndpoint, s3Endpoint, sesEndpoint, accessKey,
                secretKey, maxFileBytes, presignTtl, mailFrom, sesConfigurationSet, url, sqsEndpoint, followUpQueueUrl,
                sesSendTimeout, delivery);
    }

    /** The follow-up queue (and the SQS endpoint of an emulator). */
    public ServiceConfig withFollowUps(URI endpoint, String queueUrl) {
        return new ServiceConfig(tableName, bucketName, region, dynamoEndpoint, s3Endpoint, sesEndpoint, accessKey,
                secretKey, maxFileBytes, presignTtl, mailFrom, sesConfigurationSet, webBaseUrl,
                Optional.ofNullable(endpoint), Optional.of(queueUrl), sesSendTimeout, delivery);
    }

    /** Every AWS endpoint at {@code endpoint} (SnapStart priming points them at a closed local port). */
    public ServiceConfig withEveryEndpoint(URI endpoint) {
        Optional<URI> at = Optional.of(endpoint);
        return new ServiceConfig(tableName, bucketName, region, at, at, at, accessKey, secretKey, maxFileBytes,
                presignTtl, mailFrom, sesConfigurationSet, webBaseUrl, at, followUpQueueUrl, sesSendTimeout, delivery);
    }

    public ServiceConfig withSesSendTimeout(Duration timeout) {
        return new ServiceConfig(tableName, bucketName, region, dynamoEndpoint, s3Endpoint, sesEndpoint, accessKey,
                secretKey, maxFileBytes, presignTtl, mailFrom, sesConfigurationSet, webBaseUrl, sqsEndpoint,
                followUpQueueUrl, timeout, delivery);
    }

    /** How remessas reach the banks (a local folder, the delivery queue, shorter waits). */
    public ServiceConfig withDelivery(DeliveryConfig other) {
        return new ServiceConfig(tableName, bucketName, region, dynamoEndpoint, s3Endpoint, sesEndpoint, accessKey,
                secretKey, maxFileBytes, presignTtl, mailFrom, sesConfigurationSet, webBaseUrl, sqsEndpoint,
                followUpQueueUrl, sesSendTimeout, other);
    }

    private static Optional<URI> uri(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.trim()));
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
    }
}
