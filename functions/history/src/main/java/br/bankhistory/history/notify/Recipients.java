package br.bankhistory.history.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant's admin addresses sorted into the ones an email can go to and the ones it cannot (blank entries
 * are ignored; duplicates, compared case-insensitively, are kept once). An address is valid when it is a
 * plain ASCII {@code local@domain} (no display name, no group), as SES accepts it.
 *
 * @param valid   the addresses to send to, in their first order
 * @param invalid the entries that are not addresses (to be reported as a finding, never silently dropped)
 */
public record Recipients(List<String> valid, List<String> invalid) {

    public Recipients {
        valid = List.copyOf(valid);
        invalid = List.copyOf(invalid);
    }

    public static Recipients of(Collection<String> addresses) {
        Map<String, String> valid = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        if (addresses != null) {
            for (String address : addresses) {
                if (address == null || address.isBlank()) {
                    continue;
                }
                String trimmed = address.strip();
                if (isValid(trimmed)) {
                    valid.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
                } else {
                    invalid.add(trimmed);
                }
            }
        }
        return new Recipients(new ArrayList<>(valid.values()), invalid);
    }

    public boolean isEmpty() {
        return valid.isEmpty();
    }

    /** The first {@link AdminEmail#MAX_RECIPIENTS} valid addresses (SES's per-message limit). */
    public List<String> forOneMessage() {
        return valid.size() <= AdminEmail.MAX_RECIPIENTS ? valid : valid.subList(0, AdminEmail.MAX_RECIPIENTS);
    }

    static boolean isValid(String address) {
        if (address.length() > 254 || !address.chars().allMatch(c -> c > 32 && c < 127)) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            String plain = parsed.getAddress();
            int at = plain.indexOf('@');
            return parsed.getPersonal() == null && !parsed.isGroup() && plain.equals(address)
                    && at > 0 && plain.indexOf('.', at) > at + 1 && !plain.endsWith(".");
        } catch (AddressException e) {
            return false;
        }
    }
}
