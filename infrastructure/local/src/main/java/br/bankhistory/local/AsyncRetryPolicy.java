package br.bankhistory.local;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Lambda's retry policy for an asynchronous invocation: 0 to 2 retries ({@code MaximumRetryAttempts}), each after
 * its own non-negative delay (on Lambda about 1 and then 2 minutes, locally 1 and 2 seconds by default).
 */
final class AsyncRetryPolicy {

  static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));
  /** Lambda accepts 0, 1 or 2 retries for asynchronous invocations. */
  static final int MAX_RETRIES = 2;

  private final List<Duration> retryDelays;

  /** @param retryDelays the wait before each retry: its size is the number of retries (0 to 2) */
  AsyncRetryPolicy(List<Duration> retryDelays) {
    if (retryDelays.size() > MAX_RETRIES || retryDelays.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("Lambda retries an asynchronous invocation 0 to " + MAX_RETRIES
          + " times, after non-negative delays: " + retryDelays);
    }
    this.retryDelays = List.copyOf(retryDelays);
  }

  /** How many attempts an invocation gets in all. */
  int maxAttempts() {
    return retryDelays.size() + 1;
  }

  /** The wait before the next attempt once {@code attempts} attempts failed; empty when none is left. */
  Optional<Duration> delayAfter(int attempts) {
    return attempts <= retryDelays.size() ? Optional.of(retryDelays.get(attempts - 1)) : Optional.empty();
  }
}
