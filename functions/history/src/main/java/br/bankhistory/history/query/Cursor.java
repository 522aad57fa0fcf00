package br.bankhistory.history.query;

import br.bankhistory.history.domain.RecordIds;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An opaque page cursor: the id of the last record of the previous page, bound to the tenant that asked
 * for it. A cursor presented by another tenant, or tampered with, is refused.
 */
public final class Cursor {

    private static final String VERSION = "v1";

    private Cursor() {
    }

    public static String encode(String tenant, String lastId) {
        String plain = VERSION + "|" + tenant + "|" + lastId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The last id the cursor carries, or empty when it is not a valid cursor of this tenant. */
    public static Optional<String> decode(String tenant, String cursor) {
        if (cursor == null || cursor.length() > 200) {
            return Optional.empty();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String[] parts = plain.split("\\|", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !tenant.equals(parts[1])
                || !RecordIds.isValid(parts[2])) {
            return Optional.empty();
        }
        return Optional.of(parts[2]);
    }
}
