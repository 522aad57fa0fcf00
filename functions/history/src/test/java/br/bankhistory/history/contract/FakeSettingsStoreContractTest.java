package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeSettingsStore;
import br.bankhistory.history.port.SettingsStore;

class FakeSettingsStoreContractTest extends SettingsStoreContract {

    private SettingsStore store;

    @Override
    SettingsStore newStore() {
        store = new FakeSettingsStore();
        return store;
    }

    @Override
    SettingsStore sameStorage() {
        return store;
    }
}
