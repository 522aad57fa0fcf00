package br.bankhistory.history.fake;

import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.RemessaSchedule;
import br.bankhistory.history.port.SettingsStore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SettingsStore} in memory: the last list saved wins, a copy of it. */
public final class FakeSettingsStore implements SettingsStore {

    private final Map<String, List<String>> recipients = new ConcurrentHashMap<>();
    private final Map<String, List<BankAccount>> accounts = new ConcurrentHashMap<>();
    private final Map<String, ApprovalRules> approvals = new ConcurrentHashMap<>();
    private final Map<String, RemessaSchedule> schedules = new ConcurrentHashMap<>();

    @Override
    public RemessaSchedule remessaSchedule(String tenant) {
        return schedules.getOrDefault(tenant, RemessaSchedule.DEFAULT);
    }

    @Override
    public void saveRemessaSchedule(String tenant, RemessaSchedule schedule, String byUserId) {
        schedules.put(tenant, schedule);
    }

    @Override
    public ApprovalRules approvalRules(String tenant) {
        return approvals.getOrDefault(tenant, ApprovalRules.NONE);
    }

    @Override
    public void saveApprovalRules(String tenant, ApprovalRules rules, String byUserId) {
        approvals.put(tenant, rules);
    }

    @Override
    public List<String> notificationRecipients(String tenant) {
        return recipients.getOrDefault(tenant, List.of());
    }

    @Override
    public void saveNotificationRecipients(String tenant, List<String> recipients, String byUserId) {
        this.recipients.put(tenant, List.copyOf(recipients));
    }

    @Override
    public List<BankAccount> accounts(String tenant) {
        return accounts.getOrDefault(tenant, List.of());
    }

    @Override
    public void saveAccounts(String tenant, List<BankAccount> accounts, String byUserId) {
        this.accounts.put(tenant, List.copyOf(accounts));
    }
}
