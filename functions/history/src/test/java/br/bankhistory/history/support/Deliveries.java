package br.bankhistory.history.support;

import br.bankhistory.history.Services;
import br.bankhistory.history.delivery.DeliveryRule;
import br.bankhistory.history.handler.DeliveryHandler;
import br.bankhistory.history.log.Metrics;
import br.bankhistory.history.wiring.DeliveryWiring;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery path as AWS runs it, on the emulators: the outbox's events that the bus's delivery rule matches are
 * sent to the delivery queue (ElasticMQ) as the rule's target receives them, and the queue's messages are handed to
 * the Delivery handler as Lambda's SQS poller would (one per event; deleted when done, left to come back when the
 * handler postponed them or failed).
 */
public final class Deliveries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ROUNDS = 100;

    private final HistoryEnvironment environment;
    private final Services services;
    private final Set<String> routed = new HashSet<>();

    public Deliveries(HistoryEnvironment environment, Services services) {
        this.environment = environment;
        this.services = services;
    }

    public String queueUrl() {
        return services.config().delivery().queueUrl().orElseThrow();
    }

    /**
     * A Bradesco pagamento below every approval tier handed to the integration by acme's admin
     * ({@code POST /remittances} with {@code sendAutomatically}), stored and not yet recorded: its key.
     */
    public String generateForTheIntegration() {
        JsonNode generated = Api.json(Api.admin(services, "acme").call("api-create-remittance.json", Events.body(
                Remessas.pagamento(50_000).put("sendAutomatically", true).toString())), 202);
        if (!generated.path("recordStatus").asText().equals("READY_TO_SEND")) {
            throw new AssertionError("not handed to the integration: " + generated);
        }
        return generated.path("key").asText();
    }

    /** {@link #generateForTheIntegration()}, recorded by Ingest waiting for delivery: its record id. */
    public String readyToSend() {
        return Api.deliver(services, "s3-put-outbound.json", generateForTheIntegration(), "2026-11-23T13:10:05.000Z");
    }

    /** Metrics nobody reads. */
    public static Metrics quiet() {
        return new Metrics(new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC());
    }

    /** The folder standing in for the banks' SFTP. */
    public Path bankOutbox() {
        return services.config().delivery().folder().orElseThrow();
    }

    /** A bank's folder of a tenant, {@code bank-outbox/{tenant}/{bank}/}. */
    public Path bankFolder(String tenant, String bank) {
        return bankOutbox().resolve(tenant).resolve(bank);
    }

    /** Sends the events the delivery rule matches, each once, to the delivery queue; answers how many. */
    public int route() {
        return route(null);
    }

    /** {@link #route()}, of one record's events only (null: every record's). */
    public int route(String recordId) {
        int sent = 0;
        try (SqsClient sqs = environment.sqs()) {
            for (JsonNode event : Outbox.stored(services, "acme")) {
                if ((recordId == null || recordId.equals(event.path("recordId").asText()))
                        && DeliveryRule.matches(event) && routed.add(event.get("id").asText())) {
                    sqs.sendMessage(r -> r.queueUrl(queueUrl()).messageBody(DeliveryRule.bridgeEvent(JSON, event,
                            Instant.now())));
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Routes, then runs the queue through {@code wiring}'s handler until it holds nothing; answers the receives. */
    public int run(DeliveryWiring wiring) {
        route();
        return drain(wiring);
    }

    /** Runs the queue through {@code wiring}'s handler until it holds nothing; answers the receives. */
    public int drain(DeliveryWiring wiring) {
        int received = 0;
        try (SqsClient sqs = environment.sqs()) {
            for (int round = 0; round < MAX_ROUNDS && !empty(sqs); round++) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                for (Message message : messages) {
                    received++;
                    handle(wiring, sqs, message);
                }
            }
        }
        return received;
    }

    public int run() {
        return run(services.delivery());
    }

    /** Receives the queue's visible messages without handling them (a test hands them to handlers itself). */
    public List<Message> receive(int atMost) {
        try (SqsClient sqs = environment.sqs()) {
            return sqs.receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(atMost).waitTimeSeconds(1)
                    .visibilityTimeout(30)).messages();
        }
    }

    /** Makes a postponed message visible now: its wait is over (a test's clock moved past it). */
    public void showAgain(Message message) {
        try (SqsClient sqs = environment.sqs()) {
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl()).receiptHandle(message.receiptHandle())
                    .visibilityTimeout(0));
        }
    }

    /** Hands one received message to {@code wiring}'s Delivery handler; deletes it when the handler is done with it. */
    public boolean handle(DeliveryWiring wiring, SqsClient sqs, Message message) {
        SQSEvent event = Events.sqs("sqs-delivery.json", root -> ((ObjectNode) root.withArray("Records").get(0))
                .put("messageId", message.messageId()).put("receiptHandle", message.receiptHandle())
                .put("body", message.body()));
        SQSBatchResponse response = new DeliveryHandler(wiring).handleRequest(event, null);
        if (response.getBatchItemFailures().isEmpty()) {
            sqs.deleteMessage(r -> r.queueUrl(queueUrl()).receiptHandle(message.receiptHandle()));
            return true;
        }
        return false;
    }

    public boolean handle(DeliveryWiring wiring, Message message) {
        try (SqsClient sqs = environment.sqs()) {
            return handle(wiring, sqs, message);
        }
    }

    private boolean empty(SqsClient sqs) {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }
}
