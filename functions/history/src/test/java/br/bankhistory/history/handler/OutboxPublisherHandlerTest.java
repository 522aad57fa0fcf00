package br.bankhistory.history.handler;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.TableStream;
import br.bankhistory.history.adapter.sqs.SqsEventPublisher;
import br.bankhistory.history.port.EventPublisher;
import br.bankhistory.history.support.Api;
import br.bankhistory.history.support.Events;
import br.bankhistory.history.support.HistoryEnvironment;
import br.bankhistory.history.support.Outbox;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static br.bankhistory.history.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OutboxPublisher function on the table's real stream (DynamoDB Local), publishing to a queue (ElasticMQ):
 * each outbox event is delivered at least once, in the stream's order, with the id by which a consumer drops
 * repeats, whether the function dies after publishing or its target refuses part of a batch.
 */
class OutboxPublisherHandlerTest {

    private static HistoryEnvironment environment;
    private Services services;
    private SqsClient sqs;
    private String queue;
    private TableStream stream;

    @BeforeAll
    static void startEmulators() {
        environment = HistoryEnvironment.start();
    }

    @AfterAll
    static void stopEmulators() {
        environment.close();
    }

    @BeforeEach
    void threeChanges() {
        services = environment.freshServices();
        sqs = environment.sqs();
        queue = sqs.createQueue(r -> r.queueName("events-" + services.config().tableName())).queueUrl();
        stream = Outbox.stream(services);
        Api.ingest(services, "inbound/acme/caixa.ret", "laravel-boleto/caixa.ret", Map.of(), "2026-11-20T12:00:00.000Z");
        String remessa = Api.ingest(services, "outbound/acme/remessa-caixa.rem", "brcobranca/remessa-caixa-cnab240.rem",
                Map.of(), "2026-11-22T12:00:00.000Z");
        json(Api.admin(services, "acme").onRecord("api-cancel-remessa.json", remessa, "/cancel", Events.bankNotified()),
                200);
    }

    @AfterEach
    void closeQueue() {
        sqs.close();
    }

    @Test
    void publishes_each_outbox_insert_of_the_stream_once_in_order_and_skips_the_other_items() {
        OutboxPublisherHandler handler = new OutboxPublisherHandler(new SqsEventPublisher(sqs, queue));

        drain(handler);

        List<JsonNode> published = received();
        // the stream carried the records, delivery marks, claims and the rest too: only the three events go out
        assertThat(published).extracting(e -> e.get("type").asText())
                .containsExactly("retorno.processed", "remessa.generated", "remessa.cancelled");
        published.forEach(Outbox::valid);
        assertThat(ids(published)).isEqualTo(ids(sortedAsStored()));
    }

    @Test
    void a_function_that_dies_after_publishing_delivers_again_with_the_same_ids() {
        OutboxPublisherHandler handler = new OutboxPublisherHandler(new SqsEventPublisher(sqs, queue));
        TableStream.Batch batch = stream.next(1000);

        // published, then the sandbox dies before Lambda learns it: the checkpoint does not move
        handler.handleRequest(batch.event(), null);
        drain(handler);

        List<JsonNode> published = received();
        assertThat(published).hasSize(6);
        Map<String, JsonNode> firstOfEach = new LinkedHashMap<>();
        published.forEach(e -> firstOfEach.putIfAbsent(e.get("id").asText(), e));
        assertThat(firstOfEach.values()).extracting(e -> e.get("type").asText())
                .containsExactly("retorno.processed", "remessa.generated", "remessa.cancelled");
        assertThat(published.subList(3, 6)).isEqualTo(published.subList(0, 3));
    }

    @Test
    void a_target_that_refuses_part_of_a_batch_gets_the_rest_again_from_the_first_refused() {
        EventPublisher queueTarget = new SqsEventPublisher(sqs, queue);
        int[] calls = {0};
        // the first call takes only the first event (as a PutEvents with failed entries), later calls take all
        EventPublisher flaky = events -> queueTarget.publish(calls[0]++ == 0 ? events.subList(0, 1) : events);
        OutboxPublisherHandler handler = new OutboxPublisherHandler(flaky);
        TableStream.Batch batch = stream.next(1000);

        StreamsEventResponse first = handler.handleRequest(batch.event(), null);

        assertThat(first.getBatchItemFailures()).hasSize(1);
        assertThat(first.getBatchItemFailures().get(0).getItemIdentifier())
                .isEqualTo(batch.event().getRecords().get(1).getDynamodb().getSequenceNumber());
        stream.checkpoint(batch, Optional.of(first.getBatchItemFailures().get(0).getItemIdentifier()));
        drain(handler);
        assertThat(received()).extracting(e -> e.get("type").asText())
                .containsExactly("retorno.processed", "remessa.generated", "remessa.cancelled");
    }

    @Test
    void a_target_that_is_down_publishes_nothing_and_loses_nothing() {
        SqsClient down = environment.sqsDown();
        TableStream.Batch batch = stream.next(1000);

        StreamsEventResponse answer = new OutboxPublisherHandler(new SqsEventPublisher(down, queue))
                .handleRequest(batch.event(), null);

        assertThat(answer.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(batch.event().getRecords().get(0).getDynamodb().getSequenceNumber());
        stream.checkpoint(batch, Optional.of(answer.getBatchItemFailures().get(0).getItemIdentifier()));
        drain(new OutboxPublisherHandler(new SqsEventPublisher(sqs, queue)));
        assertThat(received()).hasSize(3);
        down.close();
    }

    /** What the event source mapping does until the stream has nothing new: invoke, then checkpoint. */
    private void drain(OutboxPublisherHandler handler) {
        for (TableStream.Batch batch = stream.next(1000); !batch.isEmpty(); batch = stream.next(1000)) {
            StreamsEventResponse answer = handler.handleRequest(batch.event(), null);
            stream.checkpoint(batch, answer.getBatchItemFailures().stream().findFirst()
                    .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier));
        }
    }

    private List<JsonNode> received() {
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return all;
            }
            for (Message m : messages) {
                all.add(Outbox.read(m.body()));
                sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** The stored events in the order they were written (by time, then sequence). */
    private List<JsonNode> sortedAsStored() {
        List<JsonNode> stored = new ArrayList<>(Outbox.stored(services, "acme"));
        stored.sort(java.util.Comparator.comparing((JsonNode e) -> e.get("occurredAt").asText())
                .thenComparing(e -> e.get("sequence").asLong()));
        return stored;
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.get("id").asText()).toList();
    }
}
