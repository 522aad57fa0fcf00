package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnFailureRecordTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Instant WHEN = Instant.parse("2026-11-23T12:31:40Z");

  @Test
  void theRecordHasTheShapeOfLambdasDestinationRecord() {
    JsonNode event = new S3Events(JSON, "us-east-1").render("files", "inbound/acme/A B.ret", 10, "e", WHEN);
    RuntimeException error = new IllegalStateException("table unreachable",
        new UncheckedIOException(new java.io.IOException("Connection refused")));

    JsonNode record = OnFailureRecord.render(JSON, WHEN, "req-1", AsyncInvoker.LOCAL_FUNCTION_ARN, 3, event, error);

    assertThat(record.path("version").asText()).isEqualTo("1.0");
    assertThat(record.path("timestamp").asText()).isEqualTo("2026-11-23T12:31:40.000Z");
    assertThat(record.path("requestContext").toString()).isEqualTo("{\"requestId\":\"req-1\",\"functionArn\":"
        + "\"arn:aws:lambda:us-east-1:000000000000:function:bank-history-ingest:live\",\"condition\":"
        + "\"RetriesExhausted\",\"approximateInvokeCount\":3}");
    assertThat(record.path("requestPayload")).isEqualTo(event);
    assertThat(record.path("responseContext").toString())
        .isEqualTo("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}");
    JsonNode payload = record.path("responsePayload");
    assertThat(payload.path("errorMessage").asText()).isEqualTo("table unreachable");
    assertThat(payload.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(payload.path("stackTrace").isArray()).isTrue();
    assertThat(payload.path("cause").path("errorType").asText()).isEqualTo("java.io.UncheckedIOException");
    assertThat(payload.path("cause").path("cause").path("errorMessage").asText()).isEqualTo("Connection refused");

    assertThat(OnFailureRecord.requestPayload(record)).isEqualTo(event);
    assertThat(OnFailureRecord.objects(event)).containsExactly("s3://files/inbound/acme/A B.ret");
  }

  @Test
  void aBareS3EventIsReplayableTooAndAnythingElseIsNot() throws Exception {
    JsonNode event = new S3Events(JSON, "us-east-1").render("files", "inbound/acme/x.ret", 1, "e", WHEN);

    assertThat(OnFailureRecord.requestPayload(event)).isEqualTo(event);
    assertThatThrownBy(() -> OnFailureRecord.requestPayload(JSON.readTree("{\"requestPayload\":{}}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OnFailureRecord.requestPayload(JSON.readTree("[1,2]")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryDelaysAreConfigurableWithinLambdasLimits() {
    assertThat(LocalStackOptions.parse().ingestRetryDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(LocalStackOptions.parse("--retry-delays-ms", "100,250").ingestRetryDelays())
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(250));
    assertThat(LocalStackOptions.parse("--retry-delays-ms", "none").ingestRetryDelays()).isEmpty();
    assertThatThrownBy(() -> LocalStackOptions.parse("--retry-delays-ms", "1,2,3"))
        .hasMessageContaining("0 to 2");
    assertThatThrownBy(() -> LocalStackOptions.parse("--retry-delays-ms", "soon"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new LocalStackOptions(0, Path.of("d"), false, java.util.Optional.empty()).ingestRetryDelays())
        .isEqualTo(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)));
  }
}
