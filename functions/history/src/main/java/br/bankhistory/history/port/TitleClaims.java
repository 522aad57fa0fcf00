package br.bankhistory.history.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which remessa object carries each title to the bank, so that a title goes to the bank once: a remessa's
 * entry titles are claimed, per tenant, under a key made of the bank, the account and the nosso número
 * ({@link br.bankhistory.history.domain.TitleKeys}). A claim is a pointer to the remessa's object; whether
 * that remessa is still live (not cancelled, the title not refused by the bank) is decided by the caller.
 */
public interface TitleClaims {

    /** A title a remessa carries: the key it is claimed under, its nosso número as written, its line. */
    record Title(String key, String ourNumber, int line) {
    }

    /**
     * The remessa object that holds a title's claim, and where the title is in it.
     *
     * @param settledBy the retorno in which the bank acted on the title after its remessa was cancelled (the
     *                  title then stays the remessa's); empty otherwise
     */
    record Holder(String objectKey, String fileName, int line, Instant claimedAt, String settledBy) {
    }

    /**
     * Claims every title for {@code objectKey} (a title this object holds already stays its own).
     *
     * @return the titles another object holds, by title key, with that holder; those are not claimed
     */
    Map<String, Holder> claim(String tenant, String objectKey, String fileName, List<Title> titles, Instant now);

    /** Moves a title's claim to {@code objectKey} if {@code from} still holds it; false when it changed. */
    boolean takeOver(String tenant, String objectKey, String fileName, Title title, Holder from, Instant now);

    /** Pins a title to a remessa the bank acted on, unless another remessa holds it already. */
    void settle(String tenant, String titleKey, String objectKey, String fileName, String byRetorno, Instant now);

    /** Gives up this object's claims on these titles (a remessa never stored, a title the bank refused). */
    void release(String tenant, String objectKey, List<String> titleKeys);
}
