package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeFileStore;
import br.bankhistory.history.port.FileStore;

class FakeFileStoreContractTest extends FileStoreContract {

    private FileStore store;

    @Override
    FileStore newStore() {
        store = new FakeFileStore();
        return store;
    }

    @Override
    FileStore sameStorage() {
        return store;
    }
}
