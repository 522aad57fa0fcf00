package br.bankhistory.history.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One cobrança title or payment waiting for a remessa to carry it to the bank (docs/remessa-lifecycle.md,
 * "Pending instructions and scheduled remessas"). It is kept as the request gave it ({@code body}: service,
 * layout, bank, the account's header and the one title or payment), grouped by {@code groupKey} (bank, agency,
 * account or convênio, service and layout): the scheduled run gathers each group into one remessa.
 *
 * @param id      {@code yyyyMMddHHmmssSSS-xxxxxxxxxxxx}: creation time (UTC) and 12 random hex digits, so it sorts
 *                by creation time
 * @param claimedBy the run carrying it right now (still {@code PENDING}), empty otherwise
 * @param carrier the remessa that carries it, once {@code CARRIED}
 */
public record PendingInstruction(String id, String tenant, Status status, String groupKey, String body,
                                 Instant createdAt, String createdByUserId, String createdByUserName,
                                 Optional<String> claimedBy, Optional<Carrier> carrier,
                                 Optional<Cancellation> cancellation) {

    public enum Status { PENDING, CARRIED, CANCELLED }

    /** The remessa that carried an instruction: its object key and file name, and when. */
    public record Carrier(String key, String fileName, Instant at) {
    }

    /** Who cancelled an instruction, when and why. */
    public record Cancellation(Instant at, String byUserId, String byUserName, String reason) {
    }

    private static final Pattern SHAPE = Pattern.compile("\\d{17}-[0-9a-f]{12}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneOffset.UTC);

    public static String newId(Instant createdAt, String randomHex) {
        return TIME.format(createdAt) + "-" + randomHex;
    }

    public static boolean isValidId(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }

    /** Whether a creator or an administrator may still cancel it. */
    public boolean cancellable() {
        return status == Status.PENDING && claimedBy.isEmpty();
    }
}
