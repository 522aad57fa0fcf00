package br.bankhistory.history.contract;

import br.bankhistory.history.domain.ApprovalRules;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.RemessaSchedule;
import br.bankhistory.history.port.SettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SettingsStore} does, the in-memory fake and the DynamoDB adapter alike. */
abstract class SettingsStoreContract {

    private static final BankAccount ITAU = new BankAccount("341", "1234", "56789-0", "", "12.345.678/0001-95");
    private static final BankAccount CAIXA = new BankAccount("104", "", "", "123456", "");

    private SettingsStore settings;

    /** A store over new, empty storage. */
    abstract SettingsStore newStore();

    /** Another store over the storage of the last {@link #newStore()}: another Lambda sandbox. */
    abstract SettingsStore sameStorage();

    @BeforeEach
    void freshStore() {
        settings = newStore();
    }

    @Test
    void a_tenant_that_set_nothing_has_no_recipients_and_no_accounts() {
        assertThat(settings.notificationRecipients("t1")).isEmpty();
        assertThat(settings.accounts("t1")).isEmpty();
    }

    @Test
    void the_last_recipients_saved_are_the_ones_read_in_their_order() {
        settings.saveNotificationRecipients("t1", List.of("a@example.com", "b@example.com"), "u1");
        settings.saveNotificationRecipients("t1", List.of("c@example.com", "a@example.com"), "u2");
        assertThat(sameStorage().notificationRecipients("t1")).containsExactly("c@example.com", "a@example.com");
    }

    @Test
    void accounts_come_back_as_saved_empty_parts_included() {
        settings.saveAccounts("t1", List.of(ITAU, CAIXA), "u1");
        assertThat(sameStorage().accounts("t1")).containsExactly(ITAU, CAIXA);
    }

    @Test
    void saving_an_empty_list_clears_it() {
        settings.saveNotificationRecipients("t1", List.of("a@example.com"), "u1");
        settings.saveAccounts("t1", List.of(ITAU), "u1");
        settings.saveNotificationRecipients("t1", List.of(), "u1");
        settings.saveAccounts("t1", List.of(), "u1");
        assertThat(settings.notificationRecipients("t1")).isEmpty();
        assertThat(settings.accounts("t1")).isEmpty();
    }

    @Test
    void a_list_changed_after_saving_changes_nothing_stored() {
        List<String> recipients = new ArrayList<>(List.of("a@example.com"));
        settings.saveNotificationRecipients("t1", recipients, "u1");
        recipients.add("b@example.com");
        assertThat(settings.notificationRecipients("t1")).containsExactly("a@example.com");
    }

    @Test
    void recipients_accounts_and_tenants_are_apart() {
        settings.saveNotificationRecipients("t1", List.of("a@example.com"), "u1");
        settings.saveAccounts("t2", List.of(ITAU), "u1");
        assertThat(settings.accounts("t1")).isEmpty();
        assertThat(settings.notificationRecipients("t2")).isEmpty();
        assertThat(settings.accounts("t2")).containsExactly(ITAU);
    }

    @Test
    void approval_rules_come_back_as_saved_and_none_were_set_means_none() {
        assertThat(settings.approvalRules("t1")).isEqualTo(ApprovalRules.NONE);
        ApprovalRules rules = new ApprovalRules(
                List.of(new ApprovalRules.Approver("bia", "Beatriz Lima | Financeiro", "bia@example.com"),
                        new ApprovalRules.Approver("caio@corp", "", "c|aio@example.com")),
                List.of(new ApprovalRules.Tier(100_000L, 0), new ApprovalRules.Tier(null, 2)),
                List.of(new ApprovalRules.Tier(null, 1)));
        settings.saveApprovalRules("t1", rules, "u1");
        assertThat(sameStorage().approvalRules("t1")).isEqualTo(rules);
        assertThat(sameStorage().approvalRules("t2")).isEqualTo(ApprovalRules.NONE);
    }

    @Test
    void the_remessa_schedule_comes_back_as_saved_and_none_set_means_weekdays_at_half_past_four() {
        assertThat(settings.remessaSchedule("t1")).isEqualTo(RemessaSchedule.DEFAULT);
        RemessaSchedule schedule = new RemessaSchedule(List.of(1, 3, 6), LocalTime.of(9, 45), List.of(
                new RemessaSchedule.AccountTimes("341", "4459", "17600", "", List.of(7), LocalTime.of(0, 0)),
                new RemessaSchedule.AccountTimes("104", "", "", "123456", List.of(1, 2), LocalTime.of(23, 45))));
        settings.saveRemessaSchedule("t1", schedule, "u1");
        assertThat(sameStorage().remessaSchedule("t1")).isEqualTo(schedule);
        assertThat(sameStorage().remessaSchedule("t2")).isEqualTo(RemessaSchedule.DEFAULT);
    }
}
