package br.bankhistory.local;

import br.bankhistory.history.delivery.DeliveryRule;
import br.bankhistory.history.log.JsonLog;
import br.bankhistory.history.port.EventPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The {@code bank-history} bus's rules on this machine: every event goes to the bus's stand-in (the events queue
 * {@code GET /local/events} reads), and the ones the delivery rule matches ({@link DeliveryRule}, the template's
 * {@code DeliveryRule}) also go to the delivery queue, shaped as EventBridge hands them to the rule's target. An event
 * the delivery queue did not take ends the count, so it is published again (at least once, as on AWS).
 */
final class LocalRules implements EventPublisher {

  private static final JsonLog LOG = JsonLog.of(LocalRules.class);

  private final EventPublisher bus;
  private final SqsClient sqs;
  private final String deliveryQueueUrl;
  private final ObjectMapper json;
  private final Clock clock;

  LocalRules(EventPublisher bus, SqsClient sqs, String deliveryQueueUrl, ObjectMapper json, Clock clock) {
    this.bus = bus;
    this.sqs = sqs;
    this.deliveryQueueUrl = deliveryQueueUrl;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public int publish(List<Message> events) {
    int published = bus.publish(events);
    for (int i = 0; i < published; i++) {
      JsonNode envelope;
      try {
        envelope = json.readTree(events.get(i).detail());
      } catch (IOException notJson) {
        continue; // the bus took it; no rule matches what is not an envelope
      }
      if (!DeliveryRule.matches(envelope)) {
        continue;
      }
      try {
        String body = DeliveryRule.bridgeEvent(json, envelope, clock.instant());
        sqs.sendMessage(r -> r.queueUrl(deliveryQueueUrl).messageBody(body));
      } catch (SdkException failed) {
        LOG.warn("rules.delivery_not_routed", Map.of("eventId", events.get(i).id(), "error", String.valueOf(failed)));
        return i;
      }
    }
    return published;
  }
}
