package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoItemStore;
import br.bankhistory.history.adapter.s3.S3ItemStore;
import br.bankhistory.history.port.ItemStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link ItemStoreContract} on s3proxy, with the former layout on DynamoDB Local behind it (as wired). */
class S3ItemStoreContractTest extends ItemStoreContract {

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
    ItemStore newStore() {
        return store(storage.fresh());
    }

    @Override
    ItemStore sameStorage() {
        return store(storage.same());
    }

    private static ItemStore store(Services services) {
        return new S3ItemStore(services.s3(), services.config().bucketName(),
                new DynamoItemStore(EmulatorStorage.enhanced(services), EmulatorStorage.table(services)));
    }
}
