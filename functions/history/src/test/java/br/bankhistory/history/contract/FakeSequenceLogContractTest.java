package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeSequenceLog;
import br.bankhistory.history.port.SequenceLog;

class FakeSequenceLogContractTest extends SequenceLogContract {

    private SequenceLog store;

    @Override
    SequenceLog newStore() {
        store = new FakeSequenceLog();
        return store;
    }

    @Override
    SequenceLog sameStorage() {
        return store;
    }
}
