package br.bankhistory.history.port;

import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.RemessaSchedule;

import java.util.List;

/** A tenant's settings. */
public interface SettingsStore {

    /** The addresses that receive the admin emails; empty when none were set. */
    List<String> notificationRecipients(String tenant);

    void saveNotificationRecipients(String tenant, List<String> recipients, String byUserId);

    /** The tenant's registered bank accounts; empty when none were registered (no check is made then). */
    List<BankAccount> accounts(String tenant);

    void saveAccounts(String tenant, List<BankAccount> accounts, String byUserId);

    /** The tenant's approval rules; {@link ApprovalRules#NONE} when none were set (no remessa waits). */
    ApprovalRules approvalRules(String tenant);

    void saveApprovalRules(String tenant, ApprovalRules rules, String byUserId);

    /** When the tenant's scheduled remessas run; {@link RemessaSchedule#DEFAULT} when none was set. */
    RemessaSchedule remessaSchedule(String tenant);

    void saveRemessaSchedule(String tenant, RemessaSchedule schedule, String byUserId);
}
