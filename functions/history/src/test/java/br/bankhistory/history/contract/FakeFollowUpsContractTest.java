package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeFollowUps;
import br.bankhistory.history.port.FollowUps;

import java.util.List;

class FakeFollowUpsContractTest extends FollowUpsContract {

    private FakeFollowUps queue;

    @Override
    FollowUps newQueue() {
        queue = new FakeFollowUps();
        return queue;
    }

    @Override
    FollowUps sameQueue() {
        return queue;
    }

    @Override
    List<FakeFollowUps.Requested> take() {
        return queue.take();
    }
}
