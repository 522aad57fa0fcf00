package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.port.SettingsStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

import java.time.Clock;
import java.util.List;

/** {@link SettingsStore} on the history table. */
public final class DynamoSettingsStore implements SettingsStore {

    private static final String NOTIFICATIONS = "SETTINGS#NOTIFICATIONS";
    private static final String ACCOUNTS = "SETTINGS#ACCOUNTS";

    private final DynamoDbTable<SettingsItem> table;
    private final Clock clock;

    public DynamoSettingsStore(DynamoDbEnhancedClient enhanced, String tableName, Clock clock) {
        this.table = enhanced.table(tableName, SettingsItem.SCHEMA);
        this.clock = clock;
    }

    @Override
    public List<String> notificationRecipients(String tenant) {
        return values(tenant, NOTIFICATIONS);
    }

    @Override
    public void saveNotificationRecipients(String tenant, List<String> recipients, String byUserId) {
        save(tenant, NOTIFICATIONS, recipients, byUserId);
    }

    /** Each account is kept as one value: {@code bank|agency|account|agreement|document}. */
    @Override
    public List<BankAccount> accounts(String tenant) {
        return values(tenant, ACCOUNTS).stream().map(value -> {
            String[] p = value.split("\\|", -1);
            return new BankAccount(p[0], p[1], p[2], p[3], p[4]);
        }).toList();
    }

    @Override
    public void saveAccounts(String tenant, List<BankAccount> accounts, String byUserId) {
        save(tenant, ACCOUNTS, accounts.stream().map(a -> String.join("|", a.bankCode(), a.agency(), a.account(),
                a.agreement(), a.companyDocument())).toList(), byUserId);
    }

    private List<String> values(String tenant, String name) {
        SettingsItem item = table.getItem(Key.builder().partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(name).build());
        return item == null || item.getValues() == null ? List.of() : item.getValues();
    }

    private void save(String tenant, String name, List<String> values, String byUserId) {
        SettingsItem item = new SettingsItem();
        item.setPk(TableKeys.tenantPartition(tenant));
        item.setSk(name);
        item.setType("SETTINGS");
        item.setValues(List.copyOf(values));
        item.setUpdatedBy(byUserId);
        item.setUpdatedAt(clock.instant().toString());
        table.putItem(item);
    }
}
