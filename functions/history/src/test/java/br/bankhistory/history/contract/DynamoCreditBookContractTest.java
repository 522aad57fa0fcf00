package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoCreditBook;
import br.bankhistory.history.port.CreditBook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link CreditBookContract} on DynamoDB Local. */
class DynamoCreditBookContractTest extends CreditBookContract {

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
    CreditBook newBook() {
        return book(storage.fresh());
    }

    @Override
    CreditBook sameStorage() {
        return book(storage.same());
    }

    private static CreditBook book(Services services) {
        return new DynamoCreditBook(EmulatorStorage.client(services), EmulatorStorage.table(services));
    }
}
