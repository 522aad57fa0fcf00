package br.bankhistory.history.config;

import br.bankhistory.history.domain.DeliveryPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * How the Delivery function reaches the banks (docs/remessa-lifecycle.md, "Delivery to the bank").
 *
 * @param queueUrl the delivery queue ({@code DELIVERY_QUEUE_URL}), whose messages the function postpones while a
 *                 remessa waits for its next try
 * @param folder   a local folder standing in for the banks' SFTP ({@code DELIVERY_FOLDER}: the local stack, the
 *                 tests); empty on AWS, where each account's Transfer Family connector is used
 * @param policy   the tries, their waits ({@code DELIVERY_RETRY_DELAYS_SECONDS}, e.g. {@code 60,300,900,3600}),
 *                 the lease of a try ({@code DELIVERY_LEASE_SECONDS})
 */
public record DeliveryConfig(Optional<String> queueUrl, Optional<Path> folder, DeliveryPolicy policy) {

    /** On AWS, before the environment says more: the Transfer Family connectors, AWS's tries. */
    public static final DeliveryConfig AWS = new DeliveryConfig(Optional.empty(), Optional.empty(), DeliveryPolicy.AWS);

    public static DeliveryConfig fromEnvironment(Map<String, String> env) {
        DeliveryPolicy policy = DeliveryPolicy.AWS;
        String delays = env.get("DELIVERY_RETRY_DELAYS_SECONDS");
        if (delays != null && !delays.isBlank()) {
            policy = policy.withRetryDelays(Arrays.stream(delays.split(",")).map(String::strip)
                    .map(s -> Duration.ofSeconds(Long.parseLong(s))).toList());
        }
        String lease = env.get("DELIVERY_LEASE_SECONDS");
        if (lease != null && !lease.isBlank()) {
            policy = new DeliveryPolicy(policy.retryDelays(), Duration.ofSeconds(Long.parseLong(lease.strip())),
                    policy.transferWait(), policy.poll());
        }
        return new DeliveryConfig(text(env.get("DELIVERY_QUEUE_URL")), text(env.get("DELIVERY_FOLDER")).map(Path::of),
                policy);
    }

    /** A folder standing in for the banks' SFTP, with the local stack's short waits. */
    public static DeliveryConfig local(String queueUrl, Path folder) {
        return new DeliveryConfig(Optional.ofNullable(queueUrl), Optional.of(folder), DeliveryPolicy.LOCAL);
    }

    public DeliveryConfig withPolicy(DeliveryPolicy other) {
        return new DeliveryConfig(queueUrl, folder, other);
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
