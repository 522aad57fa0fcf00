package br.bankhistory.history.contract;

import br.bankhistory.history.domain.StoredItem;
import br.bankhistory.history.fake.FakeFormerItems;
import br.bankhistory.history.port.FormerItems;

import java.util.List;

class FakeFormerItemsContractTest extends FormerItemsContract {

    private FakeFormerItems store;

    @Override
    FormerItems newStore() {
        store = new FakeFormerItems();
        return store;
    }

    @Override
    void seed(String tenant, List<StoredItem> items) {
        store.seed(tenant, items);
    }
}
