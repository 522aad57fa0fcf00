package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoSequenceLog;
import br.bankhistory.history.port.SequenceLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SequenceLogContract} on DynamoDB Local. */
class DynamoSequenceLogContractTest extends SequenceLogContract {

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
    SequenceLog newStore() {
        return store(storage.fresh());
    }

    @Override
    SequenceLog sameStorage() {
        return store(storage.same());
    }

    private static SequenceLog store(Services services) {
        return new DynamoSequenceLog(EmulatorStorage.client(services), EmulatorStorage.table(services));
    }
}
