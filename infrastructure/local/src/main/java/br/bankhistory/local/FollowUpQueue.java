package br.bankhistory.local;

import br.bankhistory.history.handler.FollowUpHandler;
import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The follow-up queue on ElasticMQ, and what Lambda's SQS event source does with it on AWS: receive messages,
 * hand each to the FollowUp function, delete the ones it handled; a failed one comes back after its visibility
 * timeout, and after {@value #MAX_RECEIVES} receives the queue's redrive policy moves it to its dead-letter
 * queue (as the template's {@code FollowUpQueue} does).
 */
final class FollowUpQueue implements AutoCloseable {

  static final String NAME = "bank-history-follow-up";
  static final String DEAD_LETTER_NAME = "bank-history-follow-up-dlq";
  static final int MAX_RECEIVES = 3;
  private static final int VISIBILITY_SECONDS = 5;
  private static final JsonLog LOG = JsonLog.of(FollowUpQueue.class);

  private final SqsClient sqs;
  private final String url;
  private final String deadLetterUrl;
  private final ScheduledExecutorService poller;

  private FollowUpQueue(SqsClient sqs, String url, String deadLetterUrl) {
    this.sqs = sqs;
    this.url = url;
    this.deadLetterUrl = deadLetterUrl;
    this.poller = Pollers.daemon("follow-up-queue");
  }

  static FollowUpQueue create(URI endpoint, String region, String accessKey, String secretKey) {
    SqsClient sqs = DeadLetterQueue.localClient(endpoint, region, accessKey, secretKey);
    try {
      String deadLetters = sqs.createQueue(r -> r.queueName(DEAD_LETTER_NAME)).queueUrl();
      String arn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetters)
          .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
      String url = sqs.createQueue(r -> r.queueName(NAME).attributes(Map.of(
          QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_SECONDS),
          QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\""
              + MAX_RECEIVES + "\"}"))).queueUrl();
      return new FollowUpQueue(sqs, url, deadLetters);
    } catch (RuntimeException e) {
      sqs.close();
      throw e;
    }
  }

  String url() {
    return url;
  }

  String deadLetterUrl() {
    return deadLetterUrl;
  }

  /** Starts handing messages to the function, as Lambda's SQS poller would. */
  void start(FollowUpHandler function) {
    poller.scheduleWithFixedDelay(() -> poll(function), 0, 200, TimeUnit.MILLISECONDS);
  }

  private void poll(FollowUpHandler function) {
    try {
      List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
          .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
          .messages();
      for (Message message : messages) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setEventSource("aws:sqs");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        SQSBatchResponse response = function.handleRequest(event, new LocalLambdaContext("follow-up"));
        if (response.getBatchItemFailures().isEmpty()) {
          sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        }
      }
    } catch (RuntimeException e) {
      LOG.error("followup.poll_failed", Map.of("error", String.valueOf(e)));
    }
  }

  @Override
  public void close() {
    Pollers.stop(poller);
    sqs.close();
  }
}
