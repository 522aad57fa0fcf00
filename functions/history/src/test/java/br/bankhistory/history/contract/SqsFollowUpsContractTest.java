package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.sqs.SqsFollowUps;
import br.bankhistory.history.config.AwsClients;
import br.bankhistory.history.fake.FakeFollowUps.Requested;
import br.bankhistory.history.port.FollowUps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link FollowUpsContract} on ElasticMQ: each sender with its own clients, and the messages read back as the
 * FollowUp function reads them (its body's {@code tenant}, {@code recordId} and {@code why}).
 */
class SqsFollowUpsContractTest extends FollowUpsContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmulatorStorage storage;

    private Services current;

    @BeforeAll
    static void startEmulators() {
        storage = EmulatorStorage.start();
    }

    @AfterAll
    static void stopEmulators() {
        storage.close();
    }

    @Override
    FollowUps newQueue() {
        current = storage.fresh();
        return sender(current);
    }

    @Override
    FollowUps sameQueue() {
        return sender(storage.same());
    }

    @Override
    List<Requested> take() {
        SqsClient sqs = new AwsClients(current.config()).sqs();
        String queue = current.config().followUpQueueUrl().orElseThrow();
        List<Requested> taken = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(30)).messages();
            if (messages.isEmpty()) {
                return taken;
            }
            for (Message message : messages) {
                taken.add(read(message.body()));
                sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static FollowUps sender(Services services) {
        return new SqsFollowUps(new AwsClients(services.config())::sqs,
                services.config().followUpQueueUrl().orElseThrow());
    }

    private static Requested read(String body) {
        try {
            JsonNode message = JSON.readTree(body);
            return new Requested(message.path("tenant").asText(), message.path("recordId").asText(),
                    message.path("why").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
