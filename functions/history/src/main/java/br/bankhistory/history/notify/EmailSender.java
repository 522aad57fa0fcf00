package br.bankhistory.history.notify;

/** Sends an admin email (port; the SES adapter is {@link SesEmailSender}). */
public interface EmailSender {

    /**
     * Sends the email once; never retried by the caller for the same attempt (the provider's client retries
     * transient failures itself).
     *
     * @return the provider's message id
     * @throws EmailSendException when the provider did not accept it; {@link EmailSendException#permanent()}
     *                            says whether sending the same email again can ever succeed
     */
    String send(AdminEmail email);
}
