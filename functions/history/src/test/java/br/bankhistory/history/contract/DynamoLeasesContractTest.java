package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoLeases;
import br.bankhistory.history.port.Leases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link LeasesContract} on DynamoDB Local. */
class DynamoLeasesContractTest extends LeasesContract {

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
    Leases newStore() {
        return store(storage.fresh());
    }

    @Override
    Leases sameStorage() {
        return store(storage.same());
    }

    private static Leases store(Services services) {
        return new DynamoLeases(EmulatorStorage.client(services), EmulatorStorage.table(services));
    }
}
