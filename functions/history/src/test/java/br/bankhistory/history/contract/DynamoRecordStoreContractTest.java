package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoRecordStore;
import br.bankhistory.history.port.RecordStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link RecordStoreContract} on DynamoDB Local. */
class DynamoRecordStoreContractTest extends RecordStoreContract {

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
    RecordStore newStore() {
        return store(storage.fresh());
    }

    @Override
    RecordStore sameStorage() {
        return store(storage.same());
    }

    private static RecordStore store(Services services) {
        return new DynamoRecordStore(EmulatorStorage.enhanced(services), EmulatorStorage.table(services));
    }
}
