package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoSettingsStore;
import br.bankhistory.history.port.SettingsStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;

/** The {@link SettingsStoreContract} on DynamoDB Local. */
class DynamoSettingsStoreContractTest extends SettingsStoreContract {

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
    SettingsStore newStore() {
        return store(storage.fresh());
    }

    @Override
    SettingsStore sameStorage() {
        return store(storage.same());
    }

    private static SettingsStore store(Services services) {
        return new DynamoSettingsStore(EmulatorStorage.enhanced(services), EmulatorStorage.table(services),
                Clock.systemUTC());
    }
}
