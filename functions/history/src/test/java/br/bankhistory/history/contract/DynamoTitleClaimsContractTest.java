package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoTitleClaims;
import br.bankhistory.history.port.TitleClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link TitleClaimsContract} on DynamoDB Local. */
class DynamoTitleClaimsContractTest extends TitleClaimsContract {

    private static DynamoStorage storage;

    @BeforeAll
    static void startEmulators() {
        storage = DynamoStorage.start();
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
        return new DynamoTitleClaims(DynamoStorage.client(services), DynamoStorage.table(services));
    }
}
