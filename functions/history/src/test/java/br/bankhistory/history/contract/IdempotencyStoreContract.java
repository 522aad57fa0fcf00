package br.bankhistory.history.contract;

import br.bankhistory.history.port.IdempotencyStore;
import br.bankhistory.history.port.IdempotencyStore.Answer;
import br.bankhistory.history.port.IdempotencyStore.Claim;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link IdempotencyStore} does, the in-memory fake and the DynamoDB adapter alike. */
abstract class IdempotencyStoreContract {

    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant IN_PROGRESS = T0.plusSeconds(120);
    private static final Instant EXPIRES = T0.plusSeconds(86_400);
    private static final Answer ACCEPTED = new Answer(202, "{\"id\":\"r1\"}");

    private IdempotencyStore store;

    /** A store over new, empty storage. */
    abstract IdempotencyStore newStore();

    /** Another store over the storage of the last {@link #newStore()}: another Lambda sandbox. */
    abstract IdempotencyStore sameStorage();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    @Test
    void a_new_key_is_acquired_and_a_repetition_meanwhile_is_told_it_is_in_progress() {
        assertThat(store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES)).isEqualTo(new Claim.Acquired());
        assertThat(sameStorage().claim("t1", "k1", "f1", T0.plusSeconds(1), IN_PROGRESS, EXPIRES))
                .isEqualTo(new Claim.InProgress(IN_PROGRESS));
    }

    @Test
    void times_are_kept_to_the_second() {
        store.claim("t1", "k1", "f1", T0, IN_PROGRESS.plusMillis(900), EXPIRES);
        assertThat(store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES))
                .isEqualTo(new Claim.InProgress(IN_PROGRESS));
        assertThat(store.claim("t1", "k1", "f1", IN_PROGRESS.plusMillis(999), IN_PROGRESS.plusSeconds(60), EXPIRES))
                .isEqualTo(new Claim.InProgress(IN_PROGRESS));
    }

    @Test
    void a_key_used_for_another_request_is_a_mismatch_in_progress_or_completed() {
        store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES);
        assertThat(store.claim("t1", "k1", "f2", T0, IN_PROGRESS, EXPIRES)).isEqualTo(new Claim.Mismatch());
        store.complete("t1", "k1", "f1", ACCEPTED, EXPIRES);
        assertThat(store.claim("t1", "k1", "f2", T0, IN_PROGRESS, EXPIRES)).isEqualTo(new Claim.Mismatch());
    }

    @Test
    void a_completed_request_gives_its_answer_again_until_it_expires() {
        store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES);
        store.complete("t1", "k1", "f1", ACCEPTED, EXPIRES);

        assertThat(store.claim("t1", "k1", "f1", IN_PROGRESS.plusSeconds(1), IN_PROGRESS, EXPIRES))
                .isEqualTo(new Claim.Completed(ACCEPTED));
        assertThat(store.claim("t1", "k1", "f1", EXPIRES, EXPIRES.plusSeconds(120), EXPIRES.plusSeconds(86_400)))
                .isEqualTo(new Claim.Completed(ACCEPTED));
        assertThat(store.claim("t1", "k1", "f2", EXPIRES.plusSeconds(1), EXPIRES.plusSeconds(120),
                EXPIRES.plusSeconds(86_400))).isEqualTo(new Claim.Acquired());
    }

    @Test
    void a_claim_in_progress_past_its_own_expiry_is_taken_over_and_the_first_can_no_longer_complete() {
        store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES);
        assertThat(store.claim("t1", "k1", "f1", IN_PROGRESS, IN_PROGRESS.plusSeconds(120), EXPIRES))
                .isEqualTo(new Claim.InProgress(IN_PROGRESS));
        assertThat(store.claim("t1", "k1", "f2", IN_PROGRESS.plusSeconds(1), IN_PROGRESS.plusSeconds(120), EXPIRES))
                .isEqualTo(new Claim.Acquired());

        store.complete("t1", "k1", "f1", ACCEPTED, EXPIRES);
        store.release("t1", "k1", "f1");
        assertThat(store.claim("t1", "k1", "f2", IN_PROGRESS.plusSeconds(2), IN_PROGRESS.plusSeconds(120), EXPIRES))
                .isEqualTo(new Claim.InProgress(IN_PROGRESS.plusSeconds(120)));
    }

    @Test
    void a_released_claim_lets_the_repetition_act_anew() {
        store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES);
        store.release("t1", "k1", "f1");
        assertThat(store.claim("t1", "k1", "f1", T0.plusSeconds(1), IN_PROGRESS, EXPIRES))
                .isEqualTo(new Claim.Acquired());
    }

    @Test
    void another_request_can_neither_complete_nor_release_the_claim() {
        store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES);
        store.complete("t1", "k1", "f2", new Answer(500, "{}"), EXPIRES);
        store.release("t1", "k1", "f2");
        assertThat(store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES))
                .isEqualTo(new Claim.InProgress(IN_PROGRESS));
    }

    @Test
    void a_completed_answer_is_not_released() {
        store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES);
        store.complete("t1", "k1", "f1", ACCEPTED, EXPIRES);
        store.release("t1", "k1", "f1");
        assertThat(store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES)).isEqualTo(new Claim.Completed(ACCEPTED));
    }

    @Test
    void keys_of_other_tenants_are_apart() {
        store.claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES);
        assertThat(store.claim("t2", "k1", "f2", T0, IN_PROGRESS, EXPIRES)).isEqualTo(new Claim.Acquired());
    }

    @Test
    void of_many_copies_of_one_request_sent_at_once_exactly_one_acquires_the_key() throws Exception {
        int contenders = 12;
        List<IdempotencyStore> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameStorage());
        }
        List<Claim> claims = Race.together(contenders, i ->
                sandboxes.get(i).claim("t1", "k1", "f1", T0, IN_PROGRESS, EXPIRES));

        assertThat(claims).containsOnlyOnce(new Claim.Acquired());
        assertThat(claims).filteredOn(c -> !(c instanceof Claim.Acquired))
                .containsOnly(new Claim.InProgress(IN_PROGRESS));
    }
}
