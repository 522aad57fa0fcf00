package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoTitleClaims;
import br.bankhistory.history.port.TitleClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link TitleClaimsContract} on DynamoDB Local. */
class DynamoTitleClaimsContractTest extends TitleClaimsContract {

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
    TitleClaims newStore() {
        return store(storage.fresh());
    }

    @Override
    TitleClaims sameStorage() {
        return store(storage.same());
    }

    private static TitleClaims store(Services services) {
        return new DynamoTitleClaims(EmulatorStorage.client(services), EmulatorStorage.table(services));
    }
}
