package br.bankhistory.history.contract;

import br.bankhistory.history.port.Leases;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Leases} does, the in-memory fake and the DynamoDB adapter alike. */
abstract class LeasesContract {

    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofMinutes(1));

    private Leases leases;

    /** A store over new, empty storage. */
    abstract Leases newStore();

    /** Another store over the storage of the last {@link #newStore()}: another Lambda sandbox. */
    abstract Leases sameStorage();

    @BeforeEach
    void freshStore() {
        leases = newStore();
    }

    @Test
    void a_free_lease_is_taken_and_a_live_one_is_refused_to_another_owner() {
        assertThat(leases.acquire("t1", "bank-341", "a", T0, T1)).isTrue();
        assertThat(leases.acquire("t1", "bank-341", "b", T0.plusSeconds(1), T1)).isFalse();
        assertThat(sameStorage().acquire("t1", "bank-341", "b", T0.plusSeconds(1), T1)).isFalse();
    }

    @Test
    void the_holder_takes_its_own_lease_again() {
        assertThat(leases.acquire("t1", "bank-341", "a", T0, T1)).isTrue();
        assertThat(leases.acquire("t1", "bank-341", "a", T0.plusSeconds(1), T1.plusSeconds(30))).isTrue();
        assertThat(leases.acquire("t1", "bank-341", "b", T1.plusSeconds(1), T1.plusSeconds(90))).isFalse();
    }

    @Test
    void a_lease_holds_through_its_last_millisecond_and_is_free_after() {
        leases.acquire("t1", "bank-341", "a", T0, T1);
        assertThat(leases.acquire("t1", "bank-341", "b", T1, T1.plusSeconds(60))).isFalse();
        assertThat(leases.acquire("t1", "bank-341", "b", T1.plusMillis(1), T1.plusSeconds(60))).isTrue();
        assertThat(leases.acquire("t1", "bank-341", "a", T1.plusMillis(2), T1.plusSeconds(60))).isFalse();
    }

    @Test
    void only_the_holder_gives_a_lease_up() {
        leases.acquire("t1", "bank-341", "a", T0, T1);
        leases.release("t1", "bank-341", "b");
        assertThat(leases.acquire("t1", "bank-341", "b", T0, T1)).isFalse();
        leases.release("t1", "bank-341", "a");
        assertThat(leases.acquire("t1", "bank-341", "b", T0, T1)).isTrue();
    }

    @Test
    void releasing_a_lease_nobody_holds_changes_nothing() {
        leases.release("t1", "bank-341", "a");
        assertThat(leases.acquire("t1", "bank-341", "b", T0, T1)).isTrue();
    }

    @Test
    void leases_of_other_names_and_tenants_are_apart() {
        assertThat(leases.acquire("t1", "bank-341", "a", T0, T1)).isTrue();
        assertThat(leases.acquire("t1", "bank-001", "b", T0, T1)).isTrue();
        assertThat(leases.acquire("t2", "bank-341", "c", T0, T1)).isTrue();
    }

    @Test
    void of_many_owners_asking_at_once_exactly_one_takes_the_lease() throws Exception {
        int contenders = 12;
        List<Leases> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameStorage());
        }
        List<Boolean> taken = Race.together(contenders, i ->
                sandboxes.get(i).acquire("t1", "bank-341", "owner-" + i, T0, T1));

        assertThat(taken).containsOnlyOnce(true);
        int winner = taken.indexOf(true);
        assertThat(leases.acquire("t1", "bank-341", "owner-" + winner, T0, T1)).isTrue();
        assertThat(leases.acquire("t1", "bank-341", "late", T0, T1)).isFalse();
    }
}
