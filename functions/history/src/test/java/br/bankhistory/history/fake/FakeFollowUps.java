package br.bankhistory.history.fake;

import br.bankhistory.history.port.FollowUps;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link FollowUps} in memory: each request is kept, in the order it came, until {@link #take()} hands the waiting
 * ones over (as the FollowUp function receives and deletes its queue's messages). Thread-safe. A queue keeps no
 * order between senders, so neither does the contract.
 */
public final class FakeFollowUps implements FollowUps {

    /** One request as the FollowUp function reads it. */
    public record Requested(String tenant, String recordId, String why) {
    }

    private final List<Requested> waiting = new ArrayList<>();

    @Override
    public synchronized void processRecord(String tenant, String recordId, String why) {
        waiting.add(new Requested(tenant, recordId, why));
    }

    /** The requests waiting, now taken off the queue. */
    public synchronized List<Requested> take() {
        List<Requested> taken = List.copyOf(waiting);
        waiting.clear();
        return taken;
    }
}
