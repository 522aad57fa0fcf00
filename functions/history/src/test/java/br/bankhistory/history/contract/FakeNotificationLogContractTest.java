package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeNotificationLog;
import br.bankhistory.history.port.NotificationLog;

class FakeNotificationLogContractTest extends NotificationLogContract {

    private NotificationLog store;

    @Override
    NotificationLog newStore() {
        store = new FakeNotificationLog();
        return store;
    }

    @Override
    NotificationLog sameStorage() {
        return store;
    }
}
