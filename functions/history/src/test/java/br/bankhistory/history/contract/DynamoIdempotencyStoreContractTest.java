package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoIdempotencyStore;
import br.bankhistory.history.port.IdempotencyStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link IdempotencyStoreContract} on DynamoDB Local. */
class DynamoIdempotencyStoreContractTest extends IdempotencyStoreContract {

    private static EmulatorStorage storage;

    @BeforeAll
    static void startEmulators() {
        storage = EmulatorStorage.start();
    }

    @AfterAll
    static void stopEmulators() {
        storage.close();
    }

    @Override
    IdempotencyStore newStore() {
        return store(storage.fresh());
    }

    @Override
    IdempotencyStore sameStorage() {
        return store(storage.same());
    }

    private static IdempotencyStore store(Services services) {
        return new DynamoIdempotencyStore(EmulatorStorage.enhanced(services), EmulatorStorage.table(services));
    }
}
