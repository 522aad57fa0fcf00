package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Re-drives one dead-letter message: its on-failure record's {@code requestPayload} goes to the target, and the
 * message is deleted only once that succeeded; a failure is reported, never thrown.
 */
final class MessageRedrive {

  // the replay tool's log lines, whichever class writes them
  private static final JsonLog LOG = JsonLog.of(ReplayDeadLetters.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final SqsClient sqs;
  private final String queueUrl;
  private final ReplayDeadLetters.Target target;

  MessageRedrive(SqsClient sqs, String queueUrl, ReplayDeadLetters.Target target) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.target = target;
  }

  ReplayDeadLetters.Replayed replay(Message message) {
    List<String> objects = List.of();
    try {
      JsonNode payload = OnFailureRecord.requestPayload(JSON.readTree(message.body()));
      objects = OnFailureRecord.objects(payload);
      String result = target.invoke(payload.toString());
      sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
      LOG.info("replay.replayed", Map.of("messageId", message.messageId(), "objects", String.join(" ", objects),
          "result", result));
      return new ReplayDeadLetters.Replayed(message.messageId(), objects, true, result);
    } catch (Throwable e) { // a failed replay of one message never stops the others
      LOG.error("replay.failed", Map.of("messageId", message.messageId(), "objects", String.join(" ", objects),
          "error", String.valueOf(e)));
      return new ReplayDeadLetters.Replayed(message.messageId(), objects, false, "failed: " + e);
    }
  }
}
