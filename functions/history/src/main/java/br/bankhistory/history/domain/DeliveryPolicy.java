package br.bankhistory.history.domain;

import java.time.Duration;
import java.util.List;

/**
 * How a remessa's delivery is tried (docs/remessa-lifecycle.md, "Delivery to the bank").
 *
 * @param retryDelays  the wait before each try after a failure, one per retry: {@code size() + 1} tries in all
 * @param lease        how long a try holds the delivery before another may check the destination and take it over;
 *                     longer than one try can last (the Delivery function's timeout), so a live try is never
 *                     taken for a dead one
 * @param transferWait how long a transfer the channel took (AWS Transfer Family) may go without its result event
 *                     before the destination is checked
 * @param poll         how often a delivery waiting for an outcome is looked at again
 */
public record DeliveryPolicy(List<Duration> retryDelays, Duration lease, Duration transferWait, Duration poll) {

    /** On AWS: five tries over about an hour and twenty minutes. */
    public static final DeliveryPolicy AWS = new DeliveryPolicy(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1)), Duration.ofMinutes(3), Duration.ofMinutes(15),
            Duration.ofSeconds(30));

    /** On the local stack: the same four retries, a second or two apart. */
    public static final DeliveryPolicy LOCAL = new DeliveryPolicy(List.of(Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(1));

    public DeliveryPolicy {
        retryDelays = List.copyOf(retryDelays);
        if (retryDelays.size() > 9 || retryDelays.stream().anyMatch(d -> d.isNegative() || d.toHours() > 11)) {
            throw new IllegalArgumentException("delivery retries: up to 9 waits, each under 12 hours (SQS's longest"
                    + " visibility)");
        }
        if (lease.isNegative() || lease.isZero() || transferWait.isNegative() || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("delivery lease and poll must be positive");
        }
    }

    public int maxAttempts() {
        return retryDelays.size() + 1;
    }

    /** The wait after failed try {@code attempt} (1 for the first). */
    public Duration delayAfter(int attempt) {
        return retryDelays.get(Math.max(0, Math.min(attempt, retryDelays.size()) - 1));
    }

    public DeliveryPolicy withRetryDelays(List<Duration> delays) {
        return new DeliveryPolicy(delays, lease, transferWait, poll);
    }
}
