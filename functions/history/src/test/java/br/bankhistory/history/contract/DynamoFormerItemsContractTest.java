package br.bankhistory.history.contract;

import br.bankhistory.history.Services;
import br.bankhistory.history.adapter.dynamodb.DynamoItemStore;
import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.port.FormerItems;
import br.bankhistory.history.support.FormerLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

/** The {@link FormerItemsContract} on DynamoDB Local, seeded with the rows the former writer put in the table. */
class DynamoFormerItemsContractTest extends FormerItemsContract {

    private static EmulatorStorage storage;

    private Services current;

    @BeforeAll
    static void startEmulators() {
        storage = EmulatorStorage.start();
    }

    @AfterAll
    static void stopEmulators() {
        storage.close();
    }

    @Override
    FormerItems newStore() {
        current = storage.fresh();
        return new DynamoItemStore(EmulatorStorage.enhanced(current), EmulatorStorage.table(current));
    }

    @Override
    void seed(String tenant, List<StoredItem> items) {
        FormerLayout.put(current, tenant, items);
    }
}
