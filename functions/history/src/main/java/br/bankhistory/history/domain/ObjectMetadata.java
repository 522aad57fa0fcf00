package br.bankhistory.history.domain;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The S3 object metadata this service writes and reads (keys without the {@code x-amz-meta-} prefix, values
 * ASCII: names are percent-encoded UTF-8). Who a file is attributed to comes from {@code user-id} and
 * {@code user-name}; the rest tells Ingest what the service itself did when it generated the file.
 */
public final class ObjectMetadata {

    public static final String USER_ID = "user-id";
    public static final String USER_NAME = "user-name";
    /** Set on remessas this service wrote ({@code remittances-api}). */
    public static final String GENERATED_BY = "generated-by";
    /** On a remessa handed to the integration: the admin who asked for it (the file itself is "Integração"). */
    public static final String REQUESTED_BY = "requested-by";
    /** The NSA this service issued to a remessa it generated. */
    public static final String ISSUED_NSA = "issued-nsa";
    /** On a remessa generated with {@code allowResend}: the admin who allowed titles already sent to go again. */
    public static final String RESEND_ALLOWED_BY = "resend-allowed-by";

    /**
     * On a generated remessa whose total needs approval: how many distinct approvals (the tenant's rule when it
     * was generated), with the rule in {@link #APPROVAL_RULE} and who may not approve it in {@link #CREATED_BY}.
     */
    public static final String APPROVALS_REQUIRED = "approvals-required";
    public static final String APPROVAL_RULE = "approval-rule";
    /** Who created a generated remessa: its author or requester, and a scheduled run's instruction creators. */
    public static final String CREATED_BY = "created-by";
    /** Distinct creators a generated remessa's metadata holds (S3 keeps 2 KB of user metadata per object). */
    public static final int MAX_CREATORS = 30;

    private ObjectMetadata() {
    }

    /** Who allowed titles already in a live remessa to go again, and how many ({@link #RESEND_ALLOWED_BY}). */
    public record Resend(String userId, String userName, int titles) {
    }

    public static Optional<Resend> resendAllowed(Map<String, String> metadata) {
        String[] parts = metadata.getOrDefault(RESEND_ALLOWED_BY, "").split(";", -1);
        if (parts.length != 3 || !parts[2].matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(new Resend(decode(parts[0]), decode(parts[1]), Integer.parseInt(parts[2])));
    }

    /** A metadata value as written: percent-encoded UTF-8 (S3 metadata travels in ASCII headers). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException notEncoded) {
            return value.strip();
        }
    }

    /** The metadata of a remessa that waits for {@code requirement}'s approvals, created by {@code creators}. */
    public static void putApproval(Map<String, String> metadata, ApprovalRules.Requirement requirement,
                                   java.util.Collection<String> creators) {
        metadata.put(APPROVALS_REQUIRED, Integer.toString(requirement.approvals()));
        metadata.put(APPROVAL_RULE, encode(requirement.rule()));
        metadata.put(CREATED_BY, String.join(",", creators.stream().map(ObjectMetadata::encode).toList()));
    }

    /** The approval a generated remessa asked for, none when its metadata asks for none. */
    public static Approval approvalAsked(Map<String, String> metadata) {
        String required = metadata.getOrDefault(APPROVALS_REQUIRED, "");
        if (!required.matches("[1-9]\\d?")) {
            return Approval.NONE;
        }
        List<String> creators = java.util.Arrays.stream(metadata.getOrDefault(CREATED_BY, "").split(","))
                .filter(c -> !c.isBlank()).map(ObjectMetadata::decode).toList();
        return Approval.asked(Integer.parseInt(required), decode(metadata.getOrDefault(APPROVAL_RULE, "")), creators);
    }

    /** The NSA issued to a generated remessa, 0 when the object carries none. */
    public static long issuedSequenceNumber(Map<String, String> metadata) {
        String value = metadata.getOrDefault(ISSUED_NSA, "");
        return value.matches("\\d{1,9}") ? Long.parseLong(value) : 0;
    }
}
