package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeTitleIndex;
import br.bankhistory.history.port.TitleIndex;

class FakeTitleIndexContractTest extends TitleIndexContract {

    private TitleIndex store;

    @Override
    TitleIndex newStore() {
        store = new FakeTitleIndex();
        return store;
    }

    @Override
    TitleIndex sameStorage() {
        return store;
    }
}
