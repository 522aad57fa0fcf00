package br.bankhistory.history.contract;

import br.bankhistory.history.port.NotificationLog;
import br.bankhistory.history.port.NotificationLog.Entry;
import br.bankhistory.history.port.NotificationLog.State;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link NotificationLog} does, the in-memory fake and the DynamoDB adapter alike. */
abstract class NotificationLogContract {

    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00.123Z");
    private static final Instant LEASE = T0.plus(Duration.ofMinutes(2));

    private NotificationLog log;

    /** A log over new, empty storage. */
    abstract NotificationLog newStore();

    /** Another log over the storage of the last {@link #newStore()}: another Lambda sandbox. */
    abstract NotificationLog sameStorage();

    @BeforeEach
    void freshStore() {
        log = newStore();
    }

    @Test
    void nothing_is_known_of_a_record_never_claimed() {
        assertThat(log.find("t1", "r1")).isEmpty();
    }

    @Test
    void a_claim_is_pending_and_refused_to_another_sender_while_its_lease_lasts() {
        assertThat(log.claim("t1", "r1", T0, LEASE)).isTrue();
        assertThat(log.find("t1", "r1")).contains(new Entry(State.PENDING, null, 0, T0));
        assertThat(sameStorage().claim("t1", "r1", T0.plusSeconds(1), LEASE.plusSeconds(1))).isFalse();
        assertThat(log.claim("t1", "r1", LEASE, LEASE.plusSeconds(60))).isFalse();
    }

    @Test
    void a_claim_whose_lease_ran_out_is_taken_over() {
        log.claim("t1", "r1", T0, LEASE);
        assertThat(log.claim("t1", "r1", LEASE.plusMillis(1), LEASE.plusSeconds(120))).isTrue();
        assertThat(log.find("t1", "r1").orElseThrow().at()).isEqualTo(LEASE.plusMillis(1));
    }

    @Test
    void a_released_claim_is_taken_at_once_by_the_next_delivery() {
        log.claim("t1", "r1", T0, LEASE);
        log.release("t1", "r1", T0.plusSeconds(5));
        assertThat(log.find("t1", "r1")).contains(new Entry(State.PENDING, null, 0, T0.plusSeconds(5)));
        assertThat(log.claim("t1", "r1", T0.plusSeconds(6), LEASE)).isTrue();
    }

    @Test
    void releasing_what_was_never_claimed_leaves_no_entry() {
        log.release("t1", "r1", T0);
        assertThat(log.find("t1", "r1")).isEmpty();
    }

    @Test
    void a_sent_email_keeps_its_message_id_and_is_never_claimed_again() {
        log.claim("t1", "r1", T0, LEASE);
        log.markSent("t1", "r1", "msg-0001", 3, T0.plusSeconds(2));
        log.release("t1", "r1", T0.plusSeconds(3));

        assertThat(log.find("t1", "r1")).contains(new Entry(State.SENT, "msg-0001", 3, T0.plusSeconds(2)));
        assertThat(log.claim("t1", "r1", LEASE.plusSeconds(3600), LEASE.plusSeconds(3720))).isFalse();
    }

    @Test
    void no_recipients_and_uncertain_are_final_too() {
        log.markNoRecipients("t1", "r1", T0);
        log.claim("t1", "r2", T0, LEASE);
        log.markUncertain("t1", "r2", T0.plusSeconds(1));

        assertThat(log.find("t1", "r1")).contains(new Entry(State.NO_RECIPIENTS, null, 0, T0));
        assertThat(log.find("t1", "r2")).contains(new Entry(State.UNCERTAIN, null, 0, T0.plusSeconds(1)));
        assertThat(log.claim("t1", "r1", LEASE.plusSeconds(1), LEASE.plusSeconds(60))).isFalse();
        assertThat(log.claim("t1", "r2", LEASE.plusSeconds(1), LEASE.plusSeconds(60))).isFalse();
    }

    @Test
    void records_and_tenants_are_apart() {
        assertThat(log.claim("t1", "r1", T0, LEASE)).isTrue();
        assertThat(log.claim("t1", "r2", T0, LEASE)).isTrue();
        assertThat(log.claim("t2", "r1", T0, LEASE)).isTrue();
        assertThat(log.find("t3", "r1")).isEmpty();
    }

    @Test
    void of_many_senders_claiming_one_email_at_once_exactly_one_holds_it() throws Exception {
        int contenders = 12;
        List<NotificationLog> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameStorage());
        }
        List<Boolean> claimed = Race.together(contenders, i -> sandboxes.get(i).claim("t1", "r1", T0, LEASE));

        assertThat(claimed).containsOnlyOnce(true);
        assertThat(log.find("t1", "r1").orElseThrow().state()).isEqualTo(State.PENDING);
    }

    @Test
    void of_many_senders_taking_over_an_expired_claim_at_once_exactly_one_holds_it() throws Exception {
        log.claim("t1", "r1", T0, LEASE);
        int contenders = 12;
        List<NotificationLog> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameStorage());
        }
        Instant later = LEASE.plusSeconds(10);
        List<Boolean> claimed = Race.together(contenders, i ->
                sandboxes.get(i).claim("t1", "r1", later, later.plusSeconds(120)));

        assertThat(claimed).containsOnlyOnce(true);
    }
}
