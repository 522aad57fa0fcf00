package br.bankhistory.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class S3EventsTest {

  private final S3Events events = new S3Events(JsonMapper.builder().build(), "us-east-1");

  @Test
  void keysAreEncodedAsS3DoesInItsNotifications() {
    assertThat(S3Events.encodeKey("inbound/acme/RETORNO CAIXA 23-11.ret")).isEqualTo("inbound/acme/RETORNO+CAIXA+23-11.ret");
    assertThat(S3Events.encodeKey("inbound/acme/cobrança+extra.ret")).isEqualTo("inbound/acme/cobran%C3%A7a%2Bextra.ret");
  }

  @Test
  void theRuntimeDeserialiserReadsTheRenderedEvent() {
    Instant when = Instant.parse("2026-11-23T12:30:15.123Z");

    S3Event event = events.objectCreated("files", "inbound/acme/RETORNO CAIXA.ret", 5324, "d41d8cd98f00b204e9800998ecf8427e", when);

    assertThat(event.getRecords()).singleElement().satisfies(record -> {
      assertThat(record.getEventVersion()).isEqualTo("2.1");
      assertThat(record.getEventSource()).isEqualTo("aws:s3");
      assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
      assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
      assertThat(record.getEventTime().getMillis()).isEqualTo(when.toEpochMilli());
      assertThat(record.getS3().getBucket().getName()).isEqualTo("files");
      assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::files");
      assertThat(record.getS3().getObject().getKey()).isEqualTo("inbound/acme/RETORNO+CAIXA.ret");
      assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("inbound/acme/RETORNO CAIXA.ret");
      assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(5324L);
      assertThat(record.getS3().getObject().geteTag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
      assertThat(record.getS3().getObject().getSequencer()).matches("[0-9A-F]{16,}");
    });
  }

  @Test
  void eachEventHasANewSequencer() {
    S3EventNotificationRecord first = events.objectCreated("b", "inbound/acme/a", 1, "e", Instant.now()).getRecords().get(0);
    S3EventNotificationRecord second = events.objectCreated("b", "inbound/acme/a", 1, "e", Instant.now()).getRecords().get(0);

    assertThat(second.getS3().getObject().getSequencer()).isNotEqualTo(first.getS3().getObject().getSequencer());
  }

  @Test
  void aTakenNameGetsATimestampSuffixBeforeItsExtension() {
    Instant when = Instant.parse("2026-11-23T21:30:15.123Z");

    assertThat(S3Delivery.withSuffix("RETORNO.ret", when, 1)).isEqualTo("RETORNO-20261123T213015123Z.ret");
    assertThat(S3Delivery.withSuffix("RETORNO", when, 2)).isEqualTo("RETORNO-20261123T213015123Z-2");
  }
}
