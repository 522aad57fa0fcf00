package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeLeases;
import br.bankhistory.history.port.Leases;

class FakeLeasesContractTest extends LeasesContract {

    private Leases store;

    @Override
    Leases newStore() {
        store = new FakeLeases();
        return store;
    }

    @Override
    Leases sameStorage() {
        return store;
    }
}
