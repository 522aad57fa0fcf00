package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoTitleIndex;
import br.bankhistory.history.port.TitleIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link TitleIndexContract} on DynamoDB Local. */
class DynamoTitleIndexContractTest extends TitleIndexContract {

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
    TitleIndex newStore() {
        return store(storage.fresh());
    }

    @Override
    TitleIndex sameStorage() {
        return store(storage.same());
    }

    private static TitleIndex store(Services services) {
        return new DynamoTitleIndex(EmulatorStorage.client(services), EmulatorStorage.table(services));
    }
}
