package br.bankhistory.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Lambda's {@code Invoke} with {@code X-Amz-Invocation-Type: Event} (asynchronous, as S3 invokes Ingest),
 * SigV4-signed with the SDK's signer and sent with its HTTP client, because this build has no Lambda SDK
 * module. The same request as {@code aws lambda invoke --invocation-type Event --function-name NAME:live
 * --payload ...}: Lambda answers 202 once the event is queued; if the function then fails its retries, the
 * event is back in the dead-letter queue.
 *
 * <p>Tested here against a stand-in HTTP server only (path, headers, signature shape, payload), never against
 * AWS.
 */
final class LambdaEventInvoke implements ReplayDeadLetters.Target {

  private final URI endpoint;
  private final String region;
  private final String function;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;

  /**
   * @param endpoint {@code https://lambda.REGION.amazonaws.com}, or an emulator's
   * @param function a function name, {@code name:alias}, or an ARN (with its alias)
   */
  LambdaEventInvoke(URI endpoint, String region, String function, AwsCredentialsProvider credentials,
                    SdkHttpClient http) {
    this.endpoint = endpoint;
    this.region = region;
    this.function = function;
    this.credentials = credentials;
    this.http = http;
  }

  @Override
  public String invoke(String requestPayloadJson) throws IOException {
    byte[] payload = requestPayloadJson.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(endpoint)
        .encodedPath("/2015-03-31/functions/" + SdkHttpUtils.urlEncode(function) + "/invocations")
        .putHeader("X-Amz-Invocation-Type", "Event")
        .putHeader("Content-Type", "application/json")
        .putHeader("Content-Length", Integer.toString(payload.length))
        .build();
    AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
    SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
        .identity(identity)
        .request(request)
        .payload(ContentStreamProvider.fromByteArray(payload))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
        .request(signed.request())
        .contentStreamProvider(signed.payload().orElse(ContentStreamProvider.fromByteArray(payload)))
        .build()).call();
    int status = response.httpResponse().statusCode();
    String body = response.responseBody().map(LambdaEventInvoke::read).orElse("");
    String requestId = response.httpResponse().firstMatchingHeader("x-amzn-RequestId").orElse("?");
    if (status != 202) {
      throw new IOException("Lambda Invoke of " + function + " answered " + status + " (request " + requestId + "): "
          + body);
    }
    return "queued for " + function + " (202, request " + requestId + ")";
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable body: " + e + ")";
    }
  }
}
