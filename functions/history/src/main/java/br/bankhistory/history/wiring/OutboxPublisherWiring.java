package br.bankhistory.history.wiring;

import br.bankhistory.history.adapter.eventbridge.EventBridgePublisher;
import br.bankhistory.history.adapter.sqs.SqsEventPublisher;
import br.bankhistory.history.config.AwsClients;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.port.EventPublisher;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The OutboxPublisher function's wiring: where it publishes, and nothing else (no table, bucket or email). */
public final class OutboxPublisherWiring {

    private OutboxPublisherWiring() {
    }

    /**
     * From the function's environment: the queue {@code EVENT_QUEUE_URL} when set (a local or test stack), else
     * the EventBridge bus {@code EVENT_BUS_NAME} (endpoint {@code AWS_ENDPOINT_URL_EVENTBRIDGE} or
     * {@code AWS_ENDPOINT_URL}, as the other clients). Builds no connection.
     */
    public static EventPublisher eventPublisher(Map<String, String> env) {
        AwsClients clients = new AwsClients(ServiceConfig.fromEnvironment(env));
        String queue = env.get("EVENT_QUEUE_URL");
        if (queue != null && !queue.isBlank()) {
            return new SqsEventPublisher(clients.sqs(), queue.trim());
        }
        String bus = env.get("EVENT_BUS_NAME");
        if (bus == null || bus.isBlank()) {
            throw new IllegalArgumentException("EVENT_BUS_NAME is not set");
        }
        String endpoint = env.getOrDefault("AWS_ENDPOINT_URL_EVENTBRIDGE", env.get("AWS_ENDPOINT_URL"));
        Optional<URI> at = endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.trim()));
        return new EventBridgePublisher(clients.eventBridge(at), bus.trim());
    }
}
