package br.bankhistory.local;

import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.RequestHandler;
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
 * A queue on ElasticMQ with its dead-letter queue, and what Lambda's SQS event source does with it on AWS: receive
 * messages, hand each to the function, delete the ones it handled; one it reported (it failed, or postponed it with
 * {@code ChangeMessageVisibility}) comes back after its visibility timeout, and after {@code maxReceives} receives
 * the queue's redrive policy moves it to its dead-letter queue, as the template's queues do. The follow-up queue
 * ({@link #FOLLOW_UPS}) and the delivery queue ({@link #DELIVERIES}).
 */
final class SqsEventSource implements AutoCloseable {

  /** A queue as the template declares it: names, receives before the dead-letter queue, visibility. */
  record Queue(String name, String deadLetterName, int maxReceives, int visibilitySeconds) {
  }

  static final Queue FOLLOW_UPS = new Queue("bank-history-follow-up", "bank-history-follow-up-dlq", 3, 5);
  static final Queue DELIVERIES = new Queue("bank-history-delivery", "bank-history-delivery-dlq", 100, 30);
  private static final JsonLog LOG = JsonLog.of(SqsEventSource.class);

  private final SqsClient sqs;
  private final Queue queue;
  private final String url;
  private final String deadLetterUrl;
  private final ScheduledExecutorService poller;

  private SqsEventSource(SqsClient sqs, Queue queue, String url, String deadLetterUrl) {
    this.sqs = sqs;
    this.queue = queue;
    this.url = url;
    this.deadLetterUrl = deadLetterUrl;
    this.poller = Pollers.daemon(queue.name());
  }

  static SqsEventSource create(Queue queue, URI endpoint, String region, String accessKey, String secretKey) {
    SqsClient sqs = DeadLetterQueue.localClient(endpoint, region, accessKey, secretKey);
    try {
      String deadLetters = sqs.createQueue(r -> r.queueName(queue.deadLetterName())).queueUrl();
      String arn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetters)
          .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
      String url = sqs.createQueue(r -> r.queueName(queue.name()).attributes(Map.of(
          QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilitySeconds()),
          QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\""
              + queue.maxReceives() + "\"}"))).queueUrl();
      return new SqsEventSource(sqs, queue, url, deadLetters);
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
  void start(RequestHandler<SQSEvent, SQSBatchResponse> function) {
    poller.scheduleWithFixedDelay(() -> poll(function), 0, 200, TimeUnit.MILLISECONDS);
  }

  private void poll(RequestHandler<SQSEvent, SQSBatchResponse> function) {
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
        SQSBatchResponse response = function.handleRequest(event, new LocalLambdaContext(queue.name()));
        if (response.getBatchItemFailures().isEmpty()) {
          sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        }
      }
    } catch (RuntimeException e) {
      LOG.error("queue.poll_failed", Map.of("queue", queue.name(), "error", String.valueOf(e)));
    }
  }

  @Override
  public void close() {
    Pollers.stop(poller);
    sqs.close();
  }
}
