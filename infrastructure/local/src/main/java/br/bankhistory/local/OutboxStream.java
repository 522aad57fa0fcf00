package br.bankhistory.local;

import br.bankhistory.history.adapter.dynamodb.TableStream;
import br.bankhistory.history.adapter.sqs.SqsEventPublisher;
import br.bankhistory.history.handler.OutboxPublisherHandler;
import br.bankhistory.history.log.JsonLog;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The outbox on this machine (docs/events/README.md): DynamoDB Local's stream of the history table is read as
 * the template's event source mapping reads it on AWS (outbox inserts only, checkpoint after the function's
 * answer, from its first reported failure on), the OutboxPublisher function publishes to an ElasticMQ queue
 * standing in for the bus (and, as the bus's delivery rule, to the delivery queue), and {@link #received} gathers
 * what the events queue got, in order, for {@code GET /local/events}.
 */
final class OutboxStream implements AutoCloseable {

  static final String QUEUE_NAME = "bank-history-events";
  private static final int BATCH_SIZE = 100;
  private static final JsonLog LOG = JsonLog.of(OutboxStream.class);

  private final TableStream stream;
  private final OutboxPublisherHandler function;
  private final SqsClient sqs;
  private final String queueUrl;
  private final ObjectMapper json;
  private final List<JsonNode> received = new ArrayList<>();
  private final ScheduledExecutorService poller;

  private OutboxStream(TableStream stream, OutboxPublisherHandler function, SqsClient sqs, String queueUrl,
                       ObjectMapper json) {
    this.stream = stream;
    this.function = function;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.json = json;
    this.poller = Pollers.daemon("outbox-stream");
  }

  /**
   * Creates the events queue with {@code sqs} (closed with this object) and starts reading the stream; the bus's
   * rules route the remessas released for the bank to {@code deliveryQueueUrl} too ({@link LocalRules}).
   */
  static OutboxStream start(TableStream stream, SqsClient sqs, ObjectMapper json, String deliveryQueueUrl) {
    String url = sqs.createQueue(r -> r.queueName(QUEUE_NAME)).queueUrl();
    OutboxStream outbox = new OutboxStream(stream, new OutboxPublisherHandler(new LocalRules(
        new SqsEventPublisher(sqs, url), sqs, deliveryQueueUrl, json, java.time.Clock.systemUTC())), sqs, url, json);
    outbox.poller.scheduleWithFixedDelay(outbox::poll, 0, 200, TimeUnit.MILLISECONDS);
    return outbox;
  }

  String queueUrl() {
    return queueUrl;
  }

  private void poll() {
    try {
      for (TableStream.Batch batch = stream.next(BATCH_SIZE); !batch.isEmpty(); batch = stream.next(BATCH_SIZE)) {
        // a function that throws moves no checkpoint: the batch comes again at the next poll, as on AWS
        StreamsEventResponse answer = function.handleRequest(batch.event(), new LocalLambdaContext("outbox-publisher"));
        stream.checkpoint(batch, answer.getBatchItemFailures().stream().findFirst()
            .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier));
        if (!answer.getBatchItemFailures().isEmpty()) {
          return; // retried at the next poll
        }
      }
    } catch (RuntimeException e) {
      LOG.error("outbox.poll_failed", Map.of("error", String.valueOf(e)));
    }
  }

  /** Every event the queue received since the stack started, oldest first (the queue is drained into it). */
  synchronized List<JsonNode> received() {
    while (true) {
      List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(0)).messages();
      if (messages.isEmpty()) {
        return List.copyOf(received);
      }
      for (Message m : messages) {
        try {
          received.add(json.readTree(m.body()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }

  @Override
  public void close() {
    Pollers.stop(poller);
    sqs.close();
  }
}
