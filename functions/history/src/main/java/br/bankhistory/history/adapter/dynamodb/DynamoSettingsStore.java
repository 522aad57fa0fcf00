package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.port.SettingsStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/** {@link SettingsStore} on the history table. */
public final class DynamoSettingsStore implements SettingsStore {

    private static final String NOTIFICATIONS = "SETTINGS#NOTIFICATIONS";

    private final DynamoDbTable<SettingsItem> table;
    private final Clock clock;

    public DynamoSettingsStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.table = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build()
                .table(tableName, SettingsItem.SCHEMA);
        this.clock = clock;
    }

    @Override
    public List<String> notificationRecipients(String tenant) {
        SettingsItem item = table.getItem(Key.builder().partitionValue(TableKeys.tenantPartition(tenant))
                .sortValue(NOTIFICATIONS).build());
        return item == null || item.getValues() == null ? List.of() : item.getValues();
    }

    @Override
    public void saveNotificationRecipients(String tenant, List<String> recipients, String byUserId) {
        SettingsItem item = new SettingsItem();
        item.setPk(TableKeys.tenantPartition(tenant));
        item.setSk(NOTIFICATIONS);
        item.setType("SETTINGS");
        item.setValues(List.copyOf(recipients));
        item.setUpdatedBy(byUserId);
        item.setUpdatedAt(clock.instant().toString());
        table.putItem(item);
    }
}
