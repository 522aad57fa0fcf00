package br.bankhistory.history.command;

import br.bankhistory.history.domain.Accounts;
import br.bankhistory.history.domain.BankAccount;
import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.port.SettingsStore;

import java.util.List;

/** The tenant's registered bank accounts and convênios: read and replaced by admins only. */
public final class AccountSettings {

    private static final String ADMINS_ONLY = "Somente administradores podem ver ou alterar as contas.";

    public static final int MAX_ACCOUNTS = 100;

    private final SettingsStore settings;
    private final SequenceNumbers sequenceNumbers;

    public AccountSettings(SettingsStore settings, SequenceNumbers sequenceNumbers) {
        this.settings = settings;
        this.sequenceNumbers = sequenceNumbers;
    }

    /** A registered account and the NSA its next generated remessa gets. */
    public record Registered(BankAccount account, long nextSequenceNumber) {
    }

    public List<Registered> accounts(Identity caller) {
        caller.requireAdmin(ADMINS_ONLY);
        return registered(caller.tenant());
    }

    public List<Registered> replace(Identity caller, List<BankAccount> accounts) {
        caller.requireAdmin(ADMINS_ONLY);
        if (accounts == null || accounts.size() > MAX_ACCOUNTS) {
            throw new InvalidRequestException("Informe de 0 a " + MAX_ACCOUNTS + " contas (accounts).");
        }
        for (int i = 0; i < accounts.size(); i++) {
            BankAccount account = accounts.get(i);
            checkChannel(account, "accounts[" + i + "].");
            if (!account.bankCode().matches("\\d{1,3}")) {
                throw new InvalidRequestException("Código de banco inválido: informe os 3 dígitos do banco.");
            }
            boolean agencyAndAccount = !account.agency().isEmpty() && !account.account().isEmpty();
            if (account.agreement().isEmpty() && !agencyAndAccount) {
                throw new InvalidRequestException("Cada conta precisa do convênio (código do beneficiário) ou da "
                        + "agência e da conta para identificar os arquivos; o CNPJ sozinho não basta.");
            }
        }
        settings.saveAccounts(caller.tenant(), accounts, caller.userId());
        return registered(caller.tenant());
    }

    /**
     * The account's channel to the bank: an AWS Transfer Family SFTP connector and an absolute directory on the
     * bank's server, both or neither.
     */
    private static void checkChannel(BankAccount account, String field) {
        String connector = account.transferConnectorId();
        String directory = account.remoteDirectory();
        if (connector.isEmpty() != directory.isEmpty()) {
            throw new InvalidRequestException(field + (connector.isEmpty() ? "transferConnectorId" : "remoteDirectory")
                    + ": informe o conector SFTP (transferConnectorId) e a pasta remota (remoteDirectory) juntos, "
                    + "ou nenhum dos dois.");
        }
        if (!connector.isEmpty() && !connector.matches("c-[0-9a-f]{17}")) {
            throw new InvalidRequestException(field + "transferConnectorId: o identificador do conector SFTP do AWS "
                    + "Transfer Family tem a forma c-0123456789abcdef0 (c- e 17 dígitos hexadecimais).");
        }
        if (!directory.isEmpty() && (!directory.startsWith("/") || directory.length() > 500
                || directory.contains("..") || directory.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            throw new InvalidRequestException(field + "remoteDirectory: informe a pasta absoluta no SFTP do banco "
                    + "(começando com /, até 500 caracteres, sem \"..\").");
        }
    }

    private List<Registered> registered(String tenant) {
        return settings.accounts(tenant).stream().map(a -> new Registered(a, sequenceNumbers.next(tenant,
                Accounts.sequenceKey(a.bankCode(), a.agency(), a.account(), a.agreement(), "REMESSA")))).toList();
    }

}
