package br.bankhistory.history.command;

import br.bankhistory.history.domain.Identity;
import br.bankhistory.history.domain.InvalidRequestException;
import br.bankhistory.history.port.SettingsStore;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The admin recipients of a tenant's emails: read and replaced by admins only. */
public final class NotificationSettings {

    private static final String ADMINS_ONLY = "Somente administradores podem ver ou alterar os destinatários.";

    public static final int MAX_RECIPIENTS = 20;
    /** A practical address check (RFC 5321 lengths, one @, a dotted domain), not the full RFC 5322 grammar. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** Whether the address passes the practical check of the admin recipients (approvers' too). */
    public static boolean validEmail(String address) {
        return address != null && address.length() <= 254 && EMAIL.matcher(address).matches();
    }

    private final SettingsStore settings;

    public NotificationSettings(SettingsStore settings) {
        this.settings = settings;
    }

    public List<String> recipients(Identity caller) {
        caller.requireAdmin(ADMINS_ONLY);
        return settings.notificationRecipients(caller.tenant());
    }

    public List<String> replace(Identity caller, List<String> recipients) {
        caller.requireAdmin(ADMINS_ONLY);
        if (recipients == null) {
            throw new InvalidRequestException("Informe a lista de destinatários (recipients).");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String address : recipients) {
            String trimmed = address == null ? "" : address.strip();
            if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
                throw new InvalidRequestException("Endereço de e-mail inválido: " + trimmed);
            }
            clean.add(trimmed.toLowerCase(Locale.ROOT));
        }
        if (clean.size() > MAX_RECIPIENTS) {
            throw new InvalidRequestException("No máximo " + MAX_RECIPIENTS + " destinatários.");
        }
        List<String> saved = List.copyOf(clean);
        settings.saveNotificationRecipients(caller.tenant(), saved, caller.userId());
        return saved;
    }

}
