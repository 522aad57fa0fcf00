package br.bankhistory.history.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What the history list may be narrowed by. Every value is optional; the period is a half-open interval of
 * receipt times.
 */
public record ListFilter(Optional<FileKind> kind, Optional<String> direction, Optional<String> bankCode,
                         Optional<String> account, Optional<Origin> origin, Optional<String> userId,
                         Optional<RecordStatus> status, Optional<String> fileName, Optional<Instant> receivedFrom,
                         Optional<Instant> receivedBefore) {

    public static final ListFilter NONE = new ListFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** A stable text of the filter, so a cursor can be bound to the query that produced it. */
    public String fingerprint() {
        return String.join("|", kind.map(Enum::name).orElse(""), direction.orElse(""), bankCode.orElse(""),
                account.orElse(""), origin.map(Enum::name).orElse(""), userId.orElse(""),
                status.map(Enum::name).orElse(""), fileName.map(FileNames::key).orElse(""),
                receivedFrom.map(Instant::toString).orElse(""), receivedBefore.map(Instant::toString).orElse(""));
    }
}
