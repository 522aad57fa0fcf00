package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeRecordStore;
import br.bankhistory.history.port.RecordStore;

class FakeRecordStoreContractTest extends RecordStoreContract {

    private RecordStore store;

    @Override
    RecordStore newStore() {
        store = new FakeRecordStore();
        return store;
    }

    @Override
    RecordStore sameStorage() {
        return store;
    }
}
