package br.bankhistory.local;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The replay command against AWS: reads the queue with the default credentials, invokes the function
 * asynchronously with each event ({@link LambdaEventInvoke}) and prints the summary.
 */
final class AwsReplay {

  private static final Pattern SQS_REGION = Pattern.compile("^sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

  private AwsReplay() {}

  /** Exit status as {@link ReplayDeadLetters} documents it. */
  static int run(ReplayOptions options, PrintStream out) throws Exception {
    String queueUrl = options.queueUrl();
    String region = options.region()
        .or(() -> regionOf(queueUrl))
        .or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
        .or(() -> Optional.ofNullable(System.getenv("AWS_DEFAULT_REGION")))
        .orElseThrow(() -> new IllegalArgumentException("which region? give --region"));
    int max = options.max();
    Optional<URI> sqsEndpoint = options.sqsEndpoint();
    URI lambdaEndpoint = options.lambdaEndpoint().orElse(URI.create("https://lambda." + region + ".amazonaws.com"));
    AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    try (SdkHttpClient http = UrlConnectionHttpClient.builder()
             .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(30)).build();
         SqsClient sqs = sqs(region, sqsEndpoint, credentials, http)) {
      LambdaEventInvoke lambda = new LambdaEventInvoke(lambdaEndpoint, region, options.function(), credentials, http);
      ReplayDeadLetters.Summary summary = ReplayDeadLetters.replay(sqs, queueUrl, lambda, 2, max);
      out.println(JsonMapper.builder().build().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
      return summary.failed() == 0 ? 0 : 1;
    }
  }

  private static SqsClient sqs(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
                               SdkHttpClient http) {
    var builder = SqsClient.builder().region(Region.of(region)).credentialsProvider(credentials).httpClient(http);
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** {@code https://sqs.us-east-1.amazonaws.com/123456789012/name} is in {@code us-east-1}. */
  static Optional<String> regionOf(String queueUrl) {
    try {
      String host = URI.create(queueUrl).getHost();
      Matcher matcher = SQS_REGION.matcher(host == null ? "" : host);
      return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
