package br.bankhistory.history.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An opaque page cursor: the position after which the next page starts, bound to the tenant that asked for
 * it and to the query that produced it (its scope: the filters, or the record whose items are paged). A
 * cursor presented by another tenant or with another query, or tampered with, is refused.
 */
public final class Cursor {

    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 300;

    private Cursor() {
    }

    public static String encode(String tenant, String scope, String position) {
        String plain = VERSION + "|" + tenant + "|" + digest(scope) + "|" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position the cursor carries, or empty when it is not a cursor of this tenant and scope. */
    public static Optional<String> decode(String tenant, String scope, String cursor) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String[] parts = plain.split("\\|", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !tenant.equals(parts[1])
                || !digest(scope).equals(parts[2])) {
            return Optional.empty();
        }
        return Optional.of(parts[3]);
    }

    private static String digest(String scope) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
