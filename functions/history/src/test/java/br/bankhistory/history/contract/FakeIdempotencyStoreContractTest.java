package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeIdempotencyStore;
import br.bankhistory.history.port.IdempotencyStore;

class FakeIdempotencyStoreContractTest extends IdempotencyStoreContract {

    private IdempotencyStore store;

    @Override
    IdempotencyStore newStore() {
        store = new FakeIdempotencyStore();
        return store;
    }

    @Override
    IdempotencyStore sameStorage() {
        return store;
    }
}
