package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeItemStore;
import br.bankhistory.history.port.ItemStore;

class FakeItemStoreContractTest extends ItemStoreContract {

    private ItemStore store;

    @Override
    ItemStore newStore() {
        store = new FakeItemStore();
        return store;
    }

    @Override
    ItemStore sameStorage() {
        return store;
    }
}
