package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoNotificationLog;
import br.bankhistory.history.port.NotificationLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link NotificationLogContract} on DynamoDB Local. */
class DynamoNotificationLogContractTest extends NotificationLogContract {

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
    NotificationLog newStore() {
        return store(storage.fresh());
    }

    @Override
    NotificationLog sameStorage() {
        return store(storage.same());
    }

    private static NotificationLog store(Services services) {
        return new DynamoNotificationLog(EmulatorStorage.enhanced(services), EmulatorStorage.table(services));
    }
}
