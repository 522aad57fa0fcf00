package br.bankhistory.history.port;

import java.util.List;

/** A tenant's settings. */
public interface SettingsStore {

    /** The addresses that receive the admin emails; empty when none were set. */
    List<String> notificationRecipients(String tenant);

    void saveNotificationRecipients(String tenant, List<String> recipients, String byUserId);
}
