package br.bankhistory.history.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
 * @param claim   the run carrying it right now (still {@code PENDING}) and since when, empty otherwise
 * @param carrier the remessa that carries it, once {@code CARRIED} (and {@code SETTLED})
 * @param answers the bank's answers from the retornos, in order of application ({@code SETTLED} once there is
 *                one); the latest is its {@link #settlement()}
 */
public record PendingInstruction(String id, String tenant, Status status, String groupKey, String body,
                                 Instant createdAt, String createdByUserId, String createdByUserName,
                                 Optional<Claim> claim, Optional<Carrier> carrier,
                                 Optional<Cancellation> cancellation, List<Settlement> answers) {

    public enum Status { PENDING, CARRIED, SETTLED, CANCELLED }

    /** Answers kept per instruction: an entry, a change or two, a liquidação; more is no instruction's story. */
    public static final int MAX_ANSWERS = 20;

    /** The run that claimed an instruction to put it in its remessa, and when. */
    public record Claim(String runId, Instant at) {
    }

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

    public PendingInstruction {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** Whether a creator or an administrator may still cancel it. */
    public boolean cancellable() {
        return status == Status.PENDING && claim.isEmpty();
    }

    public Optional<String> claimedBy() {
        return claim.map(Claim::runId);
    }

    /** The bank's latest answer (by order of application), once a retorno answered it. */
    public Optional<Settlement> settlement() {
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(answers.size() - 1));
    }

    /**
     * The instruction with the bank's answer recorded: {@code SETTLED}, the answer in its place among the others
     * (an answer of an earlier-applied retorno, arriving late, does not become the settlement). Empty when it
     * already has that answer (the same retorno applied again), when it is not carried, or when it holds
     * {@link #MAX_ANSWERS} already.
     */
    public Optional<PendingInstruction> answered(Settlement answer) {
        if ((status != Status.CARRIED && status != Status.SETTLED) || answers.size() >= MAX_ANSWERS
                || answers.stream().anyMatch(a -> a.meaning().equals(answer.meaning()))) {
            return Optional.empty();
        }
        List<Settlement> all = new ArrayList<>(answers);
        all.add(answer);
        all.sort(Settlement.APPLIED);
        return Optional.of(new PendingInstruction(id, tenant, Status.SETTLED, groupKey, body, createdAt,
                createdByUserId, createdByUserName, Optional.empty(), carrier, cancellation, all));
    }
}
