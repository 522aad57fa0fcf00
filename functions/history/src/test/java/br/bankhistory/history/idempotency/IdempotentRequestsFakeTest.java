package br.bankhistory.history.idempotency;

import br.bankhistory.history.fake.FakeIdempotencyStore;
import br.bankhistory.history.fake.SettableClock;
import br.bankhistory.history.idempotency.IdempotentRequests.Outcome;
import br.bankhistory.history.idempotency.IdempotentRequests.Request;
import br.bankhistory.history.port.IdempotencyStore.Answer;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link IdempotentRequests} on the in-memory {@code IdempotencyStore} (held to the adapter's contract by
 * {@code IdempotencyStoreContract}): a request acts once per key, however often and however concurrently it
 * is sent.
 */
class IdempotentRequestsFakeTest {

    private static final Answer ACCEPTED = new Answer(202, "{\"id\":\"r1\"}");
    private static final Request CANCEL = new Request("t1", "erp-1", "POST /integrations/{id}/cancel", "r1", "u1",
            "{\"reason\":\"duplicada\"}");

    private final FakeIdempotencyStore store = new FakeIdempotencyStore();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T12:00:00Z"));
    private final IdempotentRequests requests = new IdempotentRequests(store, clock);
    private final AtomicInteger acted = new AtomicInteger();

    @Test
    void a_repeated_request_gets_the_first_answer_without_acting_again() {
        assertThat(requests.run(CANCEL, this::act)).isEqualTo(new Outcome.Fresh(ACCEPTED));
        clock.advance(Duration.ofHours(23));
        assertThat(requests.run(CANCEL, this::act)).isEqualTo(new Outcome.Replayed(ACCEPTED));
        assertThat(acted).hasValue(1);
    }

    @Test
    void a_day_later_the_key_is_free_again() {
        requests.run(CANCEL, this::act);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(requests.run(CANCEL, this::act)).isEqualTo(new Outcome.Fresh(ACCEPTED));
        assertThat(acted).hasValue(2);
    }

    @Test
    void the_key_with_another_body_is_refused_without_acting() {
        requests.run(CANCEL, this::act);
        Request other = new Request(CANCEL.tenant(), CANCEL.key(), CANCEL.route(), CANCEL.resourceId(),
                CANCEL.userId(), "{\"reason\":\"outra\"}");
        assertThat(requests.run(other, this::act)).isEqualTo(new Outcome.KeyReused());
        assertThat(acted).hasValue(1);
    }

    @Test
    void a_server_error_or_a_failure_gives_the_key_up() {
        Answer unavailable = new Answer(503, "{}");
        assertThat(requests.run(CANCEL, () -> unavailable)).isEqualTo(new Outcome.Fresh(unavailable));
        assertThatThrownBy(() -> requests.run(CANCEL, () -> {
            throw new IllegalStateException("S3 fora do ar");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(requests.run(CANCEL, this::act)).isEqualTo(new Outcome.Fresh(ACCEPTED));
    }

    @Test
    void a_request_that_died_holding_the_key_is_taken_over_after_its_lease() {
        store.claim("t1", CANCEL.key(), CANCEL.fingerprint(), clock.instant(),
                clock.instant().plus(IdempotentRequests.IN_PROGRESS_LEASE), clock.instant().plus(Duration.ofDays(1)));

        assertThat(requests.run(CANCEL, this::act))
                .isEqualTo(new Outcome.InProgress(IdempotentRequests.IN_PROGRESS_LEASE));
        clock.advance(IdempotentRequests.IN_PROGRESS_LEASE.plusSeconds(1));
        assertThat(requests.run(CANCEL, this::act)).isEqualTo(new Outcome.Fresh(ACCEPTED));
        assertThat(acted).hasValue(1);
    }

    @Test
    void of_many_copies_sent_at_once_one_acts_and_the_others_are_told_to_retry() throws Exception {
        int contenders = 16;
        CountDownLatch othersAnswered = new CountDownLatch(contenders - 1);
        List<IdempotentRequests> sandboxes = IntStream.range(0, contenders)
                .mapToObj(i -> new IdempotentRequests(store, clock)).toList();

        List<Outcome> outcomes = Race.together(contenders, i -> {
            Outcome outcome = sandboxes.get(i).run(CANCEL, () -> {
                try {
                    // the one that acts is still acting while every other copy arrives
                    othersAnswered.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return act();
            });
            if (!(outcome instanceof Outcome.Fresh)) {
                othersAnswered.countDown();
            }
            return outcome;
        });

        assertThat(acted).hasValue(1);
        assertThat(outcomes).containsOnlyOnce(new Outcome.Fresh(ACCEPTED));
        assertThat(outcomes).filteredOn(o -> !(o instanceof Outcome.Fresh))
                .containsOnly(new Outcome.InProgress(IdempotentRequests.IN_PROGRESS_LEASE));
        assertThat(requests.run(CANCEL, this::act)).isEqualTo(new Outcome.Replayed(ACCEPTED));
    }

    private Answer act() {
        acted.incrementAndGet();
        return ACCEPTED;
    }
}
