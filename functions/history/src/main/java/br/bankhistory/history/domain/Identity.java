package br.bankhistory.history.domain;

/**
 * Who is calling: taken only from verified JWT claims (API) or from the key prefix (files).
 *
 * @param userName the display name shown in the "Usuário" column
 */
public record Identity(String tenant, String userId, String userName, boolean admin) {

    /** The name shown for files the bank integration handled on its own. */
    public static final String INTEGRATION_USER_NAME = "Integração";

    public static Identity integration(String tenant) {
        return new Identity(tenant, "", INTEGRATION_USER_NAME, false);
    }

    /** Refuses (403) anyone but an administrator, saying what only administrators may do ({@code refusal}, pt-BR). */
    public void requireAdmin(String refusal) {
        if (!admin) {
            throw new ForbiddenException(refusal);
        }
    }
}
