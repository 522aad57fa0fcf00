package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeFollowUps.Requested;
import br.bankhistory.history.port.FollowUps;
import br.bankhistory.history.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link FollowUps} does, the in-memory fake and the SQS adapter alike: each request reaches the
 * FollowUp function naming its tenant and record, with its reason as written, however many senders ask at once.
 */
abstract class FollowUpsContract {

    private FollowUps followUps;

    /** Follow-ups over a new, empty queue. */
    abstract FollowUps newQueue();

    /** Another sender over the queue of the last {@link #newQueue()}: another Lambda sandbox. */
    abstract FollowUps sameQueue();

    /** The requests waiting in that queue, as the FollowUp function reads them, now taken off it. */
    abstract List<Requested> take();

    @BeforeEach
    void freshQueue() {
        followUps = newQueue();
    }

    @Test
    void a_request_arrives_once_naming_its_tenant_record_and_reason() {
        followUps.processRecord("acme", "20260302120000000-0123456789ab", "released");

        assertThat(take()).containsExactly(new Requested("acme", "20260302120000000-0123456789ab", "released"));
        assertThat(take()).isEmpty();
    }

    @Test
    void a_reason_with_quotes_backslashes_line_breaks_and_accents_arrives_as_written() {
        String why = "liberado por \"Ana\" \\ motivo:\nconta 12\t— ação";
        followUps.processRecord("acme", "20260302120000000-0123456789ab", why);

        assertThat(take()).containsExactly(new Requested("acme", "20260302120000000-0123456789ab", why));
    }

    @Test
    void the_same_record_asked_for_twice_arrives_twice_the_function_being_idempotent() {
        followUps.processRecord("acme", "20260302120000000-0123456789ab", "released");
        sameQueue().processRecord("acme", "20260302120000000-0123456789ab", "reprocessed");

        assertThat(take()).containsExactlyInAnyOrder(
                new Requested("acme", "20260302120000000-0123456789ab", "released"),
                new Requested("acme", "20260302120000000-0123456789ab", "reprocessed"));
    }

    @Test
    void requests_of_many_senders_at_once_all_arrive() throws Exception {
        int contenders = 8;
        List<FollowUps> sandboxes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            sandboxes.add(sameQueue());
        }
        Race.together(contenders, i -> {
            sandboxes.get(i).processRecord("t" + i, "20260302120000000-00000000000" + i, "race");
            return i;
        });

        List<Requested> arrived = new ArrayList<>();
        for (int round = 0; round < 5 && arrived.size() < contenders; round++) {
            arrived.addAll(take());
        }
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(IntStream.range(0, contenders)
                .mapToObj(i -> new Requested("t" + i, "20260302120000000-00000000000" + i, "race")).toList());
    }
}
