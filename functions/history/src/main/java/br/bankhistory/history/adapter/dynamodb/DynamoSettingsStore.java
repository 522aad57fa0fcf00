package br.bankhistory.history.adapter.dynamodb;

import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.ObjectMetadata;
import br.bankhistory.history.domain.RemessaSchedule;
import br.bankhistory.history.port.SettingsStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link SettingsStore} on the history table. */
public final class DynamoSettingsStore implements SettingsStore {

    private static final String NOTIFICATIONS = "SETTINGS#NOTIFICATIONS";
    private static final String ACCOUNTS = "SETTINGS#ACCOUNTS";
    private static final String APPROVALS = "SETTINGS#APPROVALS";
    private static final String SCHEDULE = "SETTINGS#SCHEDULE";

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

    /**
     * Each account is kept as one value: {@code bank|agency|account|agreement|document|connector|remoteDirectory}
     * (the directory percent-encoded; values written before accounts had a channel end at the document).
     */
    @Override
    public List<BankAccount> accounts(String tenant) {
        return values(tenant, ACCOUNTS).stream().map(value -> {
            String[] p = value.split("\\|", -1);
            return p.length < 7 ? new BankAccount(p[0], p[1], p[2], p[3], p[4])
                    : new BankAccount(p[0], p[1], p[2], p[3], p[4], p[5], ObjectMetadata.decode(p[6]));
        }).toList();
    }

    @Override
    public void saveAccounts(String tenant, List<BankAccount> accounts, String byUserId) {
        save(tenant, ACCOUNTS, accounts.stream().map(a -> String.join("|", a.bankCode(), a.agency(), a.account(),
                a.agreement(), a.companyDocument(), a.transferConnectorId(), ObjectMetadata.encode(a.remoteDirectory())))
                .toList(), byUserId);
    }

    /**
     * One value per approver ({@code A|userId|email|name}, each percent-encoded) and per tier
     * ({@code PAGAMENTO|upToCents|approvals}, {@code upToCents} empty for the last band).
     */
    @Override
    public ApprovalRules approvalRules(String tenant) {
        List<ApprovalRules.Approver> approvers = new ArrayList<>();
        List<ApprovalRules.Tier> pagamento = new ArrayList<>();
        List<ApprovalRules.Tier> cobranca = new ArrayList<>();
        for (String value : values(tenant, APPROVALS)) {
            String[] p = value.split("\\|", -1);
            if (p[0].equals("A")) {
                approvers.add(new ApprovalRules.Approver(ObjectMetadata.decode(p[1]),
                        ObjectMetadata.decode(p[3]), ObjectMetadata.decode(p[2])));
            } else {
                ApprovalRules.Tier tier = new ApprovalRules.Tier(p[1].isEmpty() ? null : Long.valueOf(p[1]),
                        Integer.parseInt(p[2]));
                (p[0].equals("PAGAMENTO") ? pagamento : cobranca).add(tier);
            }
        }
        return new ApprovalRules(approvers, pagamento, cobranca);
    }

    @Override
    public void saveApprovalRules(String tenant, ApprovalRules rules, String byUserId) {
        List<String> values = new ArrayList<>();
        rules.approvers().forEach(a -> values.add(String.join("|", "A", ObjectMetadata.encode(a.userId()),
                ObjectMetadata.encode(a.email()), ObjectMetadata.encode(a.name()))));
        rules.pagamento().forEach(t -> values.add(tier("PAGAMENTO", t)));
        rules.cobranca().forEach(t -> values.add(tier("COBRANCA", t)));
        save(tenant, APPROVALS, values, byUserId);
    }

    /**
     * One value for every account ({@code D|HH:mm|1,2,3}) and one per account with its own
     * ({@code A|bank|agency|account|agreement|HH:mm|days}): all digits, so nothing needs escaping.
     */
    @Override
    public RemessaSchedule remessaSchedule(String tenant) {
        List<String> values = values(tenant, SCHEDULE);
        if (values.isEmpty()) {
            return RemessaSchedule.DEFAULT;
        }
        RemessaSchedule schedule = RemessaSchedule.DEFAULT;
        List<RemessaSchedule.AccountTimes> accounts = new ArrayList<>();
        for (String value : values) {
            String[] p = value.split("\\|", -1);
            if (p[0].equals("D")) {
                schedule = new RemessaSchedule(days(p[2]), LocalTime.parse(p[1]), List.of());
            } else {
                accounts.add(new RemessaSchedule.AccountTimes(p[1], p[2], p[3], p[4], days(p[6]), LocalTime.parse(p[5])));
            }
        }
        return new RemessaSchedule(schedule.days(), schedule.time(), accounts);
    }

    @Override
    public void saveRemessaSchedule(String tenant, RemessaSchedule schedule, String byUserId) {
        List<String> values = new ArrayList<>();
        values.add("D|" + schedule.time() + "|" + joined(schedule.days()));
        schedule.accounts().forEach(a -> values.add(String.join("|", "A", a.bankCode(), a.agency(), a.account(),
                a.agreement(), a.time().toString(), joined(a.days()))));
        save(tenant, SCHEDULE, values, byUserId);
    }

    private static List<Integer> days(String joined) {
        return Arrays.stream(joined.split(",")).map(Integer::valueOf).toList();
    }

    private static String joined(List<Integer> days) {
        return String.join(",", days.stream().map(String::valueOf).toList());
    }

    private static String tier(String service, ApprovalRules.Tier t) {
        return service + "|" + (t.upToCents() == null ? "" : t.upToCents()) + "|" + t.approvals();
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
